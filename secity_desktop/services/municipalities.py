"""Loading the department's municipality list into a workspace."""

from __future__ import annotations

import hashlib
from pathlib import Path

from secity_desktop.core.reference import parse_municipalities
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography


def import_list(ws: Workspace, path: Path, *, list_date: str | None = None) -> int:
    """Validate the whole file first; only a file with no bad row changes the store."""
    rows = parse_municipalities(
        path,
        geography.province_names(ws.db),
        [str(p["code"]) for p in geography.provinces(ws.db)],
        source=f"imported from {path.name}",
    )
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return geography.import_municipalities(
        ws.db, rows, source=path.name, file_sha256=sha, list_date=list_date
    )
