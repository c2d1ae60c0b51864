"""Enrolling a key: the fingerprint to compare with its owner, then who it is.

Trust is given by a person, never by a bundle: whether the key comes from a
file the sender handed over or from a bundle that was refused because its
signer is unknown, the office reads the fingerprint shown here with the
sender (by phone, or from the QR code on the sender's key page) and only
then enrols it. Typing what the sender reads out checks it character by
character; the "confirmed" box is for a comparison made by eye.
"""

from __future__ import annotations

from secity_desktop.gui.qt import QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, set_wrapped_text

MATCH = "#1b7f3b"
DIFFER = "#b00020"
MIN_TAIL = 8  # reading out the last characters of a fingerprint is a common check


def _bare(fp: str) -> str:
    return "".join(fp.split()).removeprefix("SHA256:")


def fingerprint_matches(expected: str, heard: str) -> bool | None:
    """None when nothing was typed; True when it is the fingerprint or (≥ 8) its last characters."""
    said = _bare(heard)
    if not said:
        return None
    full = _bare(expected)
    return said == full or (len(said) >= MIN_TAIL and full.endswith(said))


class EnrolKeyDialog(QtWidgets.QDialog):
    def __init__(
        self,
        fingerprint: str,
        name: str,
        organisation: str,
        owner: str,
        parent: QtWidgets.QWidget | None = None,
        *,
        from_bundle: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrolKeyDialog")
        self.setWindowTitle(self.tr("Enrol key"))
        self.expected = fingerprint
        self.setMinimumWidth(560)  # the fingerprint on one line, the Thai text in a few
        form = QtWidgets.QFormLayout(self)
        intro = QtWidgets.QLabel(self)
        intro.setObjectName("enrolIntro")
        if from_bundle:
            text = self.tr(
                "{file} was signed with this key, which is not enrolled here. Enrol it only if "
                "{owner} reads you the same fingerprint (by phone, or from the QR code on their "
                "key page); the bundle's own claim proves nothing.").format(
                    file=from_bundle, owner=owner)
        else:
            text = self.tr(
                "Enrol this key only if {owner} reads you the same fingerprint (by phone, or "
                "from the QR code on their key page).").format(owner=owner)
        set_wrapped_text(intro, text)
        form.addRow(intro)
        self.fingerprint = QtWidgets.QLineEdit(fingerprint, self)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setReadOnly(True)
        self.fingerprint.setFont(QtGui.QFontDatabase.systemFont(
            QtGui.QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setCursorPosition(0)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        self.heard = QtWidgets.QLineEdit(self)
        self.heard.setObjectName("heard")
        self.heard.setPlaceholderText(self.tr("type what the sender reads out (or its last 8 characters)"))
        form.addRow(self.tr("Read out by the sender"), self.heard)
        self.verdict = ThaiLabel(self)
        self.verdict.setObjectName("verdict")
        form.addRow(self.verdict)
        self.confirmed = QtWidgets.QCheckBox(self.tr("I compared the fingerprint with the sender: "
                                                     "it is the same"), self)
        self.confirmed.setObjectName("confirmed")
        form.addRow(self.confirmed)
        self.name = QtWidgets.QLineEdit(name, self)
        self.name.setObjectName("name")
        self.organisation = QtWidgets.QLineEdit(organisation, self)
        self.organisation.setObjectName("organisation")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Organisation"), self.organisation)
        self.buttons = QtWidgets.QDialogButtonBox(self)
        self.enrol_button = self.buttons.addButton(
            self.tr("Enrol"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.enrol_button.setObjectName("enrolButton")
        self.buttons.addButton(self.tr("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for w in (self.heard, self.name):
            w.textChanged.connect(self._update)
        self.confirmed.toggled.connect(self._update)
        self._update()
        self.heard.setFocus()

    def _update(self) -> None:
        match = fingerprint_matches(self.expected, self.heard.text())
        if match is None:
            self.verdict.clear()
        elif match:
            self.verdict.setText(self.tr("✓ The same fingerprint."))
            self.verdict.setStyleSheet(f"color: {MATCH}")
            if not self.confirmed.isChecked():
                self.confirmed.setChecked(True)  # re-enters _update
                return
        else:
            self.verdict.setText(self.tr("✗ Not the same: do not enrol this key. Ask the sender "
                                         "to send the key file or the bundle again."))
            self.verdict.setStyleSheet(f"color: {DIFFER}")
            if self.confirmed.isChecked():
                self.confirmed.setChecked(False)  # what was read out outweighs a tick; re-enters
                return
        self.verdict.setWordWrap(True)
        ok = self.confirmed.isChecked() and match is not False and bool(self.name.text().strip())
        self.enrol_button.setEnabled(ok)
