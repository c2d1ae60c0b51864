"""Message boxes and standard buttons in the UI language.

PySide6 ships no ``qtbase_th`` catalogue, so Qt's own "OK", "Cancel", "Yes"
would stay English in a Thai UI. Every dialog here names its buttons through
our catalogue instead (context ``Buttons``).
"""

from __future__ import annotations

from secity_desktop.core.thai_calendar import format_date, parse_iso
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import wrapped

SB = QtWidgets.QDialogButtonBox.StandardButton


def button_texts() -> dict[SB, str]:
    return {
        SB.Ok: QtCore.QCoreApplication.translate("Buttons", "OK"),
        SB.Cancel: QtCore.QCoreApplication.translate("Buttons", "Cancel"),
        SB.Close: QtCore.QCoreApplication.translate("Buttons", "Close"),
        SB.Open: QtCore.QCoreApplication.translate("Buttons", "Open"),
    }


def translate_buttons(box: QtWidgets.QDialogButtonBox) -> QtWidgets.QDialogButtonBox:
    for which, text in button_texts().items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    return box


def confirm(parent: QtWidgets.QWidget | None, title: str, text: str, accept_text: str) -> bool:
    """Ask before a consequential step; the accept button says what will happen."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(wrapped(text))  # Thai wraps at words where Qt has no libthai (Windows)
    yes = box.addButton(accept_text, QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        QtCore.QCoreApplication.translate("Buttons", "Cancel"),
        QtWidgets.QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def warn(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(wrapped(text))  # Thai wraps at words where Qt has no libthai (Windows)
    box.addButton(
        QtCore.QCoreApplication.translate("Buttons", "OK"),
        QtWidgets.QMessageBox.ButtonRole.AcceptRole,
    )
    box.exec()


def when_text(iso: str | None, lang: str = "th") -> str:
    """A stored UTC time as people read it: local time, Buddhist Era year, in either language."""
    if not iso:
        return ""
    moment = parse_iso(iso)
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{format_date(local.date(), lang, short=True)} {local:%H:%M}"


def fit_to_screen(window: QtWidgets.QWidget, width: int, height: int, *, cap: bool = True) -> None:
    """Resize to the preferred size, but never beyond the screen the window is on.

    Government laptops often have 1024×600 screens (or 200 % scaling, the same
    logical space): a window larger than the available area puts its buttons
    off-screen. A margin is left for the window frame and title bar; with ``cap``
    the window may not grow past the screen either (long wrapped text in a dialog).
    """
    screen = window.screen() or QtWidgets.QApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width() - FRAME.width())
        height = min(height, area.height() - FRAME.height())
        if cap:
            window.setMaximumSize(area.width() - FRAME.width(), area.height() - FRAME.height())
    window.resize(width, height)


FRAME = QtCore.QSize(24, 48)
"""Room left for a window's frame and title bar when it is sized to the screen."""
