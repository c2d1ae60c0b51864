"""Review rules: legal steps, refusals that change nothing, overrides with reasons, audit, scores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.core.errors import NotFoundError, ValidationError
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review.workflow import ReviewRefused, ReviewService, on_new_revision
from secity_desktop.services.workspace import Workspace, init_workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from tests.services.review_helpers import province_ws, received

TABLES = (
    "assessments",
    "responses",
    "review_decisions",
    "review_comments",
    "review_overrides",
    "audit",
)


def _counts(ws: Workspace) -> tuple[int, ...]:
    return tuple(ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def test_start_approve_and_audit(prov: Workspace) -> None:
    rs = ReviewService(prov)
    aid = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs.start(aid)
    assert repo.get(prov.db, aid).status == Status.UNDER_REVIEW
    rs.approve(aid, "ครบถ้วน")
    assert repo.get(prov.db, aid).status == Status.APPROVED
    shown = rs.show(aid)
    assert [d["action"] for d in shown["decisions"]] == ["start", "approve"]
    assert shown["decisions"][1]["comment"] == "ครบถ้วน"
    assert shown["decisions"][1]["author"] == "reviewer"
    events = [e for e in audit.events(prov.db, aid) if e.action.startswith("review.")]
    assert [(e.action, e.old, e.new) for e in events] == [
        ("review.start", "received", "under_review"),
        ("review.approve", "under_review", "approved"),
    ]
    assert audit.verify_chain(prov.db) is None


def test_return_needs_comment_and_is_kept_as_data(prov: Workspace) -> None:
    rs = ReviewService(prov)
    aid = received(prov, "5002", 2569, {"1.1": 1})
    rs.start(aid)
    before = _counts(prov)
    with pytest.raises(ValidationError, match="needs a comment"):
        rs.return_for_revision(aid, "   ")
    assert _counts(prov) == before
    d = rs.return_for_revision(aid, "แนบภาพถ่ายตัวชี้วัด 2.1")
    record = rs.review_record(aid)
    assert record["status"] == "returned"
    assert record["decisions"][-1] == d.as_json()
    assert set(record["decisions"][-1]) >= {"id", "at", "author", "comment", "revision"}


@pytest.mark.parametrize(
    ("status", "step", "needle"),
    [
        (Status.DRAFT, "start", "still a draft"),
        (Status.RECEIVED, "approve", "start the review first"),
        (Status.RECEIVED, "return", "start the review first"),
        (Status.UNDER_REVIEW, "start", "already under review"),
        (Status.APPROVED, "start", "already approved"),
        (Status.APPROVED, "approve", "already approved"),
        (Status.RETURNED, "start", "returned to the assessor"),
        (Status.RECEIVED, "comment", "start the review first"),
        (Status.APPROVED, "override", "already approved"),
    ],
)
def test_illegal_steps_are_refused_and_change_nothing(
    prov: Workspace, status: Status, step: str, needle: str
) -> None:
    rs = ReviewService(prov)
    aid = received(prov, "5001", 2569, {"1.1": 1})
    with prov.db.atomic():
        repo.set_status(prov.db, aid, status.value, now_iso(), "x")
    before = _counts(prov)
    calls = {
        "start": lambda: rs.start(aid),
        "approve": lambda: rs.approve(aid),
        "return": lambda: rs.return_for_revision(aid, "fix it"),
        "comment": lambda: rs.comment(aid, "hello"),
        "override": lambda: rs.override(aid, "1.1", 2, "because"),
    }
    with pytest.raises(ReviewRefused, match=needle):
        calls[step]()
    assert _counts(prov) == before
    assert repo.get(prov.db, aid).status == status


def test_assessor_and_other_province_cannot_review(prov: Workspace) -> None:
    rs = ReviewService(prov)
    other = received(prov, "1201", 2569, {"1.1": 1})  # Nonthaburi, not Chiang Mai
    with pytest.raises(ReviewRefused, match="reviews province 50"):
        rs.start(other)
    init_workspace(prov, role=Role.ASSESSOR, province_code=None)
    mine = received(prov, "5001", 2569, {"1.1": 1})
    with pytest.raises(ReviewRefused, match="assessor's workspace"):
        rs.start(mine)


def test_local_complete_assessment_can_be_reviewed(prov: Workspace, tmp_path: Path) -> None:
    svc, rs = AssessmentService(prov), ReviewService(prov)
    a = svc.new("5003", 2569)
    photo = tmp_path / "p.png"
    photo.write_bytes(b"\x89PNG demo")
    for code, level in (("1.1", 2), ("1.2", 5), ("2.1", 4)):
        svc.set_response(a.id, code, level)
        svc.attach(a.id, code, photo)
    svc.mark_complete(a.id)
    rs.start(a.id)
    assert repo.get(prov.db, a.id).status == Status.UNDER_REVIEW


def test_override_keeps_both_levels_recomputes_and_audits(prov: Workspace) -> None:
    rs, svc = ReviewService(prov), AssessmentService(prov)
    aid = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs.start(aid)
    assert svc.scorecard(aid).total == pytest.approx(100.0)
    before = _counts(prov)
    with pytest.raises(ValidationError, match="needs a written reason"):
        rs.override(aid, "2.1", 2, "  ")
    with pytest.raises(ValidationError, match=r"not on indicator 2.1's scale \(0, 1, 2, 3, 4\)"):
        rs.override(aid, "2.1", 9, "typo")
    with pytest.raises(NotFoundError, match=r"no indicator '7\.7'"):
        rs.override(aid, "7.7", 1, "x")
    assert _counts(prov) == before

    rs.override(aid, "2.1", 2, "ไม่มีหลักฐานการคัดแยกขยะครบทุกชุมชน")
    # Component 2 (weight 60) drops from 60 to 30; the assessor's level is kept.
    assert svc.scorecard(aid).total == pytest.approx(70.0)
    assert svc.view(aid).responses["2.1"].level == 4
    raw, eff = rs.scorecards(aid)
    assert (raw.total, eff.total) == (pytest.approx(100.0), pytest.approx(70.0))
    ev = [e for e in audit.events(prov.db, aid) if e.action == "review.override"][-1]
    assert ev.actor == "reviewer" and ev.target == "2.1"
    assert ev.old == {"level": 4, "assessor_level": 4}
    assert ev.new["level"] == 2
    assert ev.reason == "ไม่มีหลักฐานการคัดแยกขยะครบทุกชุมชน"

    assert rs.override(aid, "2.1", 2, "again") is None  # unchanged: nothing written
    rs.override(aid, "2.1", 3, "พบหลักฐานเพิ่มเติม")
    assert svc.scorecard(aid).total == pytest.approx(85.0)
    rs.override(aid, "2.1", None, "ถอนการแก้ไข")
    assert svc.scorecard(aid).total == pytest.approx(100.0)
    history = rs.show(aid)["overrides"]
    assert [(o["level"], o["current"]) for o in history] == [(2, False), (3, False), (None, True)]
    with pytest.raises(ValidationError, match="no reviewer override to withdraw"):
        rs.override(aid, "1.1", None, "nothing there")


def test_comments_per_indicator_and_assessment(prov: Workspace) -> None:
    rs = ReviewService(prov)
    aid = received(prov, "5001", 2569, {"1.1": 2})
    rs.start(aid)
    rs.comment(aid, "ภาพรวมดี")
    rs.comment(aid, "ขอแผนที่ฉบับปรับปรุง", indicator="1.1")
    with pytest.raises(ValidationError, match="cannot be empty"):
        rs.comment(aid, "")
    shown = rs.show(aid)
    assert [(c["indicator_code"], c["body"]) for c in shown["comments"]] == [
        (None, "ภาพรวมดี"),
        ("1.1", "ขอแผนที่ฉบับปรับปรุง"),
    ]
    assert {i.code: i.comments for i in rs.indicators(aid)}["1.1"] == 1


def test_new_revision_after_approval_reopens_review(prov: Workspace) -> None:
    rs = ReviewService(prov)
    old = received(prov, "5001", 2569, {"1.1": 2})
    rs.start(old)
    rs.approve(old)
    # The importer stores revision 2 as a new row that supersedes the approved one.
    a = repo.get(prov.db, old)
    new = repo.Assessment(
        **{
            **a.__dict__,
            "id": "rev-2",
            "revision": 2,
            "supersedes": old,
            "status": "received",
            "framework_hash": a.framework_hash,
        }
    )
    with prov.db.atomic():
        repo.insert(prov.db, new)
    assert on_new_revision(prov, "rev-2") == "under_review"
    assert on_new_revision(prov, "rev-2") == "under_review"  # idempotent
    shown = rs.show("rev-2")
    assert [d["action"] for d in shown["decisions"]] == ["reopen"]
    assert "after approval" in shown["decisions"][0]["comment"]
    assert [d["action"] for d in shown["earlier_revisions"][0]["decisions"]] == ["start", "approve"]
    assert audit.events(prov.db, "rev-2")[-1].action == "review.reopen"


def test_new_revision_in_place_retires_stale_overrides(prov: Workspace) -> None:
    rs, svc = ReviewService(prov), AssessmentService(prov)
    aid = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs.start(aid)
    rs.override(aid, "2.1", 0, "no evidence")
    rs.return_for_revision(aid, "แก้ไขตัวชี้วัด 2.1")
    with prov.db.atomic():  # the importer updates the row in place to revision 2
        prov.db.execute(
            "UPDATE assessments SET revision = 2, status = 'received' WHERE id = ?", [aid]
        )
    assert on_new_revision(prov, aid) == "received"
    assert svc.scorecard(aid).total == pytest.approx(100.0)
    assert rs.show(aid)["decisions"][-1]["action"] == "resubmit"


def test_province_demo_has_something_to_review(prov: Workspace) -> None:
    from secity_desktop.services.review.demo import seed_review

    assert seed_review(prov) == 7  # 4 towns last year, 3 this year
    statuses = {r[0] for r in prov.db.execute("SELECT status FROM assessments")}
    assert statuses == {"received", "approved", "under_review", "returned"}
    assert seed_review(prov) == 0  # idempotent
