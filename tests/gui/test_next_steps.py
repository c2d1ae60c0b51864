"""No blank place and no dead end: what each page says to do next, and the enrol check."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.framework_view import FrameworkView
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.transfer.enrol_dialog import EnrolKeyDialog, fingerprint_matches
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from tests.bundle import flow

FP = "SHA256:wJxwVyh3nG/deVrSx6R1+NLe2cSJTTwflDuxMQ+DgWM"


def test_fingerprint_comparison() -> None:
    assert fingerprint_matches(FP, "") is None
    assert fingerprint_matches(FP, FP) and fingerprint_matches(FP, FP.removeprefix("SHA256:"))
    assert fingerprint_matches(FP, "DuxMQ+ DgWM")  # the last characters, spaces as read out
    assert fingerprint_matches(FP, "DgWM") is False  # too short to mean anything
    assert fingerprint_matches(FP, "duxmq+dgwm") is False  # case is part of it


def test_enrol_dialog_needs_a_comparison(qtbot: QtBot) -> None:
    dialog = EnrolKeyDialog(FP, "สมชาย ใจดี", "สสภ.1", "ผู้ประเมิน", from_bundle="f.secbundle")
    qtbot.addWidget(dialog)
    assert not dialog.enrol_button.isEnabled()
    dialog.confirmed.setChecked(True)  # compared by eye
    assert dialog.enrol_button.isEnabled()
    dialog.heard.setText("XXXXXXXXXX")  # but what was read out differs: never enrol
    assert not dialog.enrol_button.isEnabled()
    dialog.heard.setText(FP[-8:])
    dialog.name.setText(" ")
    assert not dialog.enrol_button.isEnabled()  # a key needs a name


def test_framework_pane_is_never_blank(qtbot: QtBot, ws: Workspace) -> None:
    view = FrameworkView(ws.frameworks.current(), "en")
    qtbot.addWidget(view)
    first = ws.frameworks.current().indicators[0]
    assert first.code in view.details.toPlainText()
    view.tree.setCurrentIndex(view.model.index(1, 0))  # a component
    text = view.details.toPlainText()
    assert "Weight" in text and ws.frameworks.current().components[1].indicators[0].code in text


def test_send_page_and_office_list_say_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    a = flow.assessor(tmp_path / "a")
    try:
        window = MainWindow(a, "en")
        qtbot.addWidget(window)
        export = window.sync_place.export_page
        assert export is not None and "Nothing to send yet" in export.hint.text()
        assert window.empty_hint.isVisibleTo(window)
        assert window.findChild(QtWidgets.QPushButton, "importHintButton") is None
        aid = flow.complete(a, "5001", evidence_every=1)
        export.refresh_ready()
        assert "Finalize and sign" in export.hint.text()
        editor = window.open_assessment(aid)
        assert "Sync › Send" in editor.next_step.text() and editor.next_step_bar.isVisibleTo(editor)
        editor.next_step_button.click()
        assert window.places.currentWidget() is window.sync_place
        assert window.sync_place.currentWidget() is export
    finally:
        a.close()
    n = open_workspace(tmp_path / "n")
    init_workspace(n, role=Role.NATIONAL, province_code=None, user_name="ส่วนกลาง")
    try:
        window = MainWindow(n, "en")
        qtbot.addWidget(window)
        assert window.empty_hint.isVisibleTo(window)
        window.findChild(QtWidgets.QPushButton, "importHintButton").click()
        assert window.sync_place.currentWidget() is window.sync_place.import_page
    finally:
        n.close()


def test_a_received_assessment_in_the_editor_leads_to_review(qtbot: QtBot, tmp_path: Path) -> None:
    """An office opening a received assessment reads it only; the bar says to review it and
    its button opens Review on that assessment (its year chosen)."""
    from secity_desktop.cli.main import main as cli_main
    from secity_desktop.core.lifecycle import Status

    data = tmp_path / "p"
    assert cli_main(["--data-dir", str(data), "init", "--role", "province", "--province", "50",
                     "--name", "สมชาย ใจดี", "--demo"]) == 0
    ws = open_workspace(data)
    window = MainWindow(ws, "en")
    qtbot.addWidget(window)
    try:
        aid = ws.db.execute("select id from assessments where status = ? limit 1",
                            [Status.RECEIVED.value]).fetchone()[0]
        editor = window.open_assessment(aid)
        assert editor.next_step_bar.isVisibleTo(window)
        assert "Review" in editor.next_step.text() and not editor.editable
        assert editor.next_step_button.text() == "Go to Review…"
        editor.next_step_button.click()
        review = window.review_place
        assert window.places.currentWidget() is review and review.current_id == aid
    finally:
        window.close()
        ws.close()
