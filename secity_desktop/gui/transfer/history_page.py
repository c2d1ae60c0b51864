"""Every import the office made or refused: when, which file (hash), from whom, with what result."""

from __future__ import annotations

from secity_desktop.gui.common import when_text
from secity_desktop.gui.models.columns import Column, ColumnTableModel
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import thai_cells
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.lists import ImportRecord, import_history


class ImportHistoryModel(ColumnTableModel[ImportRecord]):
    def __init__(self, svc: ImportService, parent: QtCore.QObject | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.reload()

    def columns(self) -> list[Column[ImportRecord]]:
        def why(r: ImportRecord) -> str | None:
            return r.message or r.quarantine_path or None

        results = {"applied": self.tr("imported"), "nothing_new": self.tr("nothing new"),
                   "rejected": self.tr("refused")}
        return [
            Column(self.tr("When"), lambda r: when_text(r.at or None, self.lang)),
            Column(self.tr("File"), lambda r: r.file_name, tooltip=why),
            Column(self.tr("Sender"), lambda r: r.sender_name or ""),
            Column(self.tr("Result"), lambda r: results.get(r.result, r.result),
                   foreground=lambda r: "#b00020" if r.result == "rejected" else None),
            Column(self.tr("Added"), lambda r: str(r.added)),
            Column(self.tr("Updated"), lambda r: str(r.updated)),
            Column(self.tr("Skipped"), lambda r: str(r.skipped)),
            Column(self.tr("Conflicts"), lambda r: str(r.conflicts)),
            Column(self.tr("Reason"), lambda r: r.reason or "", tooltip=why),
            Column(self.tr("SHA-256"), lambda r: r.file_sha256),
        ]

    def reload(self) -> None:
        self.set_rows(import_history(self.svc.ws))


class ImportHistoryPage(QtWidgets.QWidget):
    def __init__(self, svc: ImportService, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("importHistoryPage")
        self.model = ImportHistoryModel(svc, self, lang)
        layout = QtWidgets.QVBoxLayout(self)
        self.view = thai_cells(QtWidgets.QTableView(self))
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.model.modelReset.connect(self.view.resizeColumnsToContents)
        layout.addWidget(self.view)
        self.view.resizeColumnsToContents()
