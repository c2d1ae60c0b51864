"""Province review: received → under review → approved | returned, with reasons on record.

Rules (docs/review.md):
- only a province, region or national workspace reviews; an assessor never approves
  their own work. A province reviews only its own province's municipalities;
- review starts from *received* (imported) and also from *complete* or *finalized*
  assessments made in this workspace, so a province can try the workflow on demo or
  test data; a draft cannot be reviewed;
- comments and overrides are taken only while an assessment is under review;
- an override keeps the assessor's level and records the reviewer's beside it, with a
  required reason; scores use the effective level (override if present);
- a new revision arriving after approval puts the assessment back under review, with
  a ``reopen`` decision that says why (``on_new_revision``).

Every change is one transaction with its audit event. Decisions, comments and
overrides are rows with ids, times and authors (``store.review``) so a return
can later travel back to the assessor as a bundle (``review_record``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from secity_desktop.core import scoring
from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.lifecycle import (
    ANNOTATABLE,
    OFFICE_ROLES,
    STATUS_LABELS,
    TRANSITIONS,
    Move,
    Role,
    Status,
    effective_level,
    may_review,
)
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.assessments import effective_card
from secity_desktop.services.review.timeline import timeline
from secity_desktop.services.status import change_status
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit, geography
from secity_desktop.store import review as rrepo

#: Where a review may start from (``core.lifecycle``: the sources of ``Move.START``).
START_FROM = tuple(s for s in Status if s in (TRANSITIONS[Move.START].sources or ()))
#: The roles that review (``core.lifecycle.OFFICE_ROLES``); kept for callers of the old name.
REVIEWER_ROLES = OFFICE_ROLES


class ReviewRefused(ConflictError):
    """A review step that the assessment's status or the workspace's role does not allow."""


def status_label(status: str, lang: str = "en") -> str:
    labels = STATUS_LABELS.get(Status(status))
    return (labels[0] if lang == "th" else labels[1]) if labels else status


def _refuse_status(a: repo.Assessment, wanted: str) -> ReviewRefused:
    s = Status(a.status)
    why = {
        Status.DRAFT: "it is still a draft; only a complete, finalized or received assessment can be reviewed",
        Status.APPROVED: "it is already approved; a new revision from the assessor reopens review",
        Status.RETURNED: "it was returned to the assessor; review starts again when their new revision arrives",
        Status.UNDER_REVIEW: "it is already under review",
    }.get(s, f"it is {status_label(a.status)}, not under review; start the review first")
    code = {Status.DRAFT: "review.still_draft", Status.APPROVED: "review.already_approved",
            Status.RETURNED: "review.returned", Status.UNDER_REVIEW: "review.already_under_review",
            }.get(s, "review.not_under_review")
    return ReviewRefused(f"cannot {wanted} assessment {a.id}: {why}", code=code, status=a.status)


@dataclass(frozen=True)
class ReviewIndicator:
    code: str
    title_th: str
    title_en: str
    assessor_level: int | None
    reviewer_level: int | None
    comments: int


class ReviewService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db

    # --- guards -------------------------------------------------------------
    def _reviewable(self, assessment_id: str, wanted: str) -> repo.Assessment:
        a = repo.get(self.db, assessment_id)
        role = self.ws.role
        if not may_review(role):
            raise ReviewRefused(
                f"cannot {wanted}: this is an assessor's workspace; reviewing needs a province,"
                " region or national workspace (`secity init --role province --province CODE`)",
                code="role.office_only"
            )
        mine = self.ws.province_code
        if role == Role.PROVINCE and mine:
            muni = geography.municipality(self.db, a.municipality_code)
            if muni.province_code != mine:
                raise ReviewRefused(
                    f"cannot {wanted}: assessment {a.id} is for {muni.name_th} in province "
                    f"{muni.province_code}; this workspace reviews province {mine}",
                    code="review.other_province", name=muni.name_th
                )
        return a

    def _under_review(self, assessment_id: str, wanted: str) -> repo.Assessment:
        a = self._reviewable(assessment_id, wanted)
        if Status(a.status) not in ANNOTATABLE:
            raise _refuse_status(a, wanted)
        return a

    # --- status changes -----------------------------------------------------
    def _decide(self, a: repo.Assessment, move: Move, comment: str = "") -> rrepo.Decision:
        """Record the decision and make the status move it names, in one transaction."""
        now, who = now_iso(), self.ws.actor
        new = TRANSITIONS[move].target
        d = rrepo.Decision(
            str(uuid.uuid4()), a.id, a.revision, move.value, a.status, new.value, comment, who, now
        )
        with self.db.atomic():
            rrepo.add_decision(self.db, d)
            change_status(
                self.ws, a, move, at=now, by=who, event=f"review.{move.value}",
                reason=comment or None,
            )
        return d

    def start(self, assessment_id: str) -> rrepo.Decision:
        a = self._reviewable(assessment_id, "start reviewing")
        if Status(a.status) not in START_FROM:
            raise _refuse_status(a, "start reviewing")
        return self._decide(a, Move.START)

    def approve(self, assessment_id: str, comment: str | None = None) -> rrepo.Decision:
        a = self._under_review(assessment_id, "approve")
        return self._decide(a, Move.APPROVE, (comment or "").strip())

    def return_for_revision(self, assessment_id: str, comment: str) -> rrepo.Decision:
        a = self._under_review(assessment_id, "return")
        text = (comment or "").strip()
        if not text:
            raise ValidationError(
                "returning an assessment needs a comment telling the assessor what to fix",
                code="review.return_comment_required"
            )
        return self._decide(a, Move.RETURN, text)

    # --- comments and overrides ---------------------------------------------
    def _indicator(self, a: repo.Assessment, code: str) -> tuple[Framework, Any]:
        fw = self.ws.frameworks.get(a.framework_hash)
        ind = fw.indicator(code)
        if ind is None:
            raise NotFoundError(f"framework {fw.version} has no indicator {code!r}",
                                code="assessment.no_indicator", indicator=code)
        return fw, ind

    def comment(self, assessment_id: str, body: str, indicator: str | None = None) -> rrepo.Comment:
        a = self._under_review(assessment_id, "comment on")
        if indicator is not None:
            self._indicator(a, indicator)
        text = (body or "").strip()
        if not text:
            raise ValidationError("a comment cannot be empty", code="review.comment_empty")
        now, who = now_iso(), self.ws.actor
        c = rrepo.Comment(str(uuid.uuid4()), a.id, a.revision, indicator, text, who, now)
        with self.db.atomic():
            rrepo.add_comment(self.db, c)
            audit.append(
                self.db,
                actor=who,
                action="review.comment",
                assessment_id=a.id,
                target=indicator,
                at=now,
                new={"id": c.id, "body": text},
            )
        return c

    def override(
        self, assessment_id: str, code: str, level: int | None, reason: str
    ) -> rrepo.Override | None:
        """Set the reviewer's level for one indicator (None withdraws the override).

        Returns None when nothing changes (the level is already the effective one).
        """
        a = self._under_review(assessment_id, "override a level on")
        _, ind = self._indicator(a, code)
        why = (reason or "").strip()
        if not why:
            raise ValidationError(
                f"changing indicator {code}'s level needs a written reason (--reason TEXT)",
                code="review.reason_required"
            )
        if level is not None and ind.level(level) is None:
            allowed = ", ".join(str(lv.value) for lv in ind.levels)
            raise ValidationError(f"level {level} is not on indicator {code}'s scale ({allowed})",
                                  code="assessment.bad_level", level=level, indicator=code, allowed=allowed)
        resp = repo.response(self.db, a.id, code)
        assessor = resp.level if resp else None
        standing = rrepo.override_levels(self.db, a.id).get(code)
        if level is None and standing is None:
            raise ValidationError(f"indicator {code} has no reviewer override to withdraw",
                                  code="review.no_override", indicator=code)
        effective = standing if standing is not None else assessor
        if level is not None and level == effective and standing is not None:
            return None
        if level is not None and level == assessor and standing is None:
            return None
        now, who = now_iso(), self.ws.actor
        o = rrepo.Override(
            str(uuid.uuid4()), a.id, a.revision, code, assessor, level, why, who, now, True
        )
        with self.db.atomic():
            rrepo.add_override(self.db, o)
            repo.touch(self.db, a.id, now, who)  # moves the stamp score caches key on
            audit.append(
                self.db,
                actor=who,
                action="review.override" if level is not None else "review.override_withdraw",
                assessment_id=a.id,
                target=code,
                at=now,
                old={"level": effective, "assessor_level": assessor},
                new={"level": level if level is not None else assessor, "id": o.id},
                reason=why,
            )
        return o

    # --- reading ------------------------------------------------------------
    def effective_levels(self, assessment_id: str) -> dict[str, int | None]:
        return rrepo.effective_levels(self.db, assessment_id)

    def scorecards(self, assessment_id: str) -> tuple[scoring.ScoreCard, scoring.ScoreCard]:
        """(assessor's card, effective card with the reviewer's overrides).

        The effective card is the one every other screen and report shows
        (``services.assessments.effective_card``).
        """
        a = repo.get(self.db, assessment_id)
        fw = self.ws.frameworks.get(a.framework_hash)
        ev = repo.indicators_with_evidence(self.db, a.id)
        raw = {c: r.level for c, r in repo.responses(self.db, a.id).items()}
        return scoring.score(fw, raw, ev), effective_card(self.ws, a)

    def indicators(self, assessment_id: str) -> list[ReviewIndicator]:
        a = repo.get(self.db, assessment_id)
        fw = self.ws.frameworks.get(a.framework_hash)
        resp = repo.responses(self.db, a.id)
        over = rrepo.override_levels(self.db, a.id)
        counts: dict[str, int] = {}
        for c in rrepo.comments(self.db, a.id):
            if c.indicator_code:
                counts[c.indicator_code] = counts.get(c.indicator_code, 0) + 1
        return [
            ReviewIndicator(
                i.code,
                i.title_th,
                i.title_en,
                resp[i.code].level if i.code in resp else None,
                over.get(i.code),
                counts.get(i.code, 0),
            )
            for i in fw.indicators
        ]

    def review_record(self, assessment_id: str) -> dict[str, Any]:
        """The review as plain rows — what a return-for-revision bundle carries."""
        a = repo.get(self.db, assessment_id)
        return timeline(self.ws, a.id, whole_chain=False).record(a)

    def show(self, assessment_id: str) -> dict[str, Any]:
        """The review of this revision and, under ``earlier_revisions``, of each one it
        supersedes — all from the one review timeline (``review.timeline``)."""
        a = repo.get(self.db, assessment_id)
        muni = geography.municipality(self.db, a.municipality_code)
        raw, eff = self.scorecards(a.id)
        tl = timeline(self.ws, a.id)
        history = [tl.record(prev) for prev in tl.chain[1:]]
        return {
            **tl.record(a),
            "status_th": status_label(a.status, "th"),
            "municipality": muni.as_json(),
            "year": a.year,
            "assessor_score": _card_json(raw),
            "effective_score": _card_json(eff),
            "indicators": [
                {
                    "code": i.code,
                    "assessor_level": i.assessor_level,
                    "reviewer_level": i.reviewer_level,
                    "effective_level": effective_level(i.assessor_level, i.reviewer_level),
                }
                for i in self.indicators(a.id)
                if i.reviewer_level is not None or i.comments
            ],
            "earlier_revisions": history,
        }


def _card_json(card: scoring.ScoreCard) -> dict[str, Any]:
    return {
        "total": round(card.total, 2),
        "tier": card.tier.code if card.tier else None,
        "components": {c.code: round(c.score, 2) for c in card.components},
    }


def on_new_revision(ws: Workspace, assessment_id: str) -> str:
    """Called by the importer after it stores a new revision; returns the status it leaves.

    ``assessment_id`` is the row holding the new revision — either a new row that
    ``supersedes`` the previous one, or the same row updated in place. If the
    previous revision was approved, the new one goes straight back under review with
    a ``reopen`` decision saying why, so the change is visible in lists and audit.
    Otherwise it is *received* (``resubmit``). Overrides made on an older revision of
    the same row are retired: they were judged against levels that no longer stand.
    """
    db = ws.db
    a = repo.get(db, assessment_id)
    chain = [a.id, a.supersedes] if a.supersedes else [a.id]
    last = rrepo.last_decision(db, chain)
    mine = last.get(a.id)
    if mine is not None and mine.revision >= a.revision:
        return a.status  # this revision was already handled (the importer may call twice)
    approved_before = a.status == Status.APPROVED or any(
        d.new_status == Status.APPROVED and (d.assessment_id != a.id or d.revision < a.revision)
        for d in last.values()
    )
    move = Move.REOPEN if approved_before else Move.RESUBMIT
    target = TRANSITIONS[move].target
    now, who = now_iso(), ws.actor
    with db.atomic():
        stale = rrepo.retire_overrides_before(db, a.id, a.revision)
        if a.status == target and not stale and not approved_before:
            return a.status
        comment = (
            f"revision {a.revision} arrived after approval; review again"
            if approved_before
            else f"revision {a.revision} received"
        )
        rrepo.add_decision(
            db,
            rrepo.Decision(
                str(uuid.uuid4()), a.id, a.revision, move.value, a.status, target, comment, who,
                now,
            ),
        )
        change_status(
            ws, a, move, at=now, by=who, event=f"review.{move.value}", reason=comment,
            new={"status": target.value, "revision": a.revision, "overrides_retired": stale},
            stamp_unchanged=True,  # retired overrides change the score: move the row's stamp
        )
    return target.value
