"""The scoring rules reduced to one linear term per indicator, for summing in SQL.

``core.scoring`` is linear in the recorded levels: an indicator adds
``comp.weight × ind.weight / Σ weights × (level − lowest) / span`` to its component, and an
unanswered one adds 0. So each framework reduces to one coefficient and offset per
indicator; the store sums them per assessment and component (``store.scores``) and keeps the
results (``store.stored_scores``). A property test checks the terms against
``core.scoring.score``: there is one scorer, written twice (per row, and as terms).
"""

from __future__ import annotations

from dataclasses import dataclass

from secity_desktop.core.framework import Framework

#: The version of the scoring rules a stored score was computed under. Raise it whenever
#: ``core.scoring`` changes what a total means: every stored row of an older version is then
#: treated as missing, recomputed and repaired (docs/lists.md, "Stored scores").
RULES_VERSION = 1


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
