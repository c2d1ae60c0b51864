"""Editing assessments: the rules and the audit trail around every change.

Each public method is one transaction: the change, its audit event and the
assessment's "last edited" stamp commit together or not at all, so a crash
never leaves half an edit and the audit log never disagrees with the data.

Scores come from one place, :func:`effective_card` — the assessor's levels with
a reviewer's standing overrides laid on top by ``core.lifecycle.effective_levels``
— whether a screen asks through ``view()``, ``scorecard()`` or the editor's
``live_score()``.

Operations (``services.operations``): :class:`~secity_desktop.services.evidence.AttachEvidenceOperation`
(copy a file into the evidence store off the GUI thread, then link it); ``attach()`` runs it inline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.core import scoring
from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.io_errors import guarded
from secity_desktop.core.lifecycle import (
    EDIT_AGAIN,
    OFFICE_ROLES,
    Move,
    Status,
    initial_status,
    may_edit_answers,
)
from secity_desktop.core.thai_calendar import is_plausible_be_year, now_iso
from secity_desktop.services.status import change_status
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit, geography
from secity_desktop.store.blobs import Progress
from secity_desktop.store.effective_levels import effective_levels

if TYPE_CHECKING:
    from secity_desktop.core.evidence_meta import FileMeta
    from secity_desktop.services.assessment_view import AssessmentView


def __getattr__(name: str) -> object:
    """``AssessmentView`` stays importable from here, loaded only when asked for."""
    if name == "AssessmentView":
        from secity_desktop.services.assessment_view import AssessmentView

        return AssessmentView
    raise AttributeError(name)


def _new_id() -> str:
    import uuid  # (uuid loads platform; only a new assessment needs it)

    return str(uuid.uuid4())


__all__ = ["OFFICE_ROLES", "AssessmentService", "AssessmentView", "DuplicateAssessment",
           "effective_card", "missing_summary"]


class DuplicateAssessment(ConflictError):
    """Same municipality, year and framework already exist; ``existing_id`` lets the UI open it."""

    def __init__(self, existing_id: str, message: str, *, name: str, year: int) -> None:
        super().__init__(message, code="assessment.duplicate", name=name, year=year)
        self.existing_id = existing_id


def effective_card(ws: Workspace, a: repo.Assessment) -> scoring.ScoreCard:
    """THE score of an assessment: effective levels (``core.lifecycle``), its framework,
    and which indicators hold evidence. Every score a person sees is this card."""
    return scoring.score(
        ws.frameworks.get(a.framework_hash),
        effective_levels(ws.db, a.id),
        repo.indicators_with_evidence(ws.db, a.id),
    )


class AssessmentService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db

    # --- reading ----------------------------------------------------------
    def get(self, assessment_id: str) -> repo.Assessment:
        return repo.get(self.db, assessment_id)

    def framework_of(self, a: repo.Assessment) -> Framework:
        return self.ws.frameworks.get(a.framework_hash)

    def scorecard(self, assessment_id: str) -> scoring.ScoreCard:
        """The assessment's score (effective levels: a standing override over the assessor's)."""
        return effective_card(self.ws, repo.get(self.db, assessment_id))

    def live_score(self, assessment_id: str) -> scoring.ScoreCard:
        """The score the editor shows while a person edits, after each saved change.

        Every edit is saved as it is made (``set_response``, ``attach``…), so the editor
        asks here after each one instead of rescoring its own copy of the levels. It is
        the very card ``view()`` and ``secity assessment show`` give — the effective
        levels (a reviewer's standing override over the assessor's level, the rule in
        ``core.lifecycle.effective_levels``), the framework's weights and which
        indicators hold evidence — so on a returned assessment with an override the
        editor and the report can never disagree.
        """
        return self.scorecard(assessment_id)

    def view(self, assessment_id: str) -> AssessmentView:
        from secity_desktop.services.assessment_view import AssessmentView

        a = repo.get(self.db, assessment_id)
        # Scores use the effective levels: a province reviewer's override, where one stands,
        # over the assessor's level (docs/review.md); ``responses`` stay the assessor's.
        return AssessmentView(
            a, geography.municipality(self.db, a.municipality_code), self.framework_of(a),
            repo.responses(self.db, a.id), effective_card(self.ws, a),
        )

    def list(
        self, *, province: str | None = None, year: int | None = None, status: str | None = None
    ) -> list[str]:
        if status is not None and status not in {s.value for s in Status}:
            raise ValidationError(f"unknown status {status!r}; use one of {', '.join(Status)}",
                                  code="assessment.bad_status", status=status)
        return repo.list_ids(self.db, province=province, year=year, status=status)

    # --- creating ---------------------------------------------------------
    def new(
        self, municipality_code: str, year: int, framework_hash: str | None = None
    ) -> repo.Assessment:
        if not is_plausible_be_year(year):
            hint = f" (did you mean {year + 543}?)" if 1957 <= year <= 2157 else ""
            raise ValidationError(f"year {year} is not a Buddhist Era year{hint}",
                                  code="assessment.year_not_be", year=year)
        muni = geography.municipality(self.db, municipality_code)
        own = self.ws.municipality_code
        if own and muni.code != own:  # a municipality office assesses itself only
            raise ValidationError(
                f"this workspace is municipality {own}'s; it cannot assess {muni.code}",
                code="self.not_own_municipality", municipality=muni.code,
            )
        fw = (
            self.ws.frameworks.get(framework_hash)
            if framework_hash
            else self.ws.frameworks.current()
        )
        existing = repo.find(
            self.db, municipality_code=muni.code, year=year, framework_hash=fw.hash
        )
        if existing is not None:
            raise DuplicateAssessment(
                existing.id,
                f"{muni.name_th} already has an assessment for {year} under framework "
                f"{fw.version} (id {existing.id}); open that one instead",
                name=muni.name_th, year=year,
            )
        now, who = now_iso(), self.ws.actor
        a = repo.Assessment(
            id=_new_id(),
            municipality_code=muni.code,
            year=year,
            framework_hash=fw.hash,
            status=initial_status(Move.CREATE).value,
            revision=1,
            supersedes=None,
            created_at=now,
            created_by=who,
            updated_at=now,
            updated_by=who,
        )
        with self.db.atomic():
            repo.insert(self.db, a)
            audit.append(
                self.db,
                actor=who,
                action="assessment.create",
                assessment_id=a.id,
                at=now,
                new={"municipality": muni.code, "year": year, "framework": fw.hash},
            )
        return a

    # --- editing ----------------------------------------------------------
    def received_from(self, assessment_id: str) -> str | None:
        """Who sent this assessment in a bundle (its assessor); None when it was made here.

        Follows ``supersedes`` too: a local revision of a received assessment copies the
        assessor's answers, so it must not become a way round the office guard.
        """
        from secity_desktop.store import revisions  # an office's question, not an edit's

        seen: set[str] = set()
        current: str | None = assessment_id
        while current and current not in seen:
            seen.add(current)
            got = revisions.imported(self.db, current)
            if got is not None:
                return _assessor_label(got.content, got.signer_fingerprint)
            current = repo.supersedes_of(self.db, current)
        return None

    def office_refusal(self, a: repo.Assessment) -> str | None:
        """Why an office may not change this assessment's answers at all, whatever its status.

        A province, region or national office judges what an assessor signed; changing
        the assessor's responses, notes or evidence there would make the record say
        something the assessor never said. Its levels change only by a review override,
        which keeps both. Assessments an office made itself (demo, training) stay editable.
        """
        if may_edit_answers(self.ws.role, received=True):
            return None  # an assessor's workspace may edit whatever it holds
        error = self.office_refusal_error(a)
        return None if error is None else str(error)

    def office_refusal_error(self, a: repo.Assessment) -> ConflictError | None:
        """:meth:`office_refusal` as the refusal to raise (coded, so it reads in Thai)."""
        if may_edit_answers(self.ws.role, received=True):
            return None
        sender = self.received_from(a.id)
        if sender is None:
            return None  # made here (demo, training): editable
        return ConflictError(
            f"assessment {a.id} was received from {sender}; the office changes levels only by"
            f" a review override (`secity review override {a.id} INDICATOR LEVEL --reason TEXT`)",
            code="assessment.received_read_only", sender=sender,
        )

    def edit_refusal(self, assessment_id: str) -> str | None:
        """The one-line reason this workspace may not edit the assessment, or None if it may.

        One rule for every door (CLI, editor, evidence import), so a screen can disable
        its controls and say why before anyone tries.
        """
        return self._refusal(repo.get(self.db, assessment_id))

    def can_edit(self, assessment_id: str) -> bool:
        return self.edit_refusal(assessment_id) is None

    def _refusal(self, a: repo.Assessment) -> str | None:
        error = self.refusal_error(a)
        return None if error is None else str(error)

    def refusal_error(self, a: repo.Assessment) -> ConflictError | None:
        """Why this workspace may not edit ``a``, as the coded refusal (None if it may)."""
        office = self.office_refusal_error(a)
        if office is not None:
            return office
        if a.status == Status.COMPLETE:
            return ConflictError(
                f"assessment {a.id} is complete; choose \"edit again\" first"
                f" (`secity assessment reopen {a.id}`) to change it",
                code="assessment.complete_locked", id=a.id,
            )
        if not Status(a.status).editable:
            return ConflictError(
                f"assessment {a.id} is {a.status} and cannot be edited"
                + ("; start a new revision to change it" if a.status == Status.FINALIZED else ""),
                code="assessment.not_editable_finalized" if a.status == Status.FINALIZED
                else "assessment.not_editable", status=a.status,
            )
        return None

    def _editable(
        self, assessment_id: str, code: str | None = None
    ) -> tuple[repo.Assessment, Framework]:
        a = repo.get(self.db, assessment_id)
        refusal = self.refusal_error(a)
        if refusal is not None:
            raise refusal
        fw = self.framework_of(a)
        if code is not None and fw.indicator(code) is None:
            raise NotFoundError(f"framework {fw.version} has no indicator {code!r}",
                                code="response.no_indicator", indicator=code,
                                version=fw.version)
        return a, fw

    def set_response(
        self, assessment_id: str, code: str, level: int | None, note: str | None = None
    ) -> None:
        """Record a level (None clears it) and optionally the note, in one transaction."""
        a, fw = self._editable(assessment_id, code)
        ind = fw.indicator(code)
        assert ind is not None
        if level is not None and ind.level(level) is None:
            allowed = ", ".join(str(lv.value) for lv in ind.levels)
            raise ValidationError(
                f"level {level} is not on indicator {code}'s scale ({allowed})",
                code="response.level_off_scale", level=level, indicator=code, allowed=allowed,
            )
        old = repo.response(self.db, a.id, code)
        new_note = old.note if (note is None and old) else (note or "")
        if old is not None and old.level == level and old.note == new_note:
            return
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            repo.upsert_response(self.db, a.id, code, level, new_note, now, who)
            audit.append(
                self.db,
                actor=who,
                action="response.set",
                assessment_id=a.id,
                target=code,
                at=now,
                old={"level": old.level, "note": old.note} if old else None,
                new={"level": level, "note": new_note},
            )
            repo.touch(self.db, a.id, now, who)

    def set_note(self, assessment_id: str, code: str, note: str) -> None:
        a, _ = self._editable(assessment_id, code)
        old = repo.response(self.db, a.id, code)
        self.set_response(assessment_id, code, old.level if old else None, note)

    @guarded("evidence", lambda self: self.ws.data_dir)
    def attach(
        self, assessment_id: str, code: str, path: Path, progress: Progress | None = None
    ) -> repo.Evidence:
        """Copy a file into the evidence store (deduplicated) and link it to one indicator.

        Runs :class:`AttachEvidenceOperation` inline (the CLI); the GUI runs the same
        operation on its runner, so the copy happens off the GUI thread.
        """
        from secity_desktop.services.evidence import AttachEvidenceOperation
        from secity_desktop.services.operations import from_byte_progress, run_inline

        return run_inline(
            AttachEvidenceOperation(self, assessment_id, code, path), from_byte_progress(progress)
        )

    @guarded("evidence", lambda self: self.ws.data_dir)
    def attach_stored(
        self,
        assessment_id: str,
        code: str,
        sha256: str,
        size: int,
        original_name: str,
        meta: FileMeta,
    ) -> repo.Evidence:
        """Link a blob that is already in the store to one indicator (the DB half of attach)."""
        a, _ = self._editable(assessment_id, code)
        if not self.ws.blobs.exists(sha256):
            raise ValidationError(f"evidence {sha256[:12]}… is not in the store",
                                  code="assessment.evidence_unknown")
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            repo.add_blobs(self.db, [(sha256, size)], now)
            eid = repo.add_evidence(
                self.db,
                a.id,
                repo.NewEvidence(
                    code, sha256, original_name, meta.mime, size, meta.captured_at,
                    meta.gps_lat, meta.gps_lon, now, who,
                ),
            )
            audit.append(
                self.db,
                actor=who,
                action="evidence.add",
                assessment_id=a.id,
                target=code,
                at=now,
                new={"id": eid, "sha256": sha256, "name": original_name, "size": size},
            )
            repo.touch(self.db, a.id, now, who)
        return repo.evidence_item(self.db, int(eid))

    def remove_evidence(self, evidence_id: int) -> None:
        """Unlink evidence from the assessment; the file and the audit record stay."""
        item = repo.evidence_item(self.db, evidence_id)
        a, _ = self._editable(item.assessment_id)
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            repo.remove_evidence(self.db, evidence_id, now, who)
            audit.append(
                self.db,
                actor=who,
                action="evidence.remove",
                assessment_id=a.id,
                target=item.indicator_code,
                at=now,
                old={"id": item.id, "sha256": item.sha256, "name": item.original_name},
            )
            repo.touch(self.db, a.id, now, who)

    def evidence(self, assessment_id: str, code: str | None = None) -> list[repo.Evidence]:
        return repo.evidence(self.db, assessment_id, code)

    def mark_complete(self, assessment_id: str) -> None:
        if repo.get(self.db, assessment_id).status == Status.COMPLETE:
            return  # already complete: nothing to do (and nothing to unlock)
        a, _ = self._editable(assessment_id)
        card = self.scorecard(a.id)
        if not card.complete:
            raise ConflictError(missing_summary(card),
                                code="assessment.incomplete", unanswered=len(card.unanswered),
                                no_evidence=len(card.evidence_missing))
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            change_status(self.ws, a, Move.COMPLETE, at=now, by=who)

    def edit_again(self, assessment_id: str) -> bool:
        """The explicit "edit again" on a complete assessment: back to a draft, audited.

        Edits never reopen a complete assessment by themselves (a stray key must not
        change it); every front end asks for this first. A draft or returned assessment
        is already editable: nothing to do (False). Finalized and received ones stay
        read-only (a finalized one changes only by a new revision).
        """
        a = repo.get(self.db, assessment_id)
        office = self.office_refusal_error(a)
        if office is not None:
            raise office
        if Status(a.status).editable:
            return False
        if a.status not in EDIT_AGAIN:
            raise ConflictError(
                f"assessment {a.id} is {a.status}; only a complete assessment can be edited again"
                + ("; start a new revision to change it" if a.status == Status.FINALIZED else ""),
                code="assessment.not_reopenable",
                id=a.id,
                status=a.status,
            )
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            change_status(self.ws, a, Move.UNCOMPLETE, at=now, by=who, reason="edit again")
        return True

    def needs_edit_again(self, assessment_id: str) -> bool:
        """Whether the only thing between this workspace and an edit is "edit again"."""
        a = repo.get(self.db, assessment_id)
        return a.status in EDIT_AGAIN and self.office_refusal(a) is None

    # --- added for the front ends (issue 9) --------------------------------
    def evidence_item(self, evidence_id: int) -> repo.Evidence:
        return repo.evidence_item(self.db, evidence_id)

    def evidence_path(self, sha256: str) -> Path:
        """Where a stored evidence file lives (to show a thumbnail or copy it out)."""
        return self.ws.blobs.path_for(sha256)


def _assessor_label(content: str, fingerprint: str) -> str:
    """The assessor as their signed revision names them; the key when the name is unreadable."""
    try:
        person = json.loads(content).get("assessor") or {}
    except (ValueError, AttributeError):
        person = {}
    if not isinstance(person, dict):
        person = {}
    name = str(person.get("name") or "").strip()
    org = str(person.get("organisation") or "").strip()
    if name and org:
        return f"{name} ({org})"
    return name or org or f"the holder of key {fingerprint}"


def missing_summary(card: scoring.ScoreCard) -> str:
    parts = []
    if card.unanswered:
        parts.append(f"{len(card.unanswered)} indicator(s) unanswered: {_short(card.unanswered)}")
    if card.evidence_missing:
        parts.append(f"evidence missing for {_short(card.evidence_missing)}")
    return "; ".join(parts) or "nothing is missing"


def _short(codes: Iterable[str], n: int = 8) -> str:
    codes = list(codes)
    return ", ".join(codes[:n]) + (f" … (+{len(codes) - n})" if len(codes) > n else "")
