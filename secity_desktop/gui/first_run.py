"""The welcome wizard on a new workspace: who works here, for which office, and their key.

Without it every new workspace was an assessor's and an office needed the
command line (``secity init --role province``). Four short pages: the role;
the province or regional office; the person; the signing key (passphrase
twice with a strength hint, then the fingerprint and QR to show the province)
— or "later", saying where to do it. Everything is decided by
``services.onboarding``; this module only asks.
"""

from __future__ import annotations

from collections.abc import Callable

from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Role
from secity_desktop.gui import common
from secity_desktop.gui.common import fit_to_screen
from secity_desktop.gui.qt import Qt, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, set_wrapped_text
from secity_desktop.messages import describe
from secity_desktop.services import onboarding
from secity_desktop.services.identity import MIN_PASSPHRASE, Identity
from secity_desktop.services.workspace import Workspace

STRENGTH_COLOURS = ("#b00020", "#b00020", "#b26a00", "#1b7f3b", "#1b7f3b")


def _wrapped_label(text: str, parent: QtWidgets.QWidget) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(parent)
    set_wrapped_text(label, text)
    return label


class WelcomeRolePage(QtWidgets.QWizardPage):
    def __init__(self, lang: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to SECity Desktop"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(_wrapped_label(self.tr(
            "This workspace keeps the assessments of the Sustainable Environment City programme "
            "on this computer. Who works here?"), self))
        self.group = QtWidgets.QButtonGroup(self)
        self.buttons: dict[Role, QtWidgets.QRadioButton] = {}
        for n, (role, th, en) in enumerate(onboarding.ROLE_CHOICES):
            button = QtWidgets.QRadioButton(th if lang == "th" else en, self)
            button.setObjectName(f"role_{role.value}")
            self.group.addButton(button, n)
            self.buttons[role] = button
            layout.addWidget(button)
        self.buttons[Role.ASSESSOR].setChecked(True)
        layout.addStretch(1)

    def role(self) -> Role:
        for role, button in self.buttons.items():
            if button.isChecked():
                return role
        return Role.ASSESSOR


class WelcomePlacePage(QtWidgets.QWizardPage):
    """The province (assessor: optional; province office: required) or the regional office."""

    def __init__(self, ws: Workspace, lang: str, roles: WelcomeRolePage,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles = roles
        self.setTitle(self.tr("Where you work"))
        form = QtWidgets.QFormLayout(self)
        self.hint = ThaiLabel(self)
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        self.province = QtWidgets.QComboBox(self)
        self.province.setObjectName("province")
        self.province.addItem(self.tr("— not set —"), "")
        for c in onboarding.provinces(ws):
            self.province.addItem(f"{c.label(lang)} ({c.code})", c.code)
        self.province.setEditable(True)  # type to find one of 76
        self.province.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.province.currentIndexChanged.connect(self.completeChanged)
        self.region = QtWidgets.QComboBox(self)
        self.region.setObjectName("region")
        for c in onboarding.regional_offices(ws):
            self.region.addItem(c.label(lang), c.code)
        self.province_label = QtWidgets.QLabel(self.tr("Province"), self)
        self.region_label = QtWidgets.QLabel(self.tr("Regional office"), self)
        form.addRow(self.province_label, self.province)
        form.addRow(self.region_label, self.region)
        # a municipality office: its province first, then its municipality (type to search)
        self.ws, self.lang = ws, lang
        self.municipality = QtWidgets.QComboBox(self)
        self.municipality.setObjectName("municipality")
        self.municipality.setEditable(True)
        self.municipality.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        completer = self.municipality.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
        self.municipality.currentIndexChanged.connect(self.completeChanged)
        self.municipality_label = QtWidgets.QLabel(self.tr("Municipality"), self)
        form.addRow(self.municipality_label, self.municipality)
        self.province.currentIndexChanged.connect(self._fill_municipalities)

    def _fill_municipalities(self) -> None:
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItem(self.tr("— choose —"), "")
        code = self.province_code()
        for c in onboarding.municipalities(self.ws, code) if code else []:
            self.municipality.addItem(f"{c.label(self.lang)} ({c.code})", c.code)
        self.municipality.blockSignals(False)
        self.completeChanged.emit()

    def municipality_code(self) -> str | None:
        return str(self.municipality.currentData() or "") or None

    def initializePage(self) -> None:
        role = self.roles.role()
        with_province = role in (Role.ASSESSOR, Role.PROVINCE, Role.MUNICIPALITY)
        self.province.setVisible(with_province)
        self.province_label.setVisible(with_province)
        self.municipality.setVisible(role is Role.MUNICIPALITY)
        self.municipality_label.setVisible(role is Role.MUNICIPALITY)
        if role is Role.MUNICIPALITY and self.municipality.count() == 0:
            self._fill_municipalities()
        self.region.setVisible(role is Role.REGION)
        self.region_label.setVisible(role is Role.REGION)
        set_wrapped_text(self.hint, {
            Role.ASSESSOR: self.tr("The province you assess in (you can change it later in "
                                   "your profile)."),
            Role.PROVINCE: self.tr("The province whose municipalities this office reviews."),
            Role.REGION: self.tr("The regional environment office this workspace serves."),
            Role.NATIONAL: self.tr("A national workspace sees every province; nothing to "
                                   "choose here."),
            Role.MUNICIPALITY: self.tr("Your province, then your municipality (type part of its "
                                       "name to find it)."),
        }[role])

    def isComplete(self) -> bool:
        if self.roles.role() is Role.PROVINCE:
            return bool(self.province.currentData())
        if self.roles.role() is Role.MUNICIPALITY:
            return bool(self.municipality.currentData())
        return True

    def province_code(self) -> str | None:
        return str(self.province.currentData() or "") or None

    def region_code(self) -> str | None:
        return str(self.region.currentData() or "") or None


class WelcomePersonPage(QtWidgets.QWizardPage):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("About you"))
        form = QtWidgets.QFormLayout(self)
        form.addRow(_wrapped_label(self.tr(
            "Your name is written in the audit log and, when you sign, in what you send."), self))
        self.name = QtWidgets.QLineEdit(self)
        self.name.setObjectName("name")
        self.position = QtWidgets.QLineEdit(self)
        self.position.setObjectName("position")
        self.organisation = QtWidgets.QLineEdit(self)
        self.organisation.setObjectName("organisation")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Organisation"), self.organisation)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class WelcomeKeyPage(QtWidgets.QWizardPage):
    """Passphrase twice with a live hint, or "later"; creating the key happens on Next."""

    def __init__(self, person: WelcomePersonPage, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person
        self.setTitle(self.tr("Your signing key"))
        form = QtWidgets.QFormLayout(self)
        form.addRow(_wrapped_label(self.tr(
            "What you finalize and send is signed with a key kept on this computer, protected by "
            "a passphrase only you know. Choose one you can remember: it cannot be recovered."),
            self))
        self.phrase = QtWidgets.QLineEdit(self)
        self.phrase.setObjectName("passphrase")
        self.phrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.repeat = QtWidgets.QLineEdit(self)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.phrase)
        form.addRow(self.tr("Repeat"), self.repeat)
        self.strength = ThaiLabel(self)
        self.strength.setObjectName("strength")
        self.strength.setWordWrap(True)
        form.addRow(self.strength)
        self.later = QtWidgets.QCheckBox(self.tr("Create the key later"), self)
        self.later.setObjectName("later")
        form.addRow(self.later)
        self.later_hint = ThaiLabel(self)
        self.later_hint.setWordWrap(True)
        form.addRow(self.later_hint)
        for w in (self.phrase, self.repeat):
            w.textChanged.connect(self._update)
        self.later.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        later = self.later.isChecked()
        self.phrase.setEnabled(not later)
        self.repeat.setEnabled(not later)
        set_wrapped_text(self.later_hint, self.tr(
            "You can create it any time on the signing-key page under Sync; you need it to "
            "finalize and send.") if later else "")
        text = self.phrase.text()
        if later or not text:
            self.strength.clear()
        else:
            s = onboarding.passphrase_strength(text, context=(self.person.name.text(),
                                                              self.person.organisation.text()))
            labels = (self.tr("very weak"), self.tr("weak"), self.tr("fair"), self.tr("strong"),
                      self.tr("very strong"))
            message = self.tr("Strength: {label}").format(label=labels[s.score])
            if not s.long_enough:
                message += " — " + self.tr("use at least {n} characters").format(n=MIN_PASSPHRASE)
            elif self.repeat.text() and self.repeat.text() != text:
                message += " — " + self.tr("the two passphrases differ")
            self.strength.setText(message)
            self.strength.setStyleSheet(f"color: {STRENGTH_COLOURS[s.score]}")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.later.isChecked():
            return True
        text = self.phrase.text()
        return len(text) >= MIN_PASSPHRASE and text == self.repeat.text()

    def passphrase(self) -> bytes | None:
        return None if self.later.isChecked() else self.phrase.text().encode("utf-8")


class WelcomeDonePage(QtWidgets.QWizardPage):
    """The fingerprint and QR to show the province, and what to do next."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Ready"))
        layout = QtWidgets.QHBoxLayout(self)
        left = QtWidgets.QVBoxLayout()
        self.summary = ThaiLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        left.addWidget(self.summary)
        self.fingerprint = QtWidgets.QLineEdit(self)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setReadOnly(True)
        left.addWidget(self.fingerprint)
        self.next_step = QtWidgets.QLabel(self)
        self.next_step.setObjectName("nextStep")
        left.addWidget(self.next_step)
        left.addStretch(1)
        layout.addLayout(left, 2)
        self.qr = QtWidgets.QLabel(self)
        self.qr.setObjectName("qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.qr, 1)

    def initializePage(self) -> None:
        identity = Identity(self.wizard_.ws)
        next_step = {
            Role.ASSESSOR: self.tr(
                "Next: give your provincial office your public key (Sync › My signing key › Export "
                "public key…) and read them the fingerprint. Then start with Assessments › New "
                "assessment."),
            Role.PROVINCE: self.tr(
                "Next: enrol your assessors' public keys (Sync › Trusted assessor keys), then import "
                "the bundles they bring (Sync › Receive (import)). Give your assessors and the "
                "regional office this office's public key (Sync › Office signing key)."),
            Role.REGION: self.tr(
                "Next: enrol the provincial offices' public keys (Sync › Trusted province keys), "
                "then import their bundles (Sync › Receive (import)) and follow Coverage."),
            Role.NATIONAL: self.tr(
                "Next: enrol the provincial offices' public keys (Sync › Trusted province keys), "
                "then import their bundles (Sync › Receive (import)) and follow Coverage."),
            Role.MUNICIPALITY: self.tr(
                "Next: give your provincial office this public key (Sync › My signing key) to "
                "enrol as your municipality's key. Fill your self-assessment under Assessments › "
                "New assessment, finalize it and send it (Sync › Send self-assessment)."),
        }[self.wizard_.role_page.role()]
        if identity.has_key():
            info = identity.info()
            self.fingerprint.setText(info.fingerprint)
            self.fingerprint.setCursorPosition(0)
            self.fingerprint.setVisible(True)
            pix = QtGui.QPixmap()
            pix.loadFromData(identity.qr_png(scale=4))  # PNG: the frozen build ships no SVG plugin
            self.qr.setPixmap(pix)
            head = self.tr("Your signing key is ready. Its fingerprint:")
        else:
            self.fingerprint.setVisible(False)
            self.qr.clear()
            head = self.tr("You have no signing key yet: create it on the signing-key page under "
                           "Sync before you finalize or send.")
        set_wrapped_text(self.summary, head)
        set_wrapped_text(self.next_step, next_step)


class FirstRunWizard(QtWidgets.QWizard):
    """Runs once on a workspace that was never set up; ``accepted`` means it now is."""

    def __init__(self, ws: Workspace, lang: str = "th",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("SECity Desktop — first start"))
        self.setWizardStyle(QtWidgets.QWizard.WizardStyle.ClassicStyle)
        self.setOption(QtWidgets.QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QtWidgets.QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for which, text in (
            (QtWidgets.QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QtWidgets.QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QtWidgets.QWizard.WizardButton.FinishButton, self.tr("&Start working")),
            (QtWidgets.QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(which, text)
        self.role_page = WelcomeRolePage(lang, self)
        self.place_page = WelcomePlacePage(ws, lang, self.role_page, self)
        self.person_page = WelcomePersonPage(self)
        self.key_page = WelcomeKeyPage(self.person_page, self)
        self.done_page = WelcomeDonePage(self)
        for page in (self.role_page, self.place_page, self.person_page, self.key_page,
                     self.done_page):
            self.addPage(page)
        fit_to_screen(self, 720, 480)

    def validateCurrentPage(self) -> bool:
        """Leaving the key page sets the workspace up (and makes the key): a refusal stays here."""
        if self.currentPage() is not self.key_page:
            return super().validateCurrentPage()
        try:
            onboarding.setup(
                self.ws,
                role=self.role_page.role(),
                name=self.person_page.name.text(),
                position=self.person_page.position.text(),
                organisation=self.person_page.organisation.text(),
                province_code=self.place_page.province_code(),
                region_office=self.place_page.region_code(),
                municipality_code=self.place_page.municipality_code(),
            )
            phrase = self.key_page.passphrase()
            identity = Identity(self.ws)
            if phrase is not None and not identity.has_key():
                identity.create_key(phrase)
        except SecityError as exc:
            common.warn(self, self.tr("SECity Desktop"), describe(exc, self.lang))
            return False
        finally:
            self.key_page.phrase.clear()
            self.key_page.repeat.clear()
        return True


def offer_first_run(
    ws: Workspace,
    lang: str,
    window: QtWidgets.QMainWindow,
    make_window: Callable[[], QtWidgets.QMainWindow],
) -> FirstRunWizard:
    """Open the wizard over ``window``; once it is done, a new window built for the chosen role
    replaces it (an office's places exist only in an office's window). Cancelling keeps the
    window as it is and asks again at the next start."""
    wizard = FirstRunWizard(ws, lang, window)
    wizard.setWindowModality(Qt.WindowModality.ApplicationModal)

    def replace() -> None:
        replacement = make_window()
        replacement.show()
        window.replaced_by = replacement  # type: ignore[attr-defined]
        _KEEP.append(replacement)
        window.close()

    wizard.accepted.connect(replace)
    wizard.open()
    window.first_run = wizard  # type: ignore[attr-defined]
    return wizard


_KEEP: list[QtWidgets.QMainWindow] = []  # the replacement lives as long as the app
