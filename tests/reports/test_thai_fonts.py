from __future__ import annotations

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from secity_desktop.reports.fonts import face_for, font_path, register_fonts


def test_register_is_idempotent_and_keeps_font_objects() -> None:
    first = register_fonts()
    font = pdfmetrics.getFont("Sarabun")
    assert register_fonts() == first
    assert pdfmetrics.getFont("Sarabun") is font
    assert set(first) == {
        "Sarabun",
        "Sarabun-Bold",
        "Sarabun-Italic",
        "Sarabun-BoldItalic",
        "Sarabun-SemiBold",
        "Sarabun-Light",
    }
    assert all(path.is_file() for path in first.values())


def test_family_mapping_for_bold_and_italic() -> None:
    assert tt2ps("Sarabun", 1, 0) == "Sarabun-Bold"
    assert tt2ps("Sarabun", 1, 1) == "Sarabun-BoldItalic"
    assert face_for("Sarabun", bold=True) == "Sarabun-Bold"
    assert face_for("Sarabun-Bold", italic=True) == "Sarabun-BoldItalic"
    assert face_for("Sarabun") == "Sarabun"
    assert font_path("Sarabun-Light").name == "Sarabun-Light.ttf"


def test_fonts_are_shapable() -> None:
    register_fonts()
    assert all(pdfmetrics.getFont(name).shapable for name in register_fonts())
