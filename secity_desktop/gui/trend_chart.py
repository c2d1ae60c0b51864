"""A small line chart over fiscal years, painted with QPainter (QtCharts is not in essentials).

Two panes share the year axis: the total (0–100, with the tiers' cut-offs as
dotted lines) and the components (0 to the largest component weight). A year
whose framework cannot be compared with the year before (a break, see
``core.framework_mapping``) gets a dashed red rule and the lines are not joined
across it; a year with a past award gets a gold star above the total. The same
widget draws any set of per-year series (the Progress place uses it for
coverage), so it knows nothing about the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets

COLOURS = ("#1b5e3b", "#1f6fb2", "#c98a00", "#a3262a", "#6a4c93", "#2a9d8f")


@dataclass(frozen=True)
class Line:
    label: str
    values: Sequence[float | None]  # one per year
    colour: str
    width: float = 1.6


@dataclass
class Pane:
    lines: list[Line]
    maximum: float
    guides: list[tuple[float, str]] = field(default_factory=list)  # (value, label)


class TrendChart(QtWidgets.QWidget):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.years: list[int] = []
        self.panes: list[Pane] = []
        self.breaks: set[int] = set()
        self.stars: set[int] = set()
        self.break_text = self.tr("framework changed")
        self.setMinimumHeight(150)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                           QtWidgets.QSizePolicy.Policy.Expanding)

    def set_data(self, years: Sequence[int], panes: Sequence[Pane], breaks: Sequence[int] = (),
                 stars: Sequence[int] = ()) -> None:
        self.years, self.panes = list(years), list(panes)
        self.breaks, self.stars = set(breaks), set(stars)
        self.update()

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(640, 120 + 110 * max(1, len(self.panes)))

    def _x(self, i: int, left: float, width: float) -> float:
        return left + width * (i + 0.5) / max(1, len(self.years))

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = p.fontMetrics()
        if not self.years or not self.panes:
            p.setPen(self.palette().color(QtGui.QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), QtCore.Qt.AlignmentFlag.AlignCenter,
                       self.tr("No results to chart yet."))
            p.end()
            return
        legend = [ln for pane in self.panes for ln in pane.lines]
        item_w = max(190, min(self.width() - 40,
                              max(fm.horizontalAdvance(ln.label) for ln in legend) + 28))
        per_row = max(1, int((self.width() - 16) // item_w))
        legend_h = fm.height() * ((len(legend) + per_row - 1) // per_row) + 6
        left = fm.horizontalAdvance("100") + 12
        right_pad = max([fm.horizontalAdvance(g[1]) for pane in self.panes for g in pane.guides]
                        + [0]) + 8
        width = max(40.0, self.width() - left - right_pad - 6)
        axis_h = fm.height() + 4
        top = 6.0 + (fm.height() if self.stars else 0)  # a row above the chart for award stars
        usable = self.height() - top - axis_h - legend_h - 6
        pane_h = usable / len(self.panes)
        grid = QtGui.QColor("#d5d9dd")
        text = self.palette().color(QtGui.QPalette.ColorRole.Text)
        for n, pane in enumerate(self.panes):
            y0 = top + n * pane_h + 8  # pane top
            h = pane_h - 16

            def y(v: float, y0: float = y0, h: float = h, m: float = pane.maximum) -> float:
                return y0 + h - h * max(0.0, min(1.0, v / (m or 1)))

            for k in range(3):
                v = pane.maximum * k / 2
                p.setPen(QtGui.QPen(grid, 1))
                p.drawLine(QtCore.QPointF(left, y(v)), QtCore.QPointF(left + width, y(v)))
                p.setPen(text)
                p.drawText(QtCore.QRectF(0, y(v) - fm.height() / 2, left - 4, fm.height()),
                           QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter,
                           f"{v:g}")
            label_y = -1e9  # labels of close cut-offs are nudged apart, never drawn over each other
            for value, label in sorted(pane.guides, key=lambda g: -g[0]):
                p.setPen(QtGui.QPen(QtGui.QColor("#b08d2e"), 1, QtCore.Qt.PenStyle.DotLine))
                p.drawLine(QtCore.QPointF(left, y(value)), QtCore.QPointF(left + width, y(value)))
                label_y = max(y(value) + fm.ascent() / 2 - 1, label_y + fm.height())
                p.drawText(QtCore.QPointF(left + width + 4, label_y), label)
            for line in pane.lines:
                colour = QtGui.QColor(line.colour)
                p.setPen(QtGui.QPen(colour, line.width))
                p.setBrush(colour)
                prev: QtCore.QPointF | None = None
                for i, v in enumerate(line.values):
                    if v is None:
                        prev = None
                        continue
                    pt = QtCore.QPointF(self._x(i, left, width), y(v))
                    if prev is not None and self.years[i] not in self.breaks:
                        p.drawLine(prev, pt)
                    p.drawEllipse(pt, 2.5, 2.5)
                    prev = pt
            if n == 0:
                p.setPen(QtGui.QColor("#b08d2e"))
                for i, year in enumerate(self.years):
                    if year in self.stars:
                        p.drawText(QtCore.QRectF(self._x(i, left, width) - 10,
                                                 y0 - 8 - fm.height(), 20, fm.height()),
                                   QtCore.Qt.AlignmentFlag.AlignCenter, "★")
        bottom = top + usable
        p.setPen(QtGui.QPen(QtGui.QColor("#a3262a"), 1, QtCore.Qt.PenStyle.DashLine))
        for i, year in enumerate(self.years):
            if i and year in self.breaks:
                bx = (self._x(i - 1, left, width) + self._x(i, left, width)) / 2
                p.drawLine(QtCore.QPointF(bx, top), QtCore.QPointF(bx, bottom))
                p.drawText(QtCore.QPointF(bx + 3, top + fm.ascent()), self.break_text)
        p.setPen(text)
        for i, year in enumerate(self.years):
            p.drawText(QtCore.QRectF(self._x(i, left, width) - 30, bottom, 60, axis_h),
                       QtCore.Qt.AlignmentFlag.AlignCenter, str(year))
        ly = bottom + axis_h + 2
        for n, line in enumerate(legend):
            lx = left + (n % per_row) * item_w
            row_y = ly + (n // per_row) * fm.height()
            p.setPen(QtGui.QPen(QtGui.QColor(line.colour), 3))
            p.drawLine(QtCore.QPointF(lx, row_y + fm.height() / 2),
                       QtCore.QPointF(lx + 16, row_y + fm.height() / 2))
            p.setPen(text)
            label = fm.elidedText(line.label, QtCore.Qt.TextElideMode.ElideRight, int(item_w) - 24)
            p.drawText(QtCore.QPointF(lx + 20, row_y + fm.ascent()), label)
        p.end()
