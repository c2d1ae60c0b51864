"""The workspace's language: what its people read in the GUI is what the CLI prints there.

The GUI's Preferences write it (``set_language``); ``secity`` reads it when neither
``--lang`` nor ``$SECITY_LANG`` says otherwise (``cli/say.language``). Kept apart from
``services/workspace`` so the CLI's start path stays light (docs/thai-everywhere.md).
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.store.language_setting import read

DB_NAME = "secity.sqlite3"  # store/database.DB_NAME, without importing the store's engine
KEY = "language"


def workspace_language(data_dir: Path) -> str | None:
    return read(Path(data_dir) / DB_NAME)


def set_language(ws: object, lang: str) -> None:
    """Record ``lang`` as the workspace's language (``ws``: an open services Workspace)."""
    ws.set_setting(KEY, lang)  # type: ignore[attr-defined]
