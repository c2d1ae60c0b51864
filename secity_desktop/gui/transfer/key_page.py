"""The signing-key page: profile, key creation, fingerprint and QR, passphrase change.

An assessor signs revisions and field bundles; a province office signs the
bundles it sends (returns to assessors, approved results upward), so it has
the same page with an office's wording.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core.errors import SecityError
from secity_desktop.gui import common
from secity_desktop.gui.qt import Qt, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.gui.transfer.dialogs import AskPassphrase, show_error
from secity_desktop.services.identity import PROFILE_FIELDS, Identity


class KeyPage(QtWidgets.QWidget):
    def __init__(self, identity: Identity, ask: AskPassphrase,
                 parent: QtWidgets.QWidget | None = None, *, office: bool = False,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("keyPage")
        self.lang = lang
        self.identity = identity
        self.ask = ask
        self.office = office
        layout = QtWidgets.QHBoxLayout(self)
        left = QtWidgets.QVBoxLayout()
        layout.addLayout(left, 2)

        box = QtWidgets.QGroupBox(
            self.tr("Office profile") if office else self.tr("Assessor profile"), self)
        form = QtWidgets.QFormLayout(box)
        labels = {"name": self.tr("Name"), "position": self.tr("Position"),
                  "organisation": self.tr("Organisation"), "province": self.tr("Province code")}
        self.fields: dict[str, QtWidgets.QLineEdit] = {}
        for f in PROFILE_FIELDS:
            edit = QtWidgets.QLineEdit(box)
            edit.setObjectName(f"profile_{f}")
            form.addRow(labels[f], edit)
            self.fields[f] = edit
        self.save_button = QtWidgets.QPushButton(self.tr("Save profile"), box)
        self.save_button.clicked.connect(self.save_profile)
        form.addRow(self.save_button)
        left.addWidget(box)

        keybox = QtWidgets.QGroupBox(self.tr("Signing key"), self)
        kform = QtWidgets.QFormLayout(keybox)
        self.state = ThaiLabel(keybox)
        self.state.setWordWrap(True)
        kform.addRow(self.state)
        self.fingerprint = QtWidgets.QLineEdit(keybox)
        self.fingerprint.setReadOnly(True)
        self.fingerprint.setObjectName("fingerprint")
        kform.addRow(self.tr("Fingerprint"), self.fingerprint)
        self.public_line = QtWidgets.QLineEdit(keybox)
        self.public_line.setReadOnly(True)
        kform.addRow(self.tr("Public key"), self.public_line)
        row = QtWidgets.QHBoxLayout()
        self.create_button = QtWidgets.QPushButton(self.tr("Create signing key…"), keybox)
        self.create_button.clicked.connect(self.create_key)
        self.passwd_button = QtWidgets.QPushButton(self.tr("Change passphrase…"), keybox)
        self.passwd_button.clicked.connect(self.change_passphrase)
        self.export_button = QtWidgets.QPushButton(self.tr("Export public key…"), keybox)
        self.export_button.clicked.connect(lambda: self.export_public())  # not clicked(bool) as the argument
        self.rotate_button = QtWidgets.QPushButton(self.tr("Replace key…"), keybox)
        self.rotate_button.setObjectName("rotateKey")
        self.rotate_button.setToolTip(self.tr(
            "Make a new signing key and a rotation statement signed by the old and new keys; "
            "give the statement to your office so your enrolment moves to the new key."))
        self.rotate_button.clicked.connect(lambda: self.rotate_key())
        for b in (self.create_button, self.passwd_button, self.export_button, self.rotate_button):
            row.addWidget(b)
        kform.addRow(row)
        left.addWidget(keybox)
        left.addStretch(1)

        self.qr = QtWidgets.QLabel(self)
        self.qr.setObjectName("qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(260, 260)
        layout.addWidget(self.qr, 1)
        self.refresh()

    def refresh(self) -> None:
        prof = self.identity.profile()
        for f, edit in self.fields.items():
            edit.setText(getattr(prof, f))
        has = self.identity.has_key()
        self.create_button.setVisible(not has)
        self.passwd_button.setEnabled(has)
        self.export_button.setEnabled(has)
        self.rotate_button.setEnabled(has)
        if not has:
            self.state.setText(self.tr(
                "No signing key yet. Create one to sign the bundles this office sends (returns "
                "to assessors, results upward); it is protected by a passphrase only you know.")
                if self.office else self.tr(
                "No signing key yet. Create one to finalize and send assessments; "
                "it is protected by a passphrase only you know."))
            self.fingerprint.clear()
            self.public_line.clear()
            self.qr.clear()
            return
        info = self.identity.info()
        self.state.setText(self.tr(
            "Give your assessors and the regional office this office's public key (file or QR) "
            "and read the fingerprint to them so they can check it.") if self.office else self.tr(
            "Give the office your public key (file or QR) and read the fingerprint to them "
            "so they can check it."))
        self.fingerprint.setText(info.fingerprint)
        self.public_line.setText(info.public_line)
        self.public_line.setCursorPosition(0)
        self.fingerprint.setCursorPosition(0)
        pix = QtGui.QPixmap()
        pix.loadFromData(self._qr_png())
        self.qr.setPixmap(pix)

    def _qr_png(self) -> bytes:
        return self.identity.qr_png(scale=5)

    def save_profile(self) -> None:
        try:
            self.identity.set_profile(**{f: e.text() for f, e in self.fields.items()})
        except SecityError as exc:
            show_error(self, exc, self.lang)
        self.refresh()

    def create_key(self) -> None:
        phrase = self.ask(self, self.tr("Choose a passphrase for your new signing key "
                                        "(at least 8 characters)."), "", True)
        if phrase is None:
            return
        try:
            self.save_profile()
            self.identity.create_key(phrase)
        except SecityError as exc:
            show_error(self, exc, self.lang)
        self.refresh()

    def change_passphrase(self) -> None:
        from secity_desktop.core.errors import WrongPassphraseError

        error = ""
        while True:
            old = self.ask(self, self.tr("Current passphrase"), error, False)
            if old is None:
                return
            try:
                self.identity.unlock(old)
                break
            except WrongPassphraseError:
                error = self.tr("Wrong passphrase; try again.")
        new = self.ask(self, self.tr("New passphrase (at least 8 characters)"), "", True)
        if new is None:
            return
        try:
            self.identity.change_passphrase(old, new)
            common.inform(self, self.tr("Signing key"), self.tr("The passphrase was changed."))
        except SecityError as exc:
            show_error(self, exc, self.lang)

    def rotate_key(self, folder: Path | None = None) -> Path | None:
        """New key + rotation statement (services.key_rotation); returns the statement file."""
        from secity_desktop.core.errors import WrongPassphraseError
        from secity_desktop.services.key_rotation import rotate

        error = ""
        while True:
            old = self.ask(self, self.tr("Current passphrase (the old key signs the change)"),
                           error, False)
            if old is None:
                return None
            try:
                self.identity.unlock(old)
                break
            except WrongPassphraseError:
                error = self.tr("Wrong passphrase; try again.")
        new = self.ask(self, self.tr("Passphrase for the new key (at least 8 characters)"), "", True)
        if new is None:
            return None
        if folder is None:
            name = QtWidgets.QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the rotation statement"), str(Path.home()))
            if not name:
                return None
            folder = Path(name)
        try:
            done = rotate(self.identity.ws, old, new, folder)
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return None
        self.refresh()
        common.inform(self, self.tr("Signing key"), self.tr(
            "New key {fp}. Give the statement {file} to your office; until it is applied "
            "there, bundles you sign with the new key are refused.").format(
            fp=done.new_fingerprint, file=done.statement.name))
        return done.statement

    def export_public(self, target: Path | None = None) -> None:
        if target is None:
            name, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Export public key"), "office_ed25519.pub" if self.office else "assessor_ed25519.pub",
                self.tr("Public key (*.pub)"))
            if not name:
                return
            target = Path(name)
        self.identity.export_public(target)
