"""The GUI's one runner for long work: any ``services.operations.Operation``.

``prepare()`` runs here on the GUI thread (store reads, early refusals);
``work(progress)`` runs on a ``QThreadPool`` worker (files and crypto only);
``finish()`` comes back to the GUI thread by queued signal and commits its one
transaction there, so SQLite stays on one thread (Anki's ``CollectionOp``,
Picard's ``run_task``).

A progress dialog with Cancel appears only when the work lasts (600 ms, Anki's
delay). Cancel makes the work's ``progress`` return False; the work raises
``Cancelled``, the runner calls ``discard()`` and says "cancelled, nothing
changed" in the person's language. A failure is shown through
``messages.describe`` — never ``str()`` of an unexpected exception — and a bug
keeps its traceback for the log.

Tests can hand a runner a pool whose ``start`` runs the job at once on the
calling thread (Picard's ``FakeThreadPool``); signals then arrive directly.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from secity_desktop import messages
from secity_desktop.core.errors import Cancelled, SecityError
from secity_desktop.gui import gc_guard
from secity_desktop.gui.qt import QtCore, QtWidgets, Signal
from secity_desktop.services.operations import Operation

SHOW_AFTER_MS = 600
KEEP_FINISHED = 8
log = logging.getLogger("secity.gui.operations")


class Pool(Protocol):
    def start(self, runnable: QtCore.QRunnable) -> None: ...


class SyncPool:
    """Runs each job at once on the calling thread (tests; Picard's FakeThreadPool)."""

    def start(self, runnable: QtCore.QRunnable) -> None:
        runnable.run()


@dataclass(frozen=True)
class Failure:
    """Why an operation did not finish, already worded for the person."""

    exc: BaseException
    text: str
    cancelled: bool
    traceback: str = ""  # only for bugs (not a SecityError): for the log, never the screen

    @property
    def bug(self) -> bool:
        return not isinstance(self.exc, SecityError)


class _Signals(QtCore.QObject):
    progress = Signal(object, object, str)  # Python ints: byte counts overflow Qt's int
    worked = Signal()
    failed = Signal(object, str)


class _Job(QtCore.QRunnable):
    def __init__(self, op: Operation[Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.op = op
        self.signals = signals
        self._cancel = cancel
        # Python keeps the object (the handle holds it): with auto-delete Qt would free the
        # C++ side under a live Python wrapper, which PySide6 punishes at exit.
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int, text: str = "") -> bool:
        self.signals.progress.emit(done, total, text)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            self.op.work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.worked.emit()


class Running(QtCore.QObject):
    """One operation on its way: ``finished(result)`` or ``failed(Failure)``, on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(object, object, str)

    def __init__(
        self, runner: OperationRunner, op: Operation[Any], title: str, *, quiet: bool = False
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.op = op
        self.running = True
        self._cancel = threading.Event()
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.worked.connect(self._on_worked)
        self._signals.failed.connect(self._on_failed)
        parent = runner.widget
        cancel = QtCore.QCoreApplication.translate("OperationRunner", "Cancel")
        self.dialog = QtWidgets.QProgressDialog(title, cancel, 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        if quiet:  # background work a person did not start (the daily backup): never a dialog
            self.dialog.setMinimumDuration(2**31 - 1)
        self.job = _Job(op, self._signals, self._cancel)
        self.gc_token: gc_guard.Token | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.running:
            return
        if total > 0:
            self.dialog.setMaximum(1000)
            self.dialog.setValue(min(1000, int(1000 * done / total)))
        if text:
            self.dialog.setLabelText(text)
        self.progressed.emit(done, total, text)

    def _close(self) -> None:
        self.running = False
        if self.gc_token is not None:
            self.gc_token.release()
        self.runner._done(self)
        self.dialog.canceled.disconnect(self.cancel)  # closing the dialog emits canceled
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _on_worked(self) -> None:
        try:
            result = self.op.finish()
        except BaseException as exc:
            self._fail(exc, traceback.format_exc())
            return
        self._close()
        self.finished.emit(result)

    def _on_failed(self, exc: BaseException, tb: str) -> None:
        self._fail(exc, tb)

    def _fail(self, exc: BaseException, tb: str) -> None:
        try:
            self.op.discard()
        except Exception:  # discard must not raise; if it does, the first failure still counts
            log.exception("discard failed after %r", exc)
        self._close()
        self.failed.emit(self.runner.failure(exc, tb))


class OperationRunner(QtCore.QObject):
    """Runs operations for one widget; ``busy`` while any of them is on its way."""

    def __init__(
        self, widget: QtWidgets.QWidget, lang: str = "th", pool: Pool | None = None
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.lang = lang
        self.pool: Pool = pool or default_pool()
        self.active: list[Running] = []
        self.last: Running | None = None
        # Finished handles live a little longer: a pool thread may still be returning from
        # run() when the queued result arrives, and Qt reads the runnable after run() ends.
        self._finished: deque[Running] = deque()

    @property
    def busy(self) -> bool:
        return bool(self.active)

    def failure(self, exc: BaseException, tb: str = "") -> Failure:
        if isinstance(exc, Cancelled):
            text = messages.describe(Cancelled("cancelled; nothing was changed",
                                               code="cancelled"), self.lang)
            return Failure(exc, text, True)
        if not isinstance(exc, SecityError):
            log.error("operation failed with a bug:\n%s", tb or "".join(traceback.format_exception(exc)))
        return Failure(exc, messages.describe(exc, self.lang), False,
                       "" if isinstance(exc, SecityError) else tb)

    def run(
        self,
        op: Operation[Any],
        title: str,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Failure], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        *,
        quiet: bool = False,
    ) -> Running | None:
        """Start ``op``; None when ``prepare`` refused (``on_failed`` already told).

        ``quiet`` runs it without a progress dialog (work nobody asked for, like the daily
        backup); it is still cancelled and waited for when the window closes.
        """
        try:
            op.prepare()
        except BaseException as exc:
            try:
                op.discard()
            finally:
                self._report(self.failure(exc, traceback.format_exc()), on_failed)
            return None
        handle = Running(self, op, title, quiet=quiet)
        if on_done is not None:
            handle.finished.connect(on_done)
        handle.failed.connect(lambda f: self._report(f, on_failed))
        if on_progress is not None:
            handle.progressed.connect(on_progress)
        self.active.append(handle)
        self.last = handle
        handle.gc_token = gc_guard.Token()  # no collection on the worker thread (gc_guard.py)
        handle.destroyed.connect(handle.gc_token.release)
        self.pool.start(handle.job)
        return handle

    def _done(self, handle: Running) -> None:
        if handle in self.active:
            self.active.remove(handle)
        self._finished.append(handle)
        while len(self._finished) > KEEP_FINISHED:
            self._finished.popleft().deleteLater()

    def _report(self, failure: Failure, on_failed: Callable[[Failure], None] | None) -> None:
        if on_failed is not None:
            on_failed(failure)
        else:
            show_failure(self.widget, failure)

    def cancel_all(self) -> None:
        for handle in list(self.active):
            handle.cancel()

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Let running work end (the window is closing); results still come back by signal."""
        deadline = QtCore.QDeadlineTimer(timeout_ms)
        while self.active and not deadline.hasExpired():
            QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)


def show_failure(parent: QtWidgets.QWidget, failure: Failure) -> None:
    """Cancel is said in the status bar; a refusal or a bug in a message box, in plain words."""
    if failure.cancelled:
        window = parent.window()
        if isinstance(window, QtWidgets.QMainWindow):
            window.statusBar().showMessage(failure.text, 8000)
        return
    from secity_desktop.gui.common import warn

    warn(parent, QtCore.QCoreApplication.translate("OperationRunner", "SECity Desktop"), failure.text)


_POOL: QtCore.QThreadPool | None = None
_OVERRIDE: Pool | None = None


def default_pool() -> Pool:
    """The app's pool for operations (or the one tests set with :func:`use_pool`)."""
    global _POOL
    if _OVERRIDE is not None:
        return _OVERRIDE
    if _POOL is None:
        _POOL = QtCore.QThreadPool()
        _POOL.setMaxThreadCount(4)
    return _POOL


def use_pool(pool: Pool | None) -> None:
    """Make new runners use ``pool`` (a :class:`SyncPool` in tests); None restores the default."""
    global _OVERRIDE
    _OVERRIDE = pool
