"""An office never edits what an assessor sent it; it changes levels only by review overrides."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from secity_desktop.core.errors import ConflictError
from secity_desktop.core.evidence_meta import FileMeta
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from tests.bundle import flow


@dataclass
class Received:
    assessor: Workspace
    office: Workspace
    aid: str


@pytest.fixture
def returned(tmp_path: Path) -> Iterator[Received]:
    """A bundle imported into a province office, reviewed and returned to the assessor."""
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    aid = flow.complete(a, evidence_every=6)
    flow.finalize(a, aid)
    ImportService(p).import_files([flow.export(a, [aid], tmp_path / "r.secbundle")])
    rs = ReviewService(p)
    rs.start(aid)
    rs.return_for_revision(aid, "แนบภาพถ่ายเพิ่ม")
    assert repo.get(p.db, aid).status == Status.RETURNED  # an editable status
    yield Received(a, p, aid)
    a.close()
    p.close()


def test_office_cannot_edit_a_returned_received_assessment(
    returned: Received, tmp_path: Path
) -> None:
    p, aid = returned.office, returned.aid
    svc = AssessmentService(p)
    assert svc.received_from(aid) == "สมชาย ใจดี (สสภ.1)"
    assert not svc.can_edit(aid)
    refusal = svc.edit_refusal(aid)
    assert refusal == (
        f"assessment {aid} was received from สมชาย ใจดี (สสภ.1); the office changes levels only"
        f" by a review override (`secity review override {aid} INDICATOR LEVEL --reason TEXT`)"
    )
    before = flow.snapshot(p)
    ev = svc.evidence(aid)[0]
    photo = tmp_path / "new.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 100)
    attempts = [
        lambda: svc.set_response(aid, "1.1", 0),
        lambda: svc.set_note(aid, "1.1", "แก้โดยจังหวัด"),
        lambda: svc.attach(aid, "1.1", photo),
        lambda: svc.attach_stored(aid, "1.1", ev.sha256, ev.size, "copy.jpg", _meta()),
        lambda: svc.remove_evidence(ev.id),
        lambda: svc.mark_complete(aid),
        lambda: RevisionService(p).revise(aid),
    ]
    for attempt in attempts:
        with pytest.raises(ConflictError) as exc:
            attempt()
        assert str(exc.value) == refusal
    assert flow.snapshot(p) == before
    assert repo.get(p.db, aid).status == Status.RETURNED


def test_guard_holds_for_every_status_and_office_role(returned: Received) -> None:
    p, aid = returned.office, returned.aid
    svc = AssessmentService(p)
    for role in (Role.REGION, Role.NATIONAL):
        p.set_setting("role", role.value)
        assert "was received from" in (svc.edit_refusal(aid) or "")
    p.set_setting("role", Role.PROVINCE.value)
    repo.set_status(p.db, aid, Status.UNDER_REVIEW.value, now_iso(), "t")
    assert "review override" in (svc.edit_refusal(aid) or "")  # the more useful reason


def test_local_revision_of_a_received_assessment_is_not_a_way_round(returned: Received) -> None:
    """A row that supersedes a received one (e.g. made before the guard) is refused too."""
    p, aid = returned.office, returned.aid
    old = repo.get(p.db, aid)
    copy = repo.Assessment(
        id="local-copy",
        municipality_code=old.municipality_code,
        year=old.year,
        framework_hash=old.framework_hash,
        status=Status.DRAFT.value,
        revision=old.revision + 1,
        supersedes=aid,
        created_at=now_iso(),
        created_by="t",
        updated_at=now_iso(),
        updated_by="t",
    )
    repo.insert(p.db, copy)
    svc = AssessmentService(p)
    assert svc.received_from("local-copy") == "สมชาย ใจดี (สสภ.1)"
    with pytest.raises(ConflictError, match="was received from"):
        svc.set_response("local-copy", "1.1", 0)


def test_office_made_and_assessor_assessments_stay_editable(returned: Received) -> None:
    p, a, aid = returned.office, returned.assessor, returned.aid
    local = AssessmentService(p).new("5002", 2569)  # demo / training in the office
    assert AssessmentService(p).received_from(local.id) is None
    assert AssessmentService(p).can_edit(local.id)
    AssessmentService(p).set_response(local.id, "1.1", 1)
    assert repo.response(p.db, local.id, "1.1").level == 1  # type: ignore[union-attr]
    # the assessor's own workspace: a returned assessment is theirs to fix
    mine = AssessmentService(a)
    repo.set_status(a.db, aid, Status.RETURNED.value, now_iso(), "t")
    assert mine.received_from(aid) is None and mine.can_edit(aid)
    new = RevisionService(a).revise(aid)
    mine.set_response(new.id, "1.1", 0)
    # a non-editable status keeps its own reason
    repo.set_status(p.db, local.id, Status.APPROVED.value, now_iso(), "t")
    assert AssessmentService(p).edit_refusal(local.id) == (
        f"assessment {local.id} is approved and cannot be edited"
    )


def _meta() -> FileMeta:
    return FileMeta(mime="image/jpeg")
