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
