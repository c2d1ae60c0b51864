"""The Municipalities place: the register as a filterable table, its imports, each record's page.

"Import list…" and "Past results…" open the preview dialog
(``gui/register_import.py``); double-clicking (or Enter on) a row opens the
record's page (``gui/municipality_page.py``).
"""

from __future__ import annotations

from secity_desktop.gui.filter_table import FilterTable
from secity_desktop.gui.models.municipalities import MunicipalityTableModel
from secity_desktop.gui.municipality_page import MunicipalityPage
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.register_import import HISTORY, REGISTER, ImportPreviewDialog
from secity_desktop.gui.self_import import SelfAssessmentDialog
from secity_desktop.services.workspace import Workspace


class MunicipalityPlace(QtWidgets.QWidget):
    def __init__(self, ws: Workspace, lang: str = "th", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.lang = ws, lang
        self.setObjectName("municipalityPlace")
        self.model = MunicipalityTableModel(ws, lang, self, load=False)  # the view sorts it
        self.table = FilterTable(
            self.model,
            self.tr("Filter by name (Thai or English), code or province…"),
            Qt.ItemDataRole.UserRole,
            None,
            self,
        )
        self.model.ensure_loaded()
        bar = QtWidgets.QHBoxLayout()
        self.import_button = QtWidgets.QPushButton(self.tr("Import list…"), self)
        self.import_button.setToolTip(
            self.tr("Load the department's register of local governments (CSV or XLSX) with a preview")
        )
        self.import_button.clicked.connect(lambda: self.open_import(REGISTER))
        self.history_button = QtWidgets.QPushButton(self.tr("Past results…"), self)
        self.history_button.setToolTip(self.tr("Load the awards and tiers of earlier years with a preview"))
        self.history_button.clicked.connect(lambda: self.open_import(HISTORY))
        self.open_button = QtWidgets.QPushButton(self.tr("Open…"), self)
        self.open_button.setToolTip(self.tr("The selected record, its forms over the years and past results (Enter)"))
        self.open_button.clicked.connect(lambda: self.open_index(self.table.view.currentIndex()))
        self.self_button = QtWidgets.QPushButton(self.tr("Self-assessment…"), self)
        self.self_button.setToolTip(
            self.tr("Bring in the selected municipality's self-assessment spreadsheet, or save the template")
        )
        self.self_button.clicked.connect(lambda: self.open_self_assessment())
        for b in (self.import_button, self.history_button, self.open_button, self.self_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.view.activated.connect(self.open_index)
        self.table.view.doubleClicked.connect(self.open_index)
        self.last_dialog: QtWidgets.QDialog | None = None

    def open_import(self, kind: str) -> ImportPreviewDialog:
        dialog = ImportPreviewDialog(self.ws, kind, self.lang, self)
        self.last_dialog = dialog
        dialog.finished.connect(lambda _r: self.model.reload())
        dialog.open()
        return dialog

    def open_self_assessment(self) -> SelfAssessmentDialog:
        index = self.table.view.currentIndex()
        code = self.model.municipality(self.table.source_row(index)).code if index.isValid() else None
        dialog = SelfAssessmentDialog(self.ws, code, self.lang, self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_index(self, index: QtCore.QModelIndex) -> MunicipalityPage | None:
        if not index.isValid():
            return None
        return self.open_record(self.model.municipality(self.table.source_row(index)).code)

    def open_record(self, code: str) -> MunicipalityPage:
        page = MunicipalityPage(self.ws, code, self.lang, self)
        self.last_dialog = page
        page.open()
        return page
