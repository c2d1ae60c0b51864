"""Where the person left off (open assessment, current indicator), kept in the store.

It lives in the workspace rather than in QSettings because it names rows of
this workspace: another workspace must not reopen an id it does not hold.
Each write is its own tiny transaction so a crash right after still finds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils



def get(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM ui_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(db: sqlite_utils.Database, key: str, value: str | None) -> None:
    with db.atomic():
        if value is None:
            db.execute("DELETE FROM ui_state WHERE key = ?", [key])
        else:
            db.execute(
                "INSERT INTO ui_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
