"""Driving modal dialogs from tests: act on the next modal widget when it appears."""

from __future__ import annotations

from collections.abc import Callable

from secity_desktop.gui.qt import QtCore, QtWidgets


def on_next_modal(act: Callable[[QtWidgets.QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog once its event loop is running."""

    def poll() -> None:
        widget = QtWidgets.QApplication.activeModalWidget()
        if widget is None:
            QtCore.QTimer.singleShot(10, poll)
            return
        act(widget)

    QtCore.QTimer.singleShot(0, poll)


def click_button(text_part: str) -> Callable[[QtWidgets.QWidget], None]:
    def act(widget: QtWidgets.QWidget) -> None:
        for b in widget.findChildren(QtWidgets.QAbstractButton):
            if text_part in b.text().replace("&", ""):
                b.click()
                return
        raise AssertionError(f"no button {text_part!r} in {widget.windowTitle()!r}")

    return act


def type_text(widget: QtWidgets.QWidget, text: str) -> None:
    """Type any text, Thai included (QTest.keyClicks only maps ASCII to keys)."""
    from secity_desktop.gui.qt import Qt, QtGui

    for ch in text:
        for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
            event = QtGui.QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            QtWidgets.QApplication.sendEvent(widget, event)
