"""Scores derived from responses and the framework — never stored as the only truth.

A reviewer override, a framework correction or an import can change a score,
so scores are recomputed from the recorded levels every time they are shown.

Rules (written down in docs/scoring.md):
- an indicator's fraction is (level − lowest) / (highest − lowest); unanswered counts 0;
- a component's score is its weight × the weighted mean of its indicators' fractions;
- the total (0–100) is the sum of component scores, rounded to 2 decimals for display;
- the tier is the highest tier whose ``min_total`` the total reaches (None below all tiers);
- evidence is missing when an indicator that requires evidence is answered above its
  lowest level and has no evidence attached.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field

from secity_desktop.core.framework import Component, Framework, Indicator, Tier


@dataclass(frozen=True)
class IndicatorScore:
    code: str
    level: int | None
    fraction: float
    evidence_missing: bool

    @property
    def answered(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class ComponentScore:
    code: str
    weight: float
    score: float
    answered: int
    count: int

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.weight if self.weight else 0.0


@dataclass(frozen=True)
class ScoreCard:
    total: float
    tier: Tier | None
    components: tuple[ComponentScore, ...]
    indicators: tuple[IndicatorScore, ...]
    answered: int
    count: int
    evidence_missing: tuple[str, ...] = field(default=())

    @property
    def unanswered(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.indicators if not i.answered)

    @property
    def complete(self) -> bool:
        return self.answered == self.count and not self.evidence_missing

    def indicator(self, code: str) -> IndicatorScore | None:
        return next((i for i in self.indicators if i.code == code), None)


def indicator_fraction(indicator: Indicator, level: int | None) -> float:
    if level is None:
        return 0.0
    span = indicator.max_value - indicator.min_value
    return (level - indicator.min_value) / span if span else 0.0


def _component(
    comp: Component, levels: Mapping[str, int | None], with_evidence: Set[str]
) -> tuple[ComponentScore, list[IndicatorScore]]:
    scores: list[IndicatorScore] = []
    weighted = 0.0
    for ind in comp.indicators:
        level = levels.get(ind.code)
        frac = indicator_fraction(ind, level)
        missing = (
            ind.evidence_required
            and level is not None
            and level > ind.min_value
            and ind.code not in with_evidence
        )
        scores.append(IndicatorScore(ind.code, level, frac, missing))
        weighted += ind.weight * frac
    total_weight = sum(i.weight for i in comp.indicators)
    score = comp.weight * weighted / total_weight
    answered = sum(1 for s in scores if s.answered)
    return ComponentScore(comp.code, comp.weight, score, answered, len(scores)), scores


def tier_for(framework: Framework, total: float) -> Tier | None:
    # Compare rounded totals so 79.999999 from float sums does not miss an 80 cut-off.
    rounded = round(total, 6)
    return next((t for t in framework.tiers if rounded >= t.min_total), None)


def score(
    framework: Framework,
    levels: Mapping[str, int | None],
    with_evidence: Set[str] = frozenset(),
) -> ScoreCard:
    """Score one assessment: ``levels`` maps indicator code → recorded level (or None)."""
    comps: list[ComponentScore] = []
    inds: list[IndicatorScore] = []
    for comp in framework.components:
        cs, scores = _component(comp, levels, with_evidence)
        comps.append(cs)
        inds.extend(scores)
    total = sum(c.score for c in comps)
    return ScoreCard(
        total=total,
        tier=tier_for(framework, total),
        components=tuple(comps),
        indicators=tuple(inds),
        answered=sum(1 for i in inds if i.answered),
        count=len(inds),
        evidence_missing=tuple(i.code for i in inds if i.evidence_missing),
    )
