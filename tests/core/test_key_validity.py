"""Validity windows: retired keys get a grace for things signed before; revoked keys get none."""

from __future__ import annotations

import pytest

from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.key_validity import (
    EPOCH,
    ROTATION_GRACE_DAYS,
    KeyWindow,
    certificate_valid,
    judge,
    signed_while_valid,
    window_of,
)

FROM = "2026-01-01T00:00:00+07:00"
UNTIL = "2026-11-20T08:00:00+07:00"
BEFORE = "2026-11-19T10:00:00+07:00"
AFTER = "2026-11-21T10:00:00+07:00"
LATE = "2027-01-15T10:00:00+07:00"  # past the grace

RETIRED = KeyWindow(FROM, UNTIL, "retired")
REVOKED = KeyWindow(FROM, UNTIL, "revoked")


@pytest.mark.parametrize(
    ("window", "received", "claimed", "verdict"),
    [
        (KeyWindow(FROM), LATE, [AFTER], "ok"),  # a current key
        (RETIRED, BEFORE, [BEFORE], "ok"),  # received before the rotation
        (REVOKED, BEFORE, [BEFORE], "ok"),  # received before the revocation: history stays
        (RETIRED, AFTER, [BEFORE], "ok"),  # in transit during the rotation, within the grace
        (RETIRED, AFTER, [AFTER], "key_retired"),  # signed (it says) after the rotation
        (RETIRED, LATE, [BEFORE], "key_retired"),  # after the grace
        (REVOKED, AFTER, [BEFORE], "revoked_key"),  # a thief can backdate: no grace
        (REVOKED, "2026-11-20T01:00:00Z", [BEFORE], "revoked_key"),  # same instant, other offset
        (RETIRED, BEFORE, ["2025-12-31T23:00:00+07:00"], "not_yet_valid"),
    ],
)
def test_judge(window: KeyWindow, received: str, claimed: list[str], verdict: str) -> None:
    assert judge(window, received, claimed) == verdict


def test_the_grace_ends() -> None:
    from datetime import datetime, timedelta

    edge = datetime.fromisoformat(UNTIL) + timedelta(days=ROTATION_GRACE_DAYS)
    assert judge(RETIRED, edge.isoformat(), [BEFORE]) == "ok"
    assert judge(RETIRED, (edge + timedelta(minutes=1)).isoformat(), [BEFORE]) == "key_retired"


@pytest.mark.parametrize("junk", ["", "yesterday", "2026-11-19T10:00:00", "2026-13-45T99:00:00+07:00"])
def test_unreadable_claims_never_earn_the_grace(junk: str) -> None:
    assert judge(RETIRED, AFTER, [junk]) == "key_retired"
    assert judge(KeyWindow(FROM), AFTER, [junk]) == "ok"


def test_certificate_windows() -> None:
    assert certificate_valid(RETIRED, "2026-06-01")
    assert not certificate_valid(RETIRED, "2026-12-01")
    assert not certificate_valid(RETIRED, "2025-06-01")
    assert certificate_valid(KeyWindow(FROM), "2030-01-01")
    assert certificate_valid(REVOKED, "2026-11-20T07:59:00+07:00")
    assert not certificate_valid(REVOKED, "2026-11-20T08:00:00+07:00")


LOST = KeyWindow(FROM, UNTIL, "revoked_from")


@pytest.mark.parametrize(
    ("received", "claimed", "verdict"),
    [
        (AFTER, [BEFORE], "ok"),  # signed before the date, arrives within the bound
        (AFTER, [AFTER], "revoked_key"),  # signed (it says) after the date
        (AFTER, [BEFORE, "junk"], "revoked_key"),  # an unreadable claim earns nothing
        (AFTER, [], "revoked_key"),  # no claim, no grace
        ("2026-12-05T08:00:01+07:00", [BEFORE], "revoked_key"),  # past the 14 days
    ],
)
def test_a_revocation_from_a_date(received: str, claimed: list[str], verdict: str) -> None:
    assert judge(LOST, received, claimed) == verdict


def _key(**kw: object) -> TrustedKey:
    base = dict(fingerprint="SHA256:x", key_id="0" * 16, public_line="", name="n", organisation="",
                position="", enrolled_at=FROM, enrolled_by="p", revoked_at=None, revoked_by=None,
                revoke_reason=None)
    return TrustedKey(**(base | kw))  # type: ignore[arg-type]


def test_window_of_a_key_from_its_history() -> None:
    assert window_of(_key()) == KeyWindow(EPOCH)
    assert window_of(_key(valid_from=FROM)) == KeyWindow(FROM)
    assert window_of(_key(retired_at=UNTIL)) == KeyWindow(EPOCH, UNTIL, "retired")
    assert window_of(_key(revoked_at=UNTIL)) == KeyWindow(EPOCH, UNTIL, "revoked")
    assert window_of(_key(revoked_at=UNTIL, revoked_from=True)) == KeyWindow(EPOCH, UNTIL, "revoked_from")
    # retired, then found stolen earlier: the earlier end (and no grace) wins
    both = _key(retired_at=UNTIL, revoked_at="2026-11-20T00:00:00+00:00")
    assert window_of(both) == KeyWindow(EPOCH, "2026-11-20T00:00:00+00:00", "revoked")
    assert signed_while_valid(_key(retired_at=UNTIL), "2026-06-01")
    assert not signed_while_valid(_key(retired_at=UNTIL), "2026-12-01")
