"""Undoable edits: each command calls the service, so undo is itself a recorded change.

Undo never rewrites history: undoing a level records a new response (and audit
event) with the old value, which is what an auditor wants to see.
"""

from __future__ import annotations

from typing import Protocol

from secity_desktop.gui.qt import QtGui


class EditTarget(Protocol):
    def apply_level(self, code: str, level: int | None) -> None: ...
    def apply_note(self, code: str, note: str) -> None: ...


class LevelCommand(QtGui.QUndoCommand):
    def __init__(
        self, target: EditTarget, code: str, old: int | None, new: int | None, text: str
    ) -> None:
        super().__init__(text)
        self.target, self.code, self.old, self.new = target, code, old, new

    def redo(self) -> None:
        self.target.apply_level(self.code, self.new)

    def undo(self) -> None:
        self.target.apply_level(self.code, self.old)


class NoteCommand(QtGui.QUndoCommand):
    """Pushed after the note was already committed (as you type), so the first redo is skipped."""

    def __init__(self, target: EditTarget, code: str, old: str, new: str, text: str) -> None:
        super().__init__(text)
        self.target, self.code, self.old, self.new = target, code, old, new
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.target.apply_note(self.code, self.new)

    def undo(self) -> None:
        self.target.apply_note(self.code, self.old)
