"""The shell window: the app's frame painted before the workspace is opened.

Opening a workspace imports the store (sqlite-utils), the services (pydantic)
and builds the main window; on a field laptop that is most of a second before
anything shows. So ``app.main`` first paints this shell — the main window's
title, style, size and tab bar, with "Opening the workspace…" in the status
bar — as soon as Qt, the fonts and the language are ready, then builds the
real window behind it and shows it in the shell's place. Nothing here imports
a service: that is the point.
"""

from __future__ import annotations

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.style import STYLE_SHEET

PLACES = ("Assessments", "Municipalities", "Framework", "Sync")


def paint_shell(app: QtWidgets.QApplication, settings: cfg.Settings) -> QtWidgets.QMainWindow:
    translate = QtCore.QCoreApplication.translate
    shell = QtWidgets.QMainWindow()
    shell.setObjectName("shellWindow")
    shell.setWindowTitle(
        QtCore.QCoreApplication.translate(
            "MainWindow", "SECity Desktop — Sustainable Environment City"
        )
    )
    shell.setStyleSheet(STYLE_SHEET)
    shell.resize(1280, 760)
    geometry = settings.state(cfg.GEOMETRY)
    if geometry is not None:
        shell.restoreGeometry(geometry)
    tabs = QtWidgets.QTabWidget(shell)
    tabs.setDocumentMode(True)
    for title in PLACES:  # the main window's own titles (same context, same catalogue)
        tabs.addTab(QtWidgets.QWidget(tabs), translate("MainWindow", title))
    shell.setCentralWidget(tabs)
    shell.statusBar().showMessage(
        QtCore.QCoreApplication.translate("Shell", "Opening the workspace…")
    )
    shell.show()
    app.processEvents()  # painted now, before the workspace opens
    return shell


def replace_shell(shell: QtWidgets.QMainWindow | None, window: QtWidgets.QMainWindow) -> None:
    """Show the real window where the shell was, then close the shell."""
    if shell is None:
        window.show()
        return
    if shell.isMaximized():
        window.showMaximized()
    else:
        window.setGeometry(shell.geometry())
        window.show()
    shell.close()
    shell.deleteLater()
