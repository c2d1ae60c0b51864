"""Message boxes and standard buttons in the UI language.

Every message box of the app is made here (``warn``, ``inform``, ``ask``, ``confirm``,
``fail``): its text is broken at Thai words (``message_text``) and its buttons are Thai.
``tests/gui/test_message_boxes.py`` fails on a direct ``QMessageBox.warning(...)`` elsewhere.

PySide6 ships no ``qtbase_th`` catalogue, so Qt's own "OK", "Cancel", "Yes"
would stay English in a Thai UI. Every dialog here names its buttons through
our catalogue instead (context ``Buttons``).
"""

from __future__ import annotations

from secity_desktop.core.thai_calendar import format_date, parse_iso
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import prebreak, strip_break_hints, wrapped


def __getattr__(name: str) -> object:
    """``SB``: the standard buttons, looked up when first asked for (touching
    ``QDialogButtonBox`` from Python builds its enums, ≈ 4 ms of a start that shows none)."""
    if name == "SB":
        return QtWidgets.QDialogButtonBox.StandardButton
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def button_texts() -> dict[QtWidgets.QDialogButtonBox.StandardButton, str]:
    SB = QtWidgets.QDialogButtonBox.StandardButton
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


# Qt's soft limit for a message box's width on a screen (``QMessageBoxPrivate::updateSize``):
# half the screen, at most 500 px. Wider, and Qt turns its label's word wrap on.
SOFT_LIMIT = 500


def message_width(box: QtWidgets.QMessageBox) -> int:
    """Pixels a line of ``box``'s text may take without Qt wrapping it: Qt's soft limit on the
    box's screen less what the icon and margins take beside the text."""
    screen = box.screen() or QtWidgets.QApplication.primaryScreen()
    soft = min(screen.availableGeometry().width() // 2, SOFT_LIMIT) if screen else SOFT_LIMIT
    saved = box.text()
    box.setText("")
    box.layout().activate()
    beside = box.layout().totalMinimumSize().width()
    box.setText(saved)
    return max(120, soft - beside - 4)


def message_text(text: str, width: float, font: QtGui.QFont | None = None) -> str:
    """``text`` as a message box shows it: Thai word boundaries hinted and the lines broken
    at those hints for ``width`` pixels.

    Where Qt has no libthai (Windows) the hints let a long Thai line wrap at words at all;
    where it has libthai (Linux) its dictionary may still split a word ("ครั้งถัด|ไป") inside
    Qt's own label. Lines that already fit leave Qt nothing to break, and no line is wider
    than Qt's soft limit, so Qt does not turn its own wrapping on (docs/thai-everywhere.md).
    """
    metrics = QtGui.QFontMetricsF(font or QtWidgets.QApplication.font("QMessageBox"))
    return prebreak(wrapped(text), width, metrics)


def plain_text(box: QtWidgets.QMessageBox) -> str:
    """The text a message box was given, without break hints or the lines broken for it."""
    return str(box.property("plain_text") or strip_break_hints(box.text()))


def show_box(box: QtWidgets.QMessageBox) -> QtWidgets.QAbstractButton | None:
    """Every message box of the app is shown here; the button pressed comes back.

    One place to answer them: a test patches this function (``monkeypatch.setattr(common,
    "show_box", …)``) and reads :func:`plain_text`."""
    box.exec()
    return box.clickedButton()


def message_box(parent: QtWidgets.QWidget | None, icon: QtWidgets.QMessageBox.Icon,
                title: str, text: str) -> QtWidgets.QMessageBox:
    """A message box with ``text`` broken at Thai words (:func:`message_text`); no buttons yet."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message_text(text, message_width(box), box.font()))
    box.setProperty("plain_text", text)
    box.setAccessibleDescription(text)  # screen readers read the text without the breaks
    return box


def confirm(parent: QtWidgets.QWidget | None, title: str, text: str, accept_text: str) -> bool:
    """Ask before a consequential step; the accept button says what will happen."""
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text)
    yes = box.addButton(accept_text, QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        QtCore.QCoreApplication.translate("Buttons", "Cancel"),
        QtWidgets.QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(yes)
    return show_box(box) is yes


def ask(parent: QtWidgets.QWidget | None, title: str, text: str, *, default: bool = True) -> bool:
    """A yes/no question (Qt's Yes and No, which the app's Qt catalogue puts in Thai);
    ``default`` is the answer Enter gives. True for yes."""
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text)
    yes_no = QtWidgets.QMessageBox.StandardButton
    box.setStandardButtons(yes_no.Yes | yes_no.No)
    box.setDefaultButton(yes_no.Yes if default else yes_no.No)
    return show_box(box) is box.button(yes_no.Yes)


def _tell(parent: QtWidgets.QWidget | None, icon: QtWidgets.QMessageBox.Icon,
          title: str, text: str) -> None:
    box = message_box(parent, icon, title, text)
    box.addButton(
        QtCore.QCoreApplication.translate("Buttons", "OK"),
        QtWidgets.QMessageBox.ButtonRole.AcceptRole,
    )
    show_box(box)


def warn(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    """Something was refused or went wrong; says what and what to do (an OK button)."""
    _tell(parent, QtWidgets.QMessageBox.Icon.Warning, title, text)


def inform(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    """Something was done, or where to go next (an OK button)."""
    _tell(parent, QtWidgets.QMessageBox.Icon.Information, title, text)


def fail(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    """A failure that is not the person's doing (a bug, a broken install)."""
    _tell(parent, QtWidgets.QMessageBox.Icon.Critical, title, text)


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


def grow_to_text(window: QtWidgets.QWidget) -> None:
    """Make ``window`` as tall as its wrapped text needs at its present width (within the screen).

    A dialog is first sized from its size hint, which guesses a wrapped label's lines at
    another width; and a :class:`ThaiLabel`'s minimum height is one line, so the layout
    does not object when the last lines are cut off. Call once the window is shown."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    layout.activate()
    need = layout.totalHeightForWidth(window.width())
    screen = window.screen() or QtWidgets.QApplication.primaryScreen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - FRAME.height())
    if need > window.height():
        window.resize(window.width(), need)


FRAME = QtCore.QSize(24, 48)
"""Room left for a window's frame and title bar when it is sized to the screen."""
