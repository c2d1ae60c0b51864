"""Scoring thousands of assessments in one SQL pass, with the same result as ``core.scoring``.

``core.scoring`` is linear in the recorded levels: an indicator adds
``comp.weight × ind.weight / Σ weights × (level − lowest) / span`` to its
component, and an unanswered one adds 0. So each framework reduces to one
coefficient and one offset per indicator; SQLite sums them per assessment and
component, and the dashboard never builds 2,500 score cards row by row. A
property test checks this against ``core.scoring.score`` (tests/services/
test_bulk_scores.py). Effective levels (reviewer override over the assessor's
level) are used, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from secity_desktop.core.framework import Framework
from secity_desktop.store.frameworks import FrameworkRepo


@dataclass(frozen=True)
class Term:
    component: str
    coef: float
    low: int


def terms(fw: Framework) -> dict[str, Term]:
    out: dict[str, Term] = {}
    for comp in fw.components:
        total_weight = sum(i.weight for i in comp.indicators)
        for ind in comp.indicators:
            span = ind.max_value - ind.min_value
            coef = comp.weight * ind.weight / (total_weight * span) if span else 0.0
            out[ind.code] = Term(comp.code, coef, ind.min_value)
    return out


def component_scores(fw: Framework, levels: dict[str, int | None]) -> dict[str, float]:
    """The pure-Python form of the SQL sum, for checking it and for single rows."""
    t = terms(fw)
    out = {c.code: 0.0 for c in fw.components}
    for code, level in levels.items():
        term = t.get(code)
        if term is not None and level is not None:
            out[term.component] += term.coef * (level - term.low)
    return out


_TERMS_TABLE = """CREATE TEMP TABLE IF NOT EXISTS score_terms (
    fw TEXT NOT NULL, code TEXT NOT NULL, component TEXT NOT NULL,
    coef REAL NOT NULL, low INTEGER NOT NULL, PRIMARY KEY (fw, code))"""


class BulkScorer:
    """Keeps each framework's terms in a temp table on the connection (loaded once)."""

    def __init__(self, db: sqlite_utils.Database, frameworks: FrameworkRepo) -> None:
        self.db = db
        self.frameworks = frameworks
        self._loaded: set[str] = set()
        db.execute(_TERMS_TABLE)

    def _load(self, hashes: Iterable[str]) -> None:
        for h in set(hashes) - self._loaded:
            rows = [
                (h, code, t.component, t.coef, t.low)
                for code, t in terms(self.frameworks.get(h)).items()
            ]
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO temp.score_terms VALUES (?, ?, ?, ?, ?)", rows
            )
            self._loaded.add(h)

    def scores(
        self, picked_sql: str, args: list[object], framework_hashes: Iterable[str]
    ) -> dict[str, dict[str, float]]:
        """Component scores for the assessments ``picked_sql`` selects (columns ``id, fw``).

        Returns {assessment id: {component code: score}}; an assessment with no
        answered indicator is absent (all its components score 0).
        """
        self._load(framework_hashes)
        sql = f"""
        WITH pick AS ({picked_sql})
        SELECT p.id, t.component, SUM(t.coef * (COALESCE(o.level, r.level) - t.low))
        FROM pick p
        JOIN responses r ON r.assessment_id = p.id
        JOIN temp.score_terms t ON t.fw = p.fw AND t.code = r.indicator_code
        LEFT JOIN review_overrides o ON o.assessment_id = r.assessment_id
             AND o.indicator_code = r.indicator_code AND o.current = 1 AND o.level IS NOT NULL
        WHERE COALESCE(o.level, r.level) IS NOT NULL
        GROUP BY p.id, t.component
        UNION ALL
        SELECT p.id, t.component, SUM(t.coef * (o.level - t.low))
        FROM pick p
        JOIN review_overrides o ON o.assessment_id = p.id AND o.current = 1 AND o.level IS NOT NULL
        JOIN temp.score_terms t ON t.fw = p.fw AND t.code = o.indicator_code
        WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.assessment_id = o.assessment_id
                          AND r.indicator_code = o.indicator_code)
        GROUP BY p.id, t.component
        """
        out: dict[str, dict[str, float]] = {}
        for aid, comp, value in self.db.execute(sql, list(args)).fetchall():
            per = out.setdefault(aid, {})
            per[comp] = per.get(comp, 0.0) + float(value)
        return out
