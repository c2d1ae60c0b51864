"""The Dashboard place: the province at a glance, ranked, with the model town.

Filters (year, municipality type, status; province for region and national
workspaces) refresh the table through ``DashboardService``; the right side
shows the selected municipality's component bars and its year-over-year
totals, and the action to choose it as the year's model town (with a reason).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS
from secity_desktop.gui import common
from secity_desktop.gui.component_bars import Bar, ComponentBars
from secity_desktop.gui.filter_table import FIT_ROWS, fit_columns
from secity_desktop.gui.models.dashboard import CODE_ROLE, DashboardTableModel
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.municipality_page import add_past_awards
from secity_desktop.gui.operations import Failure, OperationRunner
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.review_dialogs import ReasonDialog
from secity_desktop.gui.self_gaps import SelfGapList
from secity_desktop.gui.thai_wrap import ThaiLabel, set_thai_html, thai_cells
from secity_desktop.services import lists
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.dashboard import NOT_ASSESSED, DashboardService
from secity_desktop.services.dashboard_ranked import RankedDashboard, Summary, first_filter
from secity_desktop.services.front_ops import ExportSpreadsheet
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.workspace import Workspace


class DashboardPlace(QtWidgets.QWidget):
    model_class = DashboardTableModel  # the bench swaps in the old whole-list model

    def __init__(
        self, ws: Workspace, lang: str = "th", parent: QtWidgets.QWidget | None = None,
        prepared: RankedDashboard | None = None,
    ) -> None:
        """``prepared``: the reader :func:`prepare_first_view` ran in idle time; when nothing
        was written since, the first refresh takes its snapshot, order and summary."""
        super().__init__(parent)
        self.setObjectName("dashboardPlace")
        self.ws = ws
        self.lang = lang
        self.svc = DashboardService(ws) if prepared is None else prepared.svc
        self.towns = ModelTownService(ws)
        self.assessments = AssessmentService(ws)
        self.runner = OperationRunner(self, lang)
        if prepared is None:
            self.model = self.model_class(self.svc, lang, self)
        else:
            self.model = self.model_class(self.svc, lang, self, ranked=prepared)
        self.last_export: Path | None = None
        self._build()
        self._fill_years()
        self.refresh()

    def _build(self) -> None:
        th = self.lang == "th"
        bar = QtWidgets.QHBoxLayout()
        self.province_combo = QtWidgets.QComboBox(self)
        self.province_combo.addItem(self.tr("All provinces"), None)
        for p in lists.provinces(self.ws):
            self.province_combo.addItem(p.name_th if th else p.name_en, p.code)
        mine = self.svc.default_province()
        if mine:
            self.province_combo.setCurrentIndex(self.province_combo.findData(mine))
        self.province_combo.setEnabled(self.ws.role != Role.PROVINCE)
        self.year_combo = QtWidgets.QComboBox(self)
        self.type_combo = QtWidgets.QComboBox(self)
        self.type_combo.addItem(self.tr("All types"), None)
        for t, labels in MUNICIPALITY_TYPE_LABELS.items():
            self.type_combo.addItem(labels[0 if th else 1], t.value)
        self.status_combo = QtWidgets.QComboBox(self)
        self.status_combo.addItem(self.tr("All statuses"), None)
        self.status_combo.addItem(self.tr("Not assessed"), NOT_ASSESSED)
        for s in Status:
            self.status_combo.addItem(status_text(s.value, th), s.value)
        for label, combo in (
            (self.tr("Province"), self.province_combo),
            (self.tr("Fiscal year"), self.year_combo),
            (self.tr("Type"), self.type_combo),
            (self.tr("Status"), self.status_combo),
        ):
            bar.addWidget(QtWidgets.QLabel(label, self))
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._filters_changed)
        bar.addStretch(1)
        self.coverage = ThaiLabel(self)
        self.coverage.setObjectName("coverageLine")
        self.coverage.setWordWrap(True)

        # The model sorts its rows itself, one key per row (a sorting proxy over 7,850 rows
        # made ~300,000 data() calls): the proxy only passes through.
        self.proxy = QtCore.QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = thai_cells(QtWidgets.QTableView(self))
        self.table.setObjectName("dashboardTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setResizeContentsPrecision(FIT_ROWS)  # fit columns to a page of rows
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        side = QtWidgets.QWidget(self)
        sv = QtWidgets.QVBoxLayout(side)
        sv.setContentsMargins(6, 0, 0, 0)
        self.bars = ComponentBars(side)
        sv.addWidget(self.bars)
        self.yoy = QtWidgets.QTextBrowser(side)
        self.yoy.setObjectName("yearOverYear")
        sv.addWidget(self.yoy, 1)
        self.gaps = SelfGapList(self.ws, self.lang, side)
        self.gaps.chosen.connect(self.select)
        # its wrapped title makes its height fixed (height-for-width) in a plain layout: on a
        # 1024×600 screen that pushed its list past the column's bottom; a scroll area yields
        gaps_area = QtWidgets.QScrollArea(side)
        gaps_area.setWidgetResizable(True)
        gaps_area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        gaps_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        gaps_area.setWidget(self.gaps)
        sv.addWidget(gaps_area, 1)
        # under the list it acts on, not under the side column: that column (bars, year over
        # year, gaps) already fills a 1024×600 screen's height, and cut the button off there
        left = QtWidgets.QWidget(self)
        lv = QtWidgets.QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.model_town_btn = QtWidgets.QPushButton(self.tr("Set as model town…"), left)
        self.model_town_btn.clicked.connect(self.set_model_town)
        lv.addWidget(self.table, 1)
        under = QtWidgets.QHBoxLayout()
        under.addStretch(1)
        under.addWidget(self.model_town_btn)
        lv.addLayout(under)
        self.export_btn = QtWidgets.QPushButton(self.tr("Export for Excel…"), self)
        self.export_btn.setObjectName("exportButton")
        menu = QtWidgets.QMenu(self.export_btn)
        for what, label in (
            ("assessments", self.tr("Assessments (one row each, with scores)")),
            ("responses", self.tr("Indicator responses")),
            ("audit", self.tr("Audit trail")),
        ):
            menu.addAction(label, lambda w=what: self.export(w))
        self.export_btn.setMenu(menu)
        bar.addWidget(self.export_btn)

        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([990, 400])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.coverage)
        layout.addWidget(split, 1)

    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        current = self.year_combo.currentData()
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("Latest"), None)
        years = self.svc.years(self.province_combo.currentData())
        for y in years:
            self.year_combo.addItem(str(y), y)
        pick = current if current in years else (years[0] if years else None)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(pick)))
        self.year_combo.blockSignals(False)

    def _filters_changed(self) -> None:
        if self.sender() is self.province_combo:
            self._fill_years()
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected_code()
        summary = self.model.refresh(
            province=self.province_combo.currentData(),
            year=self.year_combo.currentData(),
            mtype=self.type_combo.currentData(),
            status=self.status_combo.currentData(),
        )
        cov = summary.coverage
        text = self.tr(
            "Assessed {assessed} of {all} municipalities ({percent:.1f}%) · approved {approved}"
        ).format(
            assessed=cov.assessed,
            all=cov.municipalities,
            percent=cov.percent,
            approved=cov.approved,
        )
        text += self._tiers_text(summary)
        year = self.year_combo.currentData()
        province = self.province_combo.currentData()
        if year is not None and province:
            for town in lists.model_towns(self.ws, year, province):
                text += " · " + self.tr("Model town {year}: {name} — {reason}").format(
                    year=year, name=town.municipality_th, reason=town.town.reason
                )
        self.coverage.setText(html.escape(text))
        years = [self.year_combo.itemData(i) for i in range(1, self.year_combo.count())]
        self.gaps.refresh(year if year is not None else (years[0] if years else None), province)
        fit_columns(self.table)  # to the header and the rows on show, as plain text
        if keep:
            self.select(keep)
        elif self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_selected()

    def _tiers_text(self, summary: Summary) -> str:
        """Shown rows per tier (best first) and their average total, from the SQL summary."""
        if summary.average_total is None:
            return ""
        th = self.lang == "th"
        parts = [f"{(t.label_th if th else t.label_en)} {summary.tiers[code]:,}"
                 for code, t in summary.tier_labels.items() if summary.tiers.get(code)]
        if summary.tiers.get(None):
            parts.append(self.tr("below every tier {count}").format(count=f"{summary.tiers[None]:,}"))
        avg = self.tr("average total {average:.2f}").format(average=summary.average_total)
        return " · " + " · ".join([*parts, avg])

    def selected_code(self) -> str | None:
        idx = self.table.currentIndex()
        return idx.data(CODE_ROLE) if idx.isValid() else None

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def _show_selected(self) -> None:
        code = self.selected_code()
        row = self.model.row(self.model.row_of(code)) if code else None
        can_choose = bool(
            row
            and row.status == Status.APPROVED
            and row.tier is not None  # a town below every tier has nothing to be a model of
            and self.year_combo.currentData() is not None
            and self.ws.role != Role.ASSESSOR
        )
        self.model_town_btn.setEnabled(can_choose)
        self.model_town_btn.setToolTip(
            self.tr("Only a town whose approved assessment reaches a tier can be the model town.")
            if row and row.status == Status.APPROVED and row.tier is None else "")
        if row is None or row.assessment_id is None:
            self.bars.set_bars(row.name_th if row else "", [])
            set_thai_html(self.yoy, f"<p>{html.escape(self.tr('Not assessed'))}</p>" if row else "")
            return
        fw = self.assessments.framework_of(self.assessments.get(row.assessment_id))
        th = self.lang == "th"
        bars = [
            Bar(
                f"{c.code}. {c.title_th if th else c.title_en}",
                row.components.get(c.code, 0.0),
                c.weight,
            )
            for c in fw.components
        ]
        self.bars.set_bars(f"{row.name_th} · {row.year} · {row.total or 0:.2f}", bars)
        lines = []
        for s in self.svc.year_over_year(row.municipality_code):
            change = "" if s["change"] is None else f" ({s['change']:+.2f})"
            lines.append(
                f"<tr><td>{s['year']}</td><td align='right'>{s['total']:.2f}{change}</td>"
                f"<td>{html.escape(status_text(s['status'], th))}</td></tr>"
            )
        head = html.escape(self.tr("Year over year"))
        set_thai_html(self.yoy, f"<b>{head}</b><table cellspacing='6'>{''.join(lines)}</table>")

    def export(self, what: str, path: Path | None = None) -> None:
        """Rows are read here (the store stays on this thread); the file is written by a worker."""
        if path is None:
            name, _ = QtWidgets.QFileDialog.getSaveFileName(
                self,
                self.tr("Export for Excel"),
                f"secity-{what}.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            )
            if not name:
                return
            path = Path(name)
        self.runner.run(
            ExportSpreadsheet(
                self.ws, what, path, self.province_combo.currentData(), self.year_combo.currentData()
            ),
            self.tr("Exporting"),
            lambda rows: self._exported(path, rows),
            self._export_failed,
        )

    def _exported(self, path: Path, rows: int) -> None:
        self.last_export = path
        self.coverage.setToolTip(
            self.tr("Wrote {rows} rows to {path}").format(rows=rows, path=str(path))
        )

    def _export_failed(self, failure: Failure) -> None:
        if not failure.cancelled:
            common.warn(self, self.tr("Not done"), failure.text)

    def set_model_town(self) -> None:
        code, year = self.selected_code(), self.year_combo.currentData()
        if code is None or year is None:
            return
        name = lists.municipality(self.ws, code).name_th
        dlg = ReasonDialog(
            self.tr("Model town"),
            self.tr(
                "Choose {name} as the model town for {year}? Write the reason (required)."
            ).format(name=name, year=year),
            self,
        )
        add_past_awards(dlg, self.towns.past_awards(code), self.lang)
        if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        try:
            self.towns.set(year, code, dlg.text())
        except SecityError as exc:
            common.warn(self, self.tr("Not done"), messages.describe(exc, self.lang))
            return
        self.refresh()


def prepare_first_view(ws: Workspace) -> tuple[RankedDashboard, Iterator[str]]:
    """A reader and the steps of the place's first refresh (its first filters:
    ``services.dashboard_ranked.first_filter``), for the window's idle time
    (``gui/province_places.warm_dashboard``): the Dashboard opened afterwards only paints."""
    svc = DashboardService(ws)
    reader = RankedDashboard(svc)
    return reader, reader.prepare(first_filter(svc))
