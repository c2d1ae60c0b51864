"""The municipality page's "Progress over the years": chart, year table, and Print trend PDF.

Reads ``services.trend`` once when built; the PDF is written through the GUI's
one runner (``gui/operations.py``) with ``services.trend_report``'s operation,
so it is the same document ``secity report trend --municipality`` writes.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core.trend import MunicipalityTrend
from secity_desktop.gui.operations import Failure, OperationRunner
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.gui.trend_chart import COLOURS, Line, Pane, TrendChart
from secity_desktop.services.report_render import Rendered
from secity_desktop.services.trend import TrendService
from secity_desktop.services.trend_report import RenderTrendReport, TrendRequest
from secity_desktop.services.workspace import Workspace


def municipality_panes(t: MunicipalityTrend, lang: str, total_label: str) -> tuple[Pane, Pane]:
    """The total (with tier cut-offs) and one line per component, as the chart draws them."""
    th = lang == "th"
    total = Pane([Line(total_label, [y.total for y in t.years], COLOURS[0], 2.6)], 100.0,
                 [(tr.min_total, tr.label_th if th else tr.label_en) for tr in t.tiers])
    comps = Pane(
        [Line(f"{c.code} {c.title_th if th else c.title_en}",
              [y.components.get(c.code) for y in t.years], COLOURS[(n + 1) % len(COLOURS)])
         for n, c in enumerate(t.components)],
        max((c.weight for c in t.components), default=25.0),
    )
    return total, comps


class TrendSection(QtWidgets.QWidget):
    printed = QtCore.Signal(object)  # the PDF path

    def __init__(self, ws: Workspace, code: str, lang: str = "th",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendSection")
        self.ws, self.code, self.lang = ws, code, lang
        self.trend = TrendService(ws).municipality(code)
        self.runner = OperationRunner(self, lang)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QtWidgets.QHBoxLayout()
        head.addWidget(QtWidgets.QLabel("<b>" + self.tr("Progress over the years") + "</b>", self))
        head.addStretch(1)
        self.print_button = QtWidgets.QPushButton(self.tr("Print trend PDF…"), self)
        self.print_button.setObjectName("printTrend")
        self.print_button.clicked.connect(lambda: self.print_pdf())
        head.addWidget(self.print_button)
        layout.addLayout(head)
        t = self.trend
        years, stars = [y.year for y in t.years], sorted({a.year for a in t.awards})
        total, comps = municipality_panes(t, lang, self.tr("Total"))
        self.tabs = QtWidgets.QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.chart = TrendChart(self)  # total and tier
        self.chart.set_data(years, [total], t.breaks, stars)
        self.components_chart = TrendChart(self)
        self.components_chart.set_data(years, [comps], t.breaks)
        self.table = self._table()
        self.tabs.addTab(self.chart, self.tr("Total and tier"))
        self.tabs.addTab(self.components_chart, self.tr("Components"))
        self.tabs.addTab(self.table, self.tr("Year by year"))
        layout.addWidget(self.tabs, 1)
        self.note = ThaiLabel(self._note(), self)
        self.note.setObjectName("trendNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def _table(self) -> QtWidgets.QTableWidget:
        t = self.trend
        th = self.lang == "th"
        headers = [self.tr("Year"), self.tr("Total"), self.tr("Change"), self.tr("Tier"),
                   *[self.tr("C{code}").format(code=c.code) for c in t.components],
                   self.tr("Framework")]
        table = QtWidgets.QTableWidget(len(t.years), len(headers), self)
        table.setObjectName("trendTable")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        for r, y in enumerate(t.years):
            link = {"mapped": self.tr(" (compared through the declared mapping)"),
                    "break": self.tr(" (framework changed: not compared)")}.get(y.link, "")
            values = [
                str(y.year), f"{y.total:.2f}", "—" if y.change is None else f"{y.change:+.2f}",
                (y.tier_th if th else y.tier_en) or "—",
                *[f"{y.components.get(c.code, 0.0):.2f}" for c in t.components],
                y.framework + link,
            ]
            for c, v in enumerate(values):
                item = QtWidgets.QTableWidgetItem(v)
                if y.link == "break":
                    item.setForeground(QtGui.QColor("#a3262a"))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        return table

    def _note(self) -> str:
        t = self.trend
        if not t.years:
            return self.tr("No assessment recorded yet.")
        parts = []
        if t.breaks:
            parts.append(self.tr("Framework changed in {years} with no declared mapping: those"
                                 " years are not compared with the year before.").format(
                years=", ".join(map(str, t.breaks))))
        if t.awards:
            parts.append(self.tr("★ marks a year with a past award (listed under Past results)."))
        return "\n".join(parts)

    def print_pdf(self, target: Path | None = None) -> None:
        """Ask where (unless given), then write the PDF on the runner."""
        if self.runner.busy:
            return
        if target is None:
            chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save trend PDF"), f"trend-{self.code}.pdf",
                self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            target = Path(chosen)
        op = RenderTrendReport(self.ws, TrendRequest(municipality=self.code), target)
        self.print_button.setEnabled(False)
        started = self.runner.run(op, self.tr("Printing…"), self._done, self._failed)
        if started is None:
            self.print_button.setEnabled(True)

    def _done(self, rendered: Rendered) -> None:
        self.print_button.setEnabled(True)
        self.note.setText(self.tr("Saved {path}").format(path=rendered.output))
        self.printed.emit(rendered.output)

    def _failed(self, failure: Failure) -> None:
        self.print_button.setEnabled(True)
        if not failure.cancelled:
            from secity_desktop.gui.operations import show_failure

            show_failure(self, failure)
