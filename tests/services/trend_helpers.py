"""A province workspace with results across fiscal years and two framework versions.

``mini`` test-1 (tests/data/mini_framework.toml) and test-2, the same criteria with
indicator 2.1 renumbered 2.2 — the case a declared mapping exists for.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core.framework_mapping import Mapping, Mappings
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import assessments as repo

DATA = Path(__file__).resolve().parent.parent / "data"
RENUMBERED = Mapping("mini", "test-1", "test-2", {"1.1": "1.1", "1.2": "1.2", "2.1": "2.2"})


def two_versions(tmp_path: Path, role: Role = Role.PROVINCE) -> Workspace:
    forms = tmp_path / "forms"
    forms.mkdir(exist_ok=True)
    text = (DATA / "mini_framework.toml").read_text(encoding="utf-8")
    (forms / "mini1.toml").write_text(text, encoding="utf-8")
    (forms / "mini2.toml").write_text(
        text.replace('version = "test-1"', 'version = "test-2"').replace('"2.1"', '"2.2"'),
        encoding="utf-8",
    )
    w = open_workspace(tmp_path / "ws", forms_dir=forms)
    init_workspace(w, role=role, province_code="50" if role == Role.PROVINCE else None,
                   user_name="reviewer")
    return w


def hashes(ws: Workspace) -> dict[str, str]:
    return {str(r["version"]): str(r["hash"]) for r in ws.frameworks.list()}


def result(ws: Workspace, municipality: str, year: int, levels: dict[str, int],
           version: str = "test-1", approve: bool = True) -> str:
    svc = AssessmentService(ws)
    a = svc.new(municipality, year, hashes(ws)[version])
    for code, level in levels.items():
        svc.set_response(a.id, code, level)
    with ws.db.atomic():
        repo.set_status(ws.db, a.id, Status.RECEIVED.value, now_iso(), "importer")
    if approve:
        rs = ReviewService(ws)
        rs.start(a.id)
        rs.approve(a.id)
    return a.id


def with_mapping() -> Mappings:
    return Mappings([RENUMBERED])


FULL1 = {"1.1": 2, "1.2": 5, "2.1": 4}  # 100 under test-1
HALF1 = {"1.1": 2, "1.2": 1, "2.1": 2}  # 40
LOW1 = {"1.1": 0, "1.2": 1, "2.1": 1}  # 15
FULL2 = {"1.1": 2, "1.2": 5, "2.2": 4}  # 100 under test-2
MID2 = {"1.1": 1, "1.2": 1, "2.2": 3}  # 5 + 45 = 50
