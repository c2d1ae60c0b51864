"""Claimed vs verified on the Dashboard: municipalities ranked by the gap of their self-assessment.

The list comes from ``SelfAssessmentService.gap_ranking`` (largest |claimed − verified|
total first, then the number of indicators that disagree); each row's tooltip
gives the gap per component. Choosing a row selects that municipality in the
dashboard's table (``chosen``).
"""

from __future__ import annotations

from secity_desktop.gui.qt import Qt, QtGui, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.services.self_assessments import GapRow, SelfAssessmentService
from secity_desktop.services.workspace import Workspace

CODE_ROLE = Qt.ItemDataRole.UserRole + 7


class SelfGapList(QtWidgets.QWidget):
    chosen = Signal(str)  # municipality code

    def __init__(self, ws: Workspace, lang: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfGapList")
        self.svc = SelfAssessmentService(ws)
        self.lang = lang
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = ThaiLabel(self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        # three narrow columns fit the dashboard's side panel at 1024 px; the claimed and
        # verified totals and the per-component gaps are in each row's tooltip
        self.table = QtWidgets.QTableWidget(0, 3, self)
        self.table.setObjectName("selfGapTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Municipality"), self.tr("Gap"), self.tr("Disagree"),
        ])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        self.rows: list[GapRow] = []

    def refresh(self, year: int | None, province: str | None) -> None:
        # one province at a time: the national list (thousands of towns, ~1 s per 2,500 in
        # bench/bench_self.py) is `secity self gaps --year Y`, not a refresh of this panel
        self.rows = self.svc.gap_ranking(year=year, province=province) if year and province else []
        if not province:
            title = self.tr("Choose a province to compare self-assessments with verification.")
        elif not year:
            title = self.tr("Choose a fiscal year to compare self-assessments.")
        else:
            title = self.tr("Self-assessment against verification, {year}: largest gap first"
                            ).format(year=year)
        self.title.setText(title)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            cells = [r.name_th, f"{r.gap.total_gap:+.2f}", str(r.gap.disagreements)]
            lines = [
                self.tr("Claimed {claimed:.2f}, verified {verified:.2f}").format(
                    claimed=r.gap.claimed_total, verified=r.gap.verified_total),
                self.tr("Signed by the municipality") if r.signed
                else self.tr("Unsigned spreadsheet"),
            ]
            lines += [
                self.tr("Component {code}: claimed {claimed:.2f}, verified {verified:.2f}"
                        " ({gap:+.2f}), {n} disagree").format(
                    code=c.code, claimed=c.claimed_score, verified=c.verified_score, gap=c.gap,
                    n=c.disagreements)
                for c in r.gap.components
            ]
            tip = "\n".join(lines)
            for col, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setData(CODE_ROLE, r.municipality)
                item.setToolTip(tip)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif not r.signed:  # unsigned (a transcription) in italics
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                if col == 1 and abs(r.gap.total_gap) >= 10:
                    item.setBackground(QtGui.QColor("#fff4d6"))
                self.table.setItem(n, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.blockSignals(False)

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.chosen.emit(str(items[0].data(CODE_ROLE)))
