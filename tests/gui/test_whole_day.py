"""A whole working day in the GUI alone, in Thai: every role, every step, no command line.

Three workspaces (an assessor, the Chiang Mai provincial office, the national
office), each started as a new user starts it: ``secity`` with an empty data
folder, the first-run wizard, then the window built for the chosen role.
Everything is done through the widgets: buttons clicked, dialogs answered as
they open, files "chosen" by answering Qt's file dialogs. The test reads the
stores only to check what happened.

The day, in the order it happens for real: the province office is set up first
and exports its public key; the assessor enrols it as an office key (so every
field bundle is sealed to it), creates an assessment, answers and attaches
evidence, marks it complete (and is told where finalizing happens), finalizes
and exports — a sealed ``.age`` file. The province opens it with its passphrase;
the dry run refuses it (unknown signer) and says so in Thai with the sender's
claimed name and fingerprint; the province enrols the sender from that row after
comparing the fingerprint (the re-check asks the passphrase again), imports,
reviews with an override and returns it (sealed to the assessor's key). The
assessor opens the return, revises and re-exports (sealed); the province imports,
approves, chooses the model town (a town below every tier is not offered), prints
the certificate and checks its key window in Reports. The national office is set
up; its key reaches the province, which enrols it as an office key, then writes
the upward bundle (sealed to the nation). The nation enrols the province from its
public-key file, opens the upward bundle with its passphrase, imports, and
Coverage shows it. Every bundle of the day is asserted to be an age file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.app import main
from secity_desktop.bundle.encryption import AGE_MAGIC
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.gui import common
from secity_desktop.gui.first_run import FirstRunWizard
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.gui.reports_place import CERTIFICATE
from secity_desktop.gui.review_dialogs import OverrideDialog, ReasonDialog
from secity_desktop.gui.review_place import row_index
from secity_desktop.gui.transfer.dialogs import PassphraseDialog
from secity_desktop.gui.transfer.enrol_dialog import EnrolKeyDialog
from secity_desktop.services.identity import Identity
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.store import assessments as repo

PHRASE = "ต้นไม้ริมคลอง 2569"
PROVINCE_PHRASE = "ดอยสุเทพยามเช้า 2569"
NATION_PHRASE = "แม่น้ำเจ้าพระยา 2569"
WAIT = 30_000

Act = Callable[[QtWidgets.QWidget], None]


def modals(*acts: Act, _seen: list[QtWidgets.QWidget] | None = None) -> None:
    """Answer the next modal dialogs in turn, each as soon as it is the active modal widget."""
    if not acts:
        return
    first, rest = acts[0], acts[1:]
    seen: list[QtWidgets.QWidget] = [] if _seen is None else _seen

    def poll() -> None:
        widget = QtWidgets.QApplication.activeModalWidget()
        if widget is None or any(widget is s for s in seen):
            QtCore.QTimer.singleShot(10, poll)
            return
        seen.append(widget)
        modals(*rest, _seen=seen)  # armed before this one closes; it never answers this one
        try:
            first(widget)
        except BaseException:
            widget.close()  # never leave a modal loop running: the test would hang
            raise

    QtCore.QTimer.singleShot(0, poll)


def passphrase(text: str, repeat: bool = False) -> Act:
    def act(w: QtWidgets.QWidget) -> None:
        assert isinstance(w, PassphraseDialog), type(w)
        w.phrase.setText(text)
        if repeat:
            assert w.repeat is not None
            w.repeat.setText(text)
        w._check()

    return act


def accept_box(w: QtWidgets.QWidget) -> None:
    """A question box: press its accepting button (whatever it is called)."""
    assert isinstance(w, QtWidgets.QMessageBox), type(w)
    for b in w.buttons():
        if w.buttonRole(b) in (QtWidgets.QMessageBox.ButtonRole.AcceptRole,
                               QtWidgets.QMessageBox.ButtonRole.YesRole):
            b.click()
            return
    raise AssertionError("no accepting button")


def reason(text: str) -> Act:
    def act(w: QtWidgets.QWidget) -> None:
        assert isinstance(w, ReasonDialog), type(w)
        w.edit.setPlainText(text)
        w.ok_button.click()

    return act


def override(level: int, why: str) -> Act:
    def act(w: QtWidgets.QWidget) -> None:
        assert isinstance(w, OverrideDialog), type(w)
        w.level.setCurrentIndex(w.level.findData(level))
        w.edit.setPlainText(why)
        w.ok_button.click()

    return act


def enrol_by_reading(expect_name: str | None, name: str = "") -> Act:
    """The enrol dialog: the sender reads out the last characters; they match; enrol."""

    def act(w: QtWidgets.QWidget) -> None:
        assert isinstance(w, EnrolKeyDialog), type(w)
        if expect_name is not None:
            assert w.name.text() == expect_name  # pre-filled with the bundle's claim
        if name:
            w.name.setText(name)
        assert not w.enrol_button.isEnabled()  # nothing compared yet
        w.heard.setText("XXXXXXXXXXXX")
        assert not w.enrol_button.isEnabled() and w.verdict.text()  # differs: refused
        w.heard.setText(w.expected[-10:])  # what the sender reads from their key page
        assert w.confirmed.isChecked() and w.enrol_button.isEnabled()
        w.enrol_button.click()

    return act


class FileDialogs:
    """Qt's file dialogs, answered as a person would choose: the next path given is returned."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.next: list[str] = []
        self.asked: list[str] = []
        pick = self._pick
        monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (pick(a, k), "")))
        monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName",
                            staticmethod(lambda *a, **k: (pick(a, k), "")))
        monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileNames",
                            staticmethod(lambda *a, **k: ([pick(a, k)], "")))
        monkeypatch.setattr(QtWidgets.QFileDialog, "getExistingDirectory",
                            staticmethod(lambda *a, **k: pick(a, k)))

    def _pick(self, args: tuple[object, ...], kwargs: dict[str, object]) -> str:
        self.asked.append(str(args[1] if len(args) > 1 else kwargs.get("caption", "")))
        assert self.next, f"an unexpected file dialog: {self.asked[-1]}"
        return self.next.pop(0)

    def answer(self, *paths: Path) -> None:
        self.next.extend(str(p) for p in paths)


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    monkeypatch.setattr(common, "inform", _no_information)
    return FileDialogs(monkeypatch)


_INFORMED: list[str] = []


def _no_information(_parent: object, _title: str, text: str, *_a: object) -> object:
    _INFORMED.append(text)
    return QtWidgets.QMessageBox.StandardButton.Ok


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for w in opened:
        w.close()
        translations = getattr(w, "_translations", None)
        if translations is not None:
            translations.uninstall()  # later tests expect English


def start(qtbot: QtBot, windows: list[MainWindow], data: Path, role: Role, name: str,
          phrase: str, province: str | None = None) -> MainWindow:
    """``secity --data-dir DATA`` on a new folder: the wizard, then the role's own window."""
    first = main(["--data-dir", str(data), "--lang", "th"], exec_=False)
    assert isinstance(first, MainWindow)
    qtbot.addWidget(first)
    windows.append(first)
    wizard: FirstRunWizard = first.first_run  # type: ignore[attr-defined]
    qtbot.waitUntil(wizard.isVisible)
    nxt = wizard.button(QtWidgets.QWizard.WizardButton.NextButton)
    wizard.role_page.buttons[role].click()
    nxt.click()
    if province is not None:
        place = wizard.place_page
        place.province.setCurrentIndex(place.province.findData(province))
    nxt.click()
    wizard.person_page.name.setText(name)
    wizard.person_page.organisation.setText(name)
    nxt.click()
    wizard.key_page.phrase.setText(phrase)
    wizard.key_page.repeat.setText(phrase)
    nxt.click()
    assert wizard.done_page.fingerprint.text().startswith("SHA256:")
    assert wizard.done_page.next_step.text()
    wizard.button(QtWidgets.QWizard.WizardButton.FinishButton).click()
    window = first.replaced_by  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    windows.append(window)
    assert window.ws.role is role and Identity(window.ws).has_key()
    return window


def go(window: MainWindow, place: QtWidgets.QWidget, page: QtWidgets.QWidget | None = None) -> None:
    window.places.setCurrentWidget(place)
    if page is not None:
        tabs = page.parentWidget().parentWidget()
        assert isinstance(tabs, QtWidgets.QTabWidget)
        tabs.setCurrentWidget(page)


def fill_and_complete(qtbot: QtBot, window: MainWindow, files: FileDialogs, photo: Path,
                      revise: str | None = None) -> None:
    """Answer every indicator at its top level with evidence, then mark complete."""
    editor = window.editor
    assert editor is not None and editor.editable
    codes = [i.code for i in editor.fw.indicators]
    for code in codes:
        editor.open_indicator(code)
        page = editor.page
        if revise is not None and code != revise:
            continue
        page.rows[-1].radio.click()
        if not editor.evidence_model.rowCount():
            files.answer(photo)
            page.add_button.click()
            qtbot.waitUntil(lambda: editor.evidence_model.rowCount() > 0, timeout=WAIT)
    assert editor.card.complete, editor.card
    modals(accept_box)
    editor.score_panel.complete_button.click()
    assert editor.assessment.status == Status.COMPLETE.value


def sealed(path: Path) -> Path:
    """The file the export wrote: the chosen name + ``.age``, an age file (not a readable zip)."""
    out = path.with_name(path.name + ".age")
    assert out.is_file(), out
    with out.open("rb") as handle:
        assert handle.read(len(AGE_MAGIC)) == AGE_MAGIC
    assert not path.exists()  # nothing unencrypted left beside it
    return out


def export_key(qtbot: QtBot, window: MainWindow, files: FileDialogs, target: Path) -> Path:
    """The office's key page: "Export public key…" to a file that travels (USB, e-mail)."""
    key_page = window.sync_place.key_page
    assert key_page is not None
    go(window, window.sync_place, key_page)
    files.answer(target)
    key_page.export_button.click()
    assert target.is_file()
    return target


def enrol_office(window: MainWindow, files: FileDialogs, key_file: Path, name: str,
                 *more: Act) -> None:
    """The trust page: enrol an office's key from its file after reading the fingerprint."""
    trust = window.sync_place.trust_page
    go(window, window.sync_place, trust)
    before = trust.model.rowCount()
    files.answer(key_file)
    modals(enrol_by_reading(None, name=name), *more)
    trust.add_button.click()
    assert trust.model.rowCount() == before + 1
    assert any(k.name == name for k in trust.registry.office_keys())  # bundles are sealed to it


def test_a_whole_day_in_the_gui(qtbot: QtBot, tmp_path: Path, files: FileDialogs,
                                windows: list[MainWindow]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    photo = tmp_path / "บ่อฝังกลบ.jpg"
    image = QtGui.QImage(64, 48, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("#3a7d44"))
    assert image.save(str(photo), "JPEG")

    # --- before the day: the province office is set up and hands out its public key ----
    p = start(qtbot, windows, tmp_path / "province", Role.PROVINCE, "ทสจ.เชียงใหม่",
              PROVINCE_PHRASE, "50")
    province_key = export_key(qtbot, p, files, usb / "province_ed25519.pub")

    # --- the assessor's morning: enrol the province's key, then assess ----------------
    a = start(qtbot, windows, tmp_path / "assessor", Role.ASSESSOR, "สมชาย ใจดี", PHRASE, "50")
    enrol_office(a, files, province_key, "ทสจ.เชียงใหม่")  # an assessor's enrolments are offices

    def new_assessment(w: QtWidgets.QWidget) -> None:
        w.search.setText("5001")  # type: ignore[attr-defined]
        w.ok_button.click()  # type: ignore[attr-defined]

    go(a, a.assessments_stack)
    modals(new_assessment)
    a.new_button.click()
    assert a.editor is not None and a.editor.municipality.code == "5001"
    aid = a.editor.aid
    fill_and_complete(qtbot, a, files, photo)
    hint = a.editor.next_step
    assert hint.isVisibleTo(a.editor) and "รับ–ส่งข้อมูล" in hint.text()
    a.editor.next_step_button.click()  # the hint takes them to Sync › Send
    sync = a.sync_place
    export = sync.export_page
    assert export is not None
    assert a.places.currentWidget() is sync and sync.currentWidget() is export
    assert export.finalize_button.isEnabled()
    modals(passphrase(PHRASE))
    export.finalize_button.click()
    assert repo.get(a.ws.db, aid).status == Status.FINALIZED
    export.unsent_button.click()
    assert export.encrypt_box.isChecked()  # sealed to the province's key: the default
    field = usb / "field.secbundle"
    files.answer(field)
    modals(passphrase(PHRASE))
    with qtbot.waitSignal(export.exported, timeout=WAIT):
        export.export_button.click()
    field = sealed(field)
    assert "field.secbundle" in export.result.text()

    # --- the province: the sealed bundle is opened, refused (unknown sender), enrolled ---
    assert p.review_place is not None
    go(p, p.review_place)
    hint = p.findChild(QtWidgets.QPushButton, "importHintButton")
    assert hint is not None  # an empty office list says: import a bundle
    hint.click()
    imp = p.sync_place.import_page
    assert p.sync_place.currentWidget() is imp and p.places.currentWidget() is p.sync_place
    files.answer(field)
    imp.add_button.click()
    modals(passphrase(PROVINCE_PHRASE))  # sealed to this office's key: its passphrase opens it
    imp.check_button.click()
    qtbot.waitUntil(lambda: imp.plan is not None, timeout=WAIT)
    m = imp.model
    assert [m.action_at(r) for r in range(m.rowCount())] == ["refused"]
    row = m.plan_row(0)
    assert row.sender == "สมชาย ใจดี"  # the "from" column: who the bundle claims to be
    assert row.sender_fingerprint == Identity(a.ws).info().fingerprint
    assert "ลงทะเบียน" in m.index(0, 8).data()  # why, in Thai, and what to do
    assert imp.refused_box.isVisibleTo(imp) and imp.enrol_button.isVisibleTo(imp)
    assert row.sender_fingerprint in imp.refused_text.text()
    modals(enrol_by_reading("สมชาย ใจดี"), passphrase(PROVINCE_PHRASE))  # re-checked: opened again
    imp.enrol_button.click()
    qtbot.waitUntil(lambda: imp.plan is not None and imp.apply_button.isEnabled(), timeout=WAIT)
    assert [m.action_at(r) for r in range(m.rowCount())] == ["add"]
    assert p.sync_place.trust_page.model.rowCount() == 1
    with qtbot.waitSignal(imp.applied, timeout=WAIT):
        imp.apply_button.click()
    assert repo.get(p.ws.db, aid).status == Status.RECEIVED
    year = repo.get(p.ws.db, aid).year
    assert not p.empty_hint.isVisibleTo(p)  # the list has it now

    # --- review: an override, then return it with the bundle written right away --------
    review = p.review_place
    go(p, review)
    review.select(aid)
    review.start_btn.click()
    assert repo.get(p.ws.db, aid).status == Status.UNDER_REVIEW
    review.ind_table.selectRow(row_index(review.ind_model, "1.1"))
    modals(override(1, "หลักฐานไม่ครอบคลุมทั้งเขตเทศบาล"))
    review.override_btn.click()
    returned = usb / "return.secbundle"
    files.answer(returned)
    modals(reason("แนบภาพถ่ายบ่อฝังกลบให้ครบทุกบ่อ"), accept_box, passphrase(PROVINCE_PHRASE))
    with qtbot.waitSignal(review.bundle_written, timeout=WAIT):
        review.return_btn.click()
    returned = sealed(returned)  # sealed to the assessor's key
    assert repo.get(p.ws.db, aid).status == Status.RETURNED

    # --- the assessor: the return opens (the province is enrolled) and is revised -------
    go(a, a.sync_place, a.sync_place.import_page)
    aimp = a.sync_place.import_page
    files.answer(returned)
    aimp.add_button.click()
    modals(passphrase(PHRASE))  # the return is sealed to the assessor's own key
    aimp.check_button.click()
    qtbot.waitUntil(lambda: aimp.plan is not None and aimp.apply_button.isEnabled(), timeout=WAIT)
    assert aimp.model.action_at(0) == "review"
    with qtbot.waitSignal(aimp.applied, timeout=WAIT):
        aimp.apply_button.click()
    editor = a.editor
    assert editor is not None and editor.assessment.supersedes == aid and editor.editable
    assert "แนบภาพถ่ายบ่อฝังกลบให้ครบทุกบ่อ" in editor.feedback_banner.text()
    go(a, a.assessments_stack)
    revised = editor.aid
    fill_and_complete(qtbot, a, files, photo, revise="1.1")
    editor.next_step_button.click()
    modals(passphrase(PHRASE))
    export.finalize_button.click()
    assert repo.get(a.ws.db, revised).status == Status.FINALIZED
    export.unsent_button.click()
    assert export.encrypt_box.isChecked()
    field2 = usb / "field-r2.secbundle"
    files.answer(field2)
    modals(passphrase(PHRASE))
    with qtbot.waitSignal(export.exported, timeout=WAIT):
        export.export_button.click()
    field2 = sealed(field2)

    # --- the province: import the revision, approve, model town, certificate ----------
    p.show_import()
    imp.clear_button.click()
    files.answer(field2)
    imp.add_button.click()
    modals(passphrase(PROVINCE_PHRASE))
    imp.check_button.click()
    qtbot.waitUntil(lambda: imp.plan is not None, timeout=WAIT)
    assert [m.action_at(r) for r in range(m.rowCount())] == ["update"]
    with qtbot.waitSignal(imp.applied, timeout=WAIT):
        imp.apply_button.click()
    go(p, review)
    review.select(revised)
    review.start_btn.click()
    modals(reason("ครบถ้วน"))
    review.approve_btn.click()
    assert repo.get(p.ws.db, revised).status == Status.APPROVED

    dash = p.dashboard_place
    go(p, dash)
    dash.year_combo.setCurrentIndex(dash.year_combo.findData(year))
    dash.select("5001")
    assert dash.model_town_btn.isEnabled()
    modals(reason("คะแนนสูงสุดในจังหวัด"))
    dash.model_town_btn.click()
    assert [t.municipality_code for t in ModelTownService(p.ws).list("50", year)] == ["5001"]

    reports = p.reports_place
    go(p, reports)
    reports.kind.setCurrentIndex(CERTIFICATE)
    reports.municipality.setCurrentIndex(reports.municipality.findData("5001"))
    reports.year.setValue(year)
    reports.open_when_done.setChecked(False)
    reports.passphrase.setText(PROVINCE_PHRASE)
    certificate = tmp_path / "certificate_5001.pdf"
    files.answer(certificate)
    with qtbot.waitSignal(reports.finished, timeout=WAIT):
        reports.render_button.click()
    assert certificate.is_file() and certificate.read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(reports.verify_box.checked) as checked:
        reports.verify_box.verify_pdf(certificate)  # its key and window, judged here
    assert checked.args[0] is True and "ยังใช้ได้" in reports.verify_box.result.text()

    # --- the national office is set up; its key reaches the province before the upward ---
    n = start(qtbot, windows, tmp_path / "nation", Role.NATIONAL, "กรมส่งเสริมคุณภาพสิ่งแวดล้อม",
              NATION_PHRASE)
    nation_key = export_key(qtbot, n, files, usb / "nation_ed25519.pub")
    # the province is asked whether this is an office it sends results to: yes
    enrol_office(p, files, nation_key, "กรมส่งเสริมคุณภาพสิ่งแวดล้อม", accept_box)

    send = p.sync_place.send_page
    assert send is not None
    go(p, p.sync_place, send)
    send.year_combo.setCurrentIndex(send.year_combo.findData(year))
    assert send.upward_model.rowCount() == 1 and send.upward_button.isEnabled()
    assert send.encrypt_box.isChecked()  # sealed to the nation's key
    upward = usb / "upward.secbundle"
    files.answer(upward)
    modals(passphrase(PROVINCE_PHRASE))
    with qtbot.waitSignal(send.written, timeout=WAIT):
        send.upward_button.click()
    upward = sealed(upward)

    # --- the nation: enrol the province from its key file, import, Coverage shows it ----
    trust = n.sync_place.trust_page
    go(n, n.sync_place, trust)
    files.answer(province_key)
    modals(enrol_by_reading(None, name="ทสจ.เชียงใหม่"))
    trust.add_button.click()
    assert trust.model.rowCount() == 1
    go(n, n.coverage_place)
    n.findChild(QtWidgets.QPushButton, "importHintButton").click()
    nimp = n.sync_place.import_page
    files.answer(upward)
    nimp.add_button.click()
    modals(passphrase(NATION_PHRASE))
    nimp.check_button.click()
    qtbot.waitUntil(lambda: nimp.plan is not None, timeout=WAIT)
    assert "refused" not in [nimp.model.action_at(r) for r in range(nimp.model.rowCount())]
    with qtbot.waitSignal(nimp.applied, timeout=WAIT):
        nimp.apply_button.click()
    cov = n.coverage_place
    assert cov is not None
    go(n, cov)
    cov.year_combo.setCurrentIndex(cov.year_combo.findData(year))
    row = cov.model.row(cov.model.row_of("50"))
    assert row.seat_approved and row.model_town is not None
