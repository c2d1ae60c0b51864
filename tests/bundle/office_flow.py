"""Three workspaces wired as in the field: an assessor, their province, and the nation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secity_desktop.core.lifecycle import Role
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.office_bundles import OfficeBundleService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import assessments as repo
from tests.bundle import flow


@dataclass
class Offices:
    root: Path
    a: Workspace
    p: Workspace
    n: Workspace

    def close(self) -> None:
        for ws in (self.a, self.p, self.n):
            ws.close()

    def key(self, ws: Workspace):  # type: ignore[no-untyped-def]
        return Identity(ws).unlock(flow.PASS)

    def submit(self, aid: str, name: str) -> None:
        """Assessor finalizes and sends; the province imports."""
        flow.finalize(self.a, aid)
        result = ImportService(self.p).import_files([flow.export(self.a, [aid], self.root / name)])
        assert result.ok, result.as_json()

    def first_indicator(self, aid: str):  # type: ignore[no-untyped-def]
        return self.p.frameworks.get(repo.get(self.p.db, aid).framework_hash).indicators[0]

    def return_bundle(self, aid: str, comment: str = "กรุณาแนบภาพถ่ายที่ชัดเจนกว่านี้") -> Path:
        rs = ReviewService(self.p)
        rs.start(aid)
        rs.comment(aid, "ภาพถ่ายไม่ชัด ถ่ายใหม่", indicator=self.first_indicator(aid).code)
        rs.return_for_revision(aid, comment)
        svc = OfficeBundleService(self.p)
        return svc.export(svc.prepare_return([aid]), self.root, self.key(self.p)).path

    def approve(self, aid: str, override: bool = True) -> None:
        rs = ReviewService(self.p)
        rs.start(aid)
        if override:
            ind = self.first_indicator(aid)
            rs.override(aid, ind.code, ind.levels[0].value, "หลักฐานไม่ถึงระดับที่ให้")
        rs.approve(aid, "ผ่านการพิจารณา")

    def upward(self, year: int | None = 2569) -> Path:
        svc = OfficeBundleService(self.p)
        return svc.export(svc.prepare_upward(year), self.root, self.key(self.p)).path


def offices(root: Path, province_code: str = "50") -> Offices:
    a = flow.assessor(root / "assessor")
    p = flow.province(root / "province", province_code)
    ip = Identity(p)
    ip.set_profile(
        name="นางสาวกานดา ศรีสุข",
        position="ผู้อำนวยการสำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด",
        organisation="สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่",
    )
    ip.create_key(flow.PASS)
    flow.enrol(p, a)
    TrustService(a).add(ip.info().public_line, actor=a.actor, name="ทสจ.เชียงใหม่")
    n = open_workspace(root / "national")
    init_workspace(n, role=Role.NATIONAL, province_code=None, user_name="ส่วนกลาง")
    TrustService(n).add(ip.info().public_line, actor=n.actor, name="ทสจ.เชียงใหม่")
    return Offices(root, a, p, n)
