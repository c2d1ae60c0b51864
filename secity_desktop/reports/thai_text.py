"""Public Thai typesetting API: widths, single shaped lines, and a breaking paragraph flowable.

reportlab's own ``Paragraph`` wraps only at spaces, so unspaced Thai either
overflows or is split mid-word, and its shaping needs extra care. This layer
breaks lines itself (see :mod:`secity_desktop.core.thai_linebreak`), measures with HarfBuzz advances
and draws each line as shaped text (see :mod:`styled`).
"""

from __future__ import annotations

from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from secity_desktop.core.thai_linebreak import Line, break_lines
from secity_desktop.reports.fonts import register_fonts
from secity_desktop.reports.runs import Run, parse_markup, slice_runs
from secity_desktop.reports.shaping import shaped_width
from secity_desktop.reports.styled import StyledText, visible

Align = Literal["left", "center", "right"]

__all__ = ["Align", "ThaiParagraph", "draw_line", "text_width"]


def text_width(text: str, font_name: str, size: float) -> float:
    """Width in points as drawn: shaped, so marks add nothing and sara am is one advance."""
    register_fonts()
    return shaped_width(visible(text), font_name, size)


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font_name: str,
    size: float,
    align: Align = "left",
) -> float:
    """Draw one shaped line with baseline ``y``; returns its width.

    ``x`` is the left edge, the centre or the right edge depending on
    ``align``, matching ``drawString``/``drawCentredString``/``drawRightString``
    so certificate code can swap calls one for one. ``<b>``/``<i>`` markup is
    honoured; no wrapping happens here.
    """
    runs = [Run(r.text.replace("\n", " "), r.bold, r.italic) for r in parse_markup(text)]
    styled = StyledText(runs, font_name, size)
    width = styled.measure(0, len(styled.text))
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    styled.draw_span(canvas, 0, len(styled.text), x, y)
    return width


class ThaiParagraph(Flowable):
    """A platypus flowable that wraps Thai at word boundaries and splits across frames.

    Uses ``fontName``, ``fontSize``, ``leading``, ``alignment``, ``leftIndent``,
    ``rightIndent``, ``textColor``, ``spaceBefore`` and ``spaceAfter`` from the
    style. Text may carry ``<b>``, ``<i>`` and ``<br/>``; a newline is a hard
    break. Justification stretches spaces only; lines without spaces stay left.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        markup: bool = True,
        _runs: list[Run] | None = None,
    ) -> None:
        super().__init__()
        self.style = style
        runs = _runs if _runs is not None else (parse_markup(text) if markup else [Run(text)])
        self._styled = StyledText(runs, style.fontName, style.fontSize)
        self._lines: list[Line] = []
        self._wrapped_for: float | None = None
        self._last_soft = False  # set on the first half of a split: its last line is not hard

    @property
    def text(self) -> str:
        return self._styled.text

    @property
    def lines(self) -> list[Line]:
        """Lines from the last :meth:`wrap`, exposed so tests can check the breaking."""
        return self._lines

    def _text_width(self, avail_width: float) -> float:
        return avail_width - self.style.leftIndent - self.style.rightIndent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for != availWidth:
            self._lines = break_lines(self.text, self._text_width(availWidth), self._styled.measure)
            self._wrapped_for = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        cut_end, rest_start = self._lines[fit - 1].end, self._lines[fit].start
        runs = self._styled.runs
        head = ThaiParagraph("", self.style, _runs=slice_runs(runs, 0, cut_end))
        # Keep the lines already computed: re-tokenizing a truncated phrase could
        # break differently and no longer fit the space we promised.
        head._lines, head._wrapped_for = self._lines[:fit], availWidth
        head._last_soft = not self._lines[fit - 1].hard
        tail = ThaiParagraph("", self.style, _runs=slice_runs(runs, rest_start, len(self.text)))
        tail._last_soft = self._last_soft
        return [head, tail]

    def _baseline_offset(self) -> float:
        """Baseline height in a line box: the ascent-descent box centred in the leading."""
        ascent, descent = getAscentDescent(self.style.fontName, self.style.fontSize)
        return (self.style.leading - (ascent - descent)) / 2 - descent

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        avail = self._text_width(self.width)
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        for index, line in enumerate(self._lines):
            natural = self._styled.measure(line.start, line.end)
            x = style.leftIndent
            extra = 0.0
            if style.alignment == TA_CENTER:
                x += (avail - natural) / 2
            elif style.alignment == TA_RIGHT:
                x += avail - natural
            elif style.alignment == TA_JUSTIFY:
                last = index == len(self._lines) - 1
                gaps = self._styled.gaps(line.start, line.end)
                if gaps and not line.hard and not (last and not self._last_soft):
                    extra = max(0.0, avail - natural) / gaps
            y = self.height - (index + 1) * style.leading + self._baseline_offset()
            if line.end > line.start:
                self._styled.draw_span(canvas, line.start, line.end, x, y, extra)
        canvas.restoreState()
