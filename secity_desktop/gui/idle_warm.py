"""Work done in the window's idle time after it is usable: one small step per timer tick.

Places are built on first show (``gui/places.py``) so the first window comes up
quickly; the price moved to the first click on each place. Most of that price
was not the place but what it imports (pydantic, cryptography, sqlite-utils,
the bundle and report services: 0.5–1.5 s at the first place a person opens)
and PyThaiNLP with its word list (the first Thai text wrapped). Those are the
same for every place and need no data, so the window loads them while it
waits for the person: :func:`warm_places` imports each place's module and
wraps one Thai phrase, a module per tick, starting :data:`PLACES_AFTER_MS` after
the window is built — never before it is shown and usable, so start-up pays
nothing (``tests/gui/test_startup_imports.py``). A click in between waits for at
most the step under way; a place clicked before its step builds as before.

:func:`run_in_idle` is the one mechanism; the score warmer of the office places
(``gui/province_places.warm_scores``) runs on it too.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from typing import Any

from secity_desktop.gui.qt import QtCore

PLACES_AFTER_MS = 500  # the place warming starts this long after the window is built

PLACE_MODULES = {
    "municipalities": "secity_desktop.gui.municipality_place",
    "framework": "secity_desktop.gui.framework_view",
    "sync": "secity_desktop.gui.transfer.place",
    "review": "secity_desktop.gui.review_place",
    "dashboard": "secity_desktop.gui.dashboard_place",
    "coverage": "secity_desktop.gui.coverage_place",
    "progress": "secity_desktop.gui.progress_place",
    "reports": "secity_desktop.gui.reports_place",
}
"""The module each place is built from (what its factory imports)."""

SHARED_FIRST = (
    "pydantic", "sqlite_utils", "cryptography.hazmat.primitives.asymmetric.ed25519",
    "secity_desktop.bundle.documents", "secity_desktop.bundle.plan",
    "secity_desktop.services.types", "pythainlp.tokenize",
)
"""What several places import, loaded first and one at a time so no tick is long (the
longest, PyThaiNLP's package, ≈ 140 ms on an idle 2-core machine)."""

SHARED_AFTER = ("secity_desktop.core.past_results", "secity_desktop.services.certificates",
                "secity_desktop.gui.trend_section", "secity_desktop.services.bundle_import")
"""Big shares of the place modules (municipality page, transfer pages), each a step."""


def run_in_idle(parent: QtCore.QObject, steps: Iterator[Any], after_ms: int) -> QtCore.QTimer:
    """Advance ``steps`` one item per timer tick, starting ``after_ms`` after now.

    Any failure (StopIteration when done; the workspace closed under it) stops the timer:
    warming only saves time later, it is never needed."""
    timer = QtCore.QTimer(parent)
    timer.setInterval(0)

    def step() -> None:
        try:
            next(steps)
        except Exception:
            timer.stop()
            timer.deleteLater()

    timer.timeout.connect(step)
    QtCore.QTimer.singleShot(after_ms, timer, timer.start)
    return timer


def _thai_wrapping() -> None:
    """Load PyThaiNLP and its word list, and cut one phrase (compiles newmm's patterns)."""
    from secity_desktop.core.thai_linebreak import with_break_hints, word_set

    word_set()
    with_break_hints("เมืองสิ่งแวดล้อมยั่งยืน")


def place_steps(keys: list[str], is_built: Callable[[str], bool]) -> Iterator[str]:
    """Import what the places not built yet need, one module (or the Thai word list) a step."""
    modules = [PLACE_MODULES[k] for k in keys if k in PLACE_MODULES and not is_built(k)]
    if not modules:
        return
    for name in SHARED_FIRST:
        _load(name)
        yield name
    _thai_wrapping()
    yield "thai"
    for name in (*SHARED_AFTER, *modules):
        _load(name)
        yield name


def _load(name: str) -> None:
    """Import ``name``; one a build left out (it is only warmed) never stops the rest."""
    with contextlib.suppress(ImportError):
        importlib.import_module(name)


def warm_places(window: Any) -> QtCore.QTimer:
    """Start loading every place's modules in idle time (see the module docstring)."""
    places = window.places
    return run_in_idle(window, place_steps(places.place_keys(), places.is_built),
                       PLACES_AFTER_MS)
