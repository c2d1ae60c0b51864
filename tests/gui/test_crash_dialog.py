"""Unexpected errors in the GUI: a report, an honest dialog, and the window keeps working."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop import log
from secity_desktop.gui.crash import CrashDialog, CrashHandler
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace


def _raise(exc: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_slot_error_reports_and_says_nothing_was_lost(qtbot: QtBot, ws: Workspace) -> None:
    aid = AssessmentService(ws).new("5001", 2569).id
    window = MainWindow(ws, "th")
    qtbot.addWidget(window)
    editor = window.open_assessment(aid)
    editor.page.note.setPlainText("typed but not yet saved")  # the note waits for a pause
    handler = CrashHandler(lambda: ws.data_dir, lambda: True, window, show=False)
    handler.attach(window)
    handler.excepthook(*_raise(KeyError("boom")))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: handler.last_dialog is not None)
    dialog = handler.last_dialog
    assert dialog is not None and dialog.report is not None
    assert "Nothing was lost" in dialog.message.text()
    assert str(dialog.report) in dialog.message.text()
    code = editor.current
    assert AssessmentService(ws).view(aid) and editor.notes[code] == "typed but not yet saved"
    text = dialog.report.read_text("utf-8")
    assert "KeyError" in text and "Traceback" in text and f"data_dir: {ws.data_dir}" in text
    assert dialog.report.parent == log.log_dir() / "crash"
    dialog.copy_report()
    assert "KeyError" in QtWidgets.QApplication.clipboard().text()
    assert dialog.folder_url().toLocalFile() == str(dialog.report.parent)
    assert window.editor is editor and editor.isEnabled()  # the app carries on where it was
    handler.excepthook(*_raise(KeyError("boom")))  # type: ignore[arg-type]
    qtbot.wait(20)
    assert handler.dialogs == 1  # the same error again: reported, not another dialog
    dialog.deleteLater()


def test_unsaved_note_is_admitted_not_hidden(qtbot: QtBot, ws: Workspace) -> None:
    handler = CrashHandler(lambda: ws.data_dir, lambda: False, show=False)
    handler.excepthook(*_raise(ValueError("x")))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: handler.last_dialog is not None)
    assert handler.last_dialog is not None
    assert "may not have been saved" in handler.last_dialog.message.text()
    handler.last_dialog.deleteLater()


def test_store_error_makes_no_promise(qtbot: QtBot, ws: Workspace) -> None:
    handler = CrashHandler(lambda: ws.data_dir, lambda: True, show=False)
    handler.excepthook(*_raise(sqlite3.DatabaseError("database disk image is malformed")))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: handler.last_dialog is not None)
    assert handler.last_dialog is not None
    text = handler.last_dialog.message.text()
    assert "Nothing was lost" not in text and "start it again" in text
    handler.last_dialog.deleteLater()


def test_worker_thread_error_reaches_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    handler = CrashHandler(lambda: None, lambda: True, show=False)
    handler.install()
    try:
        t = threading.Thread(target=lambda: 1 / 0)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: handler.last_dialog is not None)
    finally:
        handler.uninstall()
    assert handler.last_dialog is not None
    assert "ZeroDivisionError" in handler.last_dialog.report_text
    assert QtCore.QThread.currentThread() is handler.last_dialog.thread()
    handler.last_dialog.deleteLater()


@pytest.mark.qt_no_exception_capture
def test_a_real_slot_exception_goes_through_the_hook(qtbot: QtBot) -> None:
    handler = CrashHandler(lambda: None, lambda: True, show=False)
    handler.install()
    button = QtWidgets.QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: {}["no such key"])
    try:
        button.click()
        qtbot.waitUntil(lambda: handler.last_dialog is not None)
    finally:
        handler.uninstall()
    assert handler.last_dialog is not None and "KeyError" in handler.last_dialog.report_text
    handler.last_dialog.deleteLater()


def test_dialog_in_thai(qtbot: QtBot, tmp_path: Path) -> None:
    from secity_desktop.gui.i18n import Translations

    app = QtWidgets.QApplication.instance()
    translations = Translations(app)  # type: ignore[arg-type]
    translations.install("th")
    try:
        dialog = CrashDialog(tmp_path / "r.txt", "text", True, False)
        qtbot.addWidget(dialog)
        assert "ไม่มีข้อมูลใดสูญหาย" in dialog.message.text()
        assert "คัดลอก" in dialog.copy_button.text()
    finally:
        translations.uninstall()
