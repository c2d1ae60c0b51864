"""The Reports place: renders each document off the GUI thread, cancels batches, opens results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))

from report_helpers import approve, chiang_mai, fill

from secity_desktop.crypto import certpayload
from secity_desktop.crypto.keys import generate, write_private
from secity_desktop.gui import reports_place as rp
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtCore, QtGui
from secity_desktop.services.workspace import Workspace


@pytest.fixture
def place(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> rp.ReportsPlace:
    chiang_mai(ws, tmp_path, images=2)
    widget = rp.ReportsPlace(ws, lang="en")  # refusals in English, as the assertions read them
    widget.open_when_done.setChecked(False)
    qtbot.addWidget(widget)
    widget.year.setValue(2569)
    return widget


def _render(qtbot: QtBot, place: rp.ReportsPlace, target: Path) -> object:
    with qtbot.waitSignal(place.finished, timeout=30_000) as blocker:
        place.render_to(target)
    return blocker.args[0]


def test_place_is_a_tab_of_the_main_window(qtbot: QtBot, ws: Workspace) -> None:
    window = MainWindow(ws, "th")
    qtbot.addWidget(window)
    titles = [window.places.tabText(i) for i in range(window.places.count())]
    assert "Reports" in titles
    assert window.places.widget(titles.index("Reports")).objectName() == "reportsPlace"


def test_rows_follow_the_document_kind(place: rp.ReportsPlace) -> None:
    place.show()
    place.kind.setCurrentIndex(rp.ASSESSMENT)
    assert place.assessment.isVisible() and not place.year.isVisible()
    place.kind.setCurrentIndex(rp.CERTIFICATE)
    assert place.municipality.isVisible() and place.key_path.isVisible()
    place.unsigned.setChecked(True)
    assert not place.key_path.isVisible() and not place.passphrase.isVisible()


def test_renders_assessment_report(qtbot: QtBot, place: rp.ReportsPlace, tmp_path: Path) -> None:
    place.kind.setCurrentIndex(rp.ASSESSMENT)
    out = _render(qtbot, place, tmp_path / "a.pdf")
    assert out == tmp_path / "a.pdf" and (tmp_path / "a.pdf").stat().st_size > 5000
    assert "a.pdf" in place.status.text()
    assert place.render_button.isEnabled()


def test_renders_province_and_opens_it(qtbot: QtBot, place: rp.ReportsPlace, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QtGui.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    place.open_when_done.setChecked(True)
    place.kind.setCurrentIndex(rp.PROVINCE)
    place.province.setCurrentIndex(place.province.findData("50"))
    _render(qtbot, place, tmp_path / "p.pdf")
    assert opened == [str(tmp_path / "p.pdf")]


def test_signed_certificate_with_key_and_passphrase(qtbot: QtBot, place: rp.ReportsPlace,
                                                   tmp_path: Path) -> None:
    key = generate()
    write_private(key, tmp_path / "k", b"pass phrase", "สนง.ทสจ.เชียงใหม่")
    place.kind.setCurrentIndex(rp.CERTIFICATE)
    place.municipality.setCurrentIndex(place.municipality.findData("5001"))
    place.key_path.setText(str(tmp_path / "k"))
    place.passphrase.setText("pass phrase")
    place.signatory_name.setText("นายสมศักดิ์ รักษ์เมือง")
    _render(qtbot, place, tmp_path / "c")  # no suffix: still one PDF file
    pdf = tmp_path / "c.pdf"
    [payload] = certpayload.find_payloads(pdf.read_bytes())
    assert certpayload.verify(payload, [key.public_key()]).claims.municipality_code == "5001"
    assert place.passphrase.text() == ""


def test_refusal_is_shown_not_raised(qtbot: QtBot, place: rp.ReportsPlace, tmp_path: Path) -> None:
    place.kind.setCurrentIndex(rp.CERTIFICATE)
    place.municipality.setCurrentIndex(place.municipality.findData("5001"))
    with qtbot.waitSignal(place.failed) as blocker:
        place.render_to(tmp_path / "c.pdf")
    assert "signing key" in blocker.args[0]
    assert "Not done" in place.status.text() and not (tmp_path / "c.pdf").exists()


def test_batch_progress_and_cancel(qtbot: QtBot, ws: Workspace, place: rp.ReportsPlace,
                                   tmp_path: Path) -> None:
    place.kind.setCurrentIndex(rp.BATCH)
    place.unsigned.setChecked(True)
    items = place.batch_list
    wanted = {"5001"}
    for n in range(items.count()):
        if items.item(n).data(QtCore.Qt.ItemDataRole.UserRole) in wanted:
            items.item(n).setCheckState(QtCore.Qt.CheckState.Checked)
    assert place.checked_codes() == ["5001"]
    seen: list[tuple[int, int]] = []
    place_progress = place._on_progress

    def spy(done: int, total: int) -> None:
        seen.append((done, total))
        place_progress(done, total)

    place._on_progress = spy  # type: ignore[method-assign]
    out = _render(qtbot, place, tmp_path / "batch")
    assert out == tmp_path / "batch" / "certificate-2569-5001.pdf"
    assert seen == [(1, 1)]


def test_cancelled_batch_reports_cancel(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    for code in ("5101", "9001"):
        approve(ws, fill(ws, code, top=True))
    widget = rp.ReportsPlace(ws)
    qtbot.addWidget(widget)
    widget.open_when_done.setChecked(False)
    widget.year.setValue(2569)
    widget.kind.setCurrentIndex(rp.BATCH)
    widget.unsigned.setChecked(True)
    for n in range(widget.batch_list.count()):
        if widget.batch_list.item(n).data(QtCore.Qt.ItemDataRole.UserRole) in ("5101", "9001"):
            widget.batch_list.item(n).setCheckState(QtCore.Qt.CheckState.Checked)
    real_pool = widget.runner.pool

    class CancelFirst:
        def start(self, job):  # type: ignore[no-untyped-def]
            job.cancel()  # as if the person pressed Cancel before the first page finished
            real_pool.start(job)

    widget.runner.pool = CancelFirst()
    with qtbot.waitSignal(widget.finished, timeout=30_000) as blocker:
        widget.render_to(tmp_path / "batch")
    assert blocker.args[0] is None
    assert "Cancelled: 1 of 2" in widget.status.text()
    assert len(list((tmp_path / "batch").glob("*.pdf"))) == 1


def test_refresh_picks_up_new_assessments_and_keeps_choice(
    qtbot: QtBot, ws: Workspace, place: rp.ReportsPlace
) -> None:
    place.assessment.setCurrentIndex(place.assessment.count() - 1)
    chosen = place.assessment.currentData()
    before = place.assessment.count()
    fill(ws, "9001", top=False)
    place.hide()
    place.show()  # showing the place reloads it
    assert place.assessment.count() == before + 1
    assert place.assessment.currentData() == chosen


def test_signs_with_the_workspace_key_by_default(
    qtbot: QtBot, ws: Workspace, place: rp.ReportsPlace, tmp_path: Path
) -> None:
    from secity_desktop.services.identity import Identity

    Identity(ws).create_key(b"workspace pass")
    place.kind.setCurrentIndex(rp.CERTIFICATE)
    place.municipality.setCurrentIndex(place.municipality.findData("5001"))
    place.passphrase.setText("workspace pass")
    _render(qtbot, place, tmp_path / "c.pdf")
    [payload] = certpayload.find_payloads((tmp_path / "c.pdf").read_bytes())
    assert certpayload.verify(payload, [Identity(ws).public_key()])


def test_verify_box_checks_text_and_pdf(
    qtbot: QtBot, ws: Workspace, place: rp.ReportsPlace, tmp_path: Path
) -> None:
    from secity_desktop.services.identity import Identity

    box = place.verify_box
    with qtbot.waitSignal(box.checked) as blocker:
        box.text.setText("SECITY-CERT1:abc.def")
        box.verify_text()
    assert blocker.args[0] is False and "no signing key" in blocker.args[1]
    Identity(ws).create_key(b"workspace pass")
    place.kind.setCurrentIndex(rp.CERTIFICATE)
    place.municipality.setCurrentIndex(place.municipality.findData("5001"))
    place.passphrase.setText("workspace pass")
    _render(qtbot, place, tmp_path / "c.pdf")
    with qtbot.waitSignal(box.checked) as blocker:
        box.verify_pdf(tmp_path / "c.pdf")
    assert blocker.args[0] is True and "GENUINE" in box.result.text()
    assert "เทศบาลนครเชียงใหม่" in box.result.text()
    [payload] = certpayload.find_payloads((tmp_path / "c.pdf").read_bytes())
    head, sig = payload.rsplit(".", 1)
    box.text.setText(head + "." + ("A" if sig[0] != "A" else "B") + sig[1:])
    with qtbot.waitSignal(box.checked) as blocker:
        box.verify_text()
    assert blocker.args[0] is False and "NOT GENUINE" in box.result.text()
