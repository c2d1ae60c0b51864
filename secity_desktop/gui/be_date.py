"""A date picker in the Buddhist Era: day, Thai month, BE year (QCalendar has no Thai system).

Three plain fields rather than a calendar popup: each is reached with Tab and set with the
arrow keys or by typing, and the whole fits a 1024×600 dialog. ``date()`` returns a
Gregorian ``datetime.date`` (what services store); the person only ever sees BE.
"""

from __future__ import annotations

import calendar
import datetime as dt

from secity_desktop.core.thai_calendar import (
    MAX_BE_YEAR,
    MIN_BE_YEAR,
    MONTHS_EN,
    MONTHS_TH,
    be_year,
    ce_year,
)
from secity_desktop.gui.qt import QtCore, QtWidgets


class BeDateEdit(QtWidgets.QWidget):
    changed = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None, lang: str = "th",
                 day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beDateEdit")
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.day = QtWidgets.QSpinBox(self)
        self.day.setObjectName("beDay")
        self.day.setRange(1, 31)
        self.month = QtWidgets.QComboBox(self)
        self.month.setObjectName("beMonth")
        self.month.addItems(list(MONTHS_TH if lang == "th" else MONTHS_EN))
        self.year = QtWidgets.QSpinBox(self)
        self.year.setObjectName("beYear")
        self.year.setRange(MIN_BE_YEAR, MAX_BE_YEAR)
        self.year.setPrefix(self.tr("B.E. "))
        for w in (self.day, self.month, self.year):
            row.addWidget(w)
        row.addStretch(1)
        self.setFocusProxy(self.day)
        self.setDate(day or dt.date.today())
        self.day.valueChanged.connect(self.changed)
        self.month.currentIndexChanged.connect(self._clamp)
        self.year.valueChanged.connect(self._clamp)

    def _clamp(self) -> None:
        """The day never exceeds the month's length (29 February only in leap years)."""
        last = calendar.monthrange(ce_year(self.year.value()), self.month.currentIndex() + 1)[1]
        self.day.setMaximum(last)
        self.changed.emit()

    def setDate(self, day: dt.date) -> None:
        self.year.setValue(be_year(day.year))
        self.month.setCurrentIndex(day.month - 1)
        self._clamp()
        self.day.setValue(day.day)

    def date(self) -> dt.date:
        return dt.date(ce_year(self.year.value()), self.month.currentIndex() + 1, self.day.value())
