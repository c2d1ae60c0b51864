"""One score per assessment: what the editor shows is what `assessment show`, the review
screen, the reports and the bulk scorer say — the effective levels (a standing reviewer
override over the assessor's level)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.core import scoring
from secity_desktop.core.lifecycle import Status
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bulk_scores import BulkScorer
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from tests.services.review_helpers import province_ws, received


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def _returned_with_override(ws: Workspace) -> str:
    """Made at the office (so still editable there), reviewed, overridden, returned."""
    aid = received(ws, "5001", 2569, {"1.1": 0, "1.2": 1, "2.1": 1})
    rs = ReviewService(ws)
    rs.start(aid)
    rs.override(aid, "2.1", 4, "หลักฐานครบทั้งสี่ด้าน")
    rs.return_for_revision(aid, "แนบภาพถ่ายเพิ่ม")
    return aid


def _bulk_total(ws: Workspace, aid: str) -> float:
    a = repo.get(ws.db, aid)
    comps = BulkScorer(ws.db, ws.frameworks).scores([(a.id, a.framework_hash, a.updated_at)])
    return sum(comps[aid].values())


def _raw_total(ws: Workspace, aid: str) -> float:
    a = repo.get(ws.db, aid)
    raw = {c: r.level for c, r in repo.responses(ws.db, aid).items()}
    return scoring.score(ws.frameworks.get(a.framework_hash), raw).total


def test_editor_score_equals_view_on_a_returned_assessment_with_override(prov: Workspace) -> None:
    svc = AssessmentService(prov)
    aid = _returned_with_override(prov)
    assert repo.get(prov.db, aid).status == Status.RETURNED
    assert svc.can_edit(aid)

    shown, live = svc.view(aid).card, svc.live_score(aid)
    assert live == shown
    assert live.total == pytest.approx(_bulk_total(prov, aid))
    assert live.total == pytest.approx(ReviewService(prov).scorecards(aid)[1].total)
    assert live.total == pytest.approx(ReportDataService(prov).assessment(aid).total)
    assert live.indicator("2.1").level == 4  # the reviewer's level, not the assessor's 1
    assert live.total != pytest.approx(_raw_total(prov, aid))  # the override counts

    svc.set_response(aid, "1.2", 5)  # one edit, as the editor makes it
    after_shown, after_live = svc.view(aid).card, svc.live_score(aid)
    assert after_live == after_shown
    assert after_live.total > live.total
    assert after_live.total == pytest.approx(_bulk_total(prov, aid))
    assert after_live.indicator("2.1").level == 4  # the override still stands

    svc.set_response(aid, "2.1", 2)  # the assessor changes the overridden indicator
    assert svc.live_score(aid) == svc.view(aid).card
    assert svc.live_score(aid).indicator("2.1").level == 4
