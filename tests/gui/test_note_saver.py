"""When a typed note is committed (gui/editor/note_saver.py): pause, cap, focus out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui.editor.note_saver import NoteSaver
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets

_HOSTS: list[QtWidgets.QWidget] = []


@pytest.fixture(autouse=True)
def _hosts() -> Iterator[None]:
    yield
    _HOSTS.clear()


def _saver(qtbot: QtBot, editable: bool = True, delay: int = 50) -> tuple[NoteSaver, list[str]]:
    host = QtWidgets.QWidget()
    qtbot.addWidget(host)
    note = QtWidgets.QPlainTextEdit(host)
    flushed: list[str] = []
    saver = NoteSaver(note, lambda: flushed.append(note.toPlainText()), lambda: editable, delay, host)
    _HOSTS.append(host)  # (the saver's parent: alive for the test)
    return saver, flushed


def test_a_pause_in_typing_commits(qtbot: QtBot) -> None:
    saver, flushed = _saver(qtbot)
    saver.note.insertPlainText("ok")
    assert saver.note_timer.isActive() and saver.note_cap_timer.isActive()
    qtbot.waitUntil(lambda: flushed == ["ok"], timeout=2000)


def test_typing_that_never_pauses_is_committed_within_a_second(qtbot: QtBot) -> None:
    saver, flushed = _saver(qtbot, delay=400)
    assert saver.note_cap_timer.interval() == 1000
    typing = QtCore.QTimer()
    typing.timeout.connect(lambda: saver.note.insertPlainText("x"))
    typing.start(50)  # a key every 50 ms: the pause timer never fires
    try:
        qtbot.waitUntil(lambda: bool(flushed), timeout=1500)
    finally:
        typing.stop()
    assert len(flushed[0]) >= 10


def test_stop_and_read_only(qtbot: QtBot) -> None:
    saver, flushed = _saver(qtbot)
    saver.note.insertPlainText("a")
    saver.stop()
    qtbot.wait(150)
    assert flushed == []
    quiet, none = _saver(qtbot, editable=False)
    quiet.note.insertPlainText("b")
    assert not quiet.note_timer.isActive() and not quiet.note_cap_timer.isActive()
    assert none == []


def test_leaving_the_note_commits_and_undo_goes_to_the_window(qtbot: QtBot) -> None:
    saver, flushed = _saver(qtbot, delay=5000)
    saver.note.insertPlainText("typed")
    QtWidgets.QApplication.sendEvent(saver.note, QtGui.QFocusEvent(QtCore.QEvent.Type.FocusOut))
    assert flushed == ["typed"]
    undo = QtGui.QKeyEvent(QtCore.QEvent.Type.ShortcutOverride, Qt.Key.Key_Z,
                           Qt.KeyboardModifier.ControlModifier)
    assert saver.eventFilter(saver.note, undo) is True
    assert not undo.isAccepted()
    other = QtGui.QKeyEvent(QtCore.QEvent.Type.ShortcutOverride, Qt.Key.Key_A,
                            Qt.KeyboardModifier.NoModifier)
    assert saver.eventFilter(saver.note, other) is False
