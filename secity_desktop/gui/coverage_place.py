"""The Coverage place (region and national): the cabinet target, province by province.

One row per province from ``CoverageService.report`` (built from the
provinces' upward bundles): its seat town's status and score, how many of
its municipalities are approved, and the model town it chose. A reporting
province that still misses the seat town's approval or a model town is
tinted, and one that sent nothing for the year is greyed: early in a year
most provinces have sent nothing, and tinting them all would hide the few
that need a call. The totals line says how far the year has come.
"""

from __future__ import annotations

import html
from typing import Any

from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from secity_desktop.services.coverage import CoverageReport, CoverageService, ProvinceCoverage
from secity_desktop.services.dashboard import DashboardRow
from secity_desktop.services.workspace import Workspace

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
REGION_OFFICES = range(1, 17)
COLUMNS = ("province", "region", "seat", "seat_status", "seat_total", "seat_tier", "approved",
           "model_town")
MISSING_BG = "#fff4e0"  # a light amber: noticeable in a long list, quiet beside the text
NOTHING_FG = "#777777"


class CoverageTableModel(QtCore.QAbstractTableModel):
    def __init__(self, svc: CoverageService, lang: str = "th",
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.report: CoverageReport | None = None
        self._rows: list[ProvinceCoverage] = []

    def refresh(self, year: int | None, region_office: int | None = None) -> CoverageReport | None:
        self.beginResetModel()
        self.report = None if year is None else self.svc.report(year, region_office)
        self._rows = self.report.provinces if self.report else []
        self.endResetModel()
        return self.report

    def row(self, row: int) -> ProvinceCoverage:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return next((n for n, p in enumerate(self._rows) if p.code == code), -1)

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Province"), self.tr("Region office"), self.tr("Seat town"),
                self.tr("Seat status"), self.tr("Seat total"), self.tr("Seat tier"),
                self.tr("Approved / municipalities"), self.tr("Model town"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] == "approved":
            return self.tr("Municipalities with an approved assessment for the year, of those listed")
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].startswith("seat_"):
            return self.tr("Of the seat town's assessment for the year")
        return None

    def missing(self, p: ProvinceCoverage) -> list[str]:
        out = []
        if not p.seat_approved:
            out.append(self.tr("seat town not approved"))
        if p.model_town is None:
            out.append(self.tr("no model town"))
        return out

    def _town(self, r: DashboardRow | None) -> str:
        if r is None:
            return ""
        th = self.lang == "th"
        return r.name_th if th or not r.name_en else r.name_en

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        p = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if role == CODE_ROLE:
            return p.code
        if role == SORT_ROLE:
            return self._sort_key(p, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == Qt.ItemDataRole.BackgroundRole and p.assessed and self.missing(p):
            return QtGui.QBrush(QtGui.QColor(MISSING_BG))
        if role == Qt.ItemDataRole.ForegroundRole and p.assessed == 0:
            return QtGui.QBrush(QtGui.QColor(NOTHING_FG))
        if role == Qt.ItemDataRole.ToolTipRole:
            if p.assessed == 0:
                return self.tr("nothing received for this year yet")
            missing = self.missing(p)
            return "; ".join(missing) if missing else self.tr("seat town approved; model town chosen")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("region", "seat_total", "approved"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, p: ProvinceCoverage, col: str) -> str:
        th = self.lang == "th"
        seat = p.seat
        if col == "province":
            return p.name_th if th or not p.name_en else p.name_en
        if col == "region":
            return "" if p.region_office is None else str(p.region_office)
        if col == "seat":
            return self._town(seat)
        if col == "seat_status":
            if seat is None or seat.status is None:
                return self.tr("No result received")
            return status_text(seat.status, th)
        if col == "seat_total":
            return "" if seat is None or seat.total is None else f"{seat.total:.2f}"
        if col == "seat_tier":
            if seat is None or seat.tier is None:
                return ""
            return seat.tier.label_th if th else seat.tier.label_en
        if col == "approved":
            return f"{p.approved} / {p.municipalities}"
        if col == "model_town":
            return self._town(p.model_town)
        return ""

    def _sort_key(self, p: ProvinceCoverage, col: str) -> Any:
        if col == "region":
            return p.region_office or 99
        if col == "seat_total":
            return p.seat.total if p.seat and p.seat.total is not None else -1.0
        if col == "approved":
            return p.approved * 10_000 + p.municipalities
        if col == "seat_status":
            rank = 2 if p.seat_approved else 1 if p.seat and p.seat.status else 0
            return f"{rank}:{self._display(p, col)}"
        return self._display(p, col)


class CoveragePlace(QtWidgets.QWidget):
    def __init__(self, ws: Workspace, lang: str = "th",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coveragePlace")
        self.ws = ws
        self.lang = lang
        self.svc = CoverageService(ws)
        self.model = CoverageTableModel(self.svc, lang, self)
        bar = QtWidgets.QHBoxLayout()
        self.year_combo = QtWidgets.QComboBox(self)
        self.year_combo.setObjectName("coverageYear")
        self.region_combo = QtWidgets.QComboBox(self)
        self.region_combo.setObjectName("coverageRegion")
        self.region_combo.addItem(self.tr("All region offices"), None)
        for n in REGION_OFFICES:
            self.region_combo.addItem(self.tr("Region office {n}").format(n=n), n)
        for label, combo in ((self.tr("Fiscal year"), self.year_combo),
                             (self.tr("Region office"), self.region_combo)):
            bar.addWidget(QtWidgets.QLabel(label, self))
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self.refresh)
        bar.addStretch(1)
        self.totals = QtWidgets.QLabel(self)
        self.totals.setObjectName("coverageTotals")
        self.totals.setWordWrap(True)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QtWidgets.QTableView(self)
        self.table.setObjectName("coverageTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        legend = QtWidgets.QLabel(self)
        legend.setObjectName("coverageLegend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setText(
            f"<span style='background:{MISSING_BG}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> "
            + html.escape(self.tr("seat town not approved yet, or no model town chosen"))
            + f" &nbsp;&nbsp; <span style='color:{NOTHING_FG}'>"
            + html.escape(self.tr("grey: nothing received for this year yet"))
            + "</span>"
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        self.fill_years()
        self.refresh()

    def fill_years(self) -> None:
        """Years of the assessments held; a region or nation gets them from upward bundles."""
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = self.svc.years()
        for y in years:
            self.year_combo.addItem(str(y), y)
        pick = current if current in years else (years[0] if years else None)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(pick)))
        self.year_combo.blockSignals(False)

    def reload(self) -> None:
        """After an import: new years may have arrived."""
        self.fill_years()
        self.refresh()

    def refresh(self) -> None:
        year = self.year_combo.currentData()
        report = self.model.refresh(year, self.region_combo.currentData())
        self.table.resizeColumnsToContents()
        if report is None:
            self.totals.setText(self.tr(
                "No assessments yet. Import the provinces' upward bundles under Sync."))
            return
        self.totals.setText(self.tr(
            "Fiscal year {year}: seat town approved in {seat} of {all} provinces; model town "
            "chosen in {towns}; {reporting} province(s) reporting."
        ).format(year=report.year, seat=report.with_seat_approved, all=len(report.provinces),
                 towns=report.with_model_town, reporting=report.reporting))

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
