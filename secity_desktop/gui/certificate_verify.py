"""A small panel to check a certificate offline: paste the QR text or open the PDF.

Same rules as ``secity certificate verify`` (docs/certificates.md): the
workspace's own key is trusted, enrolled keys only when ticked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from secity_desktop.core.errors import SecityError, SignatureError
from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.crypto import certpayload
from secity_desktop.gui.qt import QtWidgets, Signal
from secity_desktop.services.certificates import payloads_in_pdf, tier_label, workspace_trusted_keys
from secity_desktop.services.workspace import Workspace


class CertificateVerifyBox(QtWidgets.QGroupBox):
    checked = Signal(bool, str)  # genuine?, the verdict shown

    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Verify a certificate"))
        self.ws = ws
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
        self.result = QtWidgets.QLabel(self)
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
            payloads = payloads_in_pdf(path)
        except SecityError as exc:
            self._show(False, str(exc))
            return
        self._verify(payloads)

    def _verify(self, payloads: list[str]) -> None:
        trusted = workspace_trusted_keys(
            self.ws, include_enrolled=self.include_enrolled.isChecked()
        )
        if not trusted:
            self._show(False, self.tr("This workspace trusts no signing key yet."))
            return
        lines: list[str] = []
        genuine = True
        for payload in payloads:
            try:
                v = certpayload.verify(payload, trusted)
            except SignatureError as exc:
                genuine = False
                lines.append(self.tr("NOT GENUINE: {reason}").format(reason=str(exc)))
                continue
            c = v.claims
            lines.append(
                self.tr(
                    "GENUINE: {number} — {name} ({code}), {tier}, fiscal year {year}, issued "
                    "{date}; signed by {signer} ({fingerprint})"
                ).format(
                    number=c.certificate_id,
                    name=c.municipality_th,
                    code=c.municipality_code,
                    tier=tier_label(self.ws, c.tier),
                    year=c.year,
                    date=format_date_th(dt.date.fromisoformat(c.issued)),
                    signer=v.signer_label or c.signer,
                    fingerprint=c.signer,
                )
            )
        self._show(genuine, "\n".join(lines))

    def _show(self, genuine: bool, text: str) -> None:
        colour = "#1b5e3b" if genuine else "#a3262a"
        self.result.setStyleSheet(f"color: {colour};")
        self.result.setText(text)
        self.checked.emit(genuine, text)
