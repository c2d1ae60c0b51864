"""When a signature by a replaced or revoked key still counts (docs/key-rotation.md).

An SSHSIG signature carries no trustworthy time, so the only times an office can
rely on are its own: when it *received* something. Rules, per key window
``[valid_from, valid_until)`` set by key statements:

* what the office received before ``valid_until`` stays valid (history is never
  invalidated after the fact);
* something arriving later, signed by a key **retired by rotation** (not believed
  stolen), is accepted only if everything in it claims a time before
  ``valid_until`` and it arrives within :data:`ROTATION_GRACE_DAYS` (USB sticks in
  transit); otherwise ``key_retired``;
* something arriving later, signed by a key **revoked from a date** (lost: re-enrolled
  with ``--revoked-from``, or a signed ``revoke``/``reenrol`` statement), is accepted only
  if everything in it claims a time before that date and it arrives within
  :data:`REVOCATION_GRACE_DAYS` of the date; otherwise ``revoked_key``. The bound is what
  limits back-dating by whoever holds the lost key (docs/key-rotation.md, "Back-dating");
* something arriving later, signed by a key **revoked outright** (compromised, ``trust
  revoke``), is refused (``revoked_key``) whatever it claims: a thief can write any time.

"Claims" are the signed manifest's times (``created_at``, the newest event it carries, and
its audit head's ``at``, the moment it was made): covered by the signature, so only the
key's holder could have written them — and, for a lost key, the thief too, hence the bound.

Times are ISO-8601 strings with an offset; they are compared as instants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from secity_desktop.core.enrolment import TrustedKey

#: How long after a rotation bundles signed (before it) by the old key are still accepted.
ROTATION_GRACE_DAYS = 30
#: How long after a revocation *from a date* bundles claiming to be signed before that date
#: are still accepted: short, because a thief holding the lost key can back-date into it.
REVOCATION_GRACE_DAYS = 14
#: "no lower bound" for keys enrolled the ordinary way (work is signed before enrolment)
EPOCH = "1970-01-01T00:00:00+00:00"

Ending = Literal["retired", "revoked_from", "revoked"]
Verdict = Literal["ok", "not_yet_valid", "key_retired", "revoked_key"]


@dataclass(frozen=True)
class KeyWindow:
    valid_from: str
    valid_until: str | None = None
    ending: Ending | None = None  # why it ends: a rotation, or a revocation


def instant(stamp: str) -> datetime:
    """An ISO time as an aware instant (``Z`` read as UTC)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _claim(stamp: str) -> datetime | None:
    """A time written by the signer: unreadable (or without an offset) proves nothing."""
    try:
        t = instant(stamp)
    except ValueError:
        return None
    return t if t.tzinfo is not None else None


def judge(window: KeyWindow, received_at: str, claimed: Iterable[str] = ()) -> Verdict:
    """May content signed by this key, received at ``received_at``, claiming ``claimed`` times, count?

    ``received_at`` is the office's own clock; ``claimed`` are the signer's (e.g. revisions'
    ``finalized_at``), which only ever narrow what is accepted: an unreadable one never
    earns the rotation grace.
    """
    got = instant(received_at)
    claims = [_claim(c) for c in claimed]
    if any(c is not None and c < instant(window.valid_from) for c in claims):
        return "not_yet_valid"
    if window.valid_until is None:
        return "ok"
    until = instant(window.valid_until)
    if got < until:
        return "ok"
    if window.ending == "revoked":
        return "revoked_key"
    grace = ROTATION_GRACE_DAYS if window.ending == "retired" else REVOCATION_GRACE_DAYS
    if claims and got <= until + timedelta(days=grace) and all(c is not None and c < until for c in claims):
        return "ok"
    return "key_retired" if window.ending == "retired" else "revoked_key"


def late(window: KeyWindow, received_at: str) -> bool:
    """Accepted only thanks to a grace (the import report says so, for a person to check)."""
    return window.valid_until is not None and instant(received_at) >= instant(window.valid_until)


def window_of(key: TrustedKey) -> KeyWindow:
    """The validity window of an enrolled key, from its history (rotation, revocation).

    For certificates (``certificate_valid``) and bundles (``judge``) alike: from the moment
    a replacing key took over (or no lower bound), until the earlier of its retirement by a
    rotation and its revocation; ``ending`` says which, and so which grace applies.
    """
    start = key.valid_from or EPOCH
    if key.revoked_at is not None and (key.retired_at is None or instant(key.revoked_at) <= instant(key.retired_at)):
        return KeyWindow(start, key.revoked_at, "revoked_from" if key.revoked_from else "revoked")
    if key.retired_at is not None:
        return KeyWindow(start, key.retired_at, "retired")
    return KeyWindow(start)


def signed_while_valid(key: TrustedKey, at: str) -> bool:
    """Was ``at`` (an ISO instant, or a date) inside ``key``'s window? For certificate checks."""
    return certificate_valid(window_of(key), at)


def certificate_valid(window: KeyWindow, issued_at: str) -> bool:
    """A certificate counts if it was issued inside its signing key's window (a date or instant)."""
    issued = instant(issued_at if "T" in issued_at else issued_at + "T12:00:00+07:00")
    if issued < instant(window.valid_from):
        return False
    return window.valid_until is None or issued < instant(window.valid_until)
