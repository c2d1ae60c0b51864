"""The workspace's language, read without opening the workspace (the CLI decides its language
before it runs a command, and a damaged or newer store must still get a readable refusal).

Standard library only: a read-only connection, one query; any failure means "not set".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def read(db_path: Path) -> str | None:
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM workspace WHERE key = 'language'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None
