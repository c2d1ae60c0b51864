"""Building assessor and province workspaces for the bundle tests."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from secity_desktop.core.lifecycle import Role
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace

PASS = b"correct horse battery"


def assessor(root: Path, name: str = "สมชาย ใจดี", forms: Path | None = None) -> Workspace:
    ws = open_workspace(root, forms_dir=forms)
    init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name=name)
    ident = Identity(ws)
    ident.set_profile(name=name, position="นักวิชาการสิ่งแวดล้อม", organisation="สสภ.1", province="50")
    ident.create_key(PASS)
    return ws


def province(root: Path, code: str = "50", forms: Path | None = None) -> Workspace:
    ws = open_workspace(root, forms_dir=forms)
    init_workspace(ws, role=Role.PROVINCE, province_code=code, user_name="เจ้าหน้าที่จังหวัด")
    return ws


def enrol(prov: Workspace, who: Workspace) -> None:
    TrustService(prov).add(Identity(who).info().public_line, actor=prov.actor)


def complete(
    ws: Workspace, muni: str = "5001", year: int = 2569, evidence_every: int = 1, tag: str = ""
) -> str:
    """An assessment with every indicator answered; evidence on every n-th, lowest level elsewhere."""
    svc = AssessmentService(ws)
    a = svc.new(muni, year)
    fw = ws.frameworks.get(a.framework_hash)
    files = ws.data_dir / "files"
    files.mkdir(exist_ok=True)
    for n, ind in enumerate(fw.indicators):
        with_ev = evidence_every and n % evidence_every == 0
        level = ind.levels[-1].value if with_ev else ind.levels[0].value
        svc.set_response(a.id, ind.code, level, f"บันทึก {ind.code} {tag}")
        if with_ev:
            p = files / f"photo-{ind.code}{tag}.jpg"
            p.write_bytes(hashlib.sha256(f"{a.id}{ind.code}".encode()).digest() * 64)
            svc.attach(a.id, ind.code, p)
    svc.mark_complete(a.id)
    return a.id


def finalize(ws: Workspace, aid: str) -> None:
    RevisionService(ws).finalize(aid, Identity(ws).unlock(PASS))


def export(ws: Workspace, ids: list[str], target: Path) -> Path:
    return ExportService(ws).export(ids, target, Identity(ws).unlock(PASS)).path


DATA_TABLES = (
    "assessments", "responses", "evidence", "blobs", "revisions", "frameworks",
    "revision_conflicts", "trusted_keys",
)


def snapshot(ws: Workspace) -> dict[str, Any]:
    """The store's data (not its logs): every row of the data tables, and referenced blobs."""
    out: dict[str, Any] = {}
    for t in DATA_TABLES:
        out[t] = sorted(
            tuple(r) for r in ws.db.execute(f"SELECT * FROM {t}").fetchall()
        )
    out["blob_files"] = sorted(
        s for (s,) in ws.db.execute("SELECT sha256 FROM blobs").fetchall() if ws.blobs.exists(s)
    )
    return out
