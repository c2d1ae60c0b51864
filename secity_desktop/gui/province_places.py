"""Adds the Review and Dashboard places to the main window for reviewing roles.

An assessor's workspace does not show them: an assessor does not review or
rank, and hiding the tabs keeps their window simple (docs/review.md). Kept
here so ``main_window.py`` needs one line for both places.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.core.models import Role
from secity_desktop.gui.dashboard_place import DashboardPlace
from secity_desktop.gui.review_place import ReviewPlace


def add_province_places(window: Any) -> None:
    if window.ws.role == Role.ASSESSOR:
        window.review_place = window.dashboard_place = None
        return
    window.review_place = ReviewPlace(window.ws, window.lang, window)
    window.add_place(window.review_place, window.tr("Review"))
    window.dashboard_place = DashboardPlace(window.ws, window.lang, window)
    window.add_place(window.dashboard_place, window.tr("Dashboard"))

    def changed(_assessment_id: str) -> None:
        window.dashboard_place.refresh()
        window.assessment_model.reload()

    window.review_place.changed.connect(changed)
