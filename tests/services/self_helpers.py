"""A municipality office's workspace, its signed self-assessment, and a province that enrols it."""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core.lifecycle import Role
from secity_desktop.services.identity import Identity
from secity_desktop.services.self_export import export_self
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from tests.bundle import flow

PASS = flow.PASS


def municipality(root: Path, code: str = "5001") -> Workspace:
    ws = open_workspace(root)
    init_workspace(ws, role=Role.MUNICIPALITY, province_code=None, user_name="ปลัดเทศบาล",
                   municipality_code=code)
    ident = Identity(ws)
    ident.set_profile(name="ปลัดเทศบาล", position="ปลัดเทศบาล", organisation="เทศบาลนครเชียงใหม่",
                      province=ws.province_code or "")
    ident.create_key(PASS)
    return ws


def enrol_municipality(office: Workspace, muni: Workspace) -> None:
    TrustService(office).add(Identity(muni).info().public_line, actor=office.actor,
                             role="municipality", municipality=muni.municipality_code)


def signed_self(muni: Workspace, target: Path, year: int = 2569) -> Path:
    """Fill every indicator at its top level (evidence on each), finalize, export as `self`."""
    aid = flow.complete(muni, muni.municipality_code or "5001", year, evidence_every=1, tag="self")
    flow.finalize(muni, aid)
    target.mkdir(parents=True, exist_ok=True)
    return export_self(muni, [aid], target, Identity(muni).unlock(PASS)).path
