"""An assessment's life as data: statuses, the moves between them, who may make them, and
which level counts.

Every status an assessment can have, every move from one to another (and which
action makes it), the roles allowed to make each move, and the *effective-level*
rule live here as plain values and pure functions. Services never decide these
things themselves: they ask this module, and one service function
(``services.status.change_status``) writes a move with its audit event.

Who is who:

* an **assessor** edits, completes, finalizes (signs) and revises their own work;
* an **office** (province, region, national) receives signed work and reviews it —
  it never edits the answers it received (its levels change only by a review
  override, kept beside the assessor's level); assessments an office made itself
  (demo, training) stay editable there;
* the **importer** applies what a verified bundle says (received, reopened,
  returned, approved upstream) on behalf of the workspace it runs in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from secity_desktop.core.errors import ConflictError


class Status(StrEnum):
    """An assessment's life: edited as a draft, marked complete, finalized (signed), then reviewed.

    The province side moves it received → under_review → approved | returned.
    """

    DRAFT = "draft"
    COMPLETE = "complete"
    FINALIZED = "finalized"
    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    RETURNED = "returned"

    @property
    def editable(self) -> bool:
        return self in EDITABLE


EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
"""Statuses whose answers may change (subject to the office rule, ``may_edit_answers``).

A complete assessment is not among them: one stray key must never change what the
assessor declared complete. It becomes editable again only by the explicit
``Move.UNCOMPLETE`` ("edit again"), which turns it back into a draft first.
"""

EDIT_AGAIN = frozenset({Status.COMPLETE})
"""Statuses that the explicit "edit again" (``Move.UNCOMPLETE``) makes editable."""

STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.DRAFT: ("ร่าง", "Draft"),
    Status.COMPLETE: ("กรอกครบแล้ว", "Complete"),
    Status.FINALIZED: ("ยืนยันและลงนามแล้ว", "Finalized"),
    Status.RECEIVED: ("ได้รับแล้ว", "Received"),
    Status.UNDER_REVIEW: ("กำลังพิจารณา", "Under review"),
    Status.APPROVED: ("อนุมัติแล้ว", "Approved"),
    Status.RETURNED: ("ส่งกลับแก้ไข", "Returned"),
}


class Role(StrEnum):
    ASSESSOR = "assessor"
    PROVINCE = "province"
    REGION = "region"
    NATIONAL = "national"
    MUNICIPALITY = "municipality"  # a municipality office filling its own self-assessment


OFFICE_ROLES: frozenset[Role] = frozenset({Role.PROVINCE, Role.REGION, Role.NATIONAL})
"""Workspaces that receive assessors' work and review it rather than write it."""

ALL_ROLES: frozenset[Role] = frozenset(Role)


def is_office(role: Role) -> bool:
    return role in OFFICE_ROLES


def may_review(role: Role) -> bool:
    """Reviewing (start, comment, override, approve, return) and choosing model towns."""
    return role in OFFICE_ROLES


def may_edit_answers(role: Role, received: bool) -> bool:
    """An office never changes the answers of an assessment it received from an assessor.

    ``received`` means the assessment (or one it supersedes) arrived in a signed bundle.
    Changing the assessor's responses, notes or evidence at the office would make the
    record say something the assessor never said.
    """
    return not (received and role in OFFICE_ROLES)


# --- moves ------------------------------------------------------------------


class Move(StrEnum):
    """Every action that gives an assessment row a status."""

    CREATE = "create"  # a new draft made here
    COMPLETE = "complete"  # every indicator answered, evidence where required
    UNCOMPLETE = "uncomplete"  # the assessor chose "edit again": complete back to draft
    FINALIZE = "finalize"  # frozen and signed
    REVISE = "revise"  # a new draft row superseding a finalized or returned one
    RECEIVE = "receive"  # a new row from a verified field or upward bundle
    START = "start"  # the office starts reviewing
    APPROVE = "approve"
    RETURN = "return"  # back to the assessor with comments
    RESUBMIT = "resubmit"  # a new revision arrived: received again
    REOPEN = "reopen"  # a new revision arrived after approval: straight back under review
    RECEIVE_RETURN = "receive_return"  # the office's return bundle, at the assessor's
    RECEIVE_APPROVAL = "receive_approval"  # a province's approval, in an upward bundle
    DEMO_RECEIVE = "demo_receive"  # demo data only: an office's own row shown as received


@dataclass(frozen=True)
class Transition:
    move: Move
    #: Statuses the row may have before the move; ``None`` = the move makes a new row.
    sources: frozenset[Status] | None
    target: Status
    roles: frozenset[Role]

    @property
    def makes_row(self) -> bool:
        return self.sources is None


def _t(move: Move, sources: set[Status] | None, target: Status, roles: frozenset[Role]) -> Transition:
    return Transition(move, None if sources is None else frozenset(sources), target, roles)


_ANY = set(Status)
_S = Status

TRANSITIONS: dict[Move, Transition] = {
    t.move: t
    for t in (
        _t(Move.CREATE, None, _S.DRAFT, ALL_ROLES),
        _t(Move.COMPLETE, {_S.DRAFT, _S.RETURNED}, _S.COMPLETE, ALL_ROLES),
        _t(Move.UNCOMPLETE, {_S.COMPLETE}, _S.DRAFT, ALL_ROLES),
        _t(Move.FINALIZE, {_S.DRAFT, _S.COMPLETE}, _S.FINALIZED, ALL_ROLES),
        _t(Move.REVISE, None, _S.DRAFT, ALL_ROLES),
        _t(Move.RECEIVE, None, _S.RECEIVED, ALL_ROLES),
        _t(Move.START, {_S.RECEIVED, _S.FINALIZED, _S.COMPLETE}, _S.UNDER_REVIEW, OFFICE_ROLES),
        _t(Move.APPROVE, {_S.UNDER_REVIEW}, _S.APPROVED, OFFICE_ROLES),
        _t(Move.RETURN, {_S.UNDER_REVIEW}, _S.RETURNED, OFFICE_ROLES),
        _t(Move.RESUBMIT, _ANY, _S.RECEIVED, OFFICE_ROLES),
        _t(Move.REOPEN, _ANY, _S.UNDER_REVIEW, OFFICE_ROLES),
        _t(Move.RECEIVE_RETURN, _ANY, _S.RETURNED, frozenset({Role.ASSESSOR})),
        _t(Move.RECEIVE_APPROVAL, _ANY, _S.APPROVED, frozenset({Role.REGION, Role.NATIONAL})),
        _t(Move.DEMO_RECEIVE, {_S.DRAFT, _S.COMPLETE}, _S.RECEIVED, OFFICE_ROLES),
    )
}

REVISABLE = frozenset({Status.FINALIZED, Status.RETURNED})
"""Statuses a new revision may supersede (``Move.REVISE`` makes the new row)."""

ANNOTATABLE = frozenset({Status.UNDER_REVIEW})
"""Statuses in which a reviewer may comment and override levels."""


class TransitionRefused(ConflictError):
    """A status move the lifecycle does not allow (a bug or a stale screen, never a guess)."""

    default_code = "status_move_refused"


def initial_status(move: Move) -> Status:
    """The status a move that makes a new row gives it (create, revise, receive)."""
    t = TRANSITIONS[move]
    if not t.makes_row:
        raise ValueError(f"{move} changes an existing row; it does not make one")
    return t.target


def can(move: Move, current: Status | str, role: Role | None = None) -> bool:
    """Whether ``move`` may be made from ``current`` (and by ``role``, when given)."""
    t = TRANSITIONS[move]
    if t.sources is None or Status(current) not in t.sources:
        return False
    return role is None or role in t.roles


def require(move: Move, current: Status | str, role: Role) -> Status:
    """The status after ``move``; refuses a move the table does not allow."""
    t = TRANSITIONS[move]
    if t.sources is None or Status(current) not in t.sources:
        raise TransitionRefused(
            f"cannot {move.value.replace('_', ' ')} an assessment that is {current}",
            code="status_move_refused",
            move=move.value,
            status=str(current),
        )
    if role not in t.roles:
        raise TransitionRefused(
            f"a {role.value} workspace cannot {move.value.replace('_', ' ')} an assessment",
            code="status_move_role",
            move=move.value,
            role=role.value,
        )
    return t.target


def moves_from(current: Status | str, role: Role | None = None) -> list[Move]:
    """Every move possible from ``current`` (for screens that offer only what is allowed)."""
    return [m for m in TRANSITIONS if can(m, current, role)]


# --- bundles: which kind each workspace accepts ----------------------------------

BUNDLE_KIND_ROLES: dict[str, frozenset[Role]] = {
    "field": OFFICE_ROLES,  # assessor → province (or higher)
    "return": frozenset({Role.ASSESSOR}),  # province → the assessor who sent the work
    "upward": frozenset({Role.REGION, Role.NATIONAL}),  # province → region or nation
    # municipality → its province (or handed to the assessor): its own self-assessment
    "self": OFFICE_ROLES | {Role.ASSESSOR},
}


def accepts_bundle(role: Role, kind: str) -> bool:
    return role in BUNDLE_KIND_ROLES.get(kind, frozenset())


# --- the effective level ----------------------------------------------------------


def effective_level(assessor_level: int | None, override_level: int | None) -> int | None:
    """The level that scores: a standing reviewer override, else the assessor's level.

    The assessor's level is never overwritten; the override sits beside it with its
    reason, and withdrawing it (or a new revision retiring it) lets the assessor's
    level count again.
    """
    return override_level if override_level is not None else assessor_level


def effective_levels(
    assessor_levels: Mapping[str, int | None], overrides: Mapping[str, int | None]
) -> dict[str, int | None]:
    """Indicator → effective level, for every indicator answered or overridden."""
    out: dict[str, int | None] = dict(assessor_levels)
    for code, level in overrides.items():
        out[code] = effective_level(out.get(code), level)
    return out
