"""None outlives PySide6 6.12's void-return reference bug on Python 3.11."""

from __future__ import annotations

import sys

import pytest

from secity_desktop.gui import none_guard
from secity_desktop.gui.qt import QtCore, QtWidgets


@pytest.mark.skipif(not none_guard.needed(), reason="None is immortal from Python 3.12")
def test_void_qt_calls_are_paid_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QtWidgets.QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
    drained = before - sys.getrefcount(None)  # the upstream bug, as measured (0 once fixed)
    assert drained >= 0
    monkey_low = sys.getrefcount(None) + 1
    old = none_guard.LOW
    none_guard.LOW = monkey_low
    try:
        assert none_guard.top_up()
        assert sys.getrefcount(None) >= monkey_low + none_guard.TOP_UP - 1
        assert not none_guard.top_up() or sys.getrefcount(None) >= none_guard.LOW
    finally:
        none_guard.LOW = old


def test_the_app_installs_the_guard(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.app import main

    window = main(["--data-dir", str(tmp_path / "w"), "--demo", "--lang", "en"], exec_=False)
    qtbot.addWidget(window)
    try:
        app = QtWidgets.QApplication.instance()
        if none_guard.needed():
            assert app.findChild(QtCore.QTimer, "noneGuard") is not None
            assert sys.getrefcount(None) >= none_guard.LOW
    finally:
        window.close()
        window._translations.uninstall()  # type: ignore[attr-defined]
