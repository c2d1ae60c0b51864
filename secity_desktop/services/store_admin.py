"""The workspace store as a whole: is there one, back it up, say why SQLite refused.

Front ends never import ``store``: the CLI's ``backup`` and its last-resort
handler for SQLite errors come through here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from secity_desktop.core.errors import StoreError
from secity_desktop.services.workspace import Workspace
from secity_desktop.store.database import DB_NAME, backup, explain


def workspace_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` already holds a workspace store (checked without opening it)."""
    return (data_dir / DB_NAME).exists()


def backup_store(ws: Workspace, target: Path) -> Path:
    """A consistent copy while the app runs, via SQLite's online backup API."""
    try:
        backup(ws.db, target)
    except sqlite3.Error as exc:
        raise store_failure(exc) from None
    return target


def store_failure(exc: sqlite3.Error) -> StoreError:
    """A SQLite error as the refusal a person reads (locked, disk full, not a store …)."""
    reason = explain(exc)
    return StoreError(
        f"the store could not complete the operation: {reason}", code="store_failed", reason=reason
    )
