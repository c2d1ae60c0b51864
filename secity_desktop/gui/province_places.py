"""Adds the Review and Dashboard places (and Coverage above a province) for office roles.

An assessor's workspace does not show them: an assessor does not review or
rank, and hiding the tabs keeps their window simple (docs/review.md). Region
and national workspaces also get Coverage, the 76-province view built from
upward bundles (docs/upward.md). Kept here so ``main_window.py`` needs one
line for all of them.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.qt import QtCore


def add_province_places(window: Any) -> None:
    window.coverage_place = None
    if window.ws.role in (Role.ASSESSOR, Role.MUNICIPALITY):
        window.review_place = window.dashboard_place = None
        return
    # imported here: an assessor's start-up (the common case, on field laptops) never pays for them
    from secity_desktop.gui.coverage_place import CoveragePlace
    from secity_desktop.gui.dashboard_place import DashboardPlace
    from secity_desktop.gui.review_place import ReviewPlace

    window.review_place = ReviewPlace(window.ws, window.lang, window)
    window.add_place(window.review_place, QtCore.QCoreApplication.translate("MainWindow", "Review"))
    window.dashboard_place = DashboardPlace(window.ws, window.lang, window)
    window.add_place(
        window.dashboard_place, QtCore.QCoreApplication.translate("MainWindow", "Dashboard")
    )

    def changed(_assessment_id: str) -> None:
        window.dashboard_place.refresh()
        window.assessment_model.reload()

    window.review_place.changed.connect(changed)
    if window.ws.role in (Role.REGION, Role.NATIONAL):
        window.coverage_place = CoveragePlace(window.ws, window.lang, window)
        window.add_place(
            window.coverage_place, QtCore.QCoreApplication.translate("MainWindow", "Coverage")
        )

    def imported(_result: object) -> None:
        window.review_place.refresh()
        window.dashboard_place._fill_years()  # an import can bring a new fiscal year
        window.dashboard_place.refresh()
        if window.coverage_place is not None:
            window.coverage_place.reload()

    window.sync_place.import_page.applied.connect(imported)
    if window.sync_place.send_page is not None:
        window.review_place.bundle_written.connect(lambda _w: window.sync_place.refresh())
