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
    claimed_card = scoring.score(framework, claimed)
    verified_card = scoring.score(framework, verified)
    indicators: list[IndicatorGap] = []
    components: list[ComponentGap] = []
    for comp, c_score, v_score in zip(
        framework.components, claimed_card.components, verified_card.components, strict=True
    ):
        rows = [
            IndicatorGap(ind.code, comp.code, claimed.get(ind.code), verified.get(ind.code))
            for ind in comp.indicators
        ]
        indicators.extend(rows)
        components.append(
            ComponentGap(comp.code, c_score.score, v_score.score, sum(r.disagrees for r in rows))
        )
    return Gap(
        indicators=tuple(indicators),
        components=tuple(components),
        claimed_total=claimed_card.total,
        verified_total=verified_card.total,
        claimed_tier=claimed_card.tier.code if claimed_card.tier else None,
        verified_tier=verified_card.tier.code if verified_card.tier else None,
    )


def rank_key(code: str, gap: Gap) -> tuple[float, int, str]:
    """Sort key: the largest gap first (|total gap|, then disagreements), then the code."""
    return (-round(abs(gap.total_gap), 6), -gap.disagreements, code)


def rank(gaps: Iterable[tuple[str, Gap]]) -> list[tuple[str, Gap]]:
    """Municipalities by the size of the gap between their claim and the verified result."""
    return sorted(gaps, key=lambda item: rank_key(*item))
