"""The Dashboard's Excel export runs through the one runner with progress and Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from secity_desktop.gui.operations import use_pool


class DeferredPool:
    """Holds each job until the test runs it, so the test can listen to its handle first."""

    def __init__(self) -> None:
        self.jobs: list[Any] = []

    def start(self, runnable: Any) -> None:
        self.jobs.append(runnable)


def _place(qtbot: QtBot, tmp_path: Path) -> Any:
    from secity_desktop.gui.dashboard_place import DashboardPlace
    from tests.services.review_helpers import province_ws, received

    prov = province_ws(tmp_path)
    received(prov, "5001", 2569, {"1.1": 2, "1.2": 5})
    place = DashboardPlace(prov, "th")
    qtbot.addWidget(place)
    return place


def test_export_reports_rows_and_writes_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    pool = DeferredPool()
    use_pool(pool)
    try:
        place = _place(qtbot, tmp_path)
        target = tmp_path / "responses.csv"
        place.export("responses", target)
        seen: list[tuple[int, int]] = []
        place.runner.last.progressed.connect(lambda d, t, _s: seen.append((d, t)))
        pool.jobs.pop().run()
        qtbot.waitUntil(lambda: not place.runner.busy)
        assert place.last_export == target
        assert len(target.read_text("utf-8-sig").splitlines()) == 3
        assert seen and seen[-1][0] == 2 and seen[-1][1] >= 2
    finally:
        use_pool(None)
        place.ws.close()


def test_cancel_during_export_leaves_no_file(qtbot: QtBot, tmp_path: Path) -> None:
    pool = DeferredPool()
    use_pool(pool)
    try:
        place = _place(qtbot, tmp_path)
        target = tmp_path / "responses.xlsx"
        place.export("responses", target)
        handle = place.runner.last
        handle.progressed.connect(lambda *_: handle.cancel())  # the person presses Cancel
        failures: list[Any] = []
        handle.failed.connect(failures.append)
        pool.jobs.pop().run()
        qtbot.waitUntil(lambda: not place.runner.busy)
        assert failures and failures[0].cancelled
        assert not target.exists() and place.last_export != target
        assert handle.op.snap is None  # the snapshot connection was closed by discard()
    finally:
        use_pool(None)
        place.ws.close()
