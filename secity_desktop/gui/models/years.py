"""The fiscal-year filter every large list shares: "All years" and each year held, newest first.

An office's lists open on the current fiscal year (``services.lists.default_year``),
so a national workspace shows one year's 7,850 rows, not ten years' 78,500.
"""

from __future__ import annotations

from collections.abc import Sequence

from secity_desktop.gui.qt import QtCore, QtWidgets


def year_combo(
    parent: QtWidgets.QWidget, years: Sequence[int], current: int | None
) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox(parent)
    fill_years(combo, years, current)
    return combo


def fill_years(combo: QtWidgets.QComboBox, years: Sequence[int], current: int | None) -> None:
    """(Re)fill without emitting: the caller decides whether the list re-reads."""
    blocker = QtCore.QSignalBlocker(combo)
    combo.clear()
    combo.addItem(QtCore.QCoreApplication.translate("YearFilter", "All years"), None)
    for y in years:
        combo.addItem(str(y), y)
    if current is not None and current not in years:
        combo.addItem(str(current), current)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    blocker.unblock()
