"""Garbage collection stays off while a runner's work is on a worker thread (gc_guard.py)."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from secity_desktop.gui import gc_guard
from secity_desktop.gui.operations import OperationRunner
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.services.operations import Operation, Progress


class Blocking(Operation[bool]):
    def __init__(self) -> None:
        self.go = threading.Event()
        self.seen_enabled: bool | None = None

    def prepare(self) -> None:
        pass

    def work(self, progress: Progress) -> None:
        self.seen_enabled = gc.isenabled()
        self.go.wait(10)

    def finish(self) -> bool:
        return True


def test_no_collection_on_a_worker_thread(qtbot: QtBot) -> None:
    assert gc.isenabled() and gc_guard.active() == 0
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    runner = OperationRunner(parent, "en")
    op = Blocking()
    done: list[bool] = []
    runner.run(op, "x", done.append, quiet=True)
    qtbot.waitUntil(lambda: op.seen_enabled is not None)
    assert op.seen_enabled is False and not gc.isenabled() and gc_guard.active() == 1
    op.go.set()
    qtbot.waitUntil(lambda: done == [True])
    assert gc.isenabled() and gc_guard.active() == 0


def test_tokens_nest_and_release_once() -> None:
    a, b = gc_guard.Token(), gc_guard.Token()
    assert not gc.isenabled()
    a.release()
    a.release()  # twice is once
    assert not gc.isenabled()
    b.release()
    assert gc.isenabled() and gc_guard.active() == 0


def test_start_up_pause_ends_only_when_no_job_runs() -> None:
    """The app turns collection back on after its first window: at once when idle, else when
    the last worker job is back (never while a job's work may run on a worker thread)."""
    assert gc.isenabled()
    try:
        gc.disable()
        gc_guard.enable_when_idle()
        assert gc.isenabled()  # nothing running: on now
        gc.disable()
        token = gc_guard.Token()  # a job is running (collection already off: not its doing)
        gc_guard.enable_when_idle()
        assert not gc.isenabled()  # still off while it runs ...
        token.release()
        assert gc.isenabled()  # ... and on as it comes back
    finally:
        gc.enable()
