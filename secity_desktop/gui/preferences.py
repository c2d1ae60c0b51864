"""Preferences: the few choices a person makes, stored through ``gui.settings``."""

from __future__ import annotations

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.common import translate_buttons
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.services.onboarding import WorkspaceSummary

LANGUAGE_NAMES = {"th": "ไทย", "en": "English"}  # each language in its own name


class PreferencesDialog(QtWidgets.QDialog):
    def __init__(
        self,
        settings: cfg.Settings,
        parent: QtWidgets.QWidget | None = None,
        workspace: WorkspaceSummary | None = None,
        lang: str = "th",
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        layout = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        self.language = QtWidgets.QComboBox(self)
        for code in cfg.LANGUAGE.choices:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(settings.get(cfg.LANGUAGE)))
        form.addRow(self.tr("&Language:"), self.language)
        layout.addLayout(form)
        note = ThaiLabel(
            self.tr("A new language is used from the next start of SECity Desktop."), self
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        if workspace is not None:
            layout.addWidget(self._workspace_box(workspace, lang))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _workspace_box(self, ws: WorkspaceSummary, lang: str) -> QtWidgets.QGroupBox:
        """Who this workspace is for: set at first run (or by ``secity init``), shown here."""
        box = QtWidgets.QGroupBox(self.tr("This workspace"), self)
        form = QtWidgets.QFormLayout(box)
        role = QtWidgets.QLabel(ws.role_label(lang), box)
        role.setObjectName("workspaceRole")
        form.addRow(self.tr("Works as:"), role)
        if ws.province is not None:
            form.addRow(self.tr("Province:"), QtWidgets.QLabel(ws.province.label(lang), box))
        if ws.region is not None:
            form.addRow(self.tr("Regional office:"), QtWidgets.QLabel(ws.region.label(lang), box))
        form.addRow(self.tr("Person:"), QtWidgets.QLabel(ws.person, box))
        folder = QtWidgets.QLineEdit(ws.data_dir, box)
        folder.setReadOnly(True)
        form.addRow(self.tr("Folder:"), folder)
        if ws.demo:
            form.addRow(QtWidgets.QLabel(self.tr("This workspace holds demo data."), box))
        return box

    def accept(self) -> None:
        self.settings.set(cfg.LANGUAGE, str(self.language.currentData()))
        super().accept()
