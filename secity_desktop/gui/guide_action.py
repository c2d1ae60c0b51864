"""Help › User guide (F1): the menu action, without loading the guide viewer.

The main window adds this action while it is built, before its first paint; the viewer
(``gui/help_viewer.py``: the guide's pages, their index, rich-text rendering) is
imported the first time someone asks for help.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets


def add_guide_action(window: Any, menu: QtWidgets.QMenu) -> QtGui.QAction:
    """Help › User guide (F1) in ``menu``; F1 works from anywhere in the window."""
    action = QtGui.QAction(window)  # (its text apart: no QIcon overload tried at start-up)
    action.setText(QtCore.QCoreApplication.translate("HelpViewer", "&User guide"))
    action.setShortcut(QtGui.QKeySequence("F1"))
    action.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: _show(window))
    window.addAction(action)
    menu.addAction(action)
    window.act_guide = action
    return action


def _show(window: Any) -> None:
    from secity_desktop.gui.help_viewer import show_guide

    show_guide(window)
