"""The keyboard alone: Tab leaves the list, reaches the levels, arrows move between them,
the focused widget is scrolled into view, and a stray key never changes a complete assessment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.editor.editor import AssessmentEditor
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import Qt, QtWidgets
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> Iterator[MainWindow]:
    AssessmentService(ws).new("5001", 2569)
    w = MainWindow(ws, "th", cfg.Settings(tmp_path / "settings.ini"), restore=False)
    qtbot.addWidget(w)
    w.resize(1000, 560)  # a 1024×600 laptop, less the frame
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w


def focus() -> QtWidgets.QWidget:
    widget = QtWidgets.QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key) -> QtWidgets.QWidget:
    qtbot.keyClick(focus(), key)
    return focus()


def test_tab_leaves_the_assessment_list(qtbot: QtBot, window: MainWindow) -> None:
    table = window.assessment_table.view
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    assert press(qtbot, Qt.Key.Key_Tab) is window.new_button
    assert press(qtbot, Qt.Key.Key_Backtab) is table
    qtbot.keyClick(table, Qt.Key.Key_Right)  # arrows still move within it
    assert focus() is table


def open_editor(window: MainWindow) -> AssessmentEditor:
    editor = window.open_assessment(window.assessment_model.assessment_id(0))
    editor.open_indicator("1.1")
    editor.tree.setFocus()
    QtWidgets.QApplication.processEvents()
    return editor


def test_tab_reaches_the_levels_and_arrows_move_between_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = open_editor(window)
    radios = [row.radio for row in editor.page.rows]
    assert press(qtbot, Qt.Key.Key_Tab) is radios[0]  # the group is one Tab stop
    assert press(qtbot, Qt.Key.Key_Down) is radios[1]
    assert press(qtbot, Qt.Key.Key_Down) is radios[2]
    assert press(qtbot, Qt.Key.Key_Up) is radios[1]
    qtbot.keyClick(focus(), Qt.Key.Key_Space)  # Space chooses the focused level
    assert editor.levels["1.1"] == editor.page.rows[1].value
    assert press(qtbot, Qt.Key.Key_Tab) is editor.page.clear_button  # out of the group
    assert press(qtbot, Qt.Key.Key_Tab) is editor.page.note
    assert press(qtbot, Qt.Key.Key_Backtab) is editor.page.clear_button
    assert press(qtbot, Qt.Key.Key_Backtab) is radios[1]  # back onto the chosen level
    assert press(qtbot, Qt.Key.Key_Backtab) is editor.tree
    editor.step(1)  # the next indicator's fresh rows are in the chain too
    editor.tree.setFocus()
    assert press(qtbot, Qt.Key.Key_Tab) is editor.page.rows[0].radio


def fully_shown(editor: AssessmentEditor, widget: QtWidgets.QWidget) -> bool:
    viewport = editor.scroll.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft())
    bottom = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top) and viewport.rect().contains(bottom)


def test_the_focused_widget_is_scrolled_into_view(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_editor(window)
    note = editor.page.note
    assert editor.scroll.verticalScrollBar().maximum() > 0, "the page must be taller than 560 px"
    assert not fully_shown(editor, note)
    window.act_note.trigger()  # Ctrl+Shift+N: the note, all of it, in view
    assert focus() is note and fully_shown(editor, note)
    editor.tree.setFocus()
    editor.scroll.verticalScrollBar().setValue(editor.scroll.verticalScrollBar().maximum())
    assert press(qtbot, Qt.Key.Key_Tab) is editor.page.rows[0].radio
    assert fully_shown(editor, editor.page.rows[0].radio)
    for _ in range(4):  # Tab on through the evidence buttons: each one shows
        widget = press(qtbot, Qt.Key.Key_Tab)
        assert fully_shown(editor, widget), widget.objectName() or type(widget).__name__


def test_a_stray_key_never_changes_a_complete_assessment(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ws = flow.assessor(tmp_path / "a")
    aid = flow.complete(ws, evidence_every=1)
    svc = AssessmentService(ws)
    before = svc.scorecard(aid).total
    w = MainWindow(ws, "th", cfg.Settings(tmp_path / "s.ini"), restore=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    editor = w.open_assessment(aid)
    editor.open_indicator("1.1")
    assert not editor.editable and editor.edit_again_button.isVisible()
    assert "Edit again" in editor.banner.text()  # (Thai: test_i18n checks the catalogue)
    editor.tree.setFocus()
    for key in (Qt.Key.Key_0, Qt.Key.Key_1, Qt.Key.Key_2):  # stray digits
        qtbot.keyClick(editor.tree, key)
    w.act_clear.trigger()
    assert svc.get(aid).status == "complete" and svc.scorecard(aid).total == before
    qtbot.mouseClick(editor.edit_again_button, Qt.MouseButton.LeftButton)
    assert svc.get(aid).status == "draft"
    assert editor.editable and not editor.edit_again_button.isVisible()
    lowest = editor.page.rows[0].value
    editor.choose_digit(lowest)
    assert svc.get(aid).status == "draft" and editor.levels["1.1"] == lowest
    w.close()
    QtWidgets.QApplication.processEvents()
    ws.close()


def test_a_finalized_assessment_offers_no_edit_again(qtbot: QtBot, tmp_path: Path) -> None:
    ws = flow.assessor(tmp_path / "a")
    aid = flow.complete(ws, evidence_every=1)
    flow.finalize(ws, aid)
    w = MainWindow(ws, "th", cfg.Settings(tmp_path / "s.ini"), restore=False)
    qtbot.addWidget(w)
    w.show()
    editor = w.open_assessment(aid)
    assert not editor.editable and not editor.edit_again_button.isVisible()
    w.close()
    QtWidgets.QApplication.processEvents()
    ws.close()
