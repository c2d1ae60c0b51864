"""The trust page's key changes: the re-enrol form and "Apply key statement…", driven for real.

Real workspaces and keys (tests/bundle/flow.py); the form is filled with the keyboard while
its ``exec()`` runs, as a person would, and the service's effect is read back from the store.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.crypto import keys
from secity_desktop.gui import common
from secity_desktop.gui.be_date import BeDateEdit
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.gui.transfer.trust_page import TrustPage
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import rotate
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow


@pytest.fixture
def pair(tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    """An assessor enrolled at its province; the Thai catalogue installed (the default UI)."""
    from secity_desktop.gui.i18n import Translations

    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    thai = Translations(qapp)
    assert thai.install("th")
    yield a, p
    thai.uninstall()
    a.close()
    p.close()


def _page(qtbot: QtBot, ws: Workspace) -> TrustPage:
    page = TrustPage(ws, lang="th")
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.view.selectRow(0)
    return page


def test_be_date_edit_shows_buddhist_era_and_clamps_the_day(qtbot: QtBot) -> None:
    w = BeDateEdit(lang="th", day=dt.date(2024, 2, 29))
    qtbot.addWidget(w)
    assert (w.day.value(), w.month.currentText(), w.year.value()) == (29, "กุมภาพันธ์", 2567)
    w.year.setFocus()
    qtbot.keyClick(w.year, Qt.Key.Key_Down)  # 2566 (2023): no 29 February
    assert w.date() == dt.date(2023, 2, 28)


def test_reenrol_form_by_keyboard(qtbot: QtBot, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    old_fp = Identity(a).info().fingerprint
    fresh = keys.generate()
    pub = tmp_path / "new.pub"
    pub.write_text(keys.public_line(fresh.public_key(), "สมชาย"))
    page = _page(qtbot, p)
    dialog = page.reenrol_dialog()
    assert dialog.old.currentData() == old_fp  # the selected key, preselected
    lost = dt.date.today() - dt.timedelta(days=3)

    def fill() -> None:
        dialog.choose_file(pub)
        assert dialog.fingerprint.text() == keys.fingerprint(fresh.public_key())
        assert not dialog.ok.isEnabled()  # not compared, no reason yet
        dialog.compared.setFocus()
        qtbot.keyClick(dialog.compared, Qt.Key.Key_Space)
        dialog.reason.setFocus()
        qtbot.keyClicks(dialog.reason, "laptop ")  # QTest types ASCII only; Thai goes in as an IME would
        dialog.reason.insert("แล็ปท็อปหายระหว่างลงพื้นที่")
        dialog.since.setDate(lost)
        assert dialog.ok.isEnabled()
        dialog.ok.setFocus()
        qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)

    QtCore.QTimer.singleShot(0, fill)
    k = page.open_reenrol(dialog)
    assert k is not None and k.fingerprint == keys.fingerprint(fresh.public_key())
    old = TrustService(p).get(old_fp)
    assert old.revoked and old.revoked_from
    assert old.revoked_at == f"{lost.isoformat()}T00:00:00+07:00"
    assert "แล็ปท็อปหาย" in (old.revoke_reason or "")
    assert "ลงทะเบียนด้วยกุญแจใหม่" in page.status.text()
    # every field is reachable with Tab, and the form fits a 1024×600 screen
    for w in (dialog.old, dialog.from_file, dialog.from_bundle, dialog.compared, dialog.reason,
              dialog.since.day, dialog.since.month, dialog.since.year):
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus
    hint = dialog.sizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600


def test_reenrol_from_a_refused_bundle(qtbot: QtBot, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The holder made a new workspace key and sent a bundle: the form takes its key, shown
    for comparing (the bundle's claim proves nothing until the fingerprint is read out)."""
    _a, p = pair
    b = flow.assessor(tmp_path / "b", name="สมชาย ใจดี")
    try:
        aid = flow.complete(b, evidence_every=0)
        flow.finalize(b, aid)
        bundle = flow.export(b, [aid], tmp_path / "new.secbundle")
        assert [r.reason for r in ImportService(p).dry_run([bundle]).rejected] == ["unknown_signer"]
        page = _page(qtbot, p)
        dialog = page.reenrol_dialog()
        qtbot.addWidget(dialog)
        dialog.choose_bundle(bundle)
        assert dialog.fingerprint.text() == Identity(b).info().fingerprint
        assert not dialog.compared.isChecked() and not dialog.ok.isEnabled()
    finally:
        b.close()


def test_apply_key_statement_button(qtbot: QtBot, pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    a, p = pair
    r = rotate(a, flow.PASS, b"a brand new passphrase", tmp_path / "st", "เครื่องใหม่")
    warned: list[str] = []
    monkeypatch.setattr(common, "show_box", lambda box: warned.append(common.plain_text(box)))
    page = _page(qtbot, p)
    forged = tmp_path / "forged.json"
    forged.write_bytes(r.statement.read_bytes().replace("เครื่องใหม่".encode(), "เครื่องเก่า".encode()))
    assert page.apply_statement_file(forged) is None and warned  # refused, in Thai
    assert TrustService(p).get(r.old_fingerprint).active
    k = page.apply_statement_file(r.statement)
    assert k is not None and k.fingerprint == r.new_fingerprint
    assert TrustService(p).get(r.old_fingerprint).retired
    assert r.new_fingerprint in page.status.text()
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert page.model.rowCount() == 2 and "Replaced" not in headers  # Thai headers


def test_import_page_dry_run_names_the_key_change(qtbot: QtBot, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A field bundle after the assessor rotated: the dry run says the enrolment will move."""
    from secity_desktop.gui.transfer.import_page import ImportPage
    from secity_desktop.services.bundle_export import ExportService
    from secity_desktop.services.revisions import RevisionService

    a, p = pair
    new_pass = b"a brand new passphrase"
    r = rotate(a, flow.PASS, new_pass, tmp_path / "st", "")
    aid = flow.complete(a, evidence_every=0)
    key = Identity(a).unlock(new_pass)
    RevisionService(a).finalize(aid, key)
    bundle = ExportService(a).export([aid], tmp_path, key).path
    imp = ImportPage(ImportService(p), lang="th")
    qtbot.addWidget(imp)
    imp.add_files([bundle])
    imp.check()
    qtbot.waitUntil(lambda: imp.plan is not None, timeout=20_000)
    assert imp.model.rowCount() == 1
    assert "จะย้ายการลงทะเบียนของ" in imp.summary.text() and r.new_fingerprint in imp.summary.text()
    with qtbot.waitSignal(imp.applied, timeout=10_000):
        imp.apply()
    assert TrustService(p).get(r.old_fingerprint).retired


def test_the_name_column_has_room_and_the_last_does_not_stretch(
        qtbot: QtBot, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    """At 1024 px an empty "Office key" column took the room and the name read "สมศรี…"."""
    from secity_desktop.gui.i18n import Translations

    a = flow.assessor(tmp_path / "a", name="สมศรี ใจดีมีสุข")
    p = flow.province(tmp_path / "p")
    thai = Translations(qapp)
    try:
        assert thai.install("th")
        flow.enrol(p, a)
        page = _page(qtbot, p)
        page.show()
        qtbot.waitExposed(page)
        header, view = page.view.horizontalHeader(), page.view
        name = page.model.index(0, 0).data()
        assert "สมศรี ใจดีมีสุข" in name
        assert header.sectionSize(0) >= view.fontMetrics().horizontalAdvance(name) + 8
        assert header.sectionSize(2) >= view.fontMetrics().horizontalAdvance(
            page.model.index(0, 2).data())  # the fingerprint whole
        last = page.model.columnCount() - 1
        assert not header.stretchLastSection()
        assert header.sectionSize(last) <= max(view.sizeHintForColumn(last),
                                               header.sectionSizeHint(last))
        page.resize(1366, 700)  # a wider window: the name takes the room left
        qtbot.wait(20)
        total = sum(header.sectionSize(c) for c in range(page.model.columnCount()))
        assert total >= view.viewport().width() - 2
    finally:
        thai.uninstall()
        a.close()
        p.close()
