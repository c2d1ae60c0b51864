"""The main window's actions and menus come from one table (gui/window_actions.py)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.i18n import Translations
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtGui, QtWidgets
from secity_desktop.gui.window_actions import ACTIONS, MENUS
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace


def _window(qtbot: QtBot, ws: Workspace, tmp_path: Path, lang: str = "en") -> MainWindow:
    window = MainWindow(ws, lang, cfg.Settings(tmp_path / "s.ini"), restore=False)
    qtbot.addWidget(window)
    return window


def test_every_row_is_an_action_with_its_keys_enabled_only_when_it_can_act(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    window = _window(qtbot, ws, tmp_path)
    for name, text, keys, needs_editor, _do in ACTIONS:
        action = getattr(window, f"act_{name}")
        assert action in window.actions(), name
        assert action.text() == text
        assert action.shortcuts() == [QtGui.QKeySequence(k) for k in keys]
        shortcut = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
        assert action.toolTip() == (f"{text.replace('&', '')} ({shortcut})" if shortcut
                                    else text)  # (a standard key this platform lacks: Quit)
        assert action.isEnabled() is not needs_editor, name  # no assessment open yet


def test_menus_hold_the_table_rows_in_order(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    window = _window(qtbot, ws, tmp_path)
    menus = [a.menu() for a in window.menuBar().actions()]
    assert [m.title() for m in menus] == [t for t, _ in MENUS] + ["&Help"]
    for menu, (_title, names) in zip(menus, MENUS, strict=False):
        wanted = [getattr(window, f"act_{n}") for n in names if n]
        shown = [a for a in menu.actions() if a in wanted]  # (File also holds the backups)
        assert shown == wanted
        assert sum(a.isSeparator() for a in menu.actions()) >= names.count(None)


def test_editor_rows_act_on_the_open_assessment(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    aid = AssessmentService(ws).new("5001", 2569).id
    window = _window(qtbot, ws, tmp_path)
    editor = window.open_assessment(aid)
    assert all(getattr(window, f"act_{n}").isEnabled() for n, *_ in ACTIONS)
    first = editor.current
    window.act_next.trigger()
    assert editor.current != first
    window.act_prev.trigger()
    assert editor.current == first
    window.act_back.trigger()
    assert window.editor is None
    assert not window.act_next.isEnabled()
    window.act_next.trigger()  # disabled: nothing happens, nothing fails


def test_every_action_and_menu_is_in_thai(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, qapp: QtWidgets.QApplication
) -> None:
    translations = Translations(qapp)
    try:
        assert translations.install("th")
        window = _window(qtbot, ws, tmp_path, "th")
        for name, text, *_ in ACTIONS:
            assert getattr(window, f"act_{name}").text() != text, name
        titles = [a.text() for a in window.menuBar().actions()]
        assert not set(titles) & {t for t, _ in MENUS}
    finally:
        translations.uninstall()
