"""Ship-and-load the Thai UI font; without it Thai renders as boxes on a bare machine."""

from __future__ import annotations

from secity_desktop import paths
from secity_desktop.gui.qt import QtGui, QtWidgets

UI_FAMILY = "Sarabun"


def load_fonts(app: QtWidgets.QApplication, point_size: float = 11.0) -> str:
    families: set[str] = set()
    for ttf in sorted(paths.fonts_dir().glob("Sarabun-*.ttf")):
        fid = QtGui.QFontDatabase.addApplicationFont(str(ttf))
        if fid >= 0:
            families.update(QtGui.QFontDatabase.applicationFontFamilies(fid))
    family = UI_FAMILY if UI_FAMILY in families else (sorted(families)[0] if families else "")
    if family:
        font = QtGui.QFont(family)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return family
