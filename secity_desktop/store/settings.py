"""The workspace's own key/value settings (role, province, user name, profile, certificate
defaults). SQL only; what the keys mean is for ``services``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


_UPSERT = (
    "INSERT INTO workspace (key, value) VALUES (?, ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


def get(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM workspace WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Set one key (call inside the caller's transaction)."""
    db.execute(_UPSERT, [key, value])


def put_many(db: sqlite_utils.Database, items: Iterable[tuple[str, str]]) -> None:
    db.conn.executemany(_UPSERT, list(items))


def put_if_missing(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute("INSERT OR IGNORE INTO workspace (key, value) VALUES (?, ?)", [key, value])
