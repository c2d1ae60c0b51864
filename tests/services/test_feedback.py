"""Reviewers' feedback collected along the supersedes chain, for the assessor's editor."""

from __future__ import annotations

from pathlib import Path

from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.review.feedback import feedback_for
from secity_desktop.services.review.workflow import ReviewService
from tests.bundle import flow
from tests.bundle.office_flow import offices


def test_feedback_follows_the_chain_through_two_returns(tmp_path: Path) -> None:
    o = offices(tmp_path)
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    first = o.first_indicator(aid).code
    assert ImportService(o.a).import_files([o.return_bundle(aid, "แก้ตัวชี้วัดแรก")]).ok
    draft = o.a.db.execute("SELECT id FROM assessments WHERE supersedes = ?", [aid]).fetchone()[0]

    fb = feedback_for(o.a, draft)
    assert [i.kind for i in fb.general()] == ["return"]
    assert fb.general()[0].body == "แก้ตัวชี้วัดแรก"
    assert [i.body for i in fb.for_indicator(first)] == ["ภาพถ่ายไม่ชัด ถ่ายใหม่"]
    assert fb.counts() == {first: 1}
    assert not feedback_for(o.p, flow.complete(o.p, muni="5002"))  # nothing said, nothing shown

    # the province returns the corrected revision again, this time overriding a level
    AssessmentService(o.a).mark_complete(draft)
    o.submit(draft, "r2.secbundle")
    rs = ReviewService(o.p)
    rs.start(draft)
    ind = o.p.frameworks.get(o.p.frameworks.current().hash).indicators[1]
    had = AssessmentService(o.p).view(draft).responses[ind.code].level
    new_level = next(lv.value for lv in ind.levels if lv.value != had)
    rs.override(draft, ind.code, new_level, "ไม่มีหลักฐานการประชุม")
    rs.return_for_revision(draft, "ยังไม่ครบ")
    from secity_desktop.services.office_bundles import OfficeBundleService

    svc = OfficeBundleService(o.p)
    back = svc.export(svc.prepare_return([draft]), tmp_path, o.key(o.p)).path
    assert ImportService(o.a).import_files([back]).ok
    third = o.a.db.execute("SELECT id FROM assessments WHERE supersedes = ?", [draft]).fetchone()[0]
    fb = feedback_for(o.a, third)
    assert [i.body for i in fb.general()] == ["ยังไม่ครบ", "แก้ตัวชี้วัดแรก"]  # newest first
    [over] = fb.for_indicator(ind.code)
    assert (over.kind, over.level, over.assessor_level) == ("override", new_level, had)
    assert over.body == "ไม่มีหลักฐานการประชุม" and over.revision == 2
    assert first in fb.counts()  # the first return's comment still shows on revision 3
    o.close()
