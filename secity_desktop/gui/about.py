"""The About box: version, the framework in use, the licences, and Qt's own About.

The licence text is ``THIRD-PARTY-NOTICES`` as shipped (generated from the
locked dependency set by ``packaging/third_party_notices.py``), shown in a
scrollable view: the LGPL asks that users can see Qt's notice from the app.
The framework's status is written in Thai and English whatever the UI
language, because a provisional framework must never be mistaken for the
official one. "Copy support information" puts ``secity doctor --json``'s
facts on the clipboard for a support call.
"""

from __future__ import annotations

import json
from pathlib import Path

from secity_desktop import __version__, paths
from secity_desktop.core.framework import Framework
from secity_desktop.gui.audit_indicator import AuditTrailBox
from secity_desktop.gui.common import fit_to_screen
from secity_desktop.gui.qt import Qt, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.services.workspace import Workspace

STATUS_LABELS = {
    "provisional": ("ฉบับร่าง (ยังไม่เป็นทางการ)", "provisional"),
    "official": ("ฉบับทางการ", "official"),
    "superseded": ("ถูกแทนที่แล้ว", "superseded"),
}


def status_label(status: str, lang: str = "th") -> str:
    """The framework's status in the UI language (never English on a Thai screen)."""
    th, en = STATUS_LABELS.get(status, (status, status))
    return th if lang == "th" else en


def notices_text() -> str:
    """The shipped licence texts: MIT for the app, then every third-party notice."""
    root = paths.project_root()
    parts = []
    for name in ("LICENSE", "THIRD-PARTY-NOTICES"):
        try:
            parts.append((root / name).read_text("utf-8"))
        except OSError:
            parts.append(f"({name} is missing from this installation: {root / name})")
    return "\n\n".join(parts)


class AboutDialog(QtWidgets.QDialog):
    def __init__(
        self,
        framework: Framework,
        parent: QtWidgets.QWidget | None = None,
        data_dir: Path | None = None,
        ws: Workspace | None = None,
        lang: str = "th",
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("About SECity Desktop"))
        fit_to_screen(self, 640, 520)
        layout = QtWidgets.QVBoxLayout(self)

        icon = paths.resources_dir() / "icons" / "secity.png"
        head = QtWidgets.QHBoxLayout()
        if icon.is_file():
            logo = QtWidgets.QLabel(self)
            logo.setPixmap(QtGui.QPixmap(str(icon)).scaled(64, 64))
            head.addWidget(logo)
        self.summary = ThaiLabel(self)
        self.summary.setTextInteractionFlags(
            self.summary.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.summary.setWordWrap(True)
        self.summary.setText(
            "<b>SECity Desktop {version}</b><br>{programme}<br>{fw_label}: {fw_id} {fw_version}"
            " — {status}<br><small>{hash_label}: {fw_hash}</small>".format(
                version=__version__,
                programme=self.tr("Sustainable Environment City assessment"),
                fw_label=self.tr("Framework"),
                fw_id=framework.framework.id,
                fw_version=framework.version,
                status=status_label(framework.status, getattr(parent, "lang", "th")),
                hash_label=self.tr("Framework hash"),
                fw_hash=framework.hash[:16],
            )
        )
        head.addWidget(self.summary, 1)
        layout.addLayout(head)
        self.audit_box: AuditTrailBox | None = None
        if ws is not None:  # the open workspace's audit trail, checked on demand
            self.audit_box = AuditTrailBox(ws, self, lang)
            layout.addWidget(self.audit_box)

        layout.addWidget(QtWidgets.QLabel(self.tr("Licences"), self))
        self.licences = QtWidgets.QPlainTextEdit(self)
        self.licences.setReadOnly(True)
        self.licences.setPlainText(notices_text())
        layout.addWidget(self.licences, 1)

        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        self.about_qt = buttons.addButton(
            self.tr("About Qt"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.about_qt.clicked.connect(lambda: QtWidgets.QMessageBox.aboutQt(self))
        self.copy_support = buttons.addButton(
            self.tr("Copy support information"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_support.clicked.connect(self.copy_support_information)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_support_information(self) -> str:
        """``secity doctor --json`` for this workspace, onto the clipboard."""
        from secity_desktop.services import doctor

        text = json.dumps(
            doctor.gather(self.data_dir or paths.default_data_dir()).as_dict(),
            ensure_ascii=False,
            indent=2,
        )
        QtWidgets.QApplication.clipboard().setText(text)
        return text
