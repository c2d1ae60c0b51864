"""A municipality office from first start to the province's editor showing its claims."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.app import main
from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.editor.editor import AssessmentEditor
from secity_desktop.gui.first_run import FirstRunWizard
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.transfer.place import SyncPlace
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.trust import TrustService
from tests.bundle import flow
from tests.gui.test_sync_place import Answers
from tests.services import self_helpers as sh

PHRASE = "ต้นไม้ริมคลอง 2569"


def _next(wizard: FirstRunWizard) -> None:
    wizard.button(QtWidgets.QWizard.WizardButton.NextButton).click()


def test_municipality_first_run_self_assessment_to_the_province_editor(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = main(["--data-dir", str(tmp_path / "m"), "--lang", "th"], exec_=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    wizard: FirstRunWizard = window.first_run  # type: ignore[attr-defined]
    wizard.role_page.buttons[Role.MUNICIPALITY].click()
    _next(wizard)
    place = wizard.place_page
    assert place.municipality.isVisibleTo(place)
    assert not wizard.button(QtWidgets.QWizard.WizardButton.NextButton).isEnabled()
    place.province.setCurrentIndex(place.province.findData("50"))
    assert place.municipality.findData("5001") > 0  # the province's towns, searchable
    assert place.municipality.findData("1101") < 0
    place.municipality.setCurrentIndex(place.municipality.findData("5001"))
    assert wizard.button(QtWidgets.QWizard.WizardButton.NextButton).isEnabled()
    _next(wizard)
    wizard.person_page.name.setText("ปลัดเทศบาล")
    _next(wizard)
    wizard.key_page.phrase.setText(PHRASE)
    wizard.key_page.repeat.setText(PHRASE)
    _next(wizard)
    muni = window.ws
    assert muni.role is Role.MUNICIPALITY and muni.municipality_code == "5001"
    assert muni.province_code == "50"
    wizard.button(QtWidgets.QWizard.WizardButton.FinishButton).click()
    replacement = window.replaced_by  # type: ignore[attr-defined]
    qtbot.addWidget(replacement)
    assert replacement.review_place is None  # a municipality reviews nothing
    tabs = replacement.sync_place
    assert tabs.export_page is not None and tabs.indexOf(tabs.export_page) == 0
    assert tabs.indexOf(tabs.import_page) == -1  # a municipality receives no bundles
    assert not tabs.import_page.isVisibleTo(tabs)  # nor paints it over the tabs
    replacement.close()
    window._translations.uninstall()  # type: ignore[attr-defined]  # later tests expect English

    # the province's office key, enrolled at the municipality: the self bundle is sealed to it
    prov = flow.province(tmp_path / "p")
    Identity(prov).create_key(flow.PASS)
    TrustService(muni).add(Identity(prov).info().public_line, actor=muni.actor,
                           name="สำนักงานจังหวัด", office=True)

    # its self-assessment, filled and finalized, sent from the Sync place as a `self` bundle
    aid = flow.complete(muni, "5001", 2569, evidence_every=1, tag="self")
    sync = SyncPlace(muni, ask=Answers(PHRASE.encode(), PHRASE.encode()))
    qtbot.addWidget(sync)
    page = sync.export_page
    assert page is not None
    page.finalize()
    page.unsent_button.click()
    assert page.model.selected_ids() == [aid]
    target = tmp_path / "self.secbundle"
    with qtbot.waitSignal(page.exported, timeout=20_000) as sent:
        page.export(target)
    written = sent.args[0]
    assert SelfAssessmentService(muni).show("5001", 2569).signed

    sh.enrol_municipality(prov, muni)
    a = flow.assessor(tmp_path / "a")
    flow.enrol(prov, a)
    verified = flow.complete(a, "5001", 2569, evidence_every=2)
    flow.finalize(a, verified)
    assert page.encrypt_box.isChecked() and Path(written.path).suffix == ".age"
    result = ImportService(prov).import_files(
        [Path(written.path), flow.export(a, [verified], tmp_path / "f")],
        own_key=Identity(prov).unlock(flow.PASS))
    assert result.ok
    editor = AssessmentEditor(AssessmentService(prov), verified, "th")
    qtbot.addWidget(editor)
    editor.show()
    n = len(editor.fw.indicators)
    assert editor.claim is not None and editor.claim.gap.disagreements == n // 2
    editor.open_indicator(editor.fw.indicators[1].code)
    assert editor.page.claim_box.isVisible() and editor.page.claim_box.disagrees
    editor.close_editor()
