"""Unexpected errors in the GUI: a report saved, a calm dialog, and the app carries on.

Installed first thing at start-up (``app.py``): ``sys.excepthook`` catches what
escapes a slot or a virtual method (PySide6 hands those to it and the event
loop goes on), ``threading.excepthook`` what escapes a worker thread. Each
writes a report (``services/crash_report.py``) and shows :class:`CrashDialog`
on the GUI thread — a worker's crash is carried over by a queued signal.

The dialog says nothing was lost only when that is true: every edit is
committed to the store as it is made, and the handler first flushes the one
thing that may wait (the note being typed, saved after a short pause); if that
flush fails, the dialog says the last typing may be missing. A store error
(``sqlite3.DatabaseError``) makes no such promise and suggests restarting.
The same error repeated shows one dialog, not a storm of them.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets, Signal
from secity_desktop.services import crash_report

MAX_DIALOGS = 3


class CrashDialog(QtWidgets.QDialog):
    def __init__(self, report: Path | None, text: str, nothing_lost: bool,
                 store_error: bool, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.report = report
        self.report_text = text
        self.setWindowTitle(self.tr("SECity Desktop — unexpected error"))
        layout = QtWidgets.QVBoxLayout(self)
        lines = [self.tr("Something unexpected went wrong in SECity Desktop.")]
        if store_error:
            lines.append(self.tr("The workspace store reported an error. Please close SECity "
                                 "Desktop and start it again; if it happens again, make a "
                                 "backup (File → Back up workspace…) and ask for help."))
        elif nothing_lost:
            lines.append(self.tr("Nothing was lost: every change you make is saved as you make "
                                 "it. The action you were doing did not finish; you can carry "
                                 "on working."))
        else:
            lines.append(self.tr("Your last few seconds of typing in the note may not have been "
                                 "saved; please check the note. Everything else is saved."))
        if report is not None:
            lines.append(self.tr("A report for the support team was saved to:\n{path}").format(
                path=str(report)))
        else:
            lines.append(self.tr("The report could not be saved; use Copy report instead."))
        from secity_desktop.gui.thai_wrap import ThaiLabel  # installed before the first paint

        self.message = ThaiLabel("\n\n".join(lines), self)
        self.message.setObjectName("crashMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QtWidgets.QDialogButtonBox(self)
        self.copy_button = buttons.addButton(self.tr("&Copy report"),
                                             QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        self.open_button = buttons.addButton(self.tr("&Open folder"),
                                             QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.setEnabled(report is not None)
        self.close_button = buttons.addButton(self.tr("C&ontinue"),
                                              QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QtWidgets.QApplication.clipboard().setText(self.report_text)

    def folder_url(self) -> QtCore.QUrl:
        folder = self.report.parent if self.report is not None else crash_report.crash_dir()
        return QtCore.QUrl.fromLocalFile(str(folder))

    def open_folder(self) -> None:
        QtGui.QDesktopServices.openUrl(self.folder_url())


class CrashHandler(QtCore.QObject):
    """Owns the hooks; ``flush`` saves pending edits and says whether that worked."""

    crashed = Signal(object)  # (report path, text, exc) → shown on the GUI thread

    def __init__(self, data_dir: Callable[[], Path | None], flush: Callable[[], bool],
                 parent: QtCore.QObject | None = None, *, show: bool = True) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.flush = flush
        self.show = show
        self.shown: set[str] = set()
        self.dialogs = 0
        self.last_dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any] | None = None
        self.crashed.connect(self._show, QtCore.Qt.ConnectionType.QueuedConnection)

    def attach(self, window: Any) -> None:
        """Take the workspace folder and the pending-note flush from the main window."""

        def data_dir() -> Path | None:
            return getattr(getattr(window, "ws", None), "data_dir", None)

        def flush() -> bool:
            editor = getattr(window, "editor", None)
            if editor is None:
                return True
            editor.flush_note()  # shows its own error and keeps the text if the store refuses
            code = editor.current
            if code is None or not editor.editable:
                return True
            return bool(editor.notes.get(code, "") == editor.page.note.toPlainText())

        self.data_dir, self.flush = data_dir, flush

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback, thread=True)

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None, *, thread: bool = False) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QtWidgets.QApplication.quit()
            return
        try:
            where = "worker thread" if thread else "GUI"
            report = crash_report.write(exc_type, exc, tb, where=where, data_dir=self.data_dir())
            text = report.read_text("utf-8") if report else crash_report.render(
                exc_type, exc, tb, where=where, data_dir=self.data_dir())
        except Exception:  # the handler must never raise: fall back to stderr if there is one
            if sys.stderr is not None:
                traceback.print_exception(exc_type, exc, tb)
            return
        self.crashed.emit((report, text, exc))

    def _show(self, payload: tuple[Path | None, str, BaseException]) -> None:
        report, text, exc = payload
        key = f"{type(exc).__name__}:{exc}"
        if key in self.shown or self.dialogs >= MAX_DIALOGS:
            return  # logged and reported already; one dialog per kind of error
        self.shown.add(key)
        self.dialogs += 1
        import sqlite3  # (not at import: the handler is installed before the first paint)

        store_error = isinstance(exc, sqlite3.DatabaseError)
        try:
            saved = bool(self.flush())
        except Exception:
            saved = False
        parent = QtWidgets.QApplication.activeWindow()
        dialog = CrashDialog(report, text, saved, store_error, parent)
        self.last_dialog = dialog
        if self.show:
            dialog.exec()


def install(window: Any = None, *, hooks: bool = True) -> CrashHandler:
    """Install the hooks (first thing at start-up); :meth:`CrashHandler.attach` the window later.

    ``hooks=False`` builds the handler without touching ``sys``/``threading`` (tests that
    start the app in-process keep pytest-qt's own exception capture).
    """
    handler = CrashHandler(lambda: None, lambda: True, QtWidgets.QApplication.instance())
    if hooks:
        handler.install()
    if window is not None:
        handler.attach(window)
    return handler
