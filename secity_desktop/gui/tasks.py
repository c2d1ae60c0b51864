"""Long work off the GUI thread, with a progress dialog that appears only when work lasts.

A task is a plain function that gets a ``progress(done, total, text) -> bool``
callback (False means "the person pressed Cancel"; services then raise
``Cancelled`` and leave nothing behind). It runs on a ``QThreadPool`` and its
result or exception comes back by queued signal on the GUI thread, where the
caller touches the store (SQLite stays on one thread). The dialog uses
``QProgressDialog.minimumDuration`` = 600 ms (Anki's delay) so quick work
never flashes a window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from secity_desktop.gui.qt import QtCore, QtWidgets, Signal

ProgressFn = Callable[[int, int, str], bool]
SHOW_AFTER_MS = 600


class _Signals(QtCore.QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QtCore.QRunnable):
    def __init__(self, fn: Callable[[ProgressFn], Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.cancel = cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(done: int, total: int, text: str = "") -> bool:
            self.signals.progress.emit(_scale(done), _scale(total), text)
            return not self.cancel.is_set()

        try:
            result = self.fn(progress)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def _scale(n: int) -> int:
    """Progress in KiB so multi-gigabyte byte counts fit Qt's int."""
    return min(n // 1024, 2**31 - 1)


class Task(QtCore.QObject):
    """One background job: ``finished(result)`` or ``failed(exception)``, on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        parent: QtWidgets.QWidget,
        title: str,
        fn: Callable[[ProgressFn], Any],
        *,
        pool: QtCore.QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self.dialog = QtWidgets.QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.running = True
        self._runnable = _Runnable(fn, self._signals, self.cancel_event)
        (pool or QtCore.QThreadPool.globalInstance()).start(self._runnable)

    def cancel(self) -> None:
        self.cancel_event.set()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.running:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if text:
            self.dialog.setLabelText(text)

    def _close(self) -> None:
        self.running = False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _on_done(self, result: object) -> None:
        self._close()
        self.finished.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._close()
        self.failed.emit(exc)


def run_task(
    parent: QtWidgets.QWidget,
    title: str,
    fn: Callable[[ProgressFn], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> Task:
    task = Task(parent, title, fn)
    task.finished.connect(on_done)
    task.failed.connect(on_failed)
    return task
