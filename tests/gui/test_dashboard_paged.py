"""The Dashboard place on the paged read model: filters, SQL sorting, rows read by the page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.gui.dashboard_place import DashboardPlace
from secity_desktop.gui.models.paged import PAGE
from secity_desktop.gui.qt import Qt
from secity_desktop.services.dashboard import DashboardService, sort_rows
from secity_desktop.services.workspace import Workspace
from tests.services.dashboard_world import TOWNS, build


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Workspace]:
    ws, _ = build(tmp_path / "w")
    yield ws
    ws.close()


def _codes(place: DashboardPlace) -> list[str]:
    return place.model.ids()


def test_dashboard_place_pages_sorts_and_filters(
    qtbot: QtBot, qtmodeltester: ModelTester, world: Workspace
) -> None:
    place = DashboardPlace(world, "en")
    qtbot.addWidget(place)
    place.resize(1024, 600)
    place.show()
    qtbot.waitExposed(place)
    model = place.model
    assert place.year_combo.currentData() == 2569
    assert model.rowCount() == TOWNS > PAGE
    assert "of 180 municipalities" in place.coverage.text()
    assert "average total" in place.coverage.text()
    # only the page on show was read: not 180 row objects
    assert 0 < model.cached() <= PAGE and model.pages_read == 1
    old = DashboardService(world).refresh(year=2569)
    assert _codes(place) == [r.municipality_code for r in sort_rows(old.rows, "rank")]
    first = model.row(0)
    assert first.rank == 1 and first.total == max(r.total or 0 for r in old.rows)
    # scrolling to the end reads the last page, and only it
    place.table.scrollToBottom()
    qtbot.wait(10)
    assert model.pages_read == 2
    last = place.proxy.index(TOWNS - 1, 1).data()
    assert last and model.cached() == TOWNS  # two pages of 100 and 80
    # sorting asks SQL again: total, highest first; then name
    total = model.column_of("total")
    place.table.sortByColumn(total, Qt.SortOrder.DescendingOrder)
    assert _codes(place) == [r.municipality_code for r in sort_rows(old.rows, "total", True)]
    assert model.cached() <= PAGE
    totals = [model.row(n).total or 0.0 for n in range(10)]
    assert totals == sorted(totals, reverse=True)
    place.table.sortByColumn(model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert _codes(place) == [r.municipality_code for r in sort_rows(old.rows, "name")]
    # filters: a type, then a status (rows filtered, coverage not)
    keep = next(r.municipality_code for r in old.rows if r.type == "tambon")
    place.select(keep)
    place.type_combo.setCurrentIndex(place.type_combo.findData("tambon"))
    assert model.rowCount() == TOWNS // 3
    assert {model.row(n).type for n in range(model.rowCount())} == {"tambon"}
    assert place.selected_code() == keep  # the selection survives a filter that keeps it
    place.type_combo.setCurrentIndex(0)
    place.status_combo.setCurrentIndex(place.status_combo.findData("approved"))
    approved = [r for r in old.rows if r.status == "approved"]
    assert model.rowCount() == len(approved)
    assert f"approved {len(approved)}" in place.coverage.text()
    assert sorted(r.rank for r in (model.row(n) for n in range(model.rowCount()))) == list(
        range(1, len(approved) + 1)) or len({r.total for r in approved}) < len(approved)
    qtmodeltester.check(model)
    if os.environ.get("SECITY_SCREENSHOTS"):
        place.grab().save(os.environ["SECITY_SCREENSHOTS"])


def test_columns_fit_the_page_not_every_row(qtbot: QtBot, world: Workspace) -> None:
    place = DashboardPlace(world, "th")
    qtbot.addWidget(place)
    place.show()
    header = place.table.horizontalHeader()
    name = place.model.column_of("name")
    assert header.sectionSize(name) > header.sectionSize(place.model.column_of("rank"))
    assert place.model.cached() <= PAGE  # fitting did not read past the page


def test_the_window_prepares_the_dashboard_in_idle_time(
    qtbot: QtBot, world: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first refresh runs in the window's idle time; the place opened after it only
    paints, and shows what a place built without it shows. A write in between: read afresh."""
    from secity_desktop.gui import province_places
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.store import dashboard as sql

    window = MainWindow(world, "en")
    qtbot.addWidget(window)
    for timer in (window.place_warmer, window.score_warmer, window.dashboard_warmer):
        if timer is not None:
            timer.stop()  # driven by hand below
    steps = list(province_places._dashboard_steps(window))
    assert steps == ["import", "snapshot", "order", "summary"]
    assert not window.places.is_built("dashboard") and window.prepared_dashboard is not None
    loads: list[object] = []
    real = sql.snapshot
    monkeypatch.setattr(sql, "snapshot", lambda *a, **k: loads.append(a) or real(*a, **k))
    window.show()
    window.places.setCurrentIndex(window.places.index_of_key("dashboard"))
    place = window.places.built_place("dashboard")
    assert place is not None and loads == []
    assert window.prepared_dashboard is None  # the place owns the reader now
    plain = DashboardPlace(world, "en")
    qtbot.addWidget(plain)
    assert _codes(place) == _codes(plain) and len(loads) == 1
    assert place.coverage.text() == plain.coverage.text()
    # nothing left to prepare once the place is built
    assert list(province_places._dashboard_steps(window)) == []
    # prepared, then a write before the place is built: the place reads afresh
    other = MainWindow(world, "en")
    qtbot.addWidget(other)
    list(province_places._dashboard_steps(other))
    top = _codes(place)[0]
    with world.db.atomic():
        world.db.execute(
            "UPDATE responses SET level = 0 WHERE assessment_id = (SELECT assessment_id FROM"
            " standings WHERE municipality_code = ? AND year = 2569)", [top])
    loads.clear()
    other.places.setCurrentIndex(other.places.index_of_key("dashboard"))
    shown = other.places.built_place("dashboard")
    assert len(loads) == 1 and _codes(shown)[0] != top
