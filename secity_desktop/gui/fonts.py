"""Ship-and-load the Thai UI font; without it Thai renders as boxes on a bare machine.

Registering a face costs a few milliseconds (Qt reads the file's tables), so start-up
registers only the faces a first window draws with — Regular, Bold, SemiBold — and
:func:`load_later_faces` adds the others (Light and the italics) a second after the
window is shown (docs/performance.md, start-up). Until then Qt synthesises them.
"""

from __future__ import annotations

from secity_desktop import paths
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets

UI_FAMILY = "Sarabun"
# Regular, Bold, and SemiBold: the style sheet's weight 600 titles the editor, which is the
# first window when the last session ended in an assessment.
FIRST_FACES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-SemiBold.ttf")


def _register(names: list[str]) -> set[str]:
    families: set[str] = set()
    for name in names:
        fid = QtGui.QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
        if fid >= 0:
            families.update(QtGui.QFontDatabase.applicationFontFamilies(fid))
    return families


def _faces() -> list[str]:
    return sorted(p.name for p in paths.fonts_dir().glob("Sarabun-*.ttf"))


def load_fonts(app: QtWidgets.QApplication, point_size: float = 11.0, *,
               first_only: bool = False) -> str:
    """Register the UI font and make it the app's; ``first_only``: just the faces the
    first window needs (the caller then runs :func:`load_later_faces`)."""
    faces = _faces()
    first = [f for f in faces if f in FIRST_FACES] if first_only else faces
    families = _register(first or faces)
    family = UI_FAMILY if UI_FAMILY in families else (sorted(families)[0] if families else "")
    if family:
        font = QtGui.QFont(family)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return family


LATER_MS = 1000  # after the first window's paint and the first keys, not competing with them


def load_later_faces(parent: QtCore.QObject, delay_ms: int = LATER_MS) -> None:
    """Register the faces :func:`load_fonts` left out, ``delay_ms`` from now."""
    rest = [f for f in _faces() if f not in FIRST_FACES]
    if rest:
        QtCore.QTimer.singleShot(delay_ms, parent, lambda: _register(rest))
