"""The editor shows the municipality's claim beside the assessor's choice, live."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.gui.editor.editor import AssessmentEditor
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from tests.bundle import flow
from tests.services import self_helpers as sh


def test_assessor_sees_the_claim_and_disagreements_follow_each_choice(
    qtbot: QtBot, tmp_path: Path
) -> None:
    muni = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(muni, tmp_path / "out")  # top level claimed everywhere
    a = flow.assessor(tmp_path / "a")
    sh.enrol_municipality(a, muni)
    assert ImportService(a).import_files([bundle]).ok  # handed to the assessor on a stick
    svc = AssessmentService(a)
    aid = svc.new("5001", 2569).id
    editor = AssessmentEditor(svc, aid, "en", note_delay_ms=10)
    qtbot.addWidget(editor)
    editor.resize(1024, 600)
    editor.show()
    qtbot.waitExposed(editor)
    fw = editor.fw
    first = fw.indicators[0]
    assert editor.claim is not None and editor.page.claim_box.isVisible()
    assert f"Claimed level {first.max_value}" in editor.page.claim_box.label.text()
    assert "signed by" in editor.claim_banner.text()
    assert "0 indicator(s) disagree" in editor.claim_banner.text()  # nothing chosen yet
    tagged = [r.value for r in editor.page.rows if r.claim_tag.isVisibleTo(editor.page)]
    assert tagged == [first.max_value]

    editor.page.rows[0].radio.click()  # the lowest level: below the claim
    assert editor.page.claim_box.disagrees
    assert "1 indicator(s) disagree" in editor.claim_banner.text()
    assert "Differs from the level chosen here" in editor.page.claim_box.label.text()
    editor.page.rows[-1].radio.click()  # the claimed level: agreement again
    assert not editor.page.claim_box.disagrees
    assert "0 indicator(s) disagree" in editor.claim_banner.text()
    editor.page.rows[0].radio.click()
    editor.close_editor()


def test_province_editor_on_received_work_shows_claims_and_the_count(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A municipality's first-run role → self-assessment → self bundle → province → editor."""
    muni = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(muni, tmp_path / "out")
    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, muni)
    a = flow.assessor(tmp_path / "a")
    flow.enrol(prov, a)
    aid = flow.complete(a, "5001", 2569, evidence_every=3)
    flow.finalize(a, aid)
    assert ImportService(prov).import_files(
        [bundle, flow.export(a, [aid], tmp_path / "field")]).ok
    editor = AssessmentEditor(AssessmentService(prov), aid, "th", note_delay_ms=10)
    qtbot.addWidget(editor)
    editor.resize(1024, 600)
    editor.show()
    qtbot.waitExposed(editor)
    n = len(editor.fw.indicators)
    disagree = n - len(range(0, n, 3))
    assert editor.claim is not None and editor.claim.gap.disagreements == disagree
    second = editor.fw.indicators[1].code  # lowest level here, top level claimed
    editor.open_indicator(second)
    assert editor.page.claim_box.isVisible() and editor.page.claim_box.disagrees
    assert str(disagree) in editor.claim_banner.text()
    assert editor.grab().save(str(tmp_path / "editor-self-assessment.png"))
    editor.close_editor()
