"""The main window's actions and menus, from one table.

Every command of the window (its text, its keys, whether it needs an open
assessment, what it does) is one row of :data:`ACTIONS`, so a new command is a
line here rather than a method, an attribute and a menu entry spread over
``main_window.py``. Most rows forward a key to the open editor (next indicator,
clear the answer, attach evidence…); with no editor open they do nothing and
are disabled. The texts stay in the ``MainWindow`` translation context (the
catalogue ``i18n/secity_th.ts`` keys them there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from secity_desktop.gui.backup_actions import add_backup_actions
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from secity_desktop.gui.editor.editor import AssessmentEditor

translate = QtCore.QCoreApplication.translate
QT_TRANSLATE_NOOP = QtCore.QT_TRANSLATE_NOOP  # (by this name: lupdate finds the texts)
K = QtGui.QKeySequence.StandardKey


def _on_editor(command: Callable[[AssessmentEditor], object]) -> Callable[[Any], None]:
    """A command for the open editor; nothing when the list is showing."""

    def run(window: Any) -> None:
        if window.editor is not None:
            command(window.editor)

    return run


# (attribute act_<name>, text, keys, needs an open assessment, what it does to the window)
ACTIONS: tuple[tuple[str, str, tuple[QtGui.QKeySequence.StandardKey | str, ...], bool,
                     Callable[[Any], object]], ...] = (
    ("new", QT_TRANSLATE_NOOP("MainWindow", "&New assessment…"), (K.New,), False,
     lambda w: w.new_assessment()),
    ("back", QT_TRANSLATE_NOOP("MainWindow", "&Back to the list"), ("Alt+Left", "Ctrl+L"), True,
     lambda w: w.show_list()),
    ("prefs", QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), ("Ctrl+,",), False,
     lambda w: w.preferences()),
    ("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), (K.Quit,), False, lambda w: w.close()),
    ("undo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), ("Ctrl+Z",), True, lambda w: w.undo()),
    ("redo", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), True,
     lambda w: w.redo()),
    ("find", QT_TRANSLATE_NOOP("MainWindow", "&Find indicator…"), (K.Find,), True, lambda w: w.find()),
    ("next", QT_TRANSLATE_NOOP("MainWindow", "&Next indicator"), ("Ctrl+Down", "PgDown"), True,
     _on_editor(lambda e: e.step(1))),
    ("prev", QT_TRANSLATE_NOOP("MainWindow", "&Previous indicator"), ("Ctrl+Up", "PgUp"), True,
     _on_editor(lambda e: e.step(-1))),
    ("clear", QT_TRANSLATE_NOOP("MainWindow", "&Clear answer"), ("Ctrl+Backspace",), True,
     _on_editor(lambda e: e.clear_level())),
    ("attach", QT_TRANSLATE_NOOP("MainWindow", "&Attach evidence…"), ("Ctrl+E",), True,
     _on_editor(lambda e: e.add_evidence_dialog())),
    ("note", QT_TRANSLATE_NOOP("MainWindow", "Go to the &note"), ("Ctrl+Shift+N",), True,
     _on_editor(lambda e: e.page.note.setFocus())),
    ("tree", QT_TRANSLATE_NOOP("MainWindow", "Go to the indicator &list"), ("Ctrl+Shift+L",), True,
     _on_editor(lambda e: e.tree.setFocus())),
    ("complete", QT_TRANSLATE_NOOP("MainWindow", "&Mark complete…"), ("Ctrl+Shift+Return",), True,
     _on_editor(lambda e: e.mark_complete())),
)

# Menu title → the actions in it (None: a separator).
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"), ("new", "back", None, "prefs", None, "quit")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"), ("undo", "redo", None, "find")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Assessment"),
     ("next", "prev", "tree", "note", None, "clear", "attach", None, "complete")),
)


def make_action(window: QtWidgets.QMainWindow, text: str, slot: Callable[[], object],
                keys: tuple[QtGui.QKeySequence.StandardKey | str, ...]) -> QtGui.QAction:
    """An action of the window: its keys work wherever the focus is, its tooltip names them."""
    action = QtGui.QAction(window)  # (not QAction(text, window): see the list page on QIcon)
    action.setText(text)
    if keys:
        action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
    shortcut = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text.replace('&', '')} ({shortcut})" if shortcut else text)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _bound(do: Callable[[Any], object], window: Any) -> Callable[[], object]:
    return lambda: do(window)  # (no argument: ``triggered`` would pass ``checked`` to a default)


def add_actions(window: Any) -> list[QtGui.QAction]:
    """Make every action as ``window.act_<name>``; returns those that need an open assessment."""
    editor_actions = []
    for name, text, keys, needs_editor, do in ACTIONS:
        action = make_action(window, translate("MainWindow", text), _bound(do, window), keys)
        setattr(window, f"act_{name}", action)
        if needs_editor:
            editor_actions.append(action)
    return editor_actions


def add_menus(window: Any) -> None:
    """The menu bar: File (with the backup actions), Edit, Assessment, Help."""
    from secity_desktop.gui.guide_action import add_guide_action  # User guide (F1)

    bar = window.menuBar()
    for title, names in MENUS:
        menu = bar.addMenu(translate("MainWindow", title))
        for name in names:
            menu.addAction(getattr(window, f"act_{name}")) if name else menu.addSeparator()
        if names[-1] == "quit":
            add_backup_actions(window, menu, before=window.act_quit)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    add_guide_action(window, help_menu)
    about = QtGui.QAction(window)
    about.setText(translate("MainWindow", "&About SECity Desktop"))
    about.triggered.connect(lambda: _about(window))
    help_menu.addAction(about)


def _about(window: Any) -> None:
    from secity_desktop.gui.about import AboutDialog

    AboutDialog(window.ws.frameworks.current(), window, window.ws.data_dir, window.ws,
                window.lang).exec()
