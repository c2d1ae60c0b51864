"""The automatic backup's notice ("the last daily backup did not happen"), read on its own.

The main window shows it in its status bar from the start; reading it here keeps the
daily backup's code (``services/backup_auto.py``: its operation, file naming and rules)
off the start-up path until the daily backup actually runs (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secity_desktop.store import backup as store_backup

if TYPE_CHECKING:
    from secity_desktop.services.workspace import Workspace


def notice(ws: Workspace) -> dict[str, object] | None:
    """The notice the last daily backup left (its message code and params), or None."""
    return store_backup.notice(ws.db)
