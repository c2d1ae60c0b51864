"""Scoring against hand-computed cases on the tiny framework (tests/data/mini_framework.toml).

Component 1 (weight 40): 1.1 weight 1, levels 0–2; 1.2 weight 3, levels 1–5, no evidence needed.
Component 2 (weight 60): 2.1 weight 1, levels 0–4.
"""

from __future__ import annotations

import pytest

from secity_desktop.core import scoring
from secity_desktop.core.framework import Framework


def test_mixed_levels_reach_top_tier(mini_framework: Framework) -> None:
    # C1 = 40 × (1×0.5 + 3×0.5)/4 = 20; C2 = 60 × 1.0 = 60; total 80 → excellent (cut-off 80)
    card = scoring.score(mini_framework, {"1.1": 1, "1.2": 3, "2.1": 4}, {"1.1", "2.1"})
    assert [round(c.score, 6) for c in card.components] == [20.0, 60.0]
    assert card.total == pytest.approx(80.0)
    assert card.tier is not None and card.tier.code == "excellent"
    assert card.complete


def test_unanswered_counts_zero_and_is_reported(mini_framework: Framework) -> None:
    # 1.1 unanswered: C1 = 40 × (0 + 3×1.0)/4 = 30; C2 = 60 × 0.5 = 30; total 60 → good
    card = scoring.score(mini_framework, {"1.2": 5, "2.1": 2}, {"2.1"})
    assert card.total == pytest.approx(60.0)
    assert card.tier is not None and card.tier.code == "good"
    assert card.answered == 2 and card.count == 3
    assert card.unanswered == ("1.1",)
    assert not card.complete


def test_below_every_tier(mini_framework: Framework) -> None:
    # C1 = 40 × (1×1.0 + 3×0)/4 = 10; C2 = 60 × 0.75 = 45; total 55 → no tier
    card = scoring.score(mini_framework, {"1.1": 2, "1.2": 1, "2.1": 3}, {"1.1", "2.1"})
    assert card.total == pytest.approx(55.0)
    assert card.tier is None


def test_lowest_levels_score_zero_and_none_answered_scores_zero(mini_framework: Framework) -> None:
    assert scoring.score(mini_framework, {"1.1": 0, "1.2": 1, "2.1": 0}).total == 0
    empty = scoring.score(mini_framework, {})
    assert empty.total == 0 and empty.answered == 0 and empty.tier is None


def test_evidence_missing_only_above_lowest_level_and_when_required(
    mini_framework: Framework,
) -> None:
    card = scoring.score(mini_framework, {"1.1": 1, "1.2": 5, "2.1": 0}, set())
    # 1.1 needs evidence at level 1; 1.2 does not require evidence; 2.1 is at its lowest level.
    assert card.evidence_missing == ("1.1",)
    assert not card.complete


def test_component_percent(mini_framework: Framework) -> None:
    card = scoring.score(mini_framework, {"1.1": 2, "1.2": 5, "2.1": 2})
    assert [round(c.percent, 6) for c in card.components] == [100.0, 50.0]


def test_shipped_framework_extremes(shipped_framework: Framework) -> None:
    top = {i.code: i.max_value for i in shipped_framework.indicators}
    low = {i.code: i.min_value for i in shipped_framework.indicators}
    every = {i.code for i in shipped_framework.indicators}
    best = scoring.score(shipped_framework, top, every)
    assert best.total == pytest.approx(100.0)
    assert best.tier == shipped_framework.tiers[0]
    assert scoring.score(shipped_framework, low).total == 0
