"""One review timeline feeds `review show`, the report's review section and the feedback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.services.review.feedback import feedback_for
from secity_desktop.services.review.sources import report_entries
from secity_desktop.services.review.timeline import timeline
from secity_desktop.services.review.workflow import ReviewService, on_new_revision
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from tests.services.review_helpers import province_ws, received


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def _two_revisions(ws: Workspace) -> tuple[str, str]:
    """Revision 1 reviewed (comment, an override withdrawn, one standing) and returned;
    revision 2 stored by the importer and commented on."""
    rs = ReviewService(ws)
    old = received(ws, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs.start(old)
    rs.comment(old, "ภาพไม่ชัด", "1.1")
    rs.override(old, "1.2", 1, "ไม่มีหลักฐาน")
    rs.override(old, "1.2", None, "พบหลักฐานแล้ว")  # withdrawn
    rs.override(old, "2.1", 2, "นับได้สองด้าน")  # stands
    rs.return_for_revision(old, "แก้ไขแล้วส่งใหม่")
    a = repo.get(ws.db, old)
    new = repo.Assessment(**{**a.__dict__, "id": "rev-2", "revision": 2, "supersedes": old,
                             "status": "received"})
    with ws.db.atomic():
        repo.insert(ws.db, new)
    on_new_revision(ws, "rev-2")
    rs.start("rev-2")
    rs.comment("rev-2", "ดีขึ้นมาก")
    return old, "rev-2"


def test_entries_are_typed_and_tagged_with_their_revision(prov: Workspace) -> None:
    old, new = _two_revisions(prov)
    tl = timeline(prov, new)
    assert [a.id for a in tl.chain] == [new, old]
    assert {(e.assessment_id, e.revision) for e in tl} == {(new, 2), (old, 1)}
    assert [(e.kind, e.row.action) for e in tl.of(new, "decision")] == [  # type: ignore[union-attr]
        ("decision", "start"),
    ]
    assert [d.action for d in tl.decisions(old)] == ["start", "return"]
    assert [(o.level, o.current) for o in tl.overrides(old)] == [(1, False), (None, True), (2, True)]
    assert [o.level for o in tl.overrides(old, standing_only=True)] == [2]
    assert [e.indicator_code for e in tl.of(old, "comment")] == ["1.1"]
    assert len(tl) == len(tl.entries) == 1 + 1 + 2 + 1 + 3
    only = timeline(prov, new, whole_chain=False)
    assert [a.id for a in only.chain] == [new] and {e.assessment_id for e in only} == {new}
    assert timeline(prov, "no-such-id").entries == ()


def test_the_three_views_agree_with_the_timeline(prov: Workspace) -> None:
    old, new = _two_revisions(prov)
    tl = timeline(prov, new)

    shown = ReviewService(prov).show(new)
    assert shown["decisions"] == [d.as_json() for d in tl.decisions(new)]
    [earlier] = shown["earlier_revisions"]
    assert earlier == tl.record(repo.get(prov.db, old))
    assert [o["level"] for o in earlier["overrides"]] == [1, None, 2]  # the full history

    report = report_entries(prov, old)  # the report of revision 1: its own rows only
    assert [e.kind for e in report] == ["decision", "comment", "override", "decision"]
    assert [e.new_level for e in report if e.kind == "override"] == [2]  # standing only

    fb = feedback_for(prov, new)
    assert [i.kind for i in fb.items] == ["comment", "return", "override", "comment"]
    assert [i.body for i in fb.general()] == ["ดีขึ้นมาก", "แก้ไขแล้วส่งใหม่"]
    assert [i.level for i in fb.for_indicator("2.1")] == [2]
    assert fb.counts() == {"1.1": 1, "2.1": 1}
