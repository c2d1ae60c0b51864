"""Adds the Review and Dashboard places (and Coverage above a province) for office roles.

An assessor's workspace does not show them: an assessor does not review or
rank, and hiding the tabs keeps their window simple (docs/review.md). Region
and national workspaces also get Coverage, the 76-province view built from
upward bundles (docs/upward.md). Kept here so ``main_window.py`` needs one
line for all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.idle_warm import run_in_idle
from secity_desktop.gui.qt import QtCore
from secity_desktop.services import lists


def add_province_places(window: Any) -> None:
    """Register the office places; each is built on first show (``gui/places.py``)."""
    if window.ws.role in (Role.ASSESSOR, Role.MUNICIPALITY):
        return
    window.prepared_dashboard = None  # warm_dashboard's reader, until the place takes it
    review = QtCore.QCoreApplication.translate("MainWindow", "Review")
    window.places.add_lazy("review", review, lambda: _review(window))
    dashboard = QtCore.QCoreApplication.translate("MainWindow", "Dashboard")
    window.places.add_lazy("dashboard", dashboard, lambda: _dashboard(window))
    if window.ws.role in (Role.REGION, Role.NATIONAL):
        coverage = QtCore.QCoreApplication.translate("MainWindow", "Coverage")
        window.places.add_lazy("coverage", coverage, lambda: _coverage(window))
    progress = QtCore.QCoreApplication.translate("MainWindow", "Progress")
    window.places.add_lazy("progress", progress, lambda: _progress(window))


def _review(window: Any) -> Any:
    # imported here: an assessor's start-up (the common case, on field laptops) never pays for them
    from secity_desktop.gui.review_place import ReviewPlace

    place = ReviewPlace(window.ws, window.lang, window)

    def changed(_assessment_id: str) -> None:
        dashboard = window.places.built_place("dashboard")
        if dashboard is not None:
            dashboard.refresh()
        window.assessment_model.reload()

    def written(_written: object) -> None:
        sync = window.places.built_place("sync")
        if sync is not None:
            sync.refresh()

    place.changed.connect(changed)
    place.bundle_written.connect(written)
    return place


def _dashboard(window: Any) -> Any:
    from secity_desktop.gui.dashboard_place import DashboardPlace

    prepared, window.prepared_dashboard = window.prepared_dashboard, None
    return DashboardPlace(window.ws, window.lang, window, prepared=prepared)


def _coverage(window: Any) -> Any:
    from secity_desktop.gui.coverage_place import CoveragePlace

    return CoveragePlace(window.ws, window.lang, window)


def _progress(window: Any) -> Any:
    from secity_desktop.gui.progress_place import ProgressPlace  # progress over the years

    return ProgressPlace(window.ws, window.lang, window)


WARM_AFTER_MS = 1500  # the warming starts this long after the window is built


def warm_scores(window: Any, years: list[int]) -> QtCore.QTimer | None:
    """Sum the default year's (and the one before's) scores while the window is idle.

    One chunk per timer tick (``services.lists.score_warmer``) through
    ``gui.idle_warm.run_in_idle``; any failure just stops the warming."""
    if window.ws.role in (Role.ASSESSOR, Role.MUNICIPALITY) or not years:
        return None
    # not before the first window has painted its list and taken its first keys
    return run_in_idle(window, lists.score_warmer(window.ws, years), WARM_AFTER_MS)


DASHBOARD_AFTER_MS = 1000  # the Dashboard's first refresh is prepared this long after the window


def warm_dashboard(window: Any) -> QtCore.QTimer | None:
    """Do the Dashboard's first refresh in idle time, one query a timer tick.

    At national size that refresh (snapshot of 7,850 towns, their order, the summary) is
    ≈ 100–150 ms of SQL on a cold store, most of what the person waited for at the first
    click. The prepared reader is handed to the place when it is built; if anything was
    written in between, the place's refresh reads afresh as before
    (``services.dashboard_ranked.RankedDashboard.renew``). A click before it is done waits
    for at most the step under way."""
    if window.ws.role in (Role.ASSESSOR, Role.MUNICIPALITY):
        return None
    return run_in_idle(window, _dashboard_steps(window), DASHBOARD_AFTER_MS)


def _dashboard_steps(window: Any) -> Iterator[str]:
    if window.places.is_built("dashboard"):
        return
    from secity_desktop.gui.dashboard_place import prepare_first_view  # not on the start path

    yield "import"
    reader, steps = prepare_first_view(window.ws)
    window.prepared_dashboard = reader
    for step in steps:
        if window.places.is_built("dashboard"):
            return  # the place took the reader: its own refresh did the rest
        yield step


def refresh_office_places(window: Any) -> None:
    """After an import: the office places already built re-read (the others read when built)."""
    review = window.places.built_place("review")
    if review is not None:
        review.refresh()
    dashboard = window.places.built_place("dashboard")
    if dashboard is not None:
        dashboard._fill_years()  # an import can bring a new fiscal year
        dashboard.refresh()
    coverage = window.places.built_place("coverage")
    if coverage is not None:
        coverage.reload()
    progress = window.places.built_place("progress")
    if progress is not None:
        progress.refresh()
