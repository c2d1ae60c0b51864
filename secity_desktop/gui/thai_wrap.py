"""Thai that wraps and elides at word boundaries in Qt, on every platform.

Qt breaks Thai lines at word boundaries only when it was built with libthai,
which Windows and most frozen builds lack: there a Thai label either does not
wrap at all (and is clipped) or wraps mid-word ("ครั้งถัด|ไป"). The shared rules
in ``core.thai_linebreak`` mark every allowed break with a zero-width space,
which every Unicode line breaker honours and no font draws. Eliding ("…") is
done here too, at the last word boundary that fits, instead of mid-word.
"""

from __future__ import annotations

from secity_desktop.core.thai_linebreak import (
    break_opportunities,
    strip_break_hints,
    with_break_hints,
)
from secity_desktop.gui.qt import QtGui, QtWidgets

ELLIPSIS = "…"

__all__ = ["ELLIPSIS", "elide_words", "set_wrapped_text", "strip_break_hints", "wrapped"]


def wrapped(text: str) -> str:
    """Text for a word-wrapping label or cell: Thai word boundaries marked."""
    return with_break_hints(text)


def set_wrapped_text(label: QtWidgets.QLabel, text: str) -> None:
    """Show ``text`` wrapping at Thai word boundaries (the plain text stays in the tooltip-free
    accessible name, so screen readers and tests read it without the hints)."""
    label.setWordWrap(True)
    label.setText(wrapped(text))
    label.setAccessibleName(strip_break_hints(text))


def elide_words(text: str, metrics: QtGui.QFontMetrics, width: int) -> str:
    """``text`` shortened to ``width`` pixels at a word boundary, ending in "…".

    Falls back to Qt's character elision only when not even the first word fits.
    """
    plain = strip_break_hints(text)
    if metrics.horizontalAdvance(plain) <= width:
        return plain
    cuts = sorted(set(break_opportunities(plain)) | {i for i, ch in enumerate(plain) if ch == " "})
    best = ""
    for cut in cuts:
        candidate = plain[:cut].rstrip() + ELLIPSIS
        if metrics.horizontalAdvance(candidate) <= width:
            best = candidate
        else:
            break
    if best:
        return best
    return metrics.elidedText(plain, QtGui.Qt.TextElideMode.ElideRight, width)
