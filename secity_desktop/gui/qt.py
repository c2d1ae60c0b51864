"""The one door through which the GUI imports Qt (qutebrowser's pattern).

One place to adapt when the binding changes, and one line to grep for when
checking that nothing outside ``gui/`` touches Qt.
"""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot"]
