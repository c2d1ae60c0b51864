"""The one door through which the GUI imports Qt (qutebrowser's pattern).

One place to adapt when the binding changes, and one line to grep for when
checking that nothing outside ``gui/`` touches Qt.

It also makes PySide6's import hook cheap. PySide6 (6.4+) asks, for every module
imported after it, whether the module "uses PySide" (``__feature__`` switching,
PYSIDE-2029) by reading the module's whole source through ``inspect.getsource`` —
about 0.15 ms a module, ≈ 15–20 ms of a start that imports 130 modules after Qt.
:func:`_quick_feature_check` answers the same question from the file's bytes.
"""

import sys

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot"]

_FEATURE_MODULES = ("PySide6.support.feature", "shibokensupport.feature")


def _quick_feature_check() -> bool:
    """Replace PySide6's source-reading "does this module use PySide6?" check by a byte search
    of the same file (same answer: the original looks for "PySide6" in the source text).
    Modules without a ``.py`` file (frozen, built in, extensions) keep the original check.
    True when installed; a PySide6 without the hook is left as it is."""
    feature = next((sys.modules[n] for n in _FEATURE_MODULES if n in sys.modules), None)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return original is not None

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True


_quick_feature_check()
