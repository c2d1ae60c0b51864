"""The editor driven as an assessor drives it: clicks, digits, typing, files, undo, reopen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Status
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.editor.dialogs import FindIndicatorDialog, MissingDialog, indicator_matches
from secity_desktop.gui.editor.editor import AssessmentEditor, level_for_digit
from secity_desktop.gui.editor.evidence import EvidenceListModel
from secity_desktop.gui.editor.navigator import STATE_ROLE, IndicatorTreeModel
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from tests.gui.helpers import click_button, on_next_modal, type_text


@pytest.fixture
def settings(tmp_path: Path) -> cfg.Settings:
    s = cfg.Settings(tmp_path / "settings.ini")
    s.set(cfg.NOTE_SAVE_DELAY_MS, 50)
    return s


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace, settings: cfg.Settings) -> Iterator[MainWindow]:
    svc = AssessmentService(ws)
    svc.new("5001", 2569)
    w = MainWindow(ws, "th", settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w


def open_first(window: MainWindow) -> AssessmentEditor:
    return window.open_assessment(window.assessment_model.assessment_id(0))


def stored_level(ws: Workspace, aid: str, code: str) -> int | None:
    r = repo.response(ws.db, aid, code)
    return r.level if r else None


def test_open_from_list_with_enter(qtbot: QtBot, window: MainWindow) -> None:
    view = window.assessment_table.view
    view.setFocus()
    view.setCurrentIndex(window.assessment_table.proxy.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.editor is not None
    assert window.editor.current == "1.1"


def test_answer_by_click_updates_score_and_store(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    ed = open_first(window)
    row = ed.page.rows[4]
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert ed.levels["1.1"] == 4
    assert stored_level(ws, ed.aid, "1.1") == 4
    assert ed.score_panel.answered.text().endswith("34") and "1" in ed.score_panel.answered.text()
    assert float(ed.score_panel.total.text().split()[0]) > 0
    # level 4 on an evidence-required indicator without evidence: flagged in the navigator
    assert ed.nav_model.index_of("1.1").data(STATE_ROLE) == "evidence_missing"
    assert "1.1" in ed.score_panel.missing.text()
    assert window.saved_label.text()  # "last saved …" shown
    assert window.assessment_model.index(0, 4).data() == "1/34"


def test_answer_by_keyboard_digits_and_move_with_ctrl_down(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    ed = open_first(window)
    ed.tree.setFocus()
    qtbot.keyClick(ed.tree, Qt.Key.Key_2)
    assert stored_level(ws, ed.aid, "1.1") == 2
    qtbot.keyClick(ed.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ed.current == "1.2"
    qtbot.keyClick(ed.tree, Qt.Key.Key_0)
    assert stored_level(ws, ed.aid, "1.2") == 0
    qtbot.keyClick(ed.tree, Qt.Key.Key_PageDown)
    assert ed.current == "1.3"
    qtbot.keyClick(ed.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert ed.current == "1.2"
    assert ed.page.rows[0].radio.isChecked()
    # a digit with no such level does nothing
    qtbot.keyClick(ed.tree, Qt.Key.Key_9)
    assert stored_level(ws, ed.aid, "1.2") == 0


def test_digits_typed_in_the_note_stay_in_the_note(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    ed = open_first(window)
    ed.page.note.setFocus()
    qtbot.keyClicks(ed.page.note, "3 bins")
    assert ed.page.note.toPlainText() == "3 bins"
    assert stored_level(ws, ed.aid, "1.1") is None


def test_note_is_saved_as_you_type_and_on_leaving(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    ed = open_first(window)
    ed.page.note.setFocus()
    type_text(ed.page.note, "บ่อขยะ ")
    qtbot.waitUntil(
        lambda: (
            (repo.response(ws.db, ed.aid, "1.1") or repo.Response("", None, "", "", "")).note
            == "บ่อขยะ "
        ),
        timeout=3000,
    )
    type_text(ed.page.note, "ปิดแล้ว")
    ed.tree.setFocus()  # leaving the field commits at once
    assert repo.response(ws.db, ed.aid, "1.1").note == "บ่อขยะ ปิดแล้ว"  # type: ignore[union-attr]
    type_text(ed.page.note, "!")
    qtbot.keyClick(ed.tree, Qt.Key.Key_PageDown)  # switching indicators commits too
    assert repo.response(ws.db, ed.aid, "1.1").note.endswith("!")  # type: ignore[union-attr]


def test_undo_and_redo_levels_and_notes(qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    ed = open_first(window)
    ed.tree.setFocus()
    qtbot.keyClick(ed.tree, Qt.Key.Key_1)
    qtbot.keyClick(ed.tree, Qt.Key.Key_3)
    assert stored_level(ws, ed.aid, "1.1") == 3
    qtbot.keyClick(ed.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_level(ws, ed.aid, "1.1") == 1
    assert ed.page.rows[1].radio.isChecked()
    qtbot.keyClick(
        ed.tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored_level(ws, ed.aid, "1.1") == 3
    # a note typed and undone at once (before the save delay): Ctrl+Z in the note field
    ed.page.note.setFocus()
    qtbot.keyClicks(ed.page.note, "draft")
    qtbot.keyClick(ed.page.note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ed.page.note.toPlainText() == ""
    assert repo.response(ws.db, ed.aid, "1.1").note == ""  # type: ignore[union-attr]
    # undo across indicators jumps back to where the change was made
    qtbot.keyClick(ed.page.note, Qt.Key.Key_PageDown)
    assert ed.current == "1.2"
    window.act_undo.trigger()  # the redo of the note is gone; this undoes the level 3 → 1
    assert ed.current == "1.1"
    assert stored_level(ws, ed.aid, "1.1") == 1
    # every step is in the audit log and the chain holds
    assert audit.verify_chain(ws.db) is None
    assert sum(e.action == "response.set" for e in audit.events(ws.db, ed.aid)) >= 5


def test_clear_answer(qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    ed = open_first(window)
    ed.choose_level(2)
    qtbot.keyClick(ed.tree, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert stored_level(ws, ed.aid, "1.1") is None
    assert not any(r.radio.isChecked() for r in ed.page.rows)


def _photo(path: Path, colour: str = "green") -> Path:
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return path


def test_attach_by_button_path_and_drop_deduplicates(
    qtbot: QtBot, window: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    ed = open_first(window)
    ed.choose_level(4)
    photo = _photo(tmp_path / "landfill.jpg")
    with qtbot.waitSignal(ed.importer.finished, timeout=10000):
        ed.add_files([photo])
    assert ed.evidence_model.rowCount() == 1
    assert "landfill.jpg" in ed.evidence_model.index(0).data()
    icon = ed.evidence_model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QtGui.QIcon) and not icon.isNull()
    assert ed.nav_model.index_of("1.1").data(STATE_ROLE) == "answered"
    # the same photo dropped on the page again: linked twice, stored once
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(photo))])
    pos = QtCore.QPointF(10, 10)
    enter = QtGui.QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QtWidgets.QApplication.sendEvent(ed.page, enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(ed.importer.finished, timeout=10000):
        QtWidgets.QApplication.sendEvent(ed.page, drop)
    assert ed.evidence_model.rowCount() == 2
    assert ws.db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
    assert len(list((ws.data_dir / "evidence").glob("??/*"))) == 1


def test_remove_evidence_is_audited(
    qtbot: QtBot, window: MainWindow, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ed = open_first(window)
    ed.choose_level(4)
    doc = tmp_path / "report.pdf"
    doc.write_bytes(b"%PDF-1.4 test")
    with qtbot.waitSignal(ed.importer.finished, timeout=10000):
        ed.add_files([doc])
    ed.page.evidence_view.setCurrentIndex(ed.evidence_model.index(0))
    on_next_modal(click_button("Remove"))
    ed.page.remove_button.click()
    assert ed.evidence_model.rowCount() == 0
    assert "1.1" in ed.card.evidence_missing
    actions = [e.action for e in audit.events(ws.db, ed.aid)]
    assert "evidence.remove" in actions
    assert ws.blobs.exists(ws.db.execute("SELECT sha256 FROM blobs").fetchone()[0])


def test_open_evidence_uses_the_system_viewer(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ed = open_first(window)
    with qtbot.waitSignal(ed.importer.finished, timeout=10000):
        ed.add_files([_photo(tmp_path / "park.jpg", "blue")])
    opened: list[str] = []

    class Handler(QtCore.QObject):
        @QtCore.Slot(QtCore.QUrl)
        def open(self, url: QtCore.QUrl) -> None:
            opened.append(url.toLocalFile())

    handler = Handler()
    QtGui.QDesktopServices.setUrlHandler("file", handler, "open")
    try:
        ed.page.evidence_view.setCurrentIndex(ed.evidence_model.index(0))
        ed.page.open_button.click()
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)  # copied out off the GUI thread
    finally:
        QtGui.QDesktopServices.unsetUrlHandler("file")
    assert opened and opened[0].endswith("park.jpg") and Path(opened[0]).is_file()


def test_close_and_reopen_returns_to_the_same_place(
    qtbot: QtBot, ws: Workspace, settings: cfg.Settings
) -> None:
    svc = AssessmentService(ws)
    a = svc.new("5001", 2569)
    w = MainWindow(ws, "th", settings)
    qtbot.addWidget(w)
    ed = w.open_assessment(a.id)
    ed.open_indicator("3.4")
    ed.choose_level(1)
    ed.page.note.setFocus()
    type_text(ed.page.note, "ยังไม่ได้ตรวจ")
    w.close()  # closing commits the pending note
    assert repo.response(ws.db, a.id, "3.4").note == "ยังไม่ได้ตรวจ"  # type: ignore[union-attr]
    again = MainWindow(ws, "th", settings)
    qtbot.addWidget(again)
    assert again.editor is not None and again.editor.aid == a.id
    assert again.editor.current == "3.4"
    assert again.editor.page.note.toPlainText() == "ยังไม่ได้ตรวจ"
    assert again.editor.page.rows[1].radio.isChecked()
    again.show_list()
    third = MainWindow(ws, "th", settings)
    qtbot.addWidget(third)
    assert third.editor is None


def test_find_indicator(qtbot: QtBot, ws: Workspace) -> None:
    fw = ws.frameworks.current()
    assert indicator_matches(fw, "2.3")[0] == "2.3"
    assert indicator_matches(fw, "ผังเมือง")[0] == "1.1"
    assert "1.1" in indicator_matches(fw, "town plan")
    dialog = FindIndicatorDialog(fw, "th")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "4.")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.chosen() == fw.components[3].indicators[1].code


def test_ctrl_f_opens_find_and_jumps(qtbot: QtBot, window: MainWindow) -> None:
    ed = open_first(window)

    def search(dialog: QtWidgets.QWidget) -> None:
        assert isinstance(dialog, FindIndicatorDialog)
        qtbot.keyClicks(dialog.query, "3.2")
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    on_next_modal(search)
    qtbot.keyClick(ed.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert ed.current == "3.2"


def test_mark_complete_lists_missing_first_then_completes(
    qtbot: QtBot, mini_ws: Workspace, settings: cfg.Settings, tmp_path: Path
) -> None:
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    w = MainWindow(mini_ws, "en", settings)
    qtbot.addWidget(w)
    ed = w.open_assessment(a.id)
    ed.choose_level(2)  # 1.1 at its top level needs evidence

    def go_first(dialog: QtWidgets.QWidget) -> None:
        assert isinstance(dialog, MissingDialog)
        click_button("Go to first")(dialog)

    ed.open_indicator("2.1")
    on_next_modal(go_first)
    ed.score_panel.complete_button.click()
    assert ed.current == "1.2"  # first unanswered
    ed.choose_level(1)
    ed.open_indicator("2.1")
    ed.choose_level(0)
    assert ed.card.evidence_missing == ("1.1",)
    ed.open_indicator("1.1")
    with qtbot.waitSignal(ed.importer.finished, timeout=10000):
        ed.add_files([_photo(tmp_path / "a.jpg")])
    on_next_modal(click_button("Mark complete"))
    w.act_complete.trigger()
    assert svc.get(a.id).status == Status.COMPLETE.value
    assert not ed.score_panel.complete_button.isEnabled()


def test_non_editable_status_is_read_only(
    qtbot: QtBot, ws: Workspace, settings: cfg.Settings
) -> None:
    svc = AssessmentService(ws)
    a = svc.new("5001", 2569)
    svc.set_response(a.id, "1.1", 2)
    repo.set_status(ws.db, a.id, Status.FINALIZED.value, a.updated_at, "tester")
    w = MainWindow(ws, "en", settings)
    qtbot.addWidget(w)
    w.show()
    ed = w.open_assessment(a.id)
    assert not ed.banner.isHidden()
    assert not ed.page.levels_box.isEnabled()
    assert ed.page.note.isReadOnly()
    assert not ed.page.add_button.isEnabled()
    qtbot.keyClick(ed.tree, Qt.Key.Key_3)
    assert stored_level(ws, a.id, "1.1") == 2


def test_models_pass_modeltester(qtmodeltester: ModelTester, ws: Workspace, tmp_path: Path) -> None:
    svc = AssessmentService(ws)
    a = svc.new("5001", 2569)
    svc.set_response(a.id, "1.1", 3)
    fw = ws.frameworks.current()
    nav = IndicatorTreeModel(fw, "th")
    qtmodeltester.check(nav)
    nav.set_card(svc.scorecard(a.id))
    assert nav.index_of("1.1").data(STATE_ROLE) == "evidence_missing"
    qtmodeltester.check(nav)
    svc.attach(a.id, "1.1", _photo(tmp_path / "x.jpg"))
    ev = EvidenceListModel(svc.evidence_path, "th")
    ev.set_items(svc.evidence(a.id))
    qtmodeltester.check(ev)
    assert ev.rowCount() == 1


def test_level_for_digit() -> None:
    assert level_for_digit([0, 1, 2, 3, 4], 3) == 3
    assert level_for_digit([1, 5], 5) == 5
    assert level_for_digit([1, 5], 2) == 5  # second level
    assert level_for_digit([0, 1, 2], 7) is None
