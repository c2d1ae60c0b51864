"""The Review and Dashboard places driven as a reviewer would: click, type a reason, confirm."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Status
from secity_desktop.core.thai_linebreak import strip_break_hints
from secity_desktop.gui import common
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.models.dashboard import DashboardTableModel
from secity_desktop.gui.models.review import ReviewIndicatorModel, ReviewListModel
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.review_dialogs import OverrideDialog, ReasonDialog
from secity_desktop.services.dashboard import DashboardService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from secity_desktop.store import review as rrepo
from tests.services.review_helpers import province_ws, received

FULL = {"1.1": 2, "1.2": 5, "2.1": 4}


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def answer(fill: Callable[[QtWidgets.QDialog], None]) -> None:
    """Fill in the next modal dialog as soon as it opens."""

    def handle() -> None:
        dlg = QtWidgets.QApplication.activeModalWidget()
        if dlg is None:
            QtCore.QTimer.singleShot(10, handle)
            return
        fill(dlg)  # type: ignore[arg-type]

    QtCore.QTimer.singleShot(0, handle)


def reason(text: str) -> Callable[[QtWidgets.QDialog], None]:
    def fill(dlg: QtWidgets.QDialog) -> None:
        assert isinstance(dlg, ReasonDialog)
        assert not dlg.ok_button.isEnabled() or not dlg.required
        dlg.edit.setPlainText(text)
        dlg.ok_button.click()

    return fill


def test_models_pass_modeltester(qtmodeltester: ModelTester, prov: Workspace) -> None:
    aid = received(prov, "5001", 2569, FULL)
    received(prov, "5002", 2569, {"1.1": 1})
    rs = ReviewService(prov)
    rs.start(aid)
    rs.override(aid, "2.1", 1, "เหตุผล")
    lst = ReviewListModel(rs, "th")
    qtmodeltester.check(lst)
    assert lst.rowCount() == 2
    ind = ReviewIndicatorModel(rs, "en")
    ind.load(aid)
    qtmodeltester.check(ind)
    assert ind.index(2, 3).data() == "1"
    dash = DashboardTableModel(DashboardService(prov), "th")
    dash.refresh(year=2569)
    qtmodeltester.check(dash)
    assert dash.rowCount() == 4 and dash.columnCount() == 9


def test_assessor_window_has_no_review_places(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws, "th")
    qtbot.addWidget(window)
    assert window.review_place is None and window.dashboard_place is None


def test_review_screen_start_override_approve(qtbot: QtBot, prov: Workspace) -> None:
    aid = received(prov, "5001", 2569, FULL)
    window = MainWindow(prov, "th")
    qtbot.addWidget(window)
    window.show()
    place = window.review_place
    window.places.setCurrentWidget(place)
    assert place.current_id == aid
    assert not place.approve_btn.isEnabled()
    qtbot.mouseClick(place.start_btn, Qt.MouseButton.LeftButton)
    assert repo.get(prov.db, aid).status == Status.UNDER_REVIEW
    assert place.approve_btn.isEnabled() and not place.start_btn.isEnabled()

    place.ind_table.selectRow(2)  # indicator 2.1

    def override(dlg: QtWidgets.QDialog) -> None:
        assert isinstance(dlg, OverrideDialog)
        assert not dlg.ok_button.isEnabled()  # no reason yet: cannot confirm
        dlg.level.setCurrentIndex(dlg.level.findData(2))
        dlg.edit.setPlainText("ไม่มีหลักฐานการคัดแยกขยะ")
        assert dlg.ok_button.isEnabled()
        dlg.ok_button.click()

    answer(override)
    qtbot.mouseClick(place.override_btn, Qt.MouseButton.LeftButton)
    assert rrepo.override_levels(prov.db, aid) == {"2.1": 2}
    assert place.ind_model.indicator(2).reviewer_level == 2
    assert "70.00" in place.header.text()
    assert "ไม่มีหลักฐานการคัดแยกขยะ" in strip_break_hints(place.history.toPlainText())
    ev = [e for e in audit.events(prov.db, aid) if e.action == "review.override"]
    assert ev and ev[0].reason == "ไม่มีหลักฐานการคัดแยกขยะ"

    answer(reason("ผ่านการพิจารณา"))
    qtbot.mouseClick(place.approve_btn, Qt.MouseButton.LeftButton)
    assert repo.get(prov.db, aid).status == Status.APPROVED
    assert rrepo.decisions(prov.db, aid)[-1].comment == "ผ่านการพิจารณา"
    # The dashboard followed the change.
    row = window.dashboard_place.model.row(window.dashboard_place.model.row_of("5001"))
    assert row.status == Status.APPROVED and row.total == pytest.approx(70.0)
    window.grab()


def test_return_needs_comment_and_cancel_changes_nothing(
    qtbot: QtBot, prov: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def no(box: QtWidgets.QMessageBox) -> object:
        asked.append(common.plain_text(box))
        return box.button(QtWidgets.QMessageBox.StandardButton.No)

    monkeypatch.setattr(common, "show_box", no)
    aid = received(prov, "5001", 2569, FULL)
    ReviewService(prov).start(aid)
    window = MainWindow(prov, "en")
    qtbot.addWidget(window)
    place = window.review_place

    def cancel(dlg: QtWidgets.QDialog) -> None:
        assert isinstance(dlg, ReasonDialog) and not dlg.ok_button.isEnabled()
        dlg.edit.setPlainText("   ")
        assert not dlg.ok_button.isEnabled()
        dlg.reject()

    answer(cancel)
    qtbot.mouseClick(place.return_btn, Qt.MouseButton.LeftButton)
    assert repo.get(prov.db, aid).status == Status.UNDER_REVIEW
    answer(reason("แนบภาพถ่ายเพิ่ม"))
    qtbot.mouseClick(place.return_btn, Qt.MouseButton.LeftButton)
    assert repo.get(prov.db, aid).status == Status.RETURNED
    assert len(asked) == 1  # offered to write the return bundle; declined, nothing written
    assert place.bundle_btn.isEnabled()  # and it can still be written later
    place.status_combo.setCurrentIndex(place.status_combo.findData("returned"))
    assert place.list_model.rowCount() == 1


def test_dashboard_filters_and_model_town(qtbot: QtBot, prov: Workspace) -> None:
    a1 = received(prov, "5001", 2569, FULL)
    received(prov, "5003", 2569, {"1.1": 1})
    received(prov, "5001", 2568, {"1.1": 1})
    rs = ReviewService(prov)
    rs.start(a1)
    rs.approve(a1)
    window = MainWindow(prov, "th")
    qtbot.addWidget(window)
    place = window.dashboard_place
    window.places.setCurrentWidget(place)
    assert place.year_combo.currentData() == 2569
    assert "2" in place.coverage.text() and "4" in place.coverage.text()
    assert place.model.rowCount() == 4
    place.type_combo.setCurrentIndex(place.type_combo.findData("tambon"))
    assert place.model.rowCount() == 2
    place.type_combo.setCurrentIndex(0)
    place.select("5003")
    assert not place.model_town_btn.isEnabled()  # not approved
    place.select("5001")
    assert place.model_town_btn.isEnabled()
    assert [b.value for b in place.bars.bars] == [pytest.approx(40.0), pytest.approx(60.0)]
    assert "+" in place.yoy.toPlainText()  # 2568 → 2569 change shown
    answer(reason("คะแนนสูงสุดในจังหวัด"))
    qtbot.mouseClick(place.model_town_btn, Qt.MouseButton.LeftButton)
    town = rrepo.model_town(prov.db, "50", 2569)
    assert town is not None and town.municipality_code == "5001"
    assert "คะแนนสูงสุดในจังหวัด" in place.coverage.text()
    assert place.model.row(place.model.row_of("5001")).model_town
    # Sorting by total through the proxy puts the best first.
    place.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert place.proxy.index(0, 1).data().endswith("เทศบาลนครเชียงใหม่")


def test_dashboard_export_writes_in_a_worker(
    qtbot: QtBot, prov: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    received(prov, "5001", 2569, FULL)
    received(prov, "1201", 2569, FULL)  # another province: not in this export
    window = MainWindow(prov, "th")
    qtbot.addWidget(window)
    place = window.dashboard_place
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    place.export_btn.menu().actions()[0].trigger()
    qtbot.waitUntil(lambda: place.last_export == target, timeout=10000)
    sheet = openpyxl.load_workbook(target).active
    assert sheet["B1"].value == "รหัสเทศบาล"
    assert [c.value for c in sheet["B"][1:]] == ["5001"]
