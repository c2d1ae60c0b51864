"""Keep Python's ``None`` alive under PySide6 6.12's void-return reference bug (Python 3.11).

Measured here: every call of a Qt method that returns nothing (``QLabel.setText``,
``QComboBox.addItem`` …) lowers ``sys.getrefcount(None)`` by one and never gives it
back — shiboken hands back ``None`` without taking a reference. On Python 3.11
``None`` is an ordinary object (3.12 made it immortal), so once enough such calls
have been made the interpreter frees ``None`` and aborts ("deallocating None"): the
national workspace did so after 86,000 ``addItem`` calls, and a long day of typing
would too. Until PySide6 is fixed, the app gives ``None`` spare references from a
timer well before they could run out. They are added to CPython's reference count
directly (``ob_refcnt``, the first field of every object) rather than held in a list:
a list would be freed while the interpreter shuts down and ``None`` would die then,
after the last window closed. Harmless where the bug or the mortal ``None`` is gone.
"""

from __future__ import annotations

import ctypes
import sys

from secity_desktop.gui.qt import QtCore

LOW = 200_000  # top up below this many references …
TOP_UP = 1_000_000  # … by this many
CHECK_MS = 1000

_spare: list[None] = []  # only where the count cannot be raised in place (not CPython)


def needed() -> bool:
    return sys.version_info < (3, 12)


def top_up() -> bool:
    """Add spare references when ``None`` runs low; True when it did."""
    if not needed() or sys.getrefcount(None) >= LOW:
        return False
    if sys.implementation.name == "cpython":  # (not `platform`: 15 ms at start-up)
        ctypes.c_ssize_t.from_address(id(None)).value += TOP_UP  # never given back: on purpose
    else:
        _spare.extend([None] * TOP_UP)
    return True


def install(app: QtCore.QCoreApplication) -> QtCore.QTimer | None:
    """Top up now and every second for the life of ``app``."""
    if not needed():
        return None
    top_up()
    timer = QtCore.QTimer(app)
    timer.setObjectName("noneGuard")
    timer.timeout.connect(top_up)
    timer.start(CHECK_MS)
    return timer
