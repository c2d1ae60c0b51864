from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from thai_helpers import CERT, MARKS, MIXED

from secity_desktop.reports.shaping import cmap_glyph_ids, shape, shaped_str, shaped_width
from secity_desktop.reports.thai_text import text_width


def test_sara_am_and_tone_marks_use_substituted_glyphs() -> None:
    # With a tone mark, sara am decomposes (nikhahit goes over the consonant) and
    # a tone mark over a short-ascender consonant becomes a different glyph.
    for word in ("น้ำ", "ปู่", "ที่"):
        shaped = tuple(g.gid for g in shape(word, "Sarabun"))
        assert shaped != cmap_glyph_ids(word, "Sarabun"), word


def test_no_notdef_glyphs_for_thai_latin_and_digits() -> None:
    for text in (CERT, MARKS, MIXED, "๐๑๒๓๔๕๖๗๘๙ 0123456789 ฿"):
        for font in ("Sarabun", "Sarabun-Bold", "Sarabun-Light"):
            assert all(g.gid != 0 for g in shape(text, font)), (text, font)


def test_marks_add_no_width() -> None:
    assert text_width("ปู่", "Sarabun", 16) == text_width("ป", "Sarabun", 16)
    assert text_width("ที่นี่", "Sarabun", 16) == text_width("ทน", "Sarabun", 16)


def test_width_matches_what_reportlab_draws() -> None:
    for text in (CERT, MARKS, MIXED):
        drawn = shaped_str(text, "Sarabun", 16)
        data = getattr(drawn, "__shapeData__", None)
        expected = (
            sum(d.x_advance for d in data) * 16 / 1000
            if data is not None
            else stringWidth(text, "Sarabun", 16)
        )
        assert abs(shaped_width(text, "Sarabun", 16) - expected) < 1e-6


def test_zwsp_has_no_width() -> None:
    assert text_width("ที่\u200bนี่", "Sarabun", 16) == text_width("ที่นี่", "Sarabun", 16)
