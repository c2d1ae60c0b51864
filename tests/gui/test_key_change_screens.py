"""The first wave's key-change screens, walked as the Latin and small-screen walks walk places.

The demo workspaces of ``test_latin_text`` and ``small_screen`` hold no key change, so their
walks open the re-enrol form empty and never see a statement's or a key window's lines. Here
each screen is brought to the state a person sees — the trust page's re-enrol form with a new
key chosen (the BE date picker), "Apply key statement…" applied and refused, the import page's
dry run naming a key change, Reports › Verify a certificate with the key's window — and checked
with the walks' own checks: no Latin word outside the allow-list, every wrapping Thai label a
``ThaiLabel``, and at 1024×600 every button and input whole and no wrapped label cut short.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys
from secity_desktop.gui import common
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.gui.transfer.trust_page import TrustPage
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import reenrol, rotate
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow
from tests.gui.small_screen import problems
from tests.gui.test_latin_text import _latin_words, _plain_wrapping_labels, _texts

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))

SCREEN = QtCore.QRect(0, 0, 1024, 600)
#: The room a window has on a 1024×600 screen (less the frame, as ``fit_to_screen`` leaves).
ROOM = QtCore.QSize(1024 - common.FRAME.width(), 600 - common.FRAME.height())


def cut_labels(window: QtWidgets.QWidget) -> list[str]:
    """Wrapped labels shorter than their text needs at their width (the last lines cut off),
    and one-line labels narrower than their text (a fingerprint's last characters)."""
    out = []
    for label in window.findChildren(QtWidgets.QLabel):
        if (label.isVisible() and not label.wordWrap() and label.text()
                and label.width() < label.minimumSizeHint().width()
                and not isinstance(label.window(), QtWidgets.QMessageBox)):
            out.append(f"{label.objectName() or label.text()[:30]!r} is {label.width()} px wide,"
                       f" its text needs {label.minimumSizeHint().width()}")
    for label in window.findChildren(ThaiLabel):
        if not label.isVisible() or not label.wordWrap() or not label.text():
            continue
        need = label.heightForWidth(label.width())
        if need > label.height() + 1:
            out.append(f"{label.objectName() or label.text()[:30]!r} is {label.height()} px high,"
                       f" its text needs {need}")
    return out


def look(qtbot: QtBot, window: QtWidgets.QWidget, stem: str, tmp_path: Path) -> list[str]:
    """Show ``window`` as on a 1024×600 screen and return everything the walks would fail on."""
    if not window.isVisible():
        window.show()
        qtbot.waitExposed(window)
    size = window.size().boundedTo(ROOM)
    window.resize(size)
    qtbot.wait(30)  # a dialog grows to its text once shown (common.grow_to_text)
    window.grab().save(str(tmp_path / f"{stem}.png"))
    found = [f"{where}: Latin {words}" for where, text in _texts(window)
             if (words := _latin_words(text))]
    found += [f"plain wrapping label {w.objectName()!r}" for w in _plain_wrapping_labels(window)]
    found += problems(window, SCREEN) + cut_labels(window)
    return found


@pytest.fixture(autouse=True)
def _sarabun(qapp) -> None:  # type: ignore[no-untyped-def]
    """The bundled Thai font, as the app loads it (widths are measured in it)."""
    from secity_desktop.gui.fonts import load_fonts

    load_fonts(qapp)


@pytest.fixture
def pair(tmp_path: Path, qapp) -> Iterator[tuple[Workspace, Workspace]]:  # type: ignore[no-untyped-def]
    from secity_desktop.gui.i18n import Translations

    a = flow.assessor(tmp_path / "a", name="สมศรี ใจดีมีสุข")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    thai = Translations(qapp)
    assert thai.install("th")
    yield a, p
    thai.uninstall()
    a.close()
    p.close()


def _trust_page(qtbot: QtBot, ws: Workspace) -> TrustPage:
    page = TrustPage(ws, lang="th")
    qtbot.addWidget(page)
    page.resize(ROOM)
    page.show()
    qtbot.waitExposed(page)
    page.view.selectRow(0)
    return page


def test_reenrol_form_with_a_key_chosen(qtbot: QtBot, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _a, p = pair
    pub = tmp_path / "new.pub"
    pub.write_text(keys.public_line(keys.generate().public_key(), "สมศรี"))
    dialog = _trust_page(qtbot, p).reenrol_dialog()
    qtbot.addWidget(dialog)
    dialog.choose_file(pub)
    dialog.compared.setChecked(True)
    dialog.reason.setText("แล็ปท็อปหายระหว่างลงพื้นที่")
    assert look(qtbot, dialog, "reenrol", tmp_path) == []


def test_apply_key_statement_applied_and_refused(qtbot: QtBot, pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    a, p = pair
    r = rotate(a, flow.PASS, b"a brand new passphrase", tmp_path / "st", "เครื่องใหม่")
    told: list[str] = []
    boxes: list[list[str]] = []

    def read(box: QtWidgets.QMessageBox) -> None:
        told.append(common.plain_text(box))
        boxes.append(look(qtbot, box, "refused_statement", tmp_path))

    monkeypatch.setattr(common, "show_box", read)
    page = _trust_page(qtbot, p)
    forged = tmp_path / "forged.json"
    forged.write_bytes(r.statement.read_bytes().replace("เครื่องใหม่".encode(), "เครื่องเก่า".encode()))
    assert page.apply_statement_file(forged) is None
    assert told and _latin_words(told[0]) == [] and boxes == [[]]
    assert page.apply_statement_file(r.statement) is not None
    assert r.new_fingerprint in page.status.text()
    assert look(qtbot, page, "statement_applied", tmp_path) == []


def test_import_dry_run_naming_a_key_change(qtbot: QtBot, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.gui.transfer.import_page import ImportPage
    from secity_desktop.services.bundle_export import ExportService
    from secity_desktop.services.bundle_import import ImportService
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
    imp.resize(ROOM)
    imp.add_files([bundle])
    imp.check()
    qtbot.waitUntil(lambda: imp.plan is not None, timeout=20_000)
    assert r.new_fingerprint in imp.summary.text()
    assert look(qtbot, imp, "import_key_change", tmp_path) == []


def test_certificate_verify_with_the_key_window(qtbot: QtBot, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from report_helpers import ISSUED, YEAR, approve, fill

    from secity_desktop.gui.certificate_verify import CertificateVerifyBox
    from secity_desktop.gui.i18n import Translations
    from secity_desktop.services.certificates import CertificateService
    from tests.bundle.office_flow import offices

    o = offices(tmp_path)
    thai = Translations(qapp)
    try:
        assert thai.install("th")
        approve(o.p, fill(o.p, "5001", top=True))
        svc = CertificateService(o.p, today=lambda: ISSUED)
        lost = o.key(o.p)
        before = svc.sign(svc.prepare("5001", YEAR), lost).payload
        time.sleep(1.05)  # payload times are whole seconds
        reenrol(o.n, keys.public_line(keys.generate().public_key(), ""),
                Identity(o.p).info().fingerprint, "แล็ปท็อปหาย", revoked_from=now_iso(), actor="n")
        time.sleep(1.05)
        stolen = svc.sign(svc.prepare("5001", YEAR), lost).payload
        box = CertificateVerifyBox(o.n, lang="th")
        qtbot.addWidget(box)
        box.resize(ROOM.width(), 300)
        box.include_enrolled.setChecked(True)
        for stem, payload in (("verify_revoked", stolen), ("verify_valid", before)):
            box.text.setText(payload)
            with qtbot.waitSignal(box.checked):
                box.verify_text()
            assert "\n" in box.result.text()  # the verdict, then the key's window
            assert look(qtbot, box, stem, tmp_path) == []
    finally:
        thai.uninstall()
        o.close()
