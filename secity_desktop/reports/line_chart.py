"""A line chart over fiscal years, drawn with canvas primitives (no reportlab.graphics).

The frozen build leaves ``reportlab.graphics`` out (packaging/spec_helpers.py),
and its labels would not shape Thai anyway, so like ``charts.BarChart`` this
flowable draws lines and points with the canvas and every label through
``thai_text.draw_line``. A series has one value (or None) per year; a line is
not drawn across a gap or across a framework break, which is shown as a dashed
vertical rule labelled "เปลี่ยนเกณฑ์" (the years on either side are not compared).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from secity_desktop.reports.thai_text import draw_line, text_width

PALETTE = (
    colors.HexColor("#1b5e3b"), colors.HexColor("#1f6fb2"), colors.HexColor("#c98a00"),
    colors.HexColor("#a3262a"), colors.HexColor("#6a4c93"), colors.HexColor("#2a9d8f"),
)


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]  # one per year
    color: colors.Color
    width: float = 1.6


@dataclass(frozen=True)
class Guide:
    """A horizontal reference line (a tier's cut-off, a goal)."""

    value: float
    label: str


class LineChart(Flowable):
    def __init__(
        self,
        years: Sequence[int],
        series: Sequence[Series],
        *,
        maximum: float,
        breaks: Sequence[int] = (),  # years whose value is not comparable with the year before
        guides: Sequence[Guide] = (),
        height: float = 170,
        font: str = "Sarabun",
        size: float = 9,
        break_label: str = "เปลี่ยนเกณฑ์",
    ) -> None:
        super().__init__()
        self.years, self.series, self.maximum = list(years), list(series), maximum or 1.0
        self.breaks, self.guides = set(breaks), list(guides)
        self.chart_height, self.font, self.size = height, font, size
        self.break_label = break_label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.chart_height + 18 + 16 * ((len(self.series) + 2) // 3)
        return self.width, self.height

    def _x(self, i: int, x0: float, span: float) -> float:
        n = len(self.years)
        return x0 + (span * (i + 0.5) / n if n else 0)

    def draw(self) -> None:
        c = self.canv
        legend_h = 16 * ((len(self.series) + 2) // 3)
        bottom = legend_h + 18
        top = self.height - 4
        x0 = max(text_width(f"{self.maximum:g}", self.font, self.size), 14) + 8
        guide_w = max((text_width(g.label, self.font, self.size - 1) for g in self.guides),
                      default=0) + 6
        span = max(self.width - x0 - guide_w, 40)
        h = top - bottom

        def y(v: float) -> float:
            return bottom + h * max(0.0, min(1.0, v / self.maximum))

        c.saveState()
        c.setLineWidth(0.4)
        c.setStrokeColor(colors.HexColor("#d5d9dd"))
        c.setFillColor(colors.HexColor("#5f6368"))
        for k in range(5):
            v = self.maximum * k / 4
            c.line(x0, y(v), x0 + span, y(v))
            draw_line(c, x0 - 4, y(v) - 3, f"{v:g}", self.font, self.size - 1, "right")
        for i, year in enumerate(self.years):
            draw_line(c, self._x(i, x0, span), bottom - 12, str(year), self.font, self.size,
                      "center")
        c.setStrokeColor(colors.HexColor("#b08d2e"))
        c.setDash(2, 2)
        for g in self.guides:
            c.line(x0, y(g.value), x0 + span, y(g.value))
            draw_line(c, x0 + span + 3, y(g.value) - 3, g.label, self.font, self.size - 1)
        c.setStrokeColor(colors.HexColor("#a3262a"))
        c.setDash(4, 3)
        for i, year in enumerate(self.years):
            if i and year in self.breaks:
                bx = (self._x(i - 1, x0, span) + self._x(i, x0, span)) / 2
                c.line(bx, bottom, bx, top)
                c.setFillColor(colors.HexColor("#a3262a"))
                draw_line(c, bx, top - 10, self.break_label, self.font, self.size - 1, "center")
        c.setDash()
        for s in self.series:
            c.setStrokeColor(s.color)
            c.setFillColor(s.color)
            c.setLineWidth(s.width)
            prev: tuple[float, float] | None = None
            for i, v in enumerate(s.values):
                if v is None:
                    prev = None
                    continue
                pt = (self._x(i, x0, span), y(v))
                if prev is not None and self.years[i] not in self.breaks:
                    c.line(prev[0], prev[1], pt[0], pt[1])
                c.circle(pt[0], pt[1], 2.2, stroke=0, fill=1)
                prev = pt
        c.setFillColor(colors.black)
        for n, s in enumerate(self.series):  # legend, three to a row
            lx = x0 + (n % 3) * span / 3
            ly = legend_h - 12 - 16 * (n // 3)
            c.setStrokeColor(s.color)
            c.setLineWidth(2)
            c.line(lx, ly + 3, lx + 16, ly + 3)
            draw_line(c, lx + 20, ly, s.label, self.font, self.size)
        c.restoreState()
