"""A small bar chart of component scores, drawn with QPainter.

QtCharts is not in PySide6-Essentials, and four bars do not justify another
dependency: each bar shows the score against the component's weight, with the
percentage written beside it, in the application font (Thai shapes correctly).
"""

from __future__ import annotations

from dataclasses import dataclass

from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import elide_words


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    maximum: float


class ComponentBars(QtWidgets.QWidget):
    COLOURS = ("#0f6cbd", "#107c10", "#c19c00", "#8764b8", "#038387", "#ca5010")

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("componentBars")
        self.bars: list[Bar] = []
        self.title = ""
        self.setMinimumHeight(180)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred
        )

    def set_bars(self, title: str, bars: list[Bar]) -> None:
        self.title, self.bars = title, bars
        self.update()

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(360, 40 + 44 * max(1, len(self.bars)))

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        rect = self.rect().adjusted(8, 6, -8, -6)
        p.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        p.drawText(rect.left(), rect.top() + fm.ascent(), self.title)
        if not self.bars:
            p.end()
            return
        top = rect.top() + fm.height() + 8
        label_w = min(rect.width() // 3, max(fm.horizontalAdvance(b.label) for b in self.bars) + 12)
        value_w = fm.horizontalAdvance("100.0% (25.00/25)") + 8
        bar_w = max(20, rect.width() - label_w - value_w)
        row_h = max(fm.height() + 10, (rect.bottom() - top) // len(self.bars))
        for n, b in enumerate(self.bars):
            y = top + n * row_h
            text_y = y + (row_h + fm.ascent() - fm.descent()) // 2
            p.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
            label = elide_words(b.label, fm, label_w - 8)  # "3. สิ่งแวดล้อม…", never mid-word
            p.drawText(rect.left(), text_y, label)
            track = QtCore.QRectF(rect.left() + label_w, y + 6, bar_w, row_h - 12)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QtGui.QColor("#e8eef4"))
            p.drawRoundedRect(track, 3, 3)
            share = 0.0 if b.maximum <= 0 else max(0.0, min(1.0, b.value / b.maximum))
            filled = QtCore.QRectF(track.left(), track.top(), track.width() * share, track.height())
            p.setBrush(QtGui.QColor(self.COLOURS[n % len(self.COLOURS)]))
            p.drawRoundedRect(filled, 3, 3)
            p.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
            p.drawText(
                int(track.right()) + 8, text_y, f"{100 * share:.1f}% ({b.value:.2f}/{b.maximum:g})"
            )
        p.end()
