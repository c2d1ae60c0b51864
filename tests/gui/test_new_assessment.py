"""Creating an assessment through the dialog, as an assessor would."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.core.thai_calendar import fiscal_year_be, now_utc
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.models.municipalities import MunicipalityTableModel
from secity_desktop.gui.new_assessment import MunicipalityFilter, NewAssessmentDialog
from secity_desktop.gui.qt import Qt
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace
from tests.gui.helpers import click_button, on_next_modal, type_text


def test_search_as_you_type_in_thai_english_and_code(qtbot: QtBot, ws: Workspace) -> None:
    dialog = NewAssessmentDialog(AssessmentService(ws), "th")
    qtbot.addWidget(dialog)
    assert dialog.year.value() == fiscal_year_be(now_utc().date())
    assert (
        "provisional" in dialog.framework_label.text() or "ชั่วคราว" in dialog.framework_label.text()
    )
    type_text(dialog.search, "เชียงใหม่")
    assert dialog.proxy.rowCount() >= 1
    assert dialog.selected_code() == "5001"
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "songkhla")
    codes = {
        dialog.model.municipality(dialog.proxy.mapToSource(dialog.proxy.index(r, 0)).row()).code
        for r in range(dialog.proxy.rowCount())
    }
    assert "9001" in codes
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "9001")
    assert dialog.proxy.rowCount() == 1


def test_province_filter_narrows_the_list(qtbot: QtBot, ws: Workspace) -> None:
    dialog = NewAssessmentDialog(AssessmentService(ws), "en")
    qtbot.addWidget(dialog)
    everything = dialog.proxy.rowCount()
    dialog.province.setCurrentIndex(dialog.province.findData("50"))
    assert 0 < dialog.proxy.rowCount() < everything
    for r in range(dialog.proxy.rowCount()):
        m = dialog.model.municipality(dialog.proxy.mapToSource(dialog.proxy.index(r, 0)).row())
        assert m.province_code == "50"


def test_create_by_keyboard_then_duplicate_offers_the_existing(qtbot: QtBot, ws: Workspace) -> None:
    svc = AssessmentService(ws)
    dialog = NewAssessmentDialog(svc, "th")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "5001")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.created_id is not None
    first = dialog.created_id
    assert svc.get(first).municipality_code == "5001"

    again = NewAssessmentDialog(svc, "th")
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClicks(again.search, "5001")
    on_next_modal(click_button("Open existing"))
    again.ok_button.click()
    assert again.created_id == first
    assert len(svc.list()) == 1


def test_new_assessment_from_main_window_opens_editor(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws, "en")
    qtbot.addWidget(window)
    window.show()

    def fill(dialog: object) -> None:
        assert isinstance(dialog, NewAssessmentDialog)
        qtbot.keyClicks(dialog.search, "Phuket")
        dialog.ok_button.click()

    on_next_modal(fill)  # type: ignore[arg-type]
    window.act_new.trigger()
    assert window.editor is not None
    assert window.editor.municipality.code.startswith("83")
    assert window.assessment_model.rowCount() == 1


def test_filter_proxy_passes_modeltester(qtmodeltester: ModelTester, ws: Workspace) -> None:
    proxy = MunicipalityFilter()
    proxy.setSourceModel(MunicipalityTableModel(ws, "th"))
    proxy.set_query("เมือง")
    qtmodeltester.check(proxy)
