"""The one operation runner: prepare here, work elsewhere, finish here; cancel and failures."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.core.errors import Cancelled, ValidationError
from secity_desktop.gui.operations import Failure, OperationRunner, SyncPool, use_pool
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.services.operations import Operation, Progress, check_cancel


class Steps(Operation[list[str]]):
    def __init__(self, fail_in: str = "", slow: bool = False) -> None:
        self.fail_in = fail_in
        self.slow = slow
        self.threads: dict[str, str] = {}
        self.discarded = False

    def prepare(self) -> None:
        self.threads["prepare"] = threading.current_thread().name
        if self.fail_in == "prepare":
            raise ValidationError("refused early", code="invalid_input")

    def work(self, progress: Progress) -> None:
        self.threads["work"] = threading.current_thread().name
        for i in range(1000 if self.slow else 5):
            check_cancel(progress, i * 1024, 4 * 1024, "step")
            if self.slow:
                time.sleep(0.005)
        if self.fail_in == "work":
            raise KeyError("a bug")

    def finish(self) -> list[str]:
        self.threads["finish"] = threading.current_thread().name
        return ["done"]

    def discard(self) -> None:
        self.discarded = True


def _runner(qtbot: QtBot, pool: object | None = None) -> OperationRunner:
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    return OperationRunner(parent, "th", pool)  # type: ignore[arg-type]


def test_work_runs_elsewhere_and_finish_comes_back(qtbot: QtBot) -> None:
    runner = _runner(qtbot)
    op = Steps()
    seen: list[int] = []
    handle = runner.run(op, "work", on_progress=lambda d, t, s: seen.append(d))
    assert handle is not None and runner.busy
    with qtbot.waitSignal(handle.finished, timeout=5000) as sig:
        pass
    me = threading.current_thread().name
    assert sig.args[0] == ["done"]
    assert op.threads["prepare"] == me == op.threads["finish"] and op.threads["work"] != me
    assert seen and not runner.busy and not handle.running


def test_cancel_reaches_the_work_and_discards(qtbot: QtBot) -> None:
    runner = _runner(qtbot)
    op = Steps(slow=True)
    failures: list[Failure] = []
    handle = runner.run(op, "work", on_failed=failures.append)
    assert handle is not None
    with qtbot.waitSignal(handle.failed, timeout=10_000):
        handle.dialog.canceled.emit()  # what the Cancel button does
    assert isinstance(failures[0].exc, Cancelled) and failures[0].cancelled
    assert failures[0].text == "ยกเลิกแล้ว ไม่มีข้อมูลใดถูกเปลี่ยน"
    assert op.discarded and "finish" not in op.threads


def test_refusal_in_prepare_and_bug_in_work_are_described(qtbot: QtBot) -> None:
    runner = _runner(qtbot, SyncPool())
    failures: list[Failure] = []
    assert runner.run(Steps("prepare"), "work", on_failed=failures.append) is None
    assert failures[0].text == "ข้อมูลที่ป้อนไม่ถูกต้อง โปรดตรวจสอบแล้วลองใหม่" and not failures[0].bug
    op = Steps("work")
    runner.run(op, "work", on_failed=failures.append)  # synchronous pool: done already
    bug = failures[1]
    assert bug.bug and "KeyError" in bug.text and "a bug" not in bug.text  # never str(exc)
    assert "KeyError" in bug.traceback and op.discarded and not runner.busy


def test_a_place_runs_synchronously_with_a_sync_pool(qtbot: QtBot, tmp_path: Path) -> None:
    """Picard's FakeThreadPool idea: the Dashboard's export finishes before the call returns."""
    from secity_desktop.gui.dashboard_place import DashboardPlace
    from tests.services.review_helpers import province_ws, received

    prov = province_ws(tmp_path)
    use_pool(SyncPool())
    try:
        received(prov, "5001", 2569, {"1.1": 2})
        place = DashboardPlace(prov, "th")
        qtbot.addWidget(place)
        target = tmp_path / "out.csv"
        place.export("assessments", target)
        assert place.last_export == target and target.stat().st_size > 0
        assert not place.runner.busy
    finally:
        use_pool(None)
        prov.close()
