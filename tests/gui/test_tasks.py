"""The background task helper: results and errors come back on the GUI thread; cancel works."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from secity_desktop.core.errors import Cancelled
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.tasks import Task


def test_result_and_progress_come_back(qtbot: QtBot) -> None:
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    seen: list[int] = []

    def work(progress):  # type: ignore[no-untyped-def]
        for i in range(5):
            progress(i * 1024, 4 * 1024, "step")
        return threading.current_thread().name

    task = Task(parent, "work", work)
    task._signals.progress.connect(lambda d, t, s: seen.append(d))
    with qtbot.waitSignal(task.finished, timeout=5000) as sig:
        pass
    assert sig.args[0] != threading.current_thread().name  # it ran elsewhere
    assert not task.running


def test_cancel_reaches_the_work(qtbot: QtBot) -> None:
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)

    def work(progress):  # type: ignore[no-untyped-def]
        for _ in range(1000):
            if not progress(1, 2, ""):
                raise Cancelled("stopped")
            time.sleep(0.005)
        return "finished"

    task = Task(parent, "work", work)
    with qtbot.waitSignal(task.failed, timeout=10_000) as sig:
        task.dialog.canceled.emit()  # what the Cancel button does
    assert isinstance(sig.args[0], Cancelled)
