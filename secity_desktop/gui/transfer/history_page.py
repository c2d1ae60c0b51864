"""Every import the office made or refused: when, which file (hash), from whom, with what result."""

from __future__ import annotations

from typing import Any

from secity_desktop.gui.common import when_text
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from secity_desktop.services.bundle_import import ImportService

_KEYS = ("at", "file_name", "sender_name", "result", "added", "updated", "skipped", "conflicts",
         "reason", "file_sha256")


class ImportHistoryModel(QtCore.QAbstractTableModel):
    def __init__(self, svc: ImportService, parent: QtCore.QObject | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self._rows: list[dict[str, Any]] = []
        self.reload()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("File"), self.tr("Sender"), self.tr("Result"),
                self.tr("Added"), self.tr("Updated"), self.tr("Skipped"), self.tr("Conflicts"),
                self.tr("Reason"), self.tr("SHA-256"))

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.svc.history()
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = _KEYS[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and key == "result" and row["result"] == "rejected":
            return QtGui.QBrush(QtGui.QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and key in ("reason", "file_name"):
            return row.get("message") or row.get("quarantine_path") or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = row.get(key)
        if key == "at":
            return when_text(str(value) if value else None, self.lang)
        if key == "result":
            return {"applied": self.tr("imported"), "nothing_new": self.tr("nothing new"),
                    "rejected": self.tr("refused")}.get(str(value), str(value))
        return "" if value is None else str(value)


class ImportHistoryPage(QtWidgets.QWidget):
    def __init__(self, svc: ImportService, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("importHistoryPage")
        self.model = ImportHistoryModel(svc, self, lang)
        layout = QtWidgets.QVBoxLayout(self)
        self.view = QtWidgets.QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.model.modelReset.connect(self.view.resizeColumnsToContents)
        layout.addWidget(self.view)
        self.view.resizeColumnsToContents()
