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

from secity_desktop.gui.filter_table import fit_columns
from secity_desktop.gui.models.columns import (
    RIGHT,
    SORT_ROLE,
    UNHANDLED,
    Column,
    ColumnTableModel,
)
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.services.coverage import CoverageReport, CoverageService, ProvinceCoverage
from secity_desktop.services.dashboard import DashboardRow
from secity_desktop.services.workspace import Workspace

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
REGION_OFFICES = range(1, 17)
COLUMNS = ("province", "region", "seat", "seat_status", "seat_total", "seat_tier", "approved",
           "model_town")
MISSING_BG = "#fff4e0"  # a light amber: noticeable in a long list, quiet beside the text
NOTHING_FG = "#777777"
__all__ = ["CODE_ROLE", "COLUMNS", "SORT_ROLE", "CoveragePlace", "CoverageTableModel"]


class CoverageTableModel(ColumnTableModel[ProvinceCoverage]):
    def __init__(self, svc: CoverageService, lang: str = "th",
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.report: CoverageReport | None = None

    def refresh(self, year: int | None, region_office: int | None = None) -> CoverageReport | None:
        self.report = None if year is None else self.svc.report(year, region_office)
        self.set_rows(self.report.provinces if self.report else [])
        return self.report

    def columns(self) -> list[Column[ProvinceCoverage]]:
        th = self.lang == "th"
        seat_tip = self.tr("Of the seat town's assessment for the year")

        def col(key: str, header: str, display: Any, **kw: Any) -> Column[ProvinceCoverage]:
            return Column(header, display, key=key, tooltip=self._tip, background=self._tint,
                          foreground=self._grey, **kw)

        def seat_status(p: ProvinceCoverage) -> str:
            seat = p.seat
            if seat is None or seat.status is None:
                return self.tr("No result received")
            return status_text(seat.status, th)

        def seat_rank(p: ProvinceCoverage) -> str:
            rank = 2 if p.seat_approved else 1 if p.seat and p.seat.status else 0
            return f"{rank}:{seat_status(p)}"

        def seat_tier(p: ProvinceCoverage) -> str:
            if p.seat is None or p.seat.tier is None:
                return ""
            return p.seat.tier.label_th if th else p.seat.tier.label_en

        return [
            col("province", self.tr("Province"),
                lambda p: p.name_th if th or not p.name_en else p.name_en),
            col("region", self.tr("Region office"),
                lambda p: "" if p.region_office is None else str(p.region_office),
                sort=lambda p: p.region_office or 99, align=RIGHT),
            col("seat", self.tr("Seat town"), lambda p: self._town(p.seat)),
            col("seat_status", self.tr("Seat status"), seat_status, sort=seat_rank,
                header_tip=seat_tip),
            col("seat_total", self.tr("Seat total"),
                lambda p: "" if p.seat is None or p.seat.total is None else f"{p.seat.total:.2f}",
                sort=lambda p: p.seat.total if p.seat and p.seat.total is not None else -1.0,
                align=RIGHT, header_tip=seat_tip),
            col("seat_tier", self.tr("Seat tier"), seat_tier, header_tip=seat_tip),
            col("approved", self.tr("Approved / municipalities"),
                lambda p: f"{p.approved} / {p.municipalities}",
                sort=lambda p: p.approved * 10_000 + p.municipalities, align=RIGHT,
                header_tip=self.tr(
                    "Municipalities with an approved assessment for the year, of those listed")),
            col("model_town", self.tr("Model town"), lambda p: self._town(p.model_town)),
        ]

    def row(self, row: int) -> ProvinceCoverage:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return next((n for n, p in enumerate(self._rows) if p.code == code), -1)

    def missing(self, p: ProvinceCoverage) -> list[str]:
        out = []
        if not p.seat_approved:
            out.append(self.tr("seat town not approved"))
        if p.model_town is None:
            out.append(self.tr("no model town"))
        return out

    def _tip(self, p: ProvinceCoverage) -> str:
        if p.assessed == 0:
            return self.tr("nothing received for this year yet")
        missing = self.missing(p)
        return "; ".join(missing) if missing else self.tr("seat town approved; model town chosen")

    def _tint(self, p: ProvinceCoverage) -> str | None:
        return MISSING_BG if p.assessed and self.missing(p) else None

    def _grey(self, p: ProvinceCoverage) -> str | None:
        return NOTHING_FG if p.assessed == 0 else None

    def _town(self, r: DashboardRow | None) -> str:
        if r is None:
            return ""
        return r.name_th if self.lang == "th" or not r.name_en else r.name_en

    def row_data(self, row: ProvinceCoverage, column: int, role: int) -> Any:
        return row.code if role == CODE_ROLE else UNHANDLED


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
        self.totals = ThaiLabel(self)
        self.totals.setObjectName("coverageTotals")
        self.totals.setWordWrap(True)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = thai_cells(QtWidgets.QTableView(self))
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
        fit_columns(self.table)  # the rows on show, as plain text
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
