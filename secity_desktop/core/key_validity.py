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
* something arriving later, signed by a **revoked** key (lost or compromised), is
  refused (``revoked_key``) whatever it claims: a thief can write any time.

Times are ISO-8601 strings with an offset; they are compared as instants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

#: How long after a rotation bundles signed (before it) by the old key are still accepted.
ROTATION_GRACE_DAYS = 30

Ending = Literal["retired", "revoked"]
Verdict = Literal["ok", "not_yet_valid", "key_retired", "revoked_key"]


@dataclass(frozen=True)
class KeyWindow:
    valid_from: str
    valid_until: str | None = None
    ending: Ending | None = None  # why it ends: a rotation, or a revocation


def _t(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _claim(stamp: str) -> datetime | None:
    """A time written by the signer: unreadable (or without an offset) proves nothing."""
    try:
        t = _t(stamp)
    except ValueError:
        return None
    return t if t.tzinfo is not None else None


def judge(window: KeyWindow, received_at: str, claimed: Iterable[str] = ()) -> Verdict:
    """May content signed by this key, received at ``received_at``, claiming ``claimed`` times, count?

    ``received_at`` is the office's own clock; ``claimed`` are the signer's (e.g. revisions'
    ``finalized_at``), which only ever narrow what is accepted: an unreadable one never
    earns the rotation grace.
    """
    got = _t(received_at)
    claims = [_claim(c) for c in claimed]
    if any(c is not None and c < _t(window.valid_from) for c in claims):
        return "not_yet_valid"
    if window.valid_until is None:
        return "ok"
    until = _t(window.valid_until)
    if got < until:
        return "ok"
    if window.ending == "revoked":
        return "revoked_key"
    if got <= until + timedelta(days=ROTATION_GRACE_DAYS) and all(c is not None and c < until for c in claims):
        return "ok"
    return "key_retired"


def certificate_valid(window: KeyWindow, issued_at: str) -> bool:
    """A certificate counts if it was issued inside its signing key's window (a date or instant)."""
    issued = _t(issued_at if "T" in issued_at else issued_at + "T12:00:00+07:00")
    if issued < _t(window.valid_from):
        return False
    return window.valid_until is None or issued < _t(window.valid_until)
