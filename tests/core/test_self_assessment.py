"""The gap between a municipality's claim and the verified levels (hand-computed on the mini framework)."""

from __future__ import annotations

import pytest

from secity_desktop.core import self_assessment as sa


def test_gap_per_indicator_component_and_total(mini_framework) -> None:
    gap = sa.compare(
        mini_framework, {"1.1": 2, "1.2": 5, "2.1": 4}, {"1.1": 1, "1.2": 5, "2.1": 2}
    )
    assert [(i.code, i.claimed, i.verified, i.difference) for i in gap.indicators] == [
        ("1.1", 2, 1, 1), ("1.2", 5, 5, 0), ("2.1", 4, 2, 2),
    ]
    assert gap.disagreements == 2 and gap.over_claimed == 2 and gap.under_claimed == 0
    # claimed: everything at the top = 100; verified: 40·(0.5 + 3·1)/4 + 60·0.5 = 35 + 30
    assert gap.claimed_total == pytest.approx(100)
    assert gap.verified_total == pytest.approx(65)
    assert gap.total_gap == pytest.approx(35)
    c1, c2 = gap.components
    assert (c1.code, c1.gap, c1.disagreements) == ("1", pytest.approx(5), 1)
    assert (c2.code, c2.gap, c2.disagreements) == ("2", pytest.approx(30), 1)
    assert gap.claimed_tier == "excellent" and gap.verified_tier == "good"
    j = gap.as_json()
    assert j["total_gap"] == 35 and j["disagreements"] == 2
    assert j["indicators"][2] == {"indicator": "2.1", "component": "2", "claimed": 4,
                                  "verified": 2, "difference": 2, "disagrees": True}


def test_one_sided_answers_are_unmatched_not_disagreements(mini_framework) -> None:
    gap = sa.compare(mini_framework, {"1.1": 0}, {"2.1": 3})
    assert gap.disagreements == 0
    assert gap.indicator("1.1").difference is None
    assert gap.indicator("2.1").claimed is None and not gap.indicator("2.1").disagrees


def test_under_claim_is_negative(mini_framework) -> None:
    gap = sa.compare(mini_framework, {"2.1": 1}, {"2.1": 4})
    assert gap.indicator("2.1").difference == -3 and gap.under_claimed == 1
    assert gap.total_gap < 0


def test_rank_by_size_of_gap_then_disagreements_then_code(mini_framework) -> None:
    small = sa.compare(mini_framework, {"2.1": 3}, {"2.1": 2})  # +15
    large_under = sa.compare(mini_framework, {"2.1": 0}, {"2.1": 4})  # −60
    none = sa.compare(mini_framework, {"1.1": 1}, {"1.1": 1})
    tie = sa.compare(mini_framework, {"2.1": 3, "1.2": 5}, {"2.1": 2, "1.2": 5})  # +15, 1 dis.
    ranked = [c for c, _ in sa.rank([("9001", none), ("9002", small), ("9003", large_under),
                                     ("9000", tie)])]
    assert ranked == ["9003", "9000", "9002", "9001"]


def test_scores_equal_core_scoring_on_the_shipped_framework(shipped_framework) -> None:
    import random

    from secity_desktop.core import scoring

    rng = random.Random(15)
    for _ in range(50):
        levels = [
            {i.code: rng.choice([None, *(lv.value for lv in i.levels)])
             for i in shipped_framework.indicators}
            for _side in range(2)
        ]
        gap = sa.compare(shipped_framework, *levels)
        for side, total, comps, tier in (
            (levels[0], gap.claimed_total, [c.claimed_score for c in gap.components],
             gap.claimed_tier),
            (levels[1], gap.verified_total, [c.verified_score for c in gap.components],
             gap.verified_tier),
        ):
            card = scoring.score(shipped_framework, side)
            assert total == pytest.approx(card.total)
            assert comps == pytest.approx([c.score for c in card.components])
            assert tier == (card.tier.code if card.tier else None)
