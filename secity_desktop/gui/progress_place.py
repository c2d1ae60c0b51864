"""The Progress place: a province's or the nation's progress toward the programme's goals.

For office roles (province, region, national). Four views over the fiscal
years, from ``services.trend``: coverage, seat towns reaching a tier, model
towns, and the most improved municipalities; "Print trend PDF…" writes the same
document as ``secity report trend --province N | --national`` through the one
runner. The read model is built when the place is first shown (the national
view costs about one dashboard refresh), and again on Refresh.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from secity_desktop.core.lifecycle import Role
from secity_desktop.core.trend import ProgressTrend
from secity_desktop.gui.operations import Failure, OperationRunner, show_failure
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.gui.trend_chart import COLOURS, Line, Pane, TrendChart
from secity_desktop.services import lists
from secity_desktop.services.report_render import Rendered
from secity_desktop.services.trend import TrendService
from secity_desktop.services.trend_report import RenderTrendReport, TrendRequest
from secity_desktop.services.workspace import Workspace

NATIONAL = ""


def _table(parent: QtWidgets.QWidget, name: str, headers: list[str],
           rows: list[list[str]]) -> QtWidgets.QTableWidget:
    t = QtWidgets.QTableWidget(len(rows), len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.setItem(r, c, QtWidgets.QTableWidgetItem(v))
    t.resizeColumnsToContents()
    return t


class ProgressPlace(QtWidgets.QWidget):
    def __init__(self, ws: Workspace, lang: str = "th",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPlace")
        self.ws, self.lang = ws, lang
        self.svc = TrendService(ws)
        self.runner = OperationRunner(self, lang)
        self.trend: ProgressTrend | None = None
        layout = QtWidgets.QVBoxLayout(self)
        bar = QtWidgets.QHBoxLayout()
        self.scope = QtWidgets.QComboBox(self)
        self.scope.setObjectName("progressScope")
        th = lang == "th"
        if ws.role == Role.PROVINCE and ws.province_code:
            mine = next((p for p in lists.provinces(ws) if p.code == ws.province_code), None)
            self.scope.addItem(mine.name_th if mine and th else
                               mine.name_en if mine else ws.province_code, ws.province_code)
        else:
            self.scope.addItem(self.tr("Whole country"), NATIONAL)
            for p in lists.provinces(ws):
                self.scope.addItem(p.name_th if th else p.name_en, p.code)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(QtWidgets.QLabel(self.tr("Progress of"), self))
        bar.addWidget(self.scope, 1)
        self.refresh_button = QtWidgets.QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        self.print_button = QtWidgets.QPushButton(self.tr("Print trend PDF…"), self)
        self.print_button.setObjectName("printProgress")
        self.print_button.clicked.connect(lambda: self.print_pdf())
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.summary = ThaiLabel(self)
        self.summary.setObjectName("progressSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QtWidgets.QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self._improved_page: QtWidgets.QWidget | None = None
        self._loaded = False

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """The first showing paints the place, then reads (a national read takes seconds)."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.summary.setText(self.tr("Reading results of every year…"))
            QtCore.QTimer.singleShot(0, self.refresh)

    # --- views ------------------------------------------------------------------------------
    def refresh(self) -> None:
        code = self.scope.currentData()
        QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            # "most improved" scores two whole years: read when its tab is opened
            self.trend = (self.svc.province(code, improved=False) if code
                          else self.svc.national(improved=False))
        finally:
            QtWidgets.QApplication.restoreOverrideCursor()
        self._loaded = True
        index = self.tabs.currentIndex()
        self._improved_page = None
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        t = self.trend
        self.tabs.addTab(self._coverage(t), self.tr("Coverage"))
        self.tabs.addTab(self._seats(t), self.tr("Seat towns"))
        self.tabs.addTab(self._model_towns(t), self.tr("Model towns"))
        self._improved_page = QtWidgets.QWidget(self)
        QtWidgets.QVBoxLayout(self._improved_page)
        self.tabs.addTab(self._improved_page, self.tr("Most improved"))
        self.tabs.setCurrentIndex(max(0, index))
        self._tab_changed(self.tabs.currentIndex())
        last = t.years[-1] if t.years else None
        self.summary.setText(
            self.tr("No assessment recorded yet.") if last is None else
            self.tr("{year}: {assessed} of {all} assessed ({percent:.1f}%), {approved} approved,"
                    " {towns} model town(s).").format(
                year=last.year, assessed=last.assessed, all=last.municipalities,
                percent=last.coverage, approved=last.approved, towns=last.model_towns))

    def _page(self, chart: TrendChart | None, table: QtWidgets.QWidget) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        box = QtWidgets.QVBoxLayout(page)
        if chart is not None:
            box.addWidget(chart, 3)
        box.addWidget(table, 2)
        return page

    def _coverage(self, t: ProgressTrend) -> QtWidgets.QWidget:
        chart = TrendChart(self)
        chart.setObjectName("coverageChart")
        chart.set_data([y.year for y in t.years], [Pane([
            Line(self.tr("Assessed %"), [y.coverage for y in t.years], COLOURS[0], 2.4),
            Line(self.tr("Approved %"), [100.0 * y.approved / y.municipalities
                                         if y.municipalities else 0.0 for y in t.years],
                 COLOURS[1]),
        ], 100.0)])
        rows = [[str(y.year), f"{y.assessed}/{y.municipalities}", f"{y.coverage:.1f}",
                 str(y.approved)] for y in t.years]
        return self._page(chart, _table(self, "coverageTable", [
            self.tr("Year"), self.tr("Assessed"), self.tr("%"), self.tr("Approved")], rows))

    def _seats(self, t: ProgressTrend) -> QtWidgets.QWidget:
        th = self.lang == "th"
        chart = TrendChart(self)
        chart.setObjectName("seatChart")
        if t.province_code is None:
            provinces = float(max((y.provinces for y in t.years), default=76))
            chart.set_data([y.year for y in t.years], [Pane([Line(
                self.tr("Provinces whose seat town reached a tier"),
                [float(y.seats_with_tier) for y in t.years], COLOURS[0], 2.4)],
                provinces, [(provinces, self.tr("goal"))])])
            headers = [self.tr("Year"), *[tr.label_th if th else tr.label_en for tr in t.tiers],
                       self.tr("Any tier")]
            rows = [[str(y.year), *[str(y.seat_tiers.get(tr.code, 0)) for tr in t.tiers],
                     f"{y.seats_with_tier}/{y.provinces}"] for y in t.years]
        else:
            chart.set_data([y.year for y in t.years], [Pane([Line(
                self.tr("Seat town's approved total"), [y.seat_total for y in t.years],
                COLOURS[0], 2.4)], 100.0,
                [(tr.min_total, tr.label_th if th else tr.label_en) for tr in t.tiers])])
            headers = [self.tr("Year"), self.tr("Total"), self.tr("Tier")]
            rows = [[str(y.year), "—" if y.seat_total is None else f"{y.seat_total:.2f}",
                     y.seat_tier_th or "—"] for y in t.years]
        return self._page(chart, _table(self, "seatTable", headers, rows))

    def _model_towns(self, t: ProgressTrend) -> QtWidgets.QWidget:
        if t.province_code is None:
            rows = [[str(y.year), f"{y.model_towns}/{y.provinces}"] for y in t.years]
            headers = [self.tr("Year"), self.tr("Provinces with a model town")]
        else:
            rows = [[str(y.year), y.model_town or "—", y.model_town_th or "—"] for y in t.years]
            headers = [self.tr("Year"), self.tr("Code"), self.tr("Model town")]
        return self._page(None, _table(self, "modelTownTable", headers, rows))

    def _tab_changed(self, index: int) -> None:
        page = self._improved_page
        if page is None or self.trend is None or self.tabs.widget(index) is not page:
            return
        self._improved_page = None  # filled once per refresh
        t = self.trend
        if not t.improved_read and t.improved_from is not None and t.improved_to is not None:
            QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
            try:
                rows, broken = self.svc.improved(t.province_code, t.improved_from, t.improved_to)
            finally:
                QtWidgets.QApplication.restoreOverrideCursor()
            t = self.trend = replace(t, improved=rows, not_comparable=broken, improved_read=True)
        filled = self._improved(t)
        page.layout().addWidget(filled)  # type: ignore[union-attr]

    def _improved(self, t: ProgressTrend) -> QtWidgets.QWidget:
        rows = [[str(n), r.code, r.name_th, r.province_code, f"{r.from_total:.2f}",
                 f"{r.to_total:.2f}", f"{r.change:+.2f}"] for n, r in enumerate(t.improved, 1)]
        table = _table(self, "improvedTable", [
            self.tr("#"), self.tr("Code"), self.tr("Municipality"), self.tr("Province"),
            str(t.improved_from or "—"), str(t.improved_to or "—"), self.tr("Change")], rows)
        note = self.improved_note = ThaiLabel(self)
        note.setObjectName("improvedNote")
        note.setWordWrap(True)
        if t.improved_from is None:
            note.setText(self.tr("Needs approved results in at least two fiscal years."))
        else:
            note.setText(self.tr("Approved totals of {first} and {last} compared; {n} left out"
                                 " because the framework changed with no declared mapping.")
                         .format(first=t.improved_from, last=t.improved_to, n=t.not_comparable))
        page = self._page(None, table)
        page.layout().addWidget(note)  # type: ignore[union-attr]
        return page

    # --- PDF ---------------------------------------------------------------------------------
    def print_pdf(self, target: Path | None = None) -> None:
        if self.runner.busy:
            return
        code = self.scope.currentData()
        if target is None:
            chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save trend PDF"), f"trend-{code or 'national'}.pdf",
                self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            target = Path(chosen)
        request = TrendRequest(province=code) if code else TrendRequest(national=True)
        self.print_button.setEnabled(False)
        started = self.runner.run(RenderTrendReport(self.ws, request, target), self.tr("Printing…"),
                                  self._done, self._failed)
        if started is None:
            self.print_button.setEnabled(True)

    def _done(self, rendered: Rendered) -> None:
        self.print_button.setEnabled(True)
        self.last_pdf = rendered.output
        self.summary.setText(self.tr("Saved {path}").format(path=rendered.output))

    def _failed(self, failure: Failure) -> None:
        self.print_button.setEnabled(True)
        if not failure.cancelled:
            show_failure(self, failure)
