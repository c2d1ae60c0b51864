"""Where the person left off (open assessment, current indicator), kept in the workspace.

The GUI reads and writes it through here, never through the store: each write
is its own tiny transaction, so a crash right after still finds it.
"""

from __future__ import annotations

from secity_desktop.services.workspace import Workspace
from secity_desktop.store import ui_state


class SessionState:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def get(self, key: str, default: str | None = None) -> str | None:
        return ui_state.get(self.ws.db, key, default)

    def put(self, key: str, value: str | None) -> None:
        ui_state.put(self.ws.db, key, value)
