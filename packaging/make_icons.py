"""Render ``resources/icons/secity.svg`` into the icon files the installers need.

Run after changing the SVG (the outputs are committed, so a build never needs this):

    .venv/bin/python packaging/make_icons.py

Qt's SVG renderer (``QtSvg``, part of pyside6-essentials) rasterises the drawing at
each size, and Pillow writes the containers: ``secity.ico`` (Windows: executable,
installer, ``.secbundle`` files), ``secity.icns`` (macOS app bundle) and
``secity.png`` (Linux, window icon). Each size is rendered from the vector, not
scaled down from a big bitmap, so 16 px stays sharp.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "secity.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> Image.Image:
    """The SVG drawn at ``size`` × ``size`` pixels, as an RGBA Pillow image."""
    from PySide6 import QtCore, QtGui, QtSvg

    renderer = QtSvg.QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtGui

    _app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication(sys.argv[:1])
    frames = {size: render(size) for size in sorted(set(ICO_SIZES) | set(ICNS_SIZES))}
    frames[256].save(ICONS / "secity.png", optimize=True)
    frames[512].save(ICONS / "secity-512.png", optimize=True)
    biggest = frames[256]
    biggest.save(
        ICONS / "secity.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[frames[s] for s in ICO_SIZES if s != 256],
    )
    frames[1024].save(
        ICONS / "secity.icns", append_images=[frames[s] for s in ICNS_SIZES if s != 1024]
    )
    for name in ("secity.png", "secity-512.png", "secity.ico", "secity.icns"):
        print(f"{name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
