"""The first window over a demo workspace: real models, Thai text, no Qt warnings."""

from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.app import main
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.models.assessments import ID_ROLE, AssessmentTableModel
from secity_desktop.gui.models.municipalities import MunicipalityTableModel
from secity_desktop.gui.qt import QtGui
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace


def test_app_starts_on_demo_workspace(qtbot: QtBot, tmp_path: Path) -> None:
    window = main(["--data-dir", str(tmp_path / "demo"), "--demo"], exec_=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.assessment_model.rowCount() >= 5
    assert QtGui.QFontInfo(window.font()).family() == "Sarabun"
    assert window.places.count() >= 3
    assert window.places.tabText(0) == "แบบประเมิน"  # Thai by default, from the compiled catalogue
    window.close()
    window._translations.uninstall()  # type: ignore[attr-defined]  # later tests expect source text
    window.ws.close()


def test_filter_matches_thai_english_and_code(qtbot: QtBot, ws: Workspace) -> None:
    svc = AssessmentService(ws)
    svc.new("5001", 2569)
    svc.new("9001", 2569)
    window = MainWindow(ws, "th")
    qtbot.addWidget(window)
    table = window.assessment_table
    assert table.proxy.rowCount() == 2
    for text in ("เชียงใหม่", "Songkhla", "9001"):
        table.filter.setText(text)
        assert table.proxy.rowCount() == 1, text
    table.filter.clear()
    window.municipality_table.filter.setText("Phuket")
    assert window.municipality_table.proxy.rowCount() >= 1


def test_models_pass_modeltester(qtmodeltester: ModelTester, ws: Workspace) -> None:
    svc = AssessmentService(ws)
    a = svc.new("5001", 2569)
    svc.set_response(a.id, "1.1", 3)
    model = AssessmentTableModel(ws, "th")
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ID_ROLE) == a.id
    assert model.index(0, 4).data() == "1/34"
    model.refresh_id(a.id)
    qtmodeltester.check(MunicipalityTableModel(ws, "en"))


def test_framework_place_shows_provisional_banner(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws, "th")
    qtbot.addWidget(window)
    view = window.framework_view
    banner = view.findChild(type(view.details).__mro__[-3], "provisionalBanner")
    assert banner is not None and not banner.isHidden()
    first = view.model.index(0, 0)
    view.tree.setCurrentIndex(view.model.index(0, 0, first))
    assert "1.1" in view.details.toPlainText()
