"""Editing assessments: the rules and the audit trail around every change.

Each public method is one transaction: the change, its audit event and the
assessment's "last edited" stamp commit together or not at all, so a crash
never leaves half an edit and the audit log never disagrees with the data.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secity_desktop.core import scoring
from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.evidence_meta import FileMeta, read_meta
from secity_desktop.core.framework import Framework
from secity_desktop.core.io_errors import guarded
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import is_plausible_be_year, now_iso
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit, geography
from secity_desktop.store import review as review_repo
from secity_desktop.store.blobs import Progress

# Workspaces that receive assessors' work and review it rather than write it.
OFFICE_ROLES = (Role.PROVINCE, Role.REGION, Role.NATIONAL)


class DuplicateAssessment(ConflictError):
    """Same municipality, year and framework already exist; ``existing_id`` lets the UI open it."""

    def __init__(self, existing_id: str, message: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id


@dataclass(frozen=True)
class AssessmentView:
    """Everything a screen or ``assessment show`` needs about one assessment."""

    assessment: repo.Assessment
    municipality: geography.Municipality
    framework: Framework
    responses: dict[str, repo.Response]
    card: scoring.ScoreCard

    def as_json(self) -> dict[str, Any]:
        a, card = self.assessment, self.card
        return {
            "id": a.id,
            "municipality": self.municipality.as_json(),
            "year": a.year,
            "status": a.status,
            "revision": a.revision,
            "supersedes": a.supersedes,
            "framework": {
                "version": self.framework.version,
                "hash": a.framework_hash,
                "status": self.framework.status,
            },
            "total": round(card.total, 2),
            "tier": card.tier.code if card.tier else None,
            "tier_th": card.tier.label_th if card.tier else None,
            "answered": card.answered,
            "count": card.count,
            "evidence_missing": list(card.evidence_missing),
            "components": [
                {
                    "code": c.code,
                    "score": round(c.score, 2),
                    "weight": c.weight,
                    "percent": round(c.percent, 2),
                    "answered": c.answered,
                    "count": c.count,
                }
                for c in card.components
            ],
            "responses": [
                {
                    "indicator": code,
                    "level": r.level,
                    "note": r.note,
                    "updated_at": r.updated_at,
                    "updated_by": r.updated_by,
                }
                for code, r in sorted(self.responses.items(), key=lambda kv: _code_key(kv[0]))
            ],
            "created_at": a.created_at,
            "updated_at": a.updated_at,
        }


def _code_key(code: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in code.split("."))


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
        a = repo.get(self.db, assessment_id)
        levels = review_repo.effective_levels(self.db, a.id)
        return scoring.score(
            self.framework_of(a), levels, repo.indicators_with_evidence(self.db, a.id)
        )

    def view(self, assessment_id: str) -> AssessmentView:
        a = repo.get(self.db, assessment_id)
        fw = self.framework_of(a)
        resp = repo.responses(self.db, a.id)
        # Scores use the effective levels: a province reviewer's override, where one stands,
        # over the assessor's level (docs/review.md); ``responses`` stay the assessor's.
        levels: dict[str, int | None] = {c: r.level for c, r in resp.items()}
        levels.update(review_repo.override_levels(self.db, a.id))
        card = scoring.score(fw, levels, repo.indicators_with_evidence(self.db, a.id))
        return AssessmentView(a, geography.municipality(self.db, a.municipality_code), fw, resp, card)

    def list(
        self, *, province: str | None = None, year: int | None = None, status: str | None = None
    ) -> list[str]:
        if status is not None and status not in {s.value for s in Status}:
            raise ValidationError(f"unknown status {status!r}; use one of {', '.join(Status)}")
        return repo.list_ids(self.db, province=province, year=year, status=status)

    # --- creating ---------------------------------------------------------
    def new(
        self, municipality_code: str, year: int, framework_hash: str | None = None
    ) -> repo.Assessment:
        if not is_plausible_be_year(year):
            hint = f" (did you mean {year + 543}?)" if 1957 <= year <= 2157 else ""
            raise ValidationError(f"year {year} is not a Buddhist Era year{hint}")
        muni = geography.municipality(self.db, municipality_code)
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
            )
        now, who = now_iso(), self.ws.actor
        a = repo.Assessment(
            id=str(uuid.uuid4()),
            municipality_code=muni.code,
            year=year,
            framework_hash=fw.hash,
            status=Status.DRAFT.value,
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
        seen: set[str] = set()
        current: str | None = assessment_id
        while current and current not in seen:
            seen.add(current)
            row = self.db.execute(
                "SELECT content, signer_fingerprint FROM revisions"
                " WHERE assessment_id = ? AND source = 'import'",
                [current],
            ).fetchone()
            if row is not None:
                return _assessor_label(str(row[0]), str(row[1]))
            up = self.db.execute(
                "SELECT supersedes FROM assessments WHERE id = ?", [current]
            ).fetchone()
            current = up[0] if up else None
        return None

    def office_refusal(self, a: repo.Assessment) -> str | None:
        """Why an office may not change this assessment's answers at all, whatever its status.

        A province, region or national office judges what an assessor signed; changing
        the assessor's responses, notes or evidence there would make the record say
        something the assessor never said. Its levels change only by a review override,
        which keeps both. Assessments an office made itself (demo, training) stay editable.
        """
        if self.ws.role not in OFFICE_ROLES:
            return None
        sender = self.received_from(a.id)
        if sender is None:
            return None
        return (
            f"assessment {a.id} was received from {sender}; the office changes levels only by"
            f" a review override (`secity review override {a.id} INDICATOR LEVEL --reason TEXT`)"
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
        office = self.office_refusal(a)
        if office is not None:
            return office
        if not Status(a.status).editable:
            return f"assessment {a.id} is {a.status} and cannot be edited" + (
                "; start a new revision to change it" if a.status == Status.FINALIZED else ""
            )
        return None

    def _editable(
        self, assessment_id: str, code: str | None = None
    ) -> tuple[repo.Assessment, Framework]:
        a = repo.get(self.db, assessment_id)
        refusal = self._refusal(a)
        if refusal is not None:
            raise ConflictError(refusal)
        fw = self.framework_of(a)
        if code is not None and fw.indicator(code) is None:
            raise NotFoundError(f"framework {fw.version} has no indicator {code!r}")
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
            raise ValidationError(f"level {level} is not on indicator {code}'s scale ({allowed})")
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
            self._drop_complete_if_needed(a, now, who)

    def set_note(self, assessment_id: str, code: str, note: str) -> None:
        a, _ = self._editable(assessment_id, code)
        old = repo.response(self.db, a.id, code)
        self.set_response(assessment_id, code, old.level if old else None, note)

    def _drop_complete_if_needed(self, a: repo.Assessment, now: str, who: str) -> None:
        if a.status != Status.COMPLETE.value:
            return
        if not self.scorecard(a.id).complete:
            repo.set_status(self.db, a.id, Status.DRAFT.value, now, who)
            audit.append(
                self.db,
                actor=who,
                action="status.change",
                assessment_id=a.id,
                at=now,
                old=Status.COMPLETE.value,
                new=Status.DRAFT.value,
                reason="an edit left the assessment incomplete",
            )

    @guarded("evidence", lambda self: self.ws.data_dir)
    def attach(
        self, assessment_id: str, code: str, path: Path, progress: Progress | None = None
    ) -> repo.Evidence:
        """Copy a file into the evidence store (deduplicated) and link it to one indicator.

        The CLI path: copy and record in one call. The GUI copies on a worker with
        ``ws.blobs.put_file`` and then calls ``attach_stored`` on its own thread.
        """
        self._editable(assessment_id, code)
        if not path.is_file():
            raise ValidationError(f"evidence file not found: {path}")
        meta = read_meta(path)
        sha, size = self.ws.blobs.put_file(path, progress)
        return self.attach_stored(assessment_id, code, sha, size, path.name, meta)

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
            raise ValidationError(f"evidence {sha256[:12]}… is not in the store")
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)",
                [sha256, size, now],
            )
            eid = (
                self.db["evidence"]
                .insert(
                    {
                        "assessment_id": a.id,
                        "indicator_code": code,
                        "sha256": sha256,
                        "original_name": original_name,
                        "mime": meta.mime,
                        "size": size,
                        "captured_at": meta.captured_at,
                        "gps_lat": meta.gps_lat,
                        "gps_lon": meta.gps_lon,
                        "added_at": now,
                        "added_by": who,
                    }
                )
                .last_pk
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
            self.db.execute(
                "UPDATE evidence SET removed_at = ?, removed_by = ? WHERE id = ?",
                [now, who, evidence_id],
            )
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
            self._drop_complete_if_needed(a, now, who)

    def evidence(self, assessment_id: str, code: str | None = None) -> list[repo.Evidence]:
        return repo.evidence(self.db, assessment_id, code)

    def mark_complete(self, assessment_id: str) -> None:
        a, _ = self._editable(assessment_id)
        card = self.scorecard(a.id)
        if not card.complete:
            raise ConflictError(missing_summary(card))
        if a.status == Status.COMPLETE.value:
            return
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            repo.set_status(self.db, a.id, Status.COMPLETE.value, now, who)
            audit.append(
                self.db,
                actor=who,
                action="status.change",
                assessment_id=a.id,
                at=now,
                old=a.status,
                new=Status.COMPLETE.value,
            )


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
