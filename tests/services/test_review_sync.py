"""Review over real bundles: import, review, a new revision after approval reopens review."""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core.lifecycle import Status
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.dashboard import DashboardService
from secity_desktop.services.review.workflow import ReviewService, on_new_revision
from secity_desktop.services.revisions import RevisionService
from secity_desktop.store import assessments as repo
from tests.bundle import flow


def test_revision_imported_after_approval_goes_back_under_review(tmp_path: Path) -> None:
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    aid = flow.complete(a, evidence_every=6)
    flow.finalize(a, aid)
    ImportService(p).import_files([flow.export(a, [aid], tmp_path / "r1.secbundle")])
    assert repo.get(p.db, aid).status == Status.RECEIVED

    rs = ReviewService(p)
    rs.start(aid)
    ind = p.frameworks.get(repo.get(p.db, aid).framework_hash).indicators[0]
    rs.override(aid, ind.code, ind.levels[0].value, "หลักฐานไม่ตรงกับระดับที่ให้")
    rs.approve(aid)
    approved_total = AssessmentService(p).scorecard(aid).total

    new = RevisionService(a).revise(aid)
    AssessmentService(a).set_response(new.id, ind.code, ind.levels[1].value, "แก้ไขตามความเห็น")
    AssessmentService(a).mark_complete(new.id)
    flow.finalize(a, new.id)
    ImportService(p).import_files([flow.export(a, [new.id], tmp_path / "r2.secbundle")])

    assert on_new_revision(p, new.id) == Status.UNDER_REVIEW
    shown = rs.show(new.id)
    assert shown["decisions"][0]["action"] == "reopen"
    assert [d["action"] for d in shown["earlier_revisions"][0]["decisions"]] == ["start", "approve"]
    assert shown["overrides"] == []  # the override stays with the revision it judged
    row = next(
        r for r in DashboardService(p).refresh(year=2569).rows if r.municipality_code == "5001"
    )
    assert (row.assessment_id, row.status, row.revision) == (new.id, "under_review", 2)
    assert row.total != approved_total
    a.close()
    p.close()
