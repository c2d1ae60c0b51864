"""Validity windows: retired keys get a grace for things signed before; revoked keys get none."""

from __future__ import annotations

import pytest

from secity_desktop.core.key_validity import (
    ROTATION_GRACE_DAYS,
    KeyWindow,
    certificate_valid,
    judge,
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
