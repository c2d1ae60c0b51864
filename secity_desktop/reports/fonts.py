"""Registering the shipped Sarabun faces with reportlab.

reportlab keeps fonts in a process-wide registry, and re-registering a TTFont
under the same name replaces the object other documents may already hold, so
registration happens once and every caller goes through :func:`register_fonts`.
The family mapping is what lets ``<b>``/``<i>`` and :func:`face_for` pick the
right file instead of silently falling back to Helvetica.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping, ps2tt, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from secity_desktop.core.errors import SecityError
from secity_desktop.paths import fonts_dir

FAMILY = "Sarabun"
REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
ITALIC = "Sarabun-Italic"
BOLD_ITALIC = "Sarabun-BoldItalic"
SEMIBOLD = "Sarabun-SemiBold"
LIGHT = "Sarabun-Light"

# reportlab font name -> file name under resources/fonts.
_FACES: dict[str, str] = {
    REGULAR: "Sarabun-Regular.ttf",
    BOLD: "Sarabun-Bold.ttf",
    ITALIC: "Sarabun-Italic.ttf",
    BOLD_ITALIC: "Sarabun-BoldItalic.ttf",
    SEMIBOLD: "Sarabun-SemiBold.ttf",
    LIGHT: "Sarabun-Light.ttf",
}

_lock = threading.Lock()
_paths: dict[str, Path] = {}


def register_fonts(folder: Path | None = None) -> dict[str, Path]:
    """Register every Sarabun face once; later calls are free and return the same table.

    A missing file is a broken install, not a programming error, hence
    :class:`SecityError` with the path so the user can reinstall.
    """
    with _lock:
        if _paths:
            return dict(_paths)
        base = folder if folder is not None else fonts_dir()
        found: dict[str, Path] = {}
        for name, filename in _FACES.items():
            path = base / filename
            if not path.is_file():
                raise SecityError(f"Font file missing: {path}. Reinstall SECity Desktop.",
                                  code="report.font_missing", font=Path(path).name)
            found[name] = path
        for name, path in found.items():
            if name not in pdfmetrics.getRegisteredFontNames():
                # shapable=True is the default, but spelled out: Thai is unreadable without it.
                pdfmetrics.registerFont(TTFont(name, str(path), shapable=True))
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _paths.update(found)
        return dict(_paths)


def font_path(font_name: str) -> Path:
    """The TTF behind a registered name, for HarfBuzz which reads the file itself."""
    paths = register_fonts()
    try:
        return paths[font_name]
    except KeyError:
        raise SecityError(f"Unknown font {font_name!r}; expected one of {sorted(paths)}",
                          code="report.font_missing", font=font_name) from None


def face_for(font_name: str, bold: bool = False, italic: bool = False) -> str:
    """The face to use for a bold/italic run of text set in ``font_name``.

    Goes through reportlab's own family table so documents that use
    ``<b>`` markup and this layer agree on which file is bold.
    """
    register_fonts()
    if not bold and not italic:
        return font_name
    try:
        family, base_bold, base_italic = ps2tt(font_name)
        return str(tt2ps(family, int(bold or base_bold), int(italic or base_italic)))
    except ValueError:
        return font_name
