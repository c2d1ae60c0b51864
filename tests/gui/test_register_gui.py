"""The Municipalities place: import the register and past results with a preview, open a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.core.errors import NotFoundError
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.municipality_page import MunicipalityPage
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.register_import import HISTORY, REGISTER, ImportPreviewDialog
from secity_desktop.gui.review_dialogs import ReasonDialog
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography
from tests.services.review_helpers import province_ws, received

REGISTER_CSV = (
    "รหัส,ชื่อ,จังหวัด\n"
    "5000101,ทน.เชียงใหม่,เชียงใหม่\n"  # the starter seat town 5001, now with the department's code
    "5000201,ทต.สันผักหวาน,50\n"  # new
    "5000301,อบต.สันผักหวาน,50\n"  # new: another body of the same base name
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows_by_line(dialog: ImportPreviewDialog) -> dict[int, str]:
    m = dialog.model
    return {m.index(r, 0).data(): m.index(r, 1).data() for r in range(m.rowCount())}


def select_line(dialog: ImportPreviewDialog, line: int) -> None:
    for r in range(dialog.model.rowCount()):
        if dialog.model.index(r, 0).data() == line:
            dialog.table.setCurrentIndex(dialog.model.index(r, 0))
            return
    raise AssertionError(f"no line {line}")


def test_register_preview_then_apply(qtbot: QtBot, ws: Workspace, tmp_path: Path, qtmodeltester: ModelTester) -> None:
    window = MainWindow(ws, "th")
    qtbot.addWidget(window)
    place = window.municipality_place
    before = place.model.rowCount()
    dialog = place.open_import(REGISTER)
    assert isinstance(dialog, ImportPreviewDialog) and not dialog.apply_button.isEnabled()
    dialog.load(write(tmp_path, "dla.csv", REGISTER_CSV))
    qtmodeltester.check(dialog.model)
    assert rows_by_line(dialog) == {2: "update", 3: "add", 4: "add"}
    assert "department code" in dialog.model.index(0, 6).data()
    with pytest.raises(NotFoundError):
        geography.municipality(ws.db, "5000101")  # a dry run changes nothing
    dialog.apply_button.click()
    assert dialog.applied is not None and not dialog.apply_button.isEnabled()
    assert "Imported" in dialog.counts.text()
    dialog.close()
    assert place.model.rowCount() == before + 2  # reloaded when the dialog closed
    assert geography.municipality(ws.db, "5000101").code == "5001"  # the starter record took the code


def test_refused_rows_block_apply_and_show_reasons(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    dialog = ImportPreviewDialog(ws, REGISTER, "th", path=write(tmp_path, "bad.csv", "ชื่อ,จังหวัด\nทต.ดี,50\nทต.ไกล,Atlantis\n"))
    qtbot.addWidget(dialog)
    assert rows_by_line(dialog) == {2: "add", 3: "refused"}
    assert "Atlantis" in dialog.model.index(1, 6).data()
    assert not dialog.apply_button.isEnabled()


def test_ambiguous_row_is_settled_in_the_dialog(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    first = ImportPreviewDialog(ws, REGISTER, "th", path=write(tmp_path, "a.csv", "ชื่อ,จังหวัด\nอบต.หนองหอย,50\n"))
    qtbot.addWidget(first)
    first.apply_button.click()
    dialog = ImportPreviewDialog(ws, REGISTER, "th", path=write(tmp_path, "b.csv", "ชื่อ,จังหวัด\nทต.หนองหอย,50\n"))
    qtbot.addWidget(dialog)
    assert rows_by_line(dialog) == {2: "ambiguous"}  # an อบต. upgraded, or another body?
    assert not dialog.apply_button.isEnabled()
    select_line(dialog, 2)
    assert dialog.settle_button.isEnabled()
    labels = [label for label, _ in dialog.settle_choices(dialog.selected())]
    assert any("องค์การบริหารส่วนตำบลหนองหอย" in x for x in labels)
    sao = dialog.selected().candidates[0]
    dialog.settle_selected(sao)  # the person says: it is that อบต., upgraded
    assert rows_by_line(dialog) == {2: "update"}
    dialog.apply_button.click()
    assert geography.municipality(ws.db, sao).type == "tambon"


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def test_past_results_import_page_and_model_town(qtbot: QtBot, prov: Workspace, tmp_path: Path) -> None:
    history = write(
        tmp_path, "awards.csv",
        "ปีงบประมาณ,จังหวัด,ชื่อ,รางวัล,ระดับ\n"
        "2566,เชียงใหม่,ทน.เชียงใหม่,รางวัลชนะเลิศ,ระดับพื้นที่\n"
        "2567,50,เทศบาลนครเชียงใหม่,รางวัลพิเศษด้านน้ำ,ระดับประเทศ\n",
    )
    a = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})  # a tier: may be the model
    rs = ReviewService(prov)
    rs.start(a)
    rs.approve(a)
    window = MainWindow(prov, "th")
    qtbot.addWidget(window)
    place = window.municipality_place
    dialog = place.open_import(HISTORY)
    dialog.load(history)
    assert rows_by_line(dialog) == {2: "add", 3: "add"}
    dialog.apply_button.click()
    dialog.close()
    # double-click the seat town of Chiang Mai: its page lists both, the unknown award verbatim
    place.table.filter.setText("5001")
    place.table.view.doubleClicked.emit(place.table.proxy.index(0, 0))
    page = place.last_dialog
    assert isinstance(page, MunicipalityPage) and page.detail.record.code == "5001"
    texts = [page.results.item(r, 2).text() for r in range(page.results.rowCount())]
    assert texts == ["รางวัลพิเศษด้านน้ำ", "รางวัลชนะเลิศ"]
    assert page.types.rowCount() == 1
    page.close()
    # choosing the model town shows the candidate's past awards
    window.places.setCurrentWidget(window.dashboard_place)
    window.dashboard_place.select("5001")
    assert window.dashboard_place.model_town_btn.isEnabled()
    seen: list[str] = []

    def look() -> None:
        dlg = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dlg, ReasonDialog):
            QtCore.QTimer.singleShot(10, look)
            return
        label = dlg.findChild(QtWidgets.QLabel, "pastAwards")
        seen.append(label.text() if label else "")
        dlg.reject()

    QtCore.QTimer.singleShot(0, look)
    window.dashboard_place.set_model_town()
    assert seen and "2566" in seen[0] and "รางวัลชนะเลิศ" in seen[0] and "รางวัลพิเศษด้านน้ำ" in seen[0]
