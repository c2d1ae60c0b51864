"""Table of municipalities; small enough (a few thousand rows) to fetch at reset."""

from __future__ import annotations

from typing import Any

from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography


class MunicipalityTableModel(QtCore.QAbstractTableModel):
    COLUMNS = ("code", "name", "type", "province", "seat")

    def __init__(
        self, ws: Workspace, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self._rows: list[geography.Municipality] = []
        self.reload()

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Municipality"),
            self.tr("Type"),
            self.tr("Province"),
            self.tr("Provincial seat"),
        )

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = geography.municipalities(self.ws.db)
        self.endResetModel()

    def municipality(self, row: int) -> geography.Municipality:
        return self._rows[row]

    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers()[section]
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        m = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        th = self.lang == "th"
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "code":
                return m.code
            if col == "name":
                return m.name_th if th or not m.name_en else m.name_en
            if col == "type":
                labels = MUNICIPALITY_TYPE_LABELS.get(MunicipalityType(m.type))
                return (labels[0] if th else labels[1]) if labels else m.type
            if col == "province":
                return m.province_th if th else m.province_en
            if col == "seat":
                return "✓" if m.is_seat else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == "name":
            return f"{m.name_th}\n{m.name_en}"
        if role == Qt.ItemDataRole.UserRole:
            # Search text: both languages and the code, so the filter box matches any of them.
            return f"{m.code} {m.name_th} {m.name_en} {m.province_th} {m.province_en}"
        return None
