"""Measuring and drawing spans of styled (bold/italic) text with HarfBuzz shaping.

Two reportlab traps shape this module. ``canvas.drawString(shaping=True)`` is
ignored unless the optional ``rlbidi`` package is present, so text is shaped
with ``shapeStr`` and drawn through a text object. And shaped glyphs that have
no Unicode code point (lowered tone marks, the nikhahit of sara am) are
written with private-use codes whose ToUnicode entry is empty, so
``pdftotext`` and copy-paste lose them; every drawn span is therefore wrapped
in a marked-content ``/ActualText`` carrying the original string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from secity_desktop.core.thai_linebreak import SPACE_RUN, ZWSP
from secity_desktop.reports.fonts import face_for, register_fonts
from secity_desktop.reports.runs import Run
from secity_desktop.reports.shaping import shaped_str, shaped_width


def visible(text: str) -> str:
    """What is drawn and extracted: ZWSP is a break hint, never a glyph (it shows as a space)."""
    return text.replace(ZWSP, "")


def actual_text_literal(text: str) -> str:
    """A BDC operator whose ActualText makes extractors read ``text`` instead of glyph codes."""
    utf16 = ("\ufeff" + text).encode("utf-16-be").hex().upper()
    return f"/Span <</ActualText <{utf16}>>> BDC"


@dataclass
class StyledText:
    """A paragraph's plain text plus the face of every run, measured with shaped advances."""

    runs: list[Run]
    font_name: str
    size: float
    text: str = field(init=False)
    _bounds: list[tuple[int, int, str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        register_fonts()
        self.text = "".join(run.text for run in self.runs)
        self._bounds = []
        pos = 0
        for run in self.runs:
            face = face_for(self.font_name, run.bold, run.italic)
            self._bounds.append((pos, pos + len(run.text), face))
            pos += len(run.text)

    def pieces(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """``(start, end, face)`` for each run overlapping the span, clipped to it."""
        out: list[tuple[int, int, str]] = []
        for r_start, r_end, face in self._bounds:
            lo, hi = max(start, r_start), min(end, r_end)
            if lo < hi:
                out.append((lo, hi, face))
        return out

    def measure(self, start: int, end: int) -> float:
        return sum(
            shaped_width(visible(self.text[lo:hi]), face, self.size)
            for lo, hi, face in self.pieces(start, end)
        )

    def gaps(self, start: int, end: int) -> int:
        """Breakable space runs inside a span: where justification may add width."""
        return sum(1 for _ in SPACE_RUN.finditer(self.text, start, end))

    def draw_span(
        self, canvas: Canvas, start: int, end: int, x: float, y: float, gap_extra: float = 0.0
    ) -> None:
        """Draw ``text[start:end]`` from left edge ``x``; ``gap_extra`` widens each space run."""
        pieces = self.pieces(start, end)
        if gap_extra:
            pieces = [p for lo, hi, face in pieces for p in _split_spaces(self.text, lo, hi, face)]
        canvas.addLiteral(actual_text_literal(visible(self.text[start:end])))
        for lo, hi, face in pieces:
            piece = visible(self.text[lo:hi])
            if not piece.strip():
                continue
            px = x + self.measure(start, lo) + gap_extra * self.gaps(start, lo)
            text_obj = canvas.beginText(px, y)
            text_obj.setFont(face, self.size)
            text_obj.textOut(shaped_str(piece, face, self.size))
            canvas.drawText(text_obj)
        canvas.addLiteral("EMC")


def _split_spaces(text: str, start: int, end: int, face: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = start
    for m in SPACE_RUN.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start(), face))
        pos = m.end()
    if pos < end:
        out.append((pos, end, face))
    return out
