"""Bundles between offices, driven through the real widgets.

A province returns an assessment (Send page, and straight from the Review
place), the assessor imports the return bundle on their Import page; the
province sends its approved results upward, the nation imports them and its
Coverage view shows the province's seat town approved and its model town.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.core.errors import Cancelled
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import be_year
from secity_desktop.gui import common
from secity_desktop.gui.coverage_place import COLUMNS, CoverageTableModel
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import Qt, QtWidgets
from secity_desktop.gui.review_dialogs import ReasonDialog
from secity_desktop.gui.transfer.import_page import ACTION_COLUMN, DETAILS_COLUMN, PlanTableModel
from secity_desktop.gui.transfer.place import SyncPlace
from secity_desktop.gui.transfer.send_page import OfficeCandidateModel
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.coverage import CoverageService
from secity_desktop.services.identity import Identity
from secity_desktop.services.import_preview import preview
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.office_bundles import OfficeBundleService, OfficeJob
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import assessments as repo
from tests.bundle import flow
from tests.gui.test_review_dashboard import answer
from tests.gui.test_sync_place import Answers

COMMENTS_COLUMN = 6


@dataclass
class Offices:
    a: Workspace  # the assessor
    p: Workspace  # province 50 (Chiang Mai)
    seat: str  # 5001, the seat town: approved
    other: str  # 5002: under review, with a comment


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    Identity(p).set_profile(name="สำนักงานทรัพยากรธรรมชาติฯ เชียงใหม่", position="ผู้อำนวยการ",
                            organisation="ทสจ.เชียงใหม่", province="50")
    Identity(p).create_key(flow.PASS)
    flow.enrol(p, a)
    TrustService(a).add(Identity(p).info().public_line, actor=a.actor)
    seat = flow.complete(a, "5001", evidence_every=1)  # top levels: it can be the model town
    other = flow.complete(a, "5002", evidence_every=9)
    for aid in (seat, other):
        flow.finalize(a, aid)
    ImportService(p).import_files([flow.export(a, [seat, other], tmp_path / "field.secbundle")])
    rs = ReviewService(p)
    rs.start(seat)
    rs.approve(seat, "ผ่าน")
    rs.start(other)
    rs.comment(other, "ภาพถ่ายตัวชี้วัด 2.1 ไม่ชัด", indicator="2.1")
    yield Offices(a, p, seat, other)
    a.close()
    p.close()


def _return(o: Offices) -> None:
    ReviewService(o.p).return_for_revision(o.other, "แนบหลักฐานเพิ่มเติมแล้วส่งใหม่")


def test_send_page_writes_a_return_bundle_the_assessor_imports(
    qtbot: QtBot, offices: Offices, tmp_path: Path
) -> None:
    o = offices
    _return(o)
    prov = MainWindow(o.p, "th")
    qtbot.addWidget(prov)
    page = prov.sync_place.send_page
    assert page is not None
    page.writer.ask = ask = Answers(b"not the passphrase", flow.PASS)
    assert page.return_model.rowCount() == 1 and not page.return_button.isEnabled()
    assert page.return_model.index(0, 0).data() == "เทศบาลเมืองแม่เหียะ"
    assert page.return_model.index(0, 5).data() == "1"  # the comment that goes back
    assert "2569" in page.return_model.index(0, 3).data()  # returned on …, Buddhist Era
    page.unsent_button.click()
    assert page.return_model.selected_ids() == [o.other] and page.return_button.isEnabled()
    target = tmp_path / "return.secbundle"
    with qtbot.waitSignal(page.written, timeout=20_000) as sig:
        assert page.write_return(target)
    # encrypted by default to the assessor who signed the revision
    target = tmp_path / "return.secbundle.age"
    assert sig.args[0].path == target and target.is_file()
    assert sig.args[0].encrypted_to == (Identity(o.a).info().fingerprint,)
    assert ask.answers == [] and ask.errors[-1] != ""  # a wrong passphrase was asked again
    assert "return.secbundle" in page.result.text() and "SHA-256" in page.result.text()
    assert OfficeBundleService(o.p).candidates("return")[0].sent == 1
    assert page.return_model.index(0, 4).data() == "1×"

    window = MainWindow(o.a, "th")
    qtbot.addWidget(window)
    window.open_assessment(o.other)  # the assessor has the returned assessment open
    imp = window.sync_place.import_page
    imp.ask = opened = Answers(flow.PASS)  # the assessor's key opens the encrypted bundle
    imp.add_files([target])
    imp.check()
    qtbot.waitUntil(lambda: imp.plan is not None, timeout=20_000)
    m = imp.model
    assert m.rowCount() == 1 and opened.answers == []
    assert m.content_at(0) == "returned" and m.action_at(0) == "review"
    assert m.index(0, 2).data() == "เทศบาลเมืองแม่เหียะ (5002)"
    assert (m.index(0, 3).data(), m.index(0, 4).data()) == ("2569", "1")
    assert m.index(0, COMMENTS_COLUMN).data() == "1"
    assert m.index(0, DETAILS_COLUMN).data()  # the merge note
    assert "1 review" in imp.summary.text()
    before = window.assessment_model.rowCount()
    with qtbot.waitSignal(imp.applied, timeout=10_000):
        imp.apply()
    assert repo.get(o.a.db, o.other).status == Status.RETURNED
    drafts = o.a.db.execute(
        "SELECT revision FROM assessments WHERE supersedes = ? AND status = 'draft'", [o.other]
    ).fetchall()
    assert drafts == [(2,)]  # a new draft revision to fix
    # the open editor followed the return to the new draft, with the reviewer's words
    assert window.editor is not None and window.editor.assessment.supersedes == o.other
    assert window.editor.editable and not window.editor.feedback_banner.isHidden()
    assert "แนบหลักฐานเพิ่มเติมแล้วส่งใหม่" in window.editor.feedback_banner.text()
    assert window.assessment_model.rowCount() == before + 1
    history = window.sync_place.history_page.model
    assert history.rowCount() == 1
    this_year_be = str(be_year(datetime.date.today().year))
    assert this_year_be in history.index(0, 0).data()  # dates people read are Buddhist Era
    assert this_year_be in window.sync_place.trust_page.model.index(0, 3).data()


def test_review_place_offers_the_return_bundle_right_after_return(
    qtbot: QtBot, offices: Offices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = offices
    target = tmp_path / "from-review.secbundle"
    questions: list[str] = []

    def yes(box: QtWidgets.QMessageBox) -> object:
        questions.append(common.plain_text(box))
        return box.button(QtWidgets.QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(common, "show_box", yes)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    window = MainWindow(o.p, "en")
    qtbot.addWidget(window)
    place = window.review_place
    assert place.writer is not None
    place.writer.ask = Answers(flow.PASS)
    place.select(o.other)
    assert place.bundle_btn.isVisibleTo(place) and not place.bundle_btn.isEnabled()

    def fill(dlg: QtWidgets.QDialog) -> None:
        assert isinstance(dlg, ReasonDialog)
        dlg.edit.setPlainText("แนบหลักฐานเพิ่มเติม")
        dlg.ok_button.click()

    answer(fill)
    with qtbot.waitSignal(place.bundle_written, timeout=20_000):
        qtbot.mouseClick(place.return_btn, Qt.MouseButton.LeftButton)
    assert questions == ["Write the return bundle for the assessor now?"]
    assert repo.get(o.p.db, o.other).status == Status.RETURNED
    sealed = target.with_name(target.name + ".age")  # encrypted to the assessor
    assert sealed.is_file() and str(sealed) in place.bundle_result.text()
    assert OfficeBundleService(o.p).candidates("return")[0].sent == 1
    assert place.bundle_btn.isEnabled()  # can be written again (e.g. lost on the way)
    # the action on a selected returned assessment, later
    again = tmp_path / "again.secbundle"
    place.writer.ask = Answers(flow.PASS)
    with qtbot.waitSignal(place.bundle_written, timeout=20_000):
        assert place.write_return_bundle(target=again)
    assert again.with_name(again.name + ".age").is_file()
    assert window.sync_place.send_page is not None
    assert window.sync_place.send_page.return_model.index(0, 4).data() == "2×"


def test_send_page_cancel_and_missing_key_write_nothing(
    qtbot: QtBot, offices: Offices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = offices
    _return(o)
    place = SyncPlace(o.p, ask=Answers(flow.PASS))
    qtbot.addWidget(place)
    page = place.send_page
    assert page is not None

    def cancelled(self: OfficeJob, target: Path, key: object, progress: object = None) -> object:
        raise Cancelled("cancelled")

    monkeypatch.setattr(OfficeJob, "run", cancelled)
    page.return_model.check_unsent()
    with qtbot.waitSignal(page.writer.failed, timeout=10_000):
        assert page.write_return(tmp_path / "x.secbundle")
    assert page.result.text() == "No bundle was written."
    assert OfficeBundleService(o.p).candidates("return")[0].sent == 0
    assert page.return_button.isEnabled()

    told: list[str] = []
    monkeypatch.setattr(common, "show_box", lambda box: told.append(common.plain_text(box)))
    Identity(o.p).key_path.unlink()
    assert not page.write_return(tmp_path / "y.secbundle")
    assert told and "signing key" in told[0]
    assert not (tmp_path / "x.secbundle").exists() and not (tmp_path / "y.secbundle").exists()


def test_upward_bundle_to_the_nation_and_coverage(
    qtbot: QtBot, offices: Offices, tmp_path: Path
) -> None:
    o = offices
    ModelTownService(o.p).set(2569, "5001", "คะแนนสูงสุดในจังหวัด")
    page = SyncPlace(o.p, ask=Answers(flow.PASS)).send_page
    assert page is not None
    qtbot.addWidget(page.parentWidget())
    assert page.year_combo.currentData() == 2569
    assert page.upward_model.rowCount() == 1  # only the approved one goes up
    assert page.upward_model.index(0, 0).data() == "เทศบาลนครเชียงใหม่"
    assert page.upward_model.index(0, 5).data() == "★"
    assert "1" in page.upward_summary.text() and "คะแนนสูงสุดในจังหวัด" in page.town_label.text()
    # the nation's office key, enrolled at the province as an office key: upward is encrypted to it
    n = open_workspace(tmp_path / "n")
    init_workspace(n, role=Role.NATIONAL, province_code=None, user_name="ส่วนกลาง")
    Identity(n).create_key(flow.PASS)
    TrustService(o.p).add(Identity(n).info().public_line, actor="p", name="ส่วนกลาง", office=True)
    target = tmp_path / "upward.secbundle.age"
    with qtbot.waitSignal(page.written, timeout=20_000):
        assert page.write_upward(tmp_path / "upward.secbundle")
    assert target.is_file() and "upward.secbundle.age" in page.result.text()
    assert page.upward_model.index(0, 4).data() == "1×"

    try:
        window = MainWindow(n, "th")
        qtbot.addWidget(window)
        sync = window.sync_place
        # the nation signs nothing, but holds a key: bundles sent to it are encrypted to it
        assert sync.send_page is None and sync.key_page is not None and sync.export_page is None
        pub = tmp_path / "province.pub"
        pub.write_text(Identity(o.p).info().public_line + "\n", "utf-8")
        sync.trust_page.add_from_file(pub, name="ทสจ.เชียงใหม่", organisation="จังหวัดเชียงใหม่")
        assert sync.trust_page.model.rowCount() == 1
        cov = window.coverage_place
        assert cov is not None and cov.model.rowCount() == 0  # nothing imported yet
        imp = sync.import_page
        imp.ask = Answers(flow.PASS)
        imp.add_files([target])
        imp.check()
        qtbot.waitUntil(lambda: imp.plan is not None, timeout=20_000)
        m = imp.model
        rows = [(m.content_at(r), m.action_at(r)) for r in range(m.rowCount())]
        assert rows == [("revision", "add"), ("approved", "review"), ("town", "town")]
        assert m.index(1, 5).data() == "ทสจ.เชียงใหม่"  # the signer, as enrolled here
        assert m.index(2, 2).data() == "เทศบาลนครเชียงใหม่ (5001)"
        assert m.index(2, ACTION_COLUMN).data()
        with qtbot.waitSignal(imp.applied, timeout=10_000):
            imp.apply()
        assert repo.get(n.db, o.seat).status == Status.APPROVED

        window.places.setCurrentWidget(cov)
        assert cov.year_combo.currentData() == 2569
        assert cov.model.rowCount() == 76
        row = cov.model.row_of("50")
        p50 = cov.model.row(row)
        assert p50.seat_approved and p50.model_town is not None
        col = {c: n for n, c in enumerate(COLUMNS)}
        assert cov.model.index(row, col["seat"]).data() == "เทศบาลนครเชียงใหม่"
        assert cov.model.index(row, col["model_town"]).data() == "เทศบาลนครเชียงใหม่"
        assert cov.model.index(row, col["approved"]).data() == "1 / 4"
        assert cov.model.index(row, col["seat_total"]).data()
        assert cov.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # complete
        other = cov.model.row_of("20")  # nothing received: greyed, not tinted
        assert cov.model.index(other, 0).data(Qt.ItemDataRole.BackgroundRole) is None
        assert cov.model.index(other, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
        assert "1 of 76" in cov.totals.text() and "chosen in 1" in cov.totals.text()
        cov.table.sortByColumn(col["approved"], Qt.SortOrder.DescendingOrder)
        assert cov.proxy.index(0, 0).data() == "เชียงใหม่"
        cov.region_combo.setCurrentIndex(cov.region_combo.findData(1))
        region_one = CoverageService(n).report(2569, 1).provinces
        assert cov.model.rowCount() == len(region_one) and "1 of " in cov.totals.text()
        cov.region_combo.setCurrentIndex(cov.region_combo.findData(16))
        assert cov.model.row_of("50") == -1 and "0 of " in cov.totals.text()
    finally:
        n.close()


def test_pages_by_role(qtbot: QtBot, offices: Offices, tmp_path: Path) -> None:
    def tabs(place: SyncPlace) -> list[str]:
        return [place.tabText(i) for i in range(place.count())]

    a = SyncPlace(offices.a)
    qtbot.addWidget(a)
    assert tabs(a) == ["Send (export)", "Receive returns", "Trusted office keys",
                       "My signing key", "Import history"]
    assert "province" in a.trust_page.findChild(QtWidgets.QLabel, "trustIntro").text()
    p = SyncPlace(offices.p)
    qtbot.addWidget(p)
    assert tabs(p) == ["Receive (import)", "Send results", "Trusted assessor keys",
                       "Office signing key", "Conflicts", "Import history"]
    assert p.key_page is not None and p.key_page.office
    r = open_workspace(tmp_path / "r")
    init_workspace(r, role=Role.REGION, province_code=None, user_name="สสภ.1")
    try:
        place = SyncPlace(r)
        qtbot.addWidget(place)
        # a region signs nothing but holds a key: upward bundles are encrypted to it
        assert tabs(place) == ["Receive (import)", "Trusted province keys", "Office signing key",
                               "Conflicts", "Import history"]
    finally:
        r.close()


def test_models_pass_modeltester(
    qtmodeltester: ModelTester, offices: Offices, tmp_path: Path
) -> None:
    o = offices
    _return(o)
    svc = OfficeBundleService(o.p)
    ret = OfficeCandidateModel(svc, "return")
    qtmodeltester.check(ret)
    assert ret.rowCount() == 1
    assert ret.setData(ret.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ret.selected_ids() == [o.other]
    up = OfficeCandidateModel(svc, "upward")
    qtmodeltester.check(up)
    assert not up.setData(up.index(0, 0), Qt.CheckState.Checked.value,
                          Qt.ItemDataRole.CheckStateRole)
    key = Identity(o.p).unlock(flow.PASS)
    upward = svc.export(svc.prepare_upward(2569), tmp_path, key).path
    n = open_workspace(tmp_path / "n")
    init_workspace(n, role=Role.NATIONAL, province_code=None, user_name="ส่วนกลาง")
    try:
        TrustService(n).add(Identity(o.p).info().public_line, actor=n.actor)
        plan_model = PlanTableModel()
        plan_model.set_plan(preview(ImportService(n).dry_run([upward])))
        qtmodeltester.check(plan_model)
        assert plan_model.rowCount() == 2  # the revision and its review; no model town
        ImportService(n).import_files([upward])
        cov = CoverageTableModel(CoverageService(n), "en")
        cov.refresh(2569)
        qtmodeltester.check(cov)
        assert cov.rowCount() == 76
        row = cov.row_of("50")  # reporting, seat town approved, but no model town: tinted
        assert cov.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert cov.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == "no model town"
        cov.refresh(None)
        assert cov.rowCount() == 0
    finally:
        n.close()
