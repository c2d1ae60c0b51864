"""A signing key's validity window, and whether a *signature's own time* falls inside it.

``core/key_validity.py`` judges bundles by when the office **received** them (its own
clock). A certificate is never "received": it is shown to whoever checks it, years later,
so the only time it has is the one its signer wrote into it (``signed_at``). This module
judges that time against two windows (docs/certificates.md, "Key validity window"):

* the window the certificate **states** (the signing office's own record of its key when
  it signed: from the key's creation/enrolment, until its rotation/revocation or still
  open). A time outside it means the certificate contradicts itself
  (``outside_stated_window``);
* the window the **verifying** workspace knows from its own history of the key
  (:class:`KeyHistory`: a rotation retires a key, a revocation from a date revokes it).
  Signed at or after a revocation: ``revoked_key``; at or after a rotation:
  ``key_retired``; before the key existed: ``not_yet_valid``.

A rotated key gets no grace here (unlike bundles in transit): the holder has stopped
signing with it, so a certificate signed by it afterwards is not one its office made.

What no window can catch: whoever holds a stolen key can write any ``signed_at``, so a
certificate backdated to before the revocation date passes; only the issuing office's
register (the ``certificate.issue`` audit events) tells it apart. The signature does
stop anyone else from changing the stated window or time.

Times are ISO-8601 instants with an offset; payloads carry them in UTC as
``YYYY-MM-DDTHH:MM:SSZ`` (:func:`utc_stamp`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from secity_desktop.core.key_validity import KeyWindow

Verdict = Literal["ok", "not_yet_valid", "key_retired", "revoked_key"]

STAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@dataclass(frozen=True)
class KeyHistory:
    """What one workspace knows of one key, from its own records.

    ``valid_from`` is None when this workspace does not know when the key began (a key
    enrolled here was made earlier, elsewhere: enrolment is when *we* learnt of it, not
    when it started signing). ``retired_at`` comes from a rotation (the key is not
    believed stolen), ``revoked_at`` from a revocation from a date (lost or compromised).
    """

    fingerprint: str
    valid_from: str | None = None
    retired_at: str | None = None
    revoked_at: str | None = None
    source: str = ""  # "own" (this workspace's key), "enrolled" (trust registry)

    @property
    def valid_until(self) -> str | None:
        ends = [t for t in (self.retired_at, self.revoked_at) if t]
        return min(ends, key=instant) if ends else None

    @property
    def ending(self) -> Literal["retired", "revoked"] | None:
        until = self.valid_until
        if until is None:
            return None
        return "revoked" if until == self.revoked_at else "retired"

    def window(self) -> KeyWindow:
        """The same facts as ``core.key_validity``'s window (for joining the two)."""
        return KeyWindow(self.valid_from or "0001-01-01T00:00:00+00:00", self.valid_until,
                         self.ending)


def instant(stamp: str) -> datetime:
    """An ISO instant (``Z`` or an offset); a bare date counts as noon in Thailand.

    Whole seconds: payloads carry seconds, the audit log microseconds, and a key
    created a fraction of a second before it signs must not look "not yet valid".
    """
    text = stamp.replace("Z", "+00:00")
    if "T" not in text:
        text += "T12:00:00+07:00"
    t = datetime.fromisoformat(text).replace(microsecond=0)
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)


def utc_stamp(stamp: str) -> str:
    """The compact UTC form a certificate payload carries (seconds; small QR codes)."""
    return instant(stamp).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def inside(signed_at: str, valid_from: str, valid_until: str | None) -> bool:
    """``valid_from <= signed_at < valid_until`` (an open end is still valid)."""
    t = instant(signed_at)
    if t < instant(valid_from):
        return False
    return valid_until is None or t < instant(valid_until)


def judge_signing(history: KeyHistory, signed_at: str) -> Verdict:
    """Was the key valid, as this workspace knows it, at the time the signature claims?

    A revocation outranks a rotation: a key retired and later found stolen is revoked
    from the date the office chose, and anything signed from then on is ``revoked_key``.
    """
    t = instant(signed_at)
    if history.revoked_at and t >= instant(history.revoked_at):
        return "revoked_key"
    if history.retired_at and t >= instant(history.retired_at):
        return "key_retired"
    if history.valid_from and t < instant(history.valid_from):
        return "not_yet_valid"
    return "ok"
