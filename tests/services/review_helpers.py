"""Province workspaces with received assessments, shared by review, dashboard and export tests."""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import assessments as repo

DATA = Path(__file__).resolve().parent.parent / "data"


def province_ws(tmp_path: Path, province: str = "50", *, mini: bool = True) -> Workspace:
    forms = None
    if mini:
        forms = tmp_path / "forms"
        forms.mkdir(exist_ok=True)
        (forms / "mini.toml").write_bytes((DATA / "mini_framework.toml").read_bytes())
    w = open_workspace(tmp_path / "prov", forms_dir=forms)
    init_workspace(w, role=Role.PROVINCE, province_code=province, user_name="reviewer")
    return w


def received(ws: Workspace, municipality: str, year: int, levels: dict[str, int]) -> str:
    """An assessment as the importer would leave it: responses recorded, status received."""
    svc = AssessmentService(ws)
    a = svc.new(municipality, year)
    for code, level in levels.items():
        svc.set_response(a.id, code, level)
    with ws.db.atomic():
        repo.set_status(ws.db, a.id, Status.RECEIVED.value, now_iso(), "importer")
    return a.id
