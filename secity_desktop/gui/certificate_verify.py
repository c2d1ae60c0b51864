"""A small panel to check a certificate offline: paste the QR text or open the PDF.

Same rules as ``secity certificate verify`` (docs/certificates.md): the
workspace's own keys (current and retired) are trusted, enrolled keys only when
ticked; the verdict says whether the key was valid when it signed (the window the
certificate states and the one this workspace's key history knows).
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.gui.qt import QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.services.certificate_check import (
    CertificateVerdict,
    payloads_from_pdf,
    reason_text,
    trusted_keys,
    verify,
    window_text,
)
from secity_desktop.services.workspace import Workspace


class CertificateVerifyBox(QtWidgets.QGroupBox):
    checked = Signal(bool, str)  # genuine?, the verdict shown

    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Verify a certificate"))
        self.ws = ws
        self.lang = lang
        self.text = QtWidgets.QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Paste the QR code's text (SECITY-CERT1:…)"))
        self.text.returnPressed.connect(self.verify_text)
        check = QtWidgets.QPushButton(self.tr("Check"), self)
        check.clicked.connect(self.verify_text)
        open_pdf = QtWidgets.QPushButton(self.tr("Open PDF…"), self)
        open_pdf.clicked.connect(self._ask_pdf)
        self.include_enrolled = QtWidgets.QCheckBox(
            self.tr("Also trust keys enrolled in this workspace"), self
        )
        self.result = ThaiLabel(self)
        self.result.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(check)
        row.addWidget(open_pdf)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.include_enrolled)
        layout.addWidget(self.result)

    def _ask_pdf(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Certificate PDF"), "", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.verify_pdf(Path(path))

    def verify_text(self) -> None:
        self._verify([self.text.text().strip()])

    def verify_pdf(self, path: Path) -> None:
        try:
            payloads = payloads_from_pdf(path)
        except SecityError as exc:
            self._show(False, messages.describe(exc, self.lang))
            return
        self._verify(payloads)

    def _verify(self, payloads: list[str]) -> None:
        trusted = trusted_keys(self.ws, include_enrolled=self.include_enrolled.isChecked())
        if not trusted:
            self._show(False, self.tr("This workspace trusts no signing key yet."))
            return
        verdicts = verify(payloads, trusted, self.ws)
        self._show(all(v.genuine for v in verdicts), "\n".join(self._line(v) for v in verdicts))

    def _line(self, v: CertificateVerdict) -> str:
        """The verdict, then (when the signature holds) the key window stated and known here."""
        if not v.genuine:
            text = self.tr("NOT GENUINE: {reason}").format(reason=reason_text(v, self.lang))
            return text + ("\n" + window_text(v, self.lang) if v.signature_ok else "")
        return self.tr(
            "GENUINE: {number} — {name} ({code}), {tier}, fiscal year {year}, issued "
            "{date}; signed by {signer} ({fingerprint})"
        ).format(
            number=v.certificate_id,
            name=v.municipality_th,
            code=v.municipality_code,
            tier=v.tier_th,
            year=v.year,
            date=format_date_th(v.issued) if v.issued else "",
            signer=v.signer_label or v.signer,
            fingerprint=v.signer,
        ) + "\n" + window_text(v, self.lang)

    def _show(self, genuine: bool, text: str) -> None:
        colour = "#1b5e3b" if genuine else "#a3262a"
        self.result.setStyleSheet(f"color: {colour};")
        self.result.setText(text)
        self.checked.emit(genuine, text)
