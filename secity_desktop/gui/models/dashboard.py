"""The dashboard table: one row per municipality, from one ``DashboardService.refresh``.

The rows are computed in bulk by the service (a few queries for thousands of
municipalities), so the model keeps the refreshed list and only formats it.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.qt import Qt, QtCore, QtGui
from secity_desktop.services.dashboard import Dashboard, DashboardRow, DashboardService

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QtCore.QModelIndex()
_FIXED = ("rank", "municipality", "type", "status", "total", "tier")


class DashboardTableModel(QtCore.QAbstractTableModel):
    def __init__(
        self, svc: DashboardService, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.filters: dict[str, Any] = {"province": svc.default_province()}
        self.dashboard: Dashboard | None = None
        self._rows: list[DashboardRow] = []
        self._columns: tuple[str, ...] = (*_FIXED, "change")

    def refresh(self, **filters: Any) -> Dashboard:
        self.filters.update(filters)
        dash = self.svc.refresh(**self.filters)
        self.beginResetModel()
        self.dashboard = dash
        self._rows = dash.rows
        self._columns = (*_FIXED, *(f"c:{c}" for c in dash.components), "change")
        self.endResetModel()
        return dash

    def row(self, row: int) -> DashboardRow:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.municipality_code == code), -1)

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def _header(self, col: str) -> str:
        if col.startswith("c:"):
            return self.tr("Comp. {code}").format(code=col[2:])
        return {
            "rank": self.tr("Rank"),
            "municipality": self.tr("Municipality"),
            "type": self.tr("Type"),
            "status": self.tr("Status"),
            "total": self.tr("Total"),
            "tier": self.tr("Tier"),
            "change": self.tr("Change"),
        }[col]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        col = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.startswith("c:"):
                return self.tr("Component {code} score").format(code=col[2:])
            if col == "change":
                return self.tr("Change of the total from the previous fiscal year")
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        r = self._rows[index.row()]
        col = self._columns[index.column()]
        th = self.lang == "th"
        if role == CODE_ROLE:
            return r.municipality_code
        if role == SORT_ROLE:
            big = 1e9
            if col == "rank":
                return r.rank if r.rank is not None else big
            if col == "total":
                return r.total if r.total is not None else -big
            if col == "change":
                return r.change if r.change is not None else -big
            if col.startswith("c:"):
                return r.components.get(col[2:], -big)
            return self.data(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col, th)
        if role == Qt.ItemDataRole.ToolTipRole and col == "municipality":
            return f"{r.name_th}\n{r.name_en}\n{r.municipality_code}"
        if role == Qt.ItemDataRole.ForegroundRole and col == "change" and r.change:
            return QtGui.QBrush(QtGui.QColor("#107c10" if r.change > 0 else "#a4262c"))
        if role == Qt.ItemDataRole.TextAlignmentRole and (
            col in ("rank", "total", "change") or col.startswith("c:")
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, r: DashboardRow, col: str, th: bool) -> Any:
        if col == "rank":
            return "" if r.rank is None else str(r.rank)
        if col == "municipality":
            name = r.name_th if th or not r.name_en else r.name_en
            return f"★ {name}" if r.model_town else name
        if col == "type":
            return MUNICIPALITY_TYPE_LABELS[MunicipalityType(r.type)][0 if th else 1]
        if col == "status":
            return status_text(r.status, th) if r.status else self.tr("Not assessed")
        if col == "total":
            return "" if r.total is None else f"{r.total:.2f}"
        if col == "tier":
            return (r.tier.label_th if th else r.tier.label_en) if r.tier else ""
        if col == "change":
            return "" if r.change is None else f"{r.change:+.2f}"
        if col.startswith("c:"):
            v = r.components.get(col[2:])
            return "" if v is None else f"{v:.2f}"
        return None
