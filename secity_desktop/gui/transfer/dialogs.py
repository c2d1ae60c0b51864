"""Passphrase dialogs and error display for the Sync place.

The passphrase lives in a password field and is handed on as bytes once; it
is never put in a message, a log or an exception text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop import log, messages
from secity_desktop.core.errors import Cancelled, NotFoundError, SecityError, WrongPassphraseError
from secity_desktop.gui import common
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.services.identity import Identity

AskPassphrase = Callable[[QtWidgets.QWidget, str, str, bool], bytes | None]
"""(parent, prompt, error text, confirm twice) → passphrase, or None if cancelled."""


class PassphraseDialog(QtWidgets.QDialog):
    def __init__(self, parent: QtWidgets.QWidget, prompt: str, error: str = "",
                 confirm: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Passphrase"))
        form = QtWidgets.QFormLayout(self)
        form.addRow(QtWidgets.QLabel(prompt, self))
        self.phrase = QtWidgets.QLineEdit(self)
        self.phrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.phrase.setObjectName("passphrase")
        form.addRow(self.tr("Passphrase"), self.phrase)
        self.repeat: QtWidgets.QLineEdit | None = None
        if confirm:
            self.repeat = QtWidgets.QLineEdit(self)
            self.repeat.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
            self.repeat.setObjectName("repeat")
            form.addRow(self.tr("Repeat"), self.repeat)
        self.error = QtWidgets.QLabel(error, self)
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setVisible(bool(error))
        form.addRow(self.error)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.repeat is not None and self.repeat.text() != self.phrase.text():
            self.error.setText(self.tr("The two passphrases differ."))
            self.error.setVisible(True)
            return
        self.accept()

    def value(self) -> bytes:
        return self.phrase.text().encode("utf-8")


def ask_passphrase(parent: QtWidgets.QWidget, prompt: str, error: str = "",
                   confirm: bool = False) -> bytes | None:
    dlg = PassphraseDialog(parent, prompt, error, confirm)
    try:
        return dlg.value() if dlg.exec() == QtWidgets.QDialog.DialogCode.Accepted else None
    finally:
        dlg.phrase.clear()
        dlg.deleteLater()


def unlock_key(parent: QtWidgets.QWidget, identity: Identity, ask: AskPassphrase,
               prompt: str, *, reading: Sequence[Path] | None = None
               ) -> Ed25519PrivateKey | tuple[Ed25519PrivateKey, ...] | None:
    """Ask until the passphrase opens the key (a wrong one is said plainly and asked again).

    With no key yet nothing is asked: the person is told where to create one (None returned).
    With ``reading`` (the files about to be read) the result is the keys that open them: the
    current key, then the retired ones a rotation kept that the files are sealed to, opened
    with the same one passphrase.
    """
    if not identity.has_key():
        show_error(parent, NotFoundError(
            "this workspace has no signing key yet; create one on the signing-key page under Sync",
            code="no_key_yet"))
        return None
    error = ""
    while True:
        phrase = ask(parent, prompt, error, False)
        if phrase is None:
            return None
        try:
            return (identity.unlock_for_reading(phrase, reading) if reading is not None
                    else identity.unlock(phrase))
        except WrongPassphraseError:
            error = QtCore.QCoreApplication.translate("SyncDialogs", "Wrong passphrase; try again.")


def show_error(parent: QtWidgets.QWidget, exc: BaseException, lang: str = "th") -> None:
    """One clear line in the person's language; a bug says so without details that could hold
    secrets. Either way the log keeps it: the refusal's code and params, or the bug's traceback.
    """
    log.refusal(log.get("gui"), exc, "sync")
    if isinstance(exc, Cancelled):
        return
    text = messages.describe(exc, lang)
    title = QtCore.QCoreApplication.translate("SyncDialogs", "SECity Desktop")
    if isinstance(exc, SecityError):
        common.warn(parent, title, text)
    else:
        common.fail(parent, title, text)
