"""The main window's places after Assessments, each built the first time it is shown.

Which tabs a workspace has, in which order, and how each place is made and wired
to the window (an import in Sync refreshes the list and follows the open
assessment). Registering costs nothing: a place's module is imported by its
builder (or by the idle warm-up, ``gui/idle_warm.py``), never to show the first
window. The office-only places come from ``gui/province_places.py``. Tab titles
stay in the ``MainWindow`` translation context (``gui/shell.py`` paints the same ones).
"""

from __future__ import annotations

from typing import Any

from secity_desktop.gui.filter_table import fit_columns
from secity_desktop.gui.province_places import add_province_places
from secity_desktop.gui.qt import QtCore, QtWidgets

translate = QtCore.QCoreApplication.translate


def add_lazy_places(window: Any) -> None:
    """Municipalities, Framework, Sync, the office places (Review, Dashboard…), Reports."""
    places = window.places
    places.add_lazy("municipalities", translate("MainWindow", "Municipalities"),
                    lambda: _municipalities(window))
    places.add_lazy("framework", translate("MainWindow", "Framework"), lambda: _framework(window))
    places.add_lazy("sync", translate("MainWindow", "Sync"), lambda: _sync(window))
    add_province_places(window)  # Review, Dashboard (and Coverage) for office roles
    places.add_lazy("reports", translate("MainWindow", "Reports"), lambda: _reports(window))


def _municipalities(window: Any) -> QtWidgets.QWidget:
    from secity_desktop.gui.municipality_place import MunicipalityPlace

    place = MunicipalityPlace(window.ws, window.lang, window)  # register, imports, pages
    fit_columns(place.table.view)  # the rows on show, as plain text
    return place


def _framework(window: Any) -> QtWidgets.QWidget:
    from secity_desktop.gui.framework_view import FrameworkView

    return FrameworkView(window.ws.frameworks.current(), window.lang, window)


def _sync(window: Any) -> QtWidgets.QWidget:
    from secity_desktop.gui.transfer.place import SyncPlace

    sync = SyncPlace(window.ws, window, lang=window.lang)
    sync.import_page.applied.connect(lambda _r: window._after_import())
    return sync


def _reports(window: Any) -> QtWidgets.QWidget:
    from secity_desktop.gui.reports_place import ReportsPlace

    return ReportsPlace(window.ws, window, window.lang)
