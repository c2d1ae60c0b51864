"""Preferences: the few choices a person makes, stored through ``gui.settings``."""

from __future__ import annotations

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.qt import QtWidgets

LANGUAGE_NAMES = {"th": "ไทย (Thai)", "en": "English"}


class PreferencesDialog(QtWidgets.QDialog):
    def __init__(self, settings: cfg.Settings, parent: QtWidgets.QWidget | None = None) -> None:
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
        note = QtWidgets.QLabel(
            self.tr("A new language is used from the next start of SECity Desktop."), self
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.set(cfg.LANGUAGE, str(self.language.currentData()))
        super().accept()
