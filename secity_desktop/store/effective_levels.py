"""The levels a score is computed from: the assessor's responses with a reviewer's standing
overrides on top (the rule itself is ``core.lifecycle.effective_levels``).

Kept apart from ``store/review.py`` (the review rows: decisions, comments, overrides, model
towns) because every score needs these two reads — one ``secity assessment set`` prints
its new total — and nothing else of the review store; ``store/review.py`` re-exports both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secity_desktop.core import lifecycle
from secity_desktop.store import assessments as repo

if TYPE_CHECKING:
    import sqlite_utils


def override_levels(db: sqlite_utils.Database, assessment_id: str) -> dict[str, int]:
    """Indicator → reviewer level, for indicators with a standing (not withdrawn) override."""
    rows = db.execute(
        "SELECT indicator_code, level FROM review_overrides WHERE assessment_id = ?"
        " AND current = 1 AND level IS NOT NULL",
        [assessment_id],
    ).fetchall()
    return {r[0]: int(r[1]) for r in rows}


def effective_levels(db: sqlite_utils.Database, assessment_id: str) -> dict[str, int | None]:
    """What scoring uses: the assessor's levels with the reviewer's standing overrides,
    combined by the one rule in ``core.lifecycle.effective_levels``."""
    return lifecycle.effective_levels(
        {c: r.level for c, r in repo.responses(db, assessment_id).items()},
        override_levels(db, assessment_id),
    )
