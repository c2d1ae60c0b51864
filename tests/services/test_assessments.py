"""Editing rules: validation, one transaction per edit, audit, evidence, completeness."""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.services.assessments import AssessmentService, DuplicateAssessment
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit


def _counts(ws: Workspace) -> tuple[int, ...]:
    return tuple(
        ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("assessments", "responses", "evidence", "audit")
    )


def test_new_set_and_audit(mini_ws: Workspace) -> None:
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    svc.set_response(a.id, "1.1", 2, "มีแผนครบ")
    svc.set_response(a.id, "1.1", 1)
    r = svc.view(a.id).responses["1.1"]
    assert (r.level, r.note) == (1, "มีแผนครบ")
    events = audit.events(mini_ws.db, a.id)
    assert [e.action for e in events] == ["assessment.create", "response.set", "response.set"]
    assert events[-1].old == {"level": 2, "note": "มีแผนครบ"}
    assert events[-1].new == {"level": 1, "note": "มีแผนครบ"}
    assert events[-1].actor == "tester"
    assert audit.verify_chain(mini_ws.db) is None


def test_unchanged_edit_writes_nothing(mini_ws: Workspace) -> None:
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    svc.set_response(a.id, "2.1", 3)
    before = _counts(mini_ws)
    svc.set_response(a.id, "2.1", 3)
    assert _counts(mini_ws) == before


@pytest.mark.parametrize(
    ("call", "error", "needle"),
    [
        (lambda s, i: s.set_response(i, "9.9", 1), NotFoundError, "no indicator '9.9'"),
        (
            lambda s, i: s.set_response(i, "1.1", 7),
            ValidationError,
            "not on indicator 1.1's scale (0, 1, 2)",
        ),
        (lambda s, i: s.set_response("nope", "1.1", 1), NotFoundError, "no assessment"),
        (lambda s, i: s.new("0000", 2569), NotFoundError, "unknown municipality"),
        (lambda s, i: s.new("5001", 2026), ValidationError, "did you mean 2569"),
        (lambda s, i: s.attach(i, "1.1", Path("/no/such/file.jpg")), ValidationError, "not found"),
        (lambda s, i: s.mark_complete(i), ConflictError, "unanswered"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(mini_ws: Workspace, call, error, needle) -> None:  # type: ignore[no-untyped-def]
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    before = _counts(mini_ws)
    with pytest.raises(error, match=needle.replace("(", r"\(").replace(")", r"\)")):
        call(svc, a.id)
    assert _counts(mini_ws) == before


def test_duplicate_offers_existing(mini_ws: Workspace) -> None:
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    with pytest.raises(DuplicateAssessment) as err:
        svc.new("5001", 2569)
    assert err.value.existing_id == a.id
    assert svc.new("5001", 2570).id != a.id


def test_evidence_dedup_remove_and_completeness(mini_ws: Workspace, tmp_path: Path) -> None:
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    photo = tmp_path / "landfill.png"
    photo.write_bytes(b"\x89PNG fake but fine" * 10)
    e1 = svc.attach(a.id, "1.1", photo)
    e2 = svc.attach(a.id, "2.1", photo)
    assert e1.sha256 == e2.sha256 and e1.mime == "image/png"
    assert len(list((mini_ws.data_dir / "evidence").rglob(e1.sha256))) == 1
    for code, level in (("1.1", 2), ("1.2", 5), ("2.1", 4)):
        svc.set_response(a.id, code, level)
    svc.mark_complete(a.id)
    assert svc.get(a.id).status == "complete"
    with pytest.raises(ConflictError) as refused:  # complete: no change without "edit again"
        svc.remove_evidence(e1.id)
    assert refused.value.code == "assessment.complete_locked"
    assert svc.edit_again(a.id) and svc.get(a.id).status == "draft"
    svc.remove_evidence(e1.id)
    # Removing the only evidence of 1.1 leaves it incomplete; the removal is audited.
    assert svc.scorecard(a.id).evidence_missing == ("1.1",)
    assert "evidence.remove" in [e.action for e in audit.events(mini_ws.db, a.id)]
    assert mini_ws.blobs.exists(e1.sha256)


def test_edit_is_atomic_when_audit_fails(
    mini_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    before = _counts(mini_ws)

    def boom(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk vanished")

    monkeypatch.setattr(audit, "append", boom)
    with pytest.raises(RuntimeError):
        svc.set_response(a.id, "1.1", 1)
    assert _counts(mini_ws) == before



def test_attach_stored_links_a_blob_copied_elsewhere(ws: Workspace, tmp_path: Path) -> None:
    """The GUI copies on a worker (blobs.put_file) and links on its own thread."""
    from secity_desktop.core.evidence_meta import read_meta

    svc = AssessmentService(ws)
    a = svc.new("5001", 2569)
    f = tmp_path / "plan.pdf"
    f.write_bytes(b"%PDF-1.4 plan")
    sha, size = ws.blobs.put_file(f)
    item = svc.attach_stored(a.id, "1.1", sha, size, f.name, read_meta(f))
    assert item.sha256 == sha and item.mime == "application/pdf"
    assert [e.action for e in audit.events(ws.db, a.id)][-1] == "evidence.add"
    with pytest.raises(ValidationError):
        svc.attach_stored(a.id, "1.1", "0" * 64, 1, "ghost.pdf", read_meta(f))


def test_a_complete_assessment_changes_only_after_edit_again(
    mini_ws: Workspace, tmp_path: Path
) -> None:
    """One stray key must not turn a complete assessment back into a draft (issue 10)."""
    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    photo = tmp_path / "site.png"
    photo.write_bytes(b"\x89PNG fake but fine" * 10)
    for code, level in (("1.1", 2), ("1.2", 5), ("2.1", 4)):
        svc.set_response(a.id, code, level)
        svc.attach(a.id, code, photo)
    svc.mark_complete(a.id)
    assert svc.needs_edit_again(a.id) and not svc.can_edit(a.id)
    for edit in (
        lambda: svc.set_response(a.id, "1.2", 1),
        lambda: svc.set_response(a.id, "1.1", None),
        lambda: svc.set_note(a.id, "1.1", "typo"),
        lambda: svc.attach(a.id, "1.1", photo),
    ):
        with pytest.raises(ConflictError) as refused:
            edit()
        assert refused.value.code == "assessment.complete_locked"
        assert "edit again" in str(refused.value)
    assert svc.get(a.id).status == "complete"
    assert repo_level(mini_ws, a.id, "1.2") == 5
    svc.mark_complete(a.id)  # already complete: a repeat is harmless
    assert svc.edit_again(a.id) is True
    assert svc.get(a.id).status == "draft" and svc.can_edit(a.id)
    assert svc.edit_again(a.id) is False  # a draft is already editable
    svc.set_response(a.id, "1.2", 1)
    moves = [e for e in audit.events(mini_ws.db, a.id) if e.action == "status.change"]
    assert moves and "draft" in str(moves[-1].new) and moves[-1].reason == "edit again"


def test_a_finalized_assessment_is_never_edited_again(mini_ws: Workspace) -> None:
    from secity_desktop.core.lifecycle import Move
    from secity_desktop.services.status import change_status
    from secity_desktop.store import assessments as arepo

    svc = AssessmentService(mini_ws)
    a = svc.new("5001", 2569)
    with mini_ws.db.atomic():
        change_status(
            mini_ws, arepo.get(mini_ws.db, a.id), Move.FINALIZE, at="2026-01-01T00:00:00Z", by="t"
        )
    with pytest.raises(ConflictError) as refused:
        svc.edit_again(a.id)
    assert refused.value.code == "assessment.not_reopenable"
    with pytest.raises(ConflictError):
        svc.set_response(a.id, "1.1", 1)
    assert svc.get(a.id).status == "finalized"


def repo_level(ws: Workspace, aid: str, code: str) -> int | None:
    from secity_desktop.store import assessments as arepo

    got = arepo.response(ws.db, aid, code)
    return None if got is None else got.level
