"""A municipality's own claim beside the verified result: the gap, per indicator and component.

The municipality assesses itself (a self-assessment report, SAR) against the
same framework the assessors use; the verified level is the assessor's level
or a standing reviewer override (``lifecycle.effective_levels``). This module
compares the two as plain values — nothing here reads a table — so the
editor, the province review, the PDF, the dashboard and the CLI all show the
same numbers (docs/self-assessment.md).

Rules:

* an indicator **disagrees** when both sides gave a level and they differ; an
  indicator only one side answered is *unmatched*, not a disagreement;
* ``difference`` = claimed − verified (positive: the municipality claimed more);
* a component's and the total's gap are claimed score − verified score, both
  scored by ``core.scoring`` from the levels each side gave;
* municipalities rank by the size of the gap: |total gap| first, then the
  number of disagreements, then the code (stable).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from secity_desktop.core import scoring
from secity_desktop.core.framework import Framework


@dataclass(frozen=True)
class IndicatorGap:
    code: str
    component: str
    claimed: int | None
    verified: int | None

    @property
    def difference(self) -> int | None:
        if self.claimed is None or self.verified is None:
            return None
        return self.claimed - self.verified

    @property
    def disagrees(self) -> bool:
        return self.difference not in (None, 0)

    def as_json(self) -> dict[str, object]:
        return {
            "indicator": self.code,
            "component": self.component,
            "claimed": self.claimed,
            "verified": self.verified,
            "difference": self.difference,
            "disagrees": self.disagrees,
        }


@dataclass(frozen=True)
class ComponentGap:
    code: str
    claimed_score: float
    verified_score: float
    disagreements: int

    @property
    def gap(self) -> float:
        return self.claimed_score - self.verified_score

    def as_json(self) -> dict[str, object]:
        return {
            "component": self.code,
            "claimed_score": round(self.claimed_score, 2),
            "verified_score": round(self.verified_score, 2),
            "gap": round(self.gap, 2),
            "disagreements": self.disagreements,
        }


@dataclass(frozen=True)
class Gap:
    """Claimed against verified for one municipality and year."""

    indicators: tuple[IndicatorGap, ...]
    components: tuple[ComponentGap, ...]
    claimed_total: float
    verified_total: float
    claimed_tier: str | None
    verified_tier: str | None

    @property
    def total_gap(self) -> float:
        return self.claimed_total - self.verified_total

    @property
    def disagreements(self) -> int:
        return sum(1 for i in self.indicators if i.disagrees)

    @property
    def over_claimed(self) -> int:
        return sum(1 for i in self.indicators if (i.difference or 0) > 0)

    @property
    def under_claimed(self) -> int:
        return sum(1 for i in self.indicators if (i.difference or 0) < 0)

    def indicator(self, code: str) -> IndicatorGap | None:
        return next((i for i in self.indicators if i.code == code), None)

    def as_json(self) -> dict[str, object]:
        return {
            "claimed_total": round(self.claimed_total, 2),
            "verified_total": round(self.verified_total, 2),
            "total_gap": round(self.total_gap, 2),
            "claimed_tier": self.claimed_tier,
            "verified_tier": self.verified_tier,
            "disagreements": self.disagreements,
            "over_claimed": self.over_claimed,
            "under_claimed": self.under_claimed,
            "components": [c.as_json() for c in self.components],
            "indicators": [i.as_json() for i in self.indicators],
        }


def compare(
    framework: Framework,
    claimed: Mapping[str, int | None],
    verified: Mapping[str, int | None],
) -> Gap:
    """The gap between a self-assessment's levels and the verified levels of one framework.

    Levels for codes the framework does not hold are ignored (an import checks codes
    before it stores them; this keeps the comparison total).
    """
    indicators: list[IndicatorGap] = []
    components: list[ComponentGap] = []
    for comp, terms in zip(framework.components, _terms(framework), strict=True):
        rows = [
            IndicatorGap(code, comp.code, claimed.get(code), verified.get(code))
            for code, _coef, _low in terms
        ]
        indicators.extend(rows)
        components.append(ComponentGap(
            comp.code, _component_score(terms, claimed), _component_score(terms, verified),
            sum(1 for r in rows if r.disagrees),
        ))
    claimed_total = sum(c.claimed_score for c in components)
    verified_total = sum(c.verified_score for c in components)
    claimed_tier = scoring.tier_for(framework, claimed_total)
    verified_tier = scoring.tier_for(framework, verified_total)
    return Gap(
        indicators=tuple(indicators),
        components=tuple(components),
        claimed_total=claimed_total,
        verified_total=verified_total,
        claimed_tier=claimed_tier.code if claimed_tier else None,
        verified_tier=verified_tier.code if verified_tier else None,
    )


Terms = tuple[tuple[str, float, int], ...]
_TERMS: dict[str, tuple[Terms, ...]] = {}


def _terms(framework: Framework) -> tuple[Terms, ...]:
    """Per component: (indicator, coefficient, lowest level), so a score is one linear sum —
    ``core.scoring``'s rule, as ``services.bulk_scores`` writes it (a test holds them equal)."""
    found = _TERMS.get(framework.hash)
    if found is None:
        found = tuple(
            tuple(
                (ind.code,
                 comp.weight * ind.weight / (sum(i.weight for i in comp.indicators)
                                             * (ind.max_value - ind.min_value))
                 if ind.max_value != ind.min_value else 0.0,
                 ind.min_value)
                for ind in comp.indicators
            )
            for comp in framework.components
        )
        _TERMS[framework.hash] = found
    return found


def _component_score(terms: Terms, levels: Mapping[str, int | None]) -> float:
    total = 0.0
    for code, coef, low in terms:
        level = levels.get(code)
        if level is not None:
            total += coef * (level - low)
    return total


def rank_key(code: str, gap: Gap) -> tuple[float, int, str]:
    """Sort key: the largest gap first (|total gap|, then disagreements), then the code."""
    return (-round(abs(gap.total_gap), 6), -gap.disagreements, code)


def rank(gaps: Iterable[tuple[str, Gap]]) -> list[tuple[str, Gap]]:
    """Municipalities by the size of the gap between their claim and the verified result."""
    return sorted(gaps, key=lambda item: rank_key(*item))
