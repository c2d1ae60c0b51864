"""The municipality page's progress chart and the Progress place, driven as a person would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui.municipality_page import MunicipalityPage
from secity_desktop.gui.operations import SyncPool, use_pool
from secity_desktop.gui.progress_place import ProgressPlace
from secity_desktop.gui.qt import QtGui, QtWidgets
from secity_desktop.gui.trend_chart import Line, Pane, TrendChart
from secity_desktop.services.history import import_history
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.workspace import Workspace
from tests.services.trend_helpers import FULL1, FULL2, HALF1, LOW1, MID2, result, two_versions

BREAK_RED = QtGui.QColor("#a3262a")


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    w = two_versions(tmp_path)
    result(w, "5001", 2566, HALF1)
    result(w, "5001", 2567, FULL1)
    result(w, "5001", 2568, MID2, "test-2")
    result(w, "5002", 2566, LOW1)
    result(w, "5002", 2567, FULL1)
    ModelTownService(w).set(2567, "5001", "best")
    f = tmp_path / "awards.csv"
    f.write_text("ปีงบประมาณ,จังหวัด,ชื่อ,รางวัล,ระดับ\n2567,50,ทน.เชียงใหม่,ระดับดีเยี่ยม,พื้นที่\n",
                 encoding="utf-8")
    import_history(w, f)
    use_pool(SyncPool())
    yield w
    use_pool(None)
    w.close()


def _has_colour(image: QtGui.QImage, colour: QtGui.QColor) -> bool:
    return any(image.pixelColor(x, y) == colour
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_municipality_page_charts_years_marks_the_break_and_prints(
        qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    page = MunicipalityPage(ws, "5001", "en")
    qtbot.addWidget(page)
    page.show()
    section = page.trend
    assert section.chart.years == [2566, 2567, 2568]
    assert section.chart.breaks == {2568} and section.chart.stars == {2567}
    [total] = section.chart.panes
    assert [round(v, 2) for v in total.lines[0].values] == [40.0, 100.0, 50.0]
    assert [g[0] for g in total.guides] == [80, 60]
    assert len(section.components_chart.panes[0].lines) == 2  # one line per component
    table = section.table
    assert table.rowCount() == 3 and table.item(1, 2).text() == "+60.00"
    assert table.item(2, 2).text() == "—" and "not compared" in table.item(2, 6).text()
    assert "2568" in section.note.text()
    image = section.chart.grab().toImage()
    assert _has_colour(image, BREAK_RED)  # the dashed break rule is drawn
    out = tmp_path / "t.pdf"
    with qtbot.waitSignal(section.printed, timeout=20_000) as got:
        section.print_pdf(out)
    assert got.args == [out] and out.stat().st_size > 5_000
    assert "Saved" in section.note.text()


def test_a_page_without_results_says_so(qtbot: QtBot, ws: Workspace) -> None:
    page = MunicipalityPage(ws, "5004", "en")
    qtbot.addWidget(page)
    assert page.trend.chart.years == [] and "No assessment" in page.trend.note.text()
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    chart.grab()  # paints the empty state without error
    chart.set_data([2568, 2569], [Pane([Line("x", [None, 5.0], "#1b5e3b")], 10.0)])
    assert not chart.grab().isNull()


def test_progress_place_four_views_and_pdf(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    place = ProgressPlace(ws, "en")
    qtbot.addWidget(place)
    assert place.scope.count() == 1 and place.scope.currentData() == "50"  # a province office
    place.show()
    qtbot.waitUntil(lambda: place.trend is not None, timeout=10_000)
    assert [place.tabs.tabText(i) for i in range(place.tabs.count())] == [
        "Coverage", "Seat towns", "Model towns", "Most improved"]
    def table(name: str) -> QtWidgets.QTableWidget:
        found = place.findChild(QtWidgets.QTableWidget, name)
        assert found is not None
        return found

    assert table("coverageTable").item(0, 1).text() == "2/4"
    assert table("seatTable").item(1, 2).text() == "ดีเยี่ยม"
    assert table("modelTownTable").item(1, 1).text() == "5001"
    assert place.findChild(QtWidgets.QTableWidget, "improvedTable") is None  # read when opened
    place.tabs.setCurrentIndex(3)
    improved = table("improvedTable")
    assert improved.rowCount() == 0  # 2566 → 2568: only 5001 has both, across a break
    assert "1 left out" in place.improved_note.text()  # 5001 changed framework, no mapping
    assert "2568" in place.summary.text()
    out = tmp_path / "p.pdf"
    place.print_pdf(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=20_000)
    assert "Saved" in place.summary.text()


def test_a_national_workspace_chooses_the_country_or_a_province(qtbot: QtBot, tmp_path: Path) -> None:
    from secity_desktop.core.lifecycle import Role

    (tmp_path / "n").mkdir()
    w = two_versions(tmp_path / "n", Role.NATIONAL)
    result(w, "5002", 2566, LOW1)
    result(w, "5002", 2568, FULL2, "test-2")
    result(w, "5003", 2566, LOW1)
    result(w, "5003", 2568, HALF1)
    try:
        place = ProgressPlace(w, "en")
        qtbot.addWidget(place)
        assert place.scope.itemData(0) == "" and place.scope.count() > 70
        place.refresh()
        assert place.trend is not None and place.trend.province_code is None
        seat = place.findChild(QtWidgets.QTableWidget, "seatTable")
        assert seat is not None and seat.horizontalHeaderItem(3).text() == "Any tier"
        place.tabs.setCurrentIndex(3)
        assert "Needs approved results" not in place.improved_note.text()  # 2566 → 2568 read
        assert place.trend.improved_read and place.trend.improved_from == 2566
        place.scope.setCurrentIndex(place.scope.findData("50"))  # refreshes on the change
        assert place.trend.improved_read  # the Most improved tab stayed open: read again
        assert place.trend.province_code == "50"
    finally:
        w.close()
