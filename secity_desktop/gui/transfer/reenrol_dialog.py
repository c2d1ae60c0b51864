"""Re-enrolling a holder whose key is lost: the old enrolled key, the new public key, why, since when.

The office's side of recovery (docs/key-rotation.md): the holder's new public key comes from
the file they hand over, or from a bundle of theirs that was refused for an unknown signer;
its fingerprint is read out with the holder before anything is enrolled (the box must be
ticked). The old key is revoked *from* the chosen date (Buddhist Era), so what it signed
before stays valid for a bounded time and what it signs after is refused. Everything goes
through ``services.key_rotation.reenrol`` in one transaction, audited, and the re-enrolment
travels to the office's assessors and the next office in its bundles.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import SecityError
from secity_desktop.gui.be_date import BeDateEdit
from secity_desktop.gui.common import grow_to_text
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.gui.transfer.dialogs import show_error
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.key_rotation import reenrol
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace


class ReenrolDialog(QtWidgets.QDialog):
    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None, lang: str = "th",
                 old: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reenrolDialog")
        self.setWindowTitle(self.tr("Re-enrol a lost key"))
        self.ws, self.lang = ws, lang
        self.registry = TrustService(ws)
        self.public_text: str | None = None
        self.result_key: TrustedKey | None = None
        self.setMinimumWidth(560)
        form = QtWidgets.QFormLayout(self)
        intro = ThaiLabel(self.tr(
            "The holder lost their key (laptop lost, passphrase forgotten). Enrol their new key "
            "in its place and revoke the old one from the day it was last known safe: bundles "
            "it signed before stay valid, bundles it signs after are refused."), self)
        intro.setWordWrap(True)
        form.addRow(intro)

        self.old = QtWidgets.QComboBox(self)
        self.old.setObjectName("reenrolOld")
        for k in self.registry.all():
            if k.active:
                self.old.addItem(f"{k.label} — {k.fingerprint}", k.fingerprint)
        if old is not None:
            self.old.setCurrentIndex(max(0, self.old.findData(old)))
        # a key's label and whole fingerprint made the form 680 px wide: show about 40
        # characters, the whole line in the tooltip
        self.old.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.old.setMinimumContentsLength(40)
        self.old.setToolTip(self.old.currentText())
        self.old.currentTextChanged.connect(self.old.setToolTip)
        form.addRow(self.tr("&Old key:"), self.old)

        pick = QtWidgets.QHBoxLayout()
        self.from_file = QtWidgets.QPushButton(self.tr("From &file…"), self)
        self.from_file.setObjectName("reenrolFromFile")
        self.from_file.clicked.connect(lambda: self.choose_file())
        self.from_bundle = QtWidgets.QPushButton(self.tr("From a refused &bundle…"), self)
        self.from_bundle.setObjectName("reenrolFromBundle")
        self.from_bundle.clicked.connect(lambda: self.choose_bundle())
        pick.addWidget(self.from_file)
        pick.addWidget(self.from_bundle)
        pick.addStretch(1)
        form.addRow(self.tr("New public key:"), pick)
        self.fingerprint = QtWidgets.QLabel(self.tr("(none chosen)"), self)
        self.fingerprint.setObjectName("reenrolFingerprint")
        self.fingerprint.setTextInteractionFlags(self.fingerprint.textInteractionFlags())
        form.addRow(self.tr("Its fingerprint:"), self.fingerprint)
        self.compared = QtWidgets.QCheckBox(
            self.tr("I read this fingerprint out with the holder and it &matches"), self)
        self.compared.setObjectName("reenrolCompared")
        form.addRow(self.compared)

        self.reason = QtWidgets.QLineEdit(self)
        self.reason.setObjectName("reenrolReason")
        self.reason.setPlaceholderText(self.tr("e.g. laptop stolen on the way back from the field"))
        form.addRow(self.tr("&Reason:"), self.reason)
        self.since = BeDateEdit(self, lang)
        form.addRow(self.tr("Revoke the old key from &date:"), self.since)

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Re-enrol"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for w in (self.compared,):
            w.toggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        QtCore.QTimer.singleShot(0, lambda: grow_to_text(self))  # the intro's last line

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.public_text and self.compared.isChecked()
                                and self.reason.text().strip() and self.old.count()))

    def set_public(self, text: str) -> None:
        """The new key's text, once read; its fingerprint is shown to compare."""
        try:
            fp, _comment = self.registry.inspect(text)
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return
        self.public_text = text
        self.fingerprint.setText(fp)
        # the whole fingerprint shows (its last characters are the ones read out)
        self.resize(max(self.width(), self.sizeHint().width()), self.height())
        self.compared.setChecked(False)
        self._update()

    def choose_file(self, path: Path | None = None) -> None:
        if path is None:
            fname, _ = QtWidgets.QFileDialog.getOpenFileName(
                self, self.tr("The holder's new public key"), "",
                self.tr("Public key (*.pub);;All files (*)"))
            if not fname:
                return
            path = Path(fname)
        try:
            self.set_public(self.registry.read_key_file(path))
        except SecityError as exc:
            show_error(self, exc, self.lang)

    def choose_bundle(self, path: Path | None = None) -> None:
        """The key a bundle refused for an unknown signer carries (only a claim until compared)."""
        if path is None:
            fname, _ = QtWidgets.QFileDialog.getOpenFileName(
                self, self.tr("A bundle the holder signed with the new key"), "",
                self.tr("Bundles (*.secbundle *.age);;All files (*)"))
            if not fname:
                return
            path = Path(fname)
        try:
            claim = ImportService(self.ws).sender_claim(path)
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return
        if claim.sender_public:
            self.set_public(claim.sender_public)

    def since_iso(self) -> str:
        return dt.date.isoformat(self.since.date())

    def accept(self) -> None:
        """Re-enrol; the dialog stays open (with the reason said) if the service refuses."""
        if not self.ok.isEnabled() or self.public_text is None:
            return
        try:
            self.result_key = reenrol(self.ws, self.public_text, str(self.old.currentData()),
                                      self.reason.text(), revoked_from=self.since_iso())
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return
        super().accept()
