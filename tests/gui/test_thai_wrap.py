"""Thai labels wrap and elide at word boundaries without relying on libthai."""

from __future__ import annotations

from secity_desktop.core.thai_linebreak import ZWSP, break_opportunities
from secity_desktop.gui.fonts import load_fonts
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ELLIPSIS, elide_words, set_wrapped_text

TEXT = "เมื่อยืนยันว่ากรอกครบแล้วให้ยืนยันและลงนามแล้วส่งข้อมูลที่หน้ารับส่งข้อมูลครั้งถัดไป"


def _line_starts(text: str, font: QtGui.QFont, width: int) -> list[int]:
    layout = QtGui.QTextLayout(text, font)
    option = QtGui.QTextOption()
    option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    starts = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    return starts


def _native_breaks(text: str) -> set[int]:
    finder = QtCore.QTextBoundaryFinder(QtCore.QTextBoundaryFinder.BoundaryType.Line, text)
    out = set()
    while (pos := finder.toNextBoundary()) != -1:
        out.add(pos)
    return out


def test_label_wraps_only_at_word_boundaries(qtbot) -> None:  # type: ignore[no-untyped-def]
    load_fonts(QtWidgets.QApplication.instance())  # type: ignore[arg-type]
    label = QtWidgets.QLabel()
    qtbot.addWidget(label)
    set_wrapped_text(label, TEXT)
    assert label.wordWrap() and label.accessibleName() == TEXT
    hinted = label.text()
    starts = _line_starts(hinted, label.font(), 140)
    assert len(starts) > 2, "the text should need several lines at 140 px"
    plain_cuts = set(break_opportunities(TEXT))
    # Where Qt has libthai (most Linux builds) it may add its own dictionary breaks; without it
    # (Windows) it has none: every break must then be one of ours. Either way, never mid-word.
    native = _native_breaks(TEXT)
    ours = 0
    for start in starts[1:]:
        plain_at = len(hinted[:start].replace(ZWSP, ""))
        if hinted[start - 1] == ZWSP:
            ours += 1
            assert plain_at in plain_cuts
        else:
            assert plain_at in native or TEXT[plain_at - 1] == " ", hinted[start - 4 : start + 4]
    assert ours, "the hints gave Qt no break at all"


def test_elide_stops_at_a_word(qtbot) -> None:  # type: ignore[no-untyped-def]
    load_fonts(QtWidgets.QApplication.instance())  # type: ignore[arg-type]
    metrics = QtGui.QFontMetrics(QtWidgets.QApplication.font())
    short = elide_words(TEXT, metrics, 160)
    assert short.endswith(ELLIPSIS) and metrics.horizontalAdvance(short) <= 160
    kept = short.removesuffix(ELLIPSIS)
    assert TEXT.startswith(kept) and len(kept) in set(break_opportunities(TEXT))
    assert elide_words("สั้น", metrics, 500) == "สั้น"
