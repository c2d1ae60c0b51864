"""HarfBuzz shaping for measuring and drawing text with registered TTFs.

Thai widths must come from shaped glyphs: tone marks and upper vowels are
repositioned or swapped for other glyphs (e.g. lowered tone marks, sara am
split into nikhahit + sara aa), so summing cmap advances per code point gives
wrong widths. The feature set matches what reportlab's ``shapeStr`` uses, so
the width we break lines with is the width reportlab will actually draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeStr

from secity_desktop.core.errors import SecityError

# Same features reportlab.pdfbase.ttfonts.shapeFragWord defaults to.
FEATURES: dict[str, bool] = {"kern": True, "liga": True, "dlig": True}


@dataclass(frozen=True, slots=True)
class Glyph:
    """One shaped glyph in font units (``units_per_em`` per em)."""

    gid: int
    cluster: int
    x_advance: int
    x_offset: int
    y_offset: int


@lru_cache(maxsize=32)
def _hb_font(font_name: str) -> tuple[uharfbuzz.Font, int]:
    font = pdfmetrics.getFont(font_name)
    if not getattr(font, "shapable", False):
        raise SecityError(f"Font {font_name!r} is not a shapable TrueType font",
                          code="report.font_missing", font=font_name)
    face = font.hbFace
    return uharfbuzz.Font(face), int(face.upem)


@lru_cache(maxsize=8192)
def shape(text: str, font_name: str) -> tuple[Glyph, ...]:
    """Shape once per (text, font): line breaking measures the same words over and over."""
    hb_font, _ = _hb_font(font_name)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(hb_font, buf, FEATURES)
    return tuple(
        Glyph(info.codepoint, info.cluster, pos.x_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    )


def units_per_em(font_name: str) -> int:
    return _hb_font(font_name)[1]


def shaped_width(text: str, font_name: str, size: float) -> float:
    """Advance width in points as drawn, so combining marks add nothing."""
    if not text:
        return 0.0
    glyphs = shape(text, font_name)
    return sum(g.x_advance for g in glyphs) * size / units_per_em(font_name)


def cmap_glyph_ids(text: str, font_name: str) -> tuple[int, ...]:
    """Glyph ids an unshaped renderer would use; the contrast shows shaping happened."""
    face = pdfmetrics.getFont(font_name).face
    return tuple(int(face.charToGlyph.get(ord(ch), 0)) for ch in text)


def shaped_str(text: str, font_name: str, size: float) -> str:
    """A reportlab ``ShapedStr`` ready for a text object.

    ``canvas.drawString(shaping=True)`` silently does nothing unless the
    optional ``rlbidi`` package is installed, so shaping has to be done here
    and the result handed to ``PDFTextObject.textOut``.
    """
    shaped: str = shapeStr(text, font_name, size)
    return shaped
