"""When a note being typed is committed: after a pause, at least once a second, on leaving it.

There is no Save button (docs/editor.md), so a note must reach the store without
anyone asking: 700 ms after typing pauses, at the latest a second after typing
started even if it never pauses (a SIGKILL loses at most ~1 s), and at once when
the field loses focus. What committing means (the service call, the undo step)
stays the editor's ``flush_note``; this object only decides *when*. It also
passes Undo/Redo on to the window, whose one history holds levels and notes.
"""

from __future__ import annotations

from collections.abc import Callable

from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets

NOTE_DELAY_MS = 700
NOTE_MAX_DELAY_MS = 1000


class NoteSaver(QtCore.QObject):
    def __init__(self, note: QtWidgets.QPlainTextEdit, flush: Callable[[], None],
                 editable: Callable[[], bool], delay_ms: int = NOTE_DELAY_MS,
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.editable = editable
        self.note_timer = QtCore.QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(delay_ms)
        self.note_timer.timeout.connect(flush)
        # Continuous typing never pauses; this cap commits at least once a second anyway.
        self.note_cap_timer = QtCore.QTimer(self)
        self.note_cap_timer.setSingleShot(True)
        self.note_cap_timer.setInterval(max(delay_ms, NOTE_MAX_DELAY_MS))
        self.note_cap_timer.timeout.connect(flush)
        self.flush = flush
        note.textChanged.connect(self._typed)
        note.installEventFilter(self)

    def stop(self) -> None:
        """The note is being committed now: neither timer needs to fire."""
        self.note_timer.stop()
        self.note_cap_timer.stop()

    def _typed(self) -> None:
        if self.editable():
            self.note_timer.start()
            if not self.note_cap_timer.isActive():
                self.note_cap_timer.start()

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if obj is self.note:
            if event.type() == QtCore.QEvent.Type.FocusOut:
                self.flush()
            elif event.type() == QtCore.QEvent.Type.ShortcutOverride and (
                event.matches(QtGui.QKeySequence.StandardKey.Undo)  # type: ignore[attr-defined]
                or event.matches(QtGui.QKeySequence.StandardKey.Redo)  # type: ignore[attr-defined]
            ):
                # Let the window's Undo/Redo (one history for levels and notes) have the key.
                event.ignore()
                return True
        return super().eventFilter(obj, event)
