"""A horizontal bar chart drawn directly with the canvas.

reportlab.graphics charts draw labels with plain ``drawString``, which does
not shape Thai (tone marks collide), so this small flowable draws bars with
vector primitives and every label through :func:`thai_text.draw_line`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from secity_desktop.core.thai_linebreak import grapheme_bounds
from secity_desktop.reports.thai_text import draw_line, text_width


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..maximum
    maximum: float
    caption: str  # printed right of the bar, e.g. "18.75 / 25"
    color: colors.Color


class BarChart(Flowable):
    """One bar per row; the label column is as wide as the widest label (capped)."""

    def __init__(
        self,
        bars: Sequence[Bar],
        *,
        row_height: float = 22,
        font: str = "Sarabun",
        size: float = 10.5,
        ticks: Sequence[float] = (0, 25, 50, 75, 100),
    ) -> None:
        super().__init__()
        self.bars = list(bars)
        self.row_height = row_height
        self.font = font
        self.size = size
        self.ticks = ticks

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.row_height * len(self.bars) + 18
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        label_w = min(
            max((text_width(b.label, self.font, self.size) for b in self.bars), default=0) + 8,
            self.width * 0.38,
        )
        caption_w = (
            max((text_width(b.caption, self.font, self.size) for b in self.bars), default=0) + 8
        )
        x0 = label_w
        span = max(self.width - label_w - caption_w, 20)
        top = self.height
        bottom = 16
        c.saveState()
        # percentage grid
        c.setStrokeColor(colors.HexColor("#d5d9dd"))
        c.setLineWidth(0.4)
        c.setFillColor(colors.HexColor("#5f6368"))
        for t in self.ticks:
            x = x0 + span * t / 100
            c.line(x, bottom, x, top)
            draw_line(c, x, 4, f"{t:g}%", self.font, 8, "center")
        for n, bar in enumerate(self.bars):
            y = top - (n + 1) * self.row_height
            frac = 0.0 if bar.maximum <= 0 else max(0.0, min(1.0, bar.value / bar.maximum))
            c.setFillColor(colors.HexColor("#eef0f2"))
            c.rect(x0, y + 4, span, self.row_height - 8, stroke=0, fill=1)
            c.setFillColor(bar.color)
            if frac > 0:
                c.rect(x0, y + 4, span * frac, self.row_height - 8, stroke=0, fill=1)
            c.setFillColor(colors.black)
            base = y + self.row_height / 2 - self.size * 0.35
            draw_line(
                c,
                x0 - 6,
                base,
                _fit(bar.label, label_w - 8, self.font, self.size),
                self.font,
                self.size,
                "right",
            )
            draw_line(c, x0 + span + 6, base, bar.caption, self.font, self.size)
        c.restoreState()


def _fit(text: str, width: float, font: str, size: float) -> str:
    """Shorten a label with an ellipsis rather than let it run into the bars."""
    if text_width(text, font, size) <= width:
        return text
    # Cut between grapheme clusters so no tone mark or vowel is left hanging.
    for end in reversed(grapheme_bounds(text, 0, len(text))):
        if end and text_width(text[:end] + "…", font, size) <= width:
            return text[:end] + "…"
    return "…"
