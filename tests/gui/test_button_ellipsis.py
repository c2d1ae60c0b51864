"""A button that opens a dialog says so with "…" (Thai too): every place, every role.

The walk opens the main window in Thai for each role, visits every place and tab,
selects each of the first rows of each table in turn, and clicks (twice over, as a first click may enable
another) each visible, enabled push button whose text does not end in "…"; a dialog that opens (any ``QDialog`` but a message box, which
only confirms or reports) fails the test with the button's text. Message boxes are
answered with their escape button; nothing else is done in the dialogs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.i18n import Translations
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtCore, QtWidgets
from tests.gui.small_screen import ROLES_TEXT, seeded, walk_tabs

ELLIPSIS = "…"
#: Rows tried in each table (the demo's review list holds approved, returned, received and
#: under-review assessments in its first four).
ROWS = 4
#: A Thai mnemonic follows the text in brackets: "สร้างแบบประเมินใหม่… (&N)".
MNEMONIC = re.compile(r"\s*\(&?\w\)$")


def shown_text(button: QtWidgets.QAbstractButton) -> str:
    """The button's words, without the mnemonic's "&" or its Thai "(&N)" suffix."""
    return MNEMONIC.sub("", button.text()).replace("&", "")


class DialogWatch(QtCore.QObject):
    """Notes each dialog that opens while a button is clicked, and closes it."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QtWidgets.QWidget] = []
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        modal = QtWidgets.QApplication.activeModalWidget()
        if modal is None:
            return
        self.opened.append(modal)
        if isinstance(modal, QtWidgets.QDialog):
            modal.reject()
        else:
            modal.close()


def _dialogs_from_plain_buttons(window: MainWindow, watch: DialogWatch) -> list[str]:
    app = QtWidgets.QApplication.instance()
    bad: list[str] = []

    def visit(where: str) -> None:
        page = window.places.currentWidget()
        for row in range(ROWS):  # rows of different statuses enable different buttons
            views = [v for v in page.findChildren(QtWidgets.QAbstractItemView)
                     if v.isVisible() and v.model() is not None and v.model().rowCount() > row]
            if row and not views:
                break
            for view in views:
                view.setCurrentIndex(view.model().index(row, 0))
            app.processEvents()  # type: ignore[union-attr]
            click_plain_buttons(page, where)

    def click_plain_buttons(page: QtWidgets.QWidget, where: str) -> None:
        # twice: a first click may enable another button ("Start review" → "Approve…")
        for button in page.findChildren(QtWidgets.QPushButton) * 2:
            text = shown_text(button)
            if not (button.isVisible() and button.isEnabled()) or text.endswith(ELLIPSIS):
                continue
            if isinstance(button.parentWidget(), QtWidgets.QDialogButtonBox):
                continue
            before = set(QtWidgets.QApplication.topLevelWidgets())
            watch.opened.clear()
            button.click()
            app.processEvents()  # type: ignore[union-attr]
            opened = watch.opened + [w for w in set(QtWidgets.QApplication.topLevelWidgets())
                                     - before if isinstance(w, QtWidgets.QDialog) and w.isVisible()]
            for w in opened:
                if isinstance(w, QtWidgets.QDialog) and not isinstance(w, QtWidgets.QMessageBox):
                    problem = f"{where}: «{text}» opens {w.windowTitle() or type(w).__name__}"
                    if problem not in bad:
                        bad.append(problem)
                    w.close()

    walk_tabs(window, visit)
    return bad


@pytest.mark.parametrize("role", ROLES_TEXT)
def test_every_button_that_opens_a_dialog_ends_with_an_ellipsis(
        qtbot: QtBot, qapp, tmp_path: Path, role: str) -> None:  # type: ignore[no-untyped-def]
    thai = Translations(qapp)
    assert thai.install("th")
    ws = seeded(tmp_path, Role(role))
    try:
        window = MainWindow(ws, "th", cfg.Settings(tmp_path / "s.ini"), restore=False)
        qtbot.addWidget(window)
        window.show()
        watch = DialogWatch()
        try:
            bad = _dialogs_from_plain_buttons(window, watch)
            assert bad == [], '\n'.join(bad)
        finally:
            watch.timer.stop()
            window.close()
    finally:
        thai.uninstall()
        ws.close()
