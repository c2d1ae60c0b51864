"""First start without the command line: choose the role, the office, the person, the key."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.app import main
from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.first_run import FirstRunWizard
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.services import onboarding
from secity_desktop.services.identity import Identity
from secity_desktop.services.workspace import open_workspace

PHRASE = "ต้นไม้ริมคลอง 2569"


def _next(wizard: FirstRunWizard) -> None:
    wizard.button(QtWidgets.QWizard.WizardButton.NextButton).click()


def test_province_office_is_set_up_from_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    window = main(["--data-dir", str(tmp_path / "w"), "--lang", "th"], exec_=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    wizard: FirstRunWizard = window.first_run  # type: ignore[attr-defined]
    assert wizard.isVisible()
    wizard.role_page.buttons[Role.PROVINCE].click()
    _next(wizard)
    place = wizard.place_page
    assert not wizard.button(QtWidgets.QWizard.WizardButton.NextButton).isEnabled()
    place.province.setCurrentIndex(place.province.findData("50"))
    assert wizard.button(QtWidgets.QWizard.WizardButton.NextButton).isEnabled()
    _next(wizard)
    wizard.person_page.name.setText("สุดา รักษ์ป่า")
    wizard.person_page.organisation.setText("ทสจ.เชียงใหม่")
    _next(wizard)
    key = wizard.key_page
    key.phrase.setText(PHRASE)
    qtbot.keyClicks(key.repeat, "wrong")
    assert not wizard.button(QtWidgets.QWizard.WizardButton.NextButton).isEnabled()
    assert "ไม่ตรงกัน" in key.strength.text()
    key.repeat.setText(PHRASE)
    assert wizard.button(QtWidgets.QWizard.WizardButton.NextButton).isEnabled()
    _next(wizard)
    assert wizard.currentPage() is wizard.done_page
    ws = window.ws
    assert ws.role is Role.PROVINCE and ws.province_code == "50" and ws.initialized
    info = Identity(ws).info()
    assert wizard.done_page.fingerprint.text() == info.fingerprint
    assert not wizard.done_page.qr.pixmap().isNull()
    Identity(ws).unlock(PHRASE.encode())  # the key opens with what was typed
    wizard.button(QtWidgets.QWizard.WizardButton.FinishButton).click()
    replacement = window.replaced_by  # type: ignore[attr-defined]
    qtbot.addWidget(replacement)
    assert replacement.review_place is not None  # an office's window
    replacement.close()
    window._translations.uninstall()  # type: ignore[attr-defined]  # later tests expect English


def test_assessor_can_leave_the_key_for_later(qtbot: QtBot, tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w")
    wizard = FirstRunWizard(ws, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(wizard)
    _next(wizard)  # the province is optional for an assessor
    wizard.person_page.name.setText("Somchai")
    _next(wizard)
    wizard.key_page.later.setChecked(True)
    _next(wizard)
    assert ws.role is Role.ASSESSOR and ws.initialized
    assert not Identity(ws).has_key()
    assert not wizard.done_page.fingerprint.isVisible()
    summary = wizard.done_page.next_step.accessibleName()
    assert "Sync" in summary or "รับ–ส่งข้อมูล" in summary  # whichever catalogue is installed
    ws.close()


def test_region_needs_its_office(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w")
    try:
        import pytest

        from secity_desktop.core.errors import ValidationError

        with pytest.raises(ValidationError) as err:
            onboarding.setup(ws, role=Role.REGION, name="x")
        assert err.value.code == "region_required"
        onboarding.setup(ws, role=Role.REGION, name="x", region_office="9")
        assert ws.role is Role.REGION and onboarding.region_office(ws) == 9
    finally:
        ws.close()


def test_strength_hint_uses_zxcvbn() -> None:
    weak = onboarding.passphrase_strength("password1")
    strong = onboarding.passphrase_strength(PHRASE + " ลำธารใส")
    assert weak.score < strong.score and strong.long_enough
    assert not onboarding.passphrase_strength("short").long_enough


def test_preferences_show_the_role_and_demo_is_labelled(qtbot: QtBot, tmp_path: Path) -> None:
    from secity_desktop.gui.preferences import PreferencesDialog
    from secity_desktop.services.language import workspace_language

    window = main(["--data-dir", str(tmp_path / "demo"), "--demo", "--lang", "th"], exec_=False)
    qtbot.addWidget(window)
    try:
        assert window.demo_label.text() == "ข้อมูลสาธิต"  # type: ignore[attr-defined]
        assert "(ข้อมูลสาธิต)" in window.windowTitle()
        dialog = PreferencesDialog(window.settings, window, onboarding.summary(window.ws), "th")
        qtbot.addWidget(dialog)
        role = dialog.findChild(QtWidgets.QLabel, "workspaceRole")
        assert role is not None and role.text() == "ผู้ประเมินภาคสนาม"

        # choosing English in Preferences makes it the workspace's language (the CLI's too)
        def choose_english() -> None:
            prefs = QtWidgets.QApplication.activeModalWidget()
            assert isinstance(prefs, PreferencesDialog)
            prefs.language.setCurrentIndex(prefs.language.findData("en"))
            prefs.accept()

        QtCore.QTimer.singleShot(0, choose_english)
        window.preferences()
        assert workspace_language(window.ws.data_dir) == "en"
    finally:
        window.close()
        window._translations.uninstall()  # type: ignore[attr-defined]
