"""The lifecycle as data: every move, who may make it, and the effective-level rule."""

from __future__ import annotations

import pytest

from secity_desktop.core.errors import ConflictError
from secity_desktop.core.lifecycle import (
    OFFICE_ROLES,
    TRANSITIONS,
    Move,
    Role,
    Status,
    TransitionRefused,
    accepts_bundle,
    can,
    effective_level,
    effective_levels,
    initial_status,
    is_office,
    may_edit_answers,
    may_review,
    moves_from,
    require,
)

S = Status
OFFICE = (Role.PROVINCE, Role.REGION, Role.NATIONAL)

# (move, statuses it may start from or None for a new row, status after, roles allowed)
EXPECTED = [
    (Move.CREATE, None, S.DRAFT, set(Role)),
    (Move.COMPLETE, {S.DRAFT, S.RETURNED}, S.COMPLETE, set(Role)),
    (Move.UNCOMPLETE, {S.COMPLETE}, S.DRAFT, set(Role)),
    (Move.FINALIZE, {S.DRAFT, S.COMPLETE}, S.FINALIZED, set(Role)),
    (Move.REVISE, None, S.DRAFT, set(Role)),
    (Move.RECEIVE, None, S.RECEIVED, set(Role)),
    (Move.START, {S.RECEIVED, S.FINALIZED, S.COMPLETE}, S.UNDER_REVIEW, set(OFFICE)),
    (Move.APPROVE, {S.UNDER_REVIEW}, S.APPROVED, set(OFFICE)),
    (Move.RETURN, {S.UNDER_REVIEW}, S.RETURNED, set(OFFICE)),
    (Move.RESUBMIT, set(S), S.RECEIVED, set(OFFICE)),
    (Move.REOPEN, set(S), S.UNDER_REVIEW, set(OFFICE)),
    (Move.RECEIVE_RETURN, set(S), S.RETURNED, {Role.ASSESSOR}),
    (Move.RECEIVE_APPROVAL, set(S), S.APPROVED, {Role.REGION, Role.NATIONAL}),
    (Move.DEMO_RECEIVE, {S.DRAFT, S.COMPLETE}, S.RECEIVED, set(OFFICE)),
]


def test_the_table_is_exactly_the_documented_lifecycle() -> None:
    assert set(TRANSITIONS) == set(Move)
    for move, sources, target, roles in EXPECTED:
        t = TRANSITIONS[move]
        assert (t.sources, t.target, set(t.roles)) == (
            None if sources is None else frozenset(sources), target, roles
        ), move


@pytest.mark.parametrize(("move", "sources", "target", "roles"), EXPECTED)
def test_require_allows_exactly_the_table(move, sources, target, roles) -> None:  # type: ignore[no-untyped-def]
    for status in Status:
        for role in Role:
            allowed = sources is not None and status in sources and role in roles
            assert can(move, status, role) is allowed
            if allowed:
                assert require(move, status, role) is target
            else:
                with pytest.raises(TransitionRefused) as err:
                    require(move, status, role)
                assert isinstance(err.value, ConflictError)
                assert err.value.code in ("status_move_refused", "status_move_role")


def test_new_rows_get_their_status_from_the_table() -> None:
    assert initial_status(Move.CREATE) is S.DRAFT
    assert initial_status(Move.REVISE) is S.DRAFT
    assert initial_status(Move.RECEIVE) is S.RECEIVED
    with pytest.raises(ValueError):
        initial_status(Move.APPROVE)


def test_refusals_name_the_move_and_the_reason() -> None:
    with pytest.raises(TransitionRefused, match="cannot approve an assessment that is draft") as e:
        require(Move.APPROVE, S.DRAFT, Role.PROVINCE)
    assert e.value.params == {"move": "approve", "status": "draft"}
    with pytest.raises(TransitionRefused, match="assessor workspace cannot start") as e:
        require(Move.START, S.RECEIVED, Role.ASSESSOR)
    assert e.value.code == "status_move_role"


def test_moves_from_lists_what_a_screen_may_offer() -> None:
    assert moves_from(S.UNDER_REVIEW, Role.PROVINCE) == [
        Move.APPROVE, Move.RETURN, Move.RESUBMIT, Move.REOPEN
    ]
    assert moves_from(S.DRAFT, Role.ASSESSOR) == [
        Move.COMPLETE, Move.FINALIZE, Move.RECEIVE_RETURN
    ]
    assert Move.START not in moves_from(S.RECEIVED, Role.ASSESSOR)


def test_editable_statuses() -> None:
    assert {s for s in Status if s.editable} == {S.DRAFT, S.RETURNED}


def test_role_policy() -> None:
    assert frozenset(OFFICE) == OFFICE_ROLES
    assert [r for r in Role if is_office(r)] == list(OFFICE)
    assert [r for r in Role if may_review(r)] == list(OFFICE)
    # an office never edits answers it received; its own (demo, training) ones it may
    assert not may_edit_answers(Role.PROVINCE, received=True)
    assert not may_edit_answers(Role.NATIONAL, received=True)
    assert may_edit_answers(Role.PROVINCE, received=False)
    assert may_edit_answers(Role.ASSESSOR, received=True)


@pytest.mark.parametrize(
    ("kind", "roles"),
    [
        ("field", set(OFFICE)),
        ("return", {Role.ASSESSOR}),
        ("upward", {Role.REGION, Role.NATIONAL}),
        ("self", set(OFFICE) | {Role.ASSESSOR}),
        ("other", set()),
    ],
)
def test_which_workspace_accepts_which_bundle(kind: str, roles: set[Role]) -> None:
    assert {r for r in Role if accepts_bundle(r, kind)} == roles


def test_effective_level_is_a_standing_override_else_the_assessors() -> None:
    assert effective_level(3, None) == 3
    assert effective_level(3, 1) == 1
    assert effective_level(None, 2) == 2
    assert effective_level(None, None) is None
    assert effective_level(3, 0) == 0  # a zero override is an override, not "none"
    assert effective_levels({"1.1": 3, "1.2": None, "1.3": 2}, {"1.1": 0, "2.1": 4}) == {
        "1.1": 0, "1.2": None, "1.3": 2, "2.1": 4,
    }
