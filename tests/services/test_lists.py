"""Typed list reads: ids filtered and ordered in SQL, rows a page at a time, with effective scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.core.errors import NotFoundError
from secity_desktop.services import lists
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from tests.services.review_helpers import province_ws, received


def test_assessment_ids_filter_and_sort_in_sql(ws: Workspace) -> None:
    svc = AssessmentService(ws)
    cm = svc.new("5001", 2569).id  # เชียงใหม่
    sk = svc.new("9001", 2569).id  # Songkhla
    old = svc.new("5001", 2568).id
    svc.set_response(sk, "1.1", 3)
    listing = lists.AssessmentList(ws)
    assert listing.ids()[0] == sk  # newest edit first
    assert set(listing.ids(search="เชียงใหม่")) == {cm, old}
    assert listing.ids(search="songkhla") == [sk]  # case-insensitive, English names too
    assert listing.ids(search="2568") == [old]
    assert listing.ids(search="100%") == []  # LIKE wildcards are escaped
    assert listing.ids(order="year", descending=False)[0] == old
    assert listing.ids(order="answered", descending=True)[0] == sk
    assert listing.ids(order="total", descending=True)[0] == sk
    rows = listing.rows([sk, cm])
    card = svc.scorecard(sk)  # bulk scoring: the same sum, up to the float order of addition
    assert rows[sk].answered == card.answered == 1 and rows[sk].total == pytest.approx(card.total)
    assert rows[sk].count == card.count and rows[sk].tier == card.tier
    assert "Songkhla" in rows[sk].search_text


def test_review_queue_scores_with_overrides_and_history(tmp_path: Path) -> None:
    prov = province_ws(tmp_path)
    try:
        aid = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
        rs = ReviewService(prov)
        rs.start(aid)
        rs.override(aid, "2.1", 1, "เหตุผล")
        [row] = lists.ReviewQueue(prov).rows()
        assert row.id == aid and row.total == pytest.approx(AssessmentService(prov).view(aid).card.total)
        history = lists.review_history(prov, aid)
        assert [o.level for o in history.overrides] == [1] and history.decisions
        assert "50" in [p.code for p in lists.provinces(prov)]
        with pytest.raises(NotFoundError):
            lists.municipalities(prov, "99")
    finally:
        prov.close()
