"""Shared pieces of every SECity PDF: styles, colours, atomic output, page furniture.

Files are written to a temporary name beside the target and renamed when
complete (``secity_desktop.atomic``), so a crash or a cancelled batch never
leaves a half PDF under a name someone might print.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import TableStyle

from secity_desktop import __version__
from secity_desktop.atomic import atomic_path
from secity_desktop.core.errors import SecityError
from secity_desktop.reports.fonts import register_fonts
from secity_desktop.reports.thai_text import draw_line

GREEN = colors.HexColor("#1b5e3b")
LIGHT_GREEN = colors.HexColor("#e3f1e8")
GOLD = colors.HexColor("#b08d2e")
GREY = colors.HexColor("#5f6368")
LIGHT_GREY = colors.HexColor("#eef0f2")
AMBER = colors.HexColor("#fff4d6")
AMBER_LINE = colors.HexColor("#c98a00")
RED = colors.HexColor("#a3262a")

CREATOR = f"SECity Desktop {__version__}"


class ReportError(SecityError):
    """A document that cannot be produced as asked (bad output path, broken template)."""


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName="Sarabun", fontSize=12, leading=18)
    return {
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=10, leading=15, textColor=GREY),
        "cell": ParagraphStyle("cell", body, fontSize=10.5, leading=15.5),
        "cell_bold": ParagraphStyle(
            "cell_bold", body, fontName="Sarabun-Bold", fontSize=10.5, leading=15.5
        ),
        "title": ParagraphStyle(
            "title",
            body,
            fontName="Sarabun-Bold",
            fontSize=20,
            leading=30,
            alignment=TA_CENTER,
            textColor=GREEN,
        ),
        "subtitle": ParagraphStyle("subtitle", body, fontSize=14, leading=21, alignment=TA_CENTER),
        "h1": ParagraphStyle(
            "h1",
            body,
            fontName="Sarabun-Bold",
            fontSize=15,
            leading=22,
            spaceBefore=10,
            spaceAfter=4,
            textColor=GREEN,
        ),
        "h2": ParagraphStyle(
            "h2",
            body,
            fontName="Sarabun-Bold",
            fontSize=12.5,
            leading=19,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "alert": ParagraphStyle("alert", body, fontSize=10.5, leading=15.5, textColor=RED),
        "warn": ParagraphStyle("warn", body, fontSize=11, leading=16.5),
    }


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target folder; it becomes ``path`` only on success
    (``secity_desktop.atomic``: fsynced, renamed; removed on failure or cancel)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"output folder does not exist: {folder}",
                          code="report.no_folder", folder=str(folder))
    try:
        with atomic_path(path) as tmp:
            yield tmp
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}",
                          code="report.write_failed", file=Path(path).name) from None


def table_style(cmds: list[tuple[object, ...]]) -> TableStyle:
    """A TableStyle whose cell font is Sarabun.

    reportlab's Table calls ``setFont`` with the cell style's font (Helvetica
    by default) even for cells holding flowables, which puts an unembedded
    Helvetica in the PDF; naming Sarabun here keeps every font embedded.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), "Sarabun"), *cmds])


def set_metadata(canvas: Canvas, title: str, subject: str, keywords: str = "") -> None:
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setCreator(CREATOR)
    canvas.setAuthor(CREATOR)
    if keywords:
        canvas.setKeywords(keywords)


def page_footer(canvas: Canvas, width: float, margin: float, left: str, right: str) -> None:
    """Thin rule and one line of footer text: what the document is, and the page number."""
    canvas.saveState()
    canvas.setStrokeColor(LIGHT_GREY)
    canvas.setLineWidth(0.6)
    canvas.line(margin, 36, width - margin, 36)
    canvas.setFillColor(GREY)
    draw_line(canvas, margin, 24, left, "Sarabun", 8.5)
    draw_line(canvas, width - margin, 24, right, "Sarabun", 8.5, "right")
    canvas.restoreState()


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover
