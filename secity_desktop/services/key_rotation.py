"""Rotating a signing key, and applying a rotation at the office (issue 14, first slice).

``secity key rotate`` makes a new key and a *rotation statement* (crypto/rotation.py)
signed by the old key — the holder wants the change — and by the new one — possession.
The old key files are kept beside the new ones as ``assessor_ed25519.retired-<key id>``,
the private half re-protected under the *new* passphrase so that a bundle sealed to the old
key while in transit still opens (``Identity.unlock_for_reading``); a person may delete it
(``secity key forget-retired``), the ``.pub`` half stays for the history. The statement file goes to the
office with the new public key.

``secity trust apply STATEMENT`` (any kind: rotate, reenrol, revoke) goes through
``services.key_statements``, which also applies the statements bundles carry: a rotation
retires the old key (not revoked: its past signatures stand, late bundles get a grace),
a re-enrolment or revocation revokes it *from a date* (core/key_validity.py).

``reenrol`` is the lost-key path at the office: the new key is enrolled (checked out of band),
the old one revoked from a date, and a ``reenrol`` statement kept to travel in the office's
return and upward bundles (signed with the office key when each is written).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from secity_desktop import digests
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import ConflictError
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys, rotation
from secity_desktop.services import key_statements
from secity_desktop.services.identity import (
    KEY_FILE,
    RETIRED_PREFIX,
    Identity,
    check_new_passphrase,
)
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from secity_desktop.store import trust as trust_store


@dataclass(frozen=True)
class Rotated:
    old_fingerprint: str
    new_fingerprint: str
    new_public_line: str
    statement: Path
    retired_key: Path


def rotate(ws: Workspace, old_passphrase: bytes, new_passphrase: bytes, statement_dir: Path,
           reason: str = "") -> Rotated:
    """Make the new key and the signed statement; the old key files are kept, renamed."""
    ident = Identity(ws)
    old = ident.unlock(old_passphrase)
    check_new_passphrase(new_passphrase)
    new = keys.generate()
    prof = ident.profile()
    now = now_iso()
    st = rotation.statement(
        "rotate", holder=rotation.Holder(name=prof.name, organisation=prof.organisation,
                                         position=prof.position, province=prof.province),
        old=old.public_key(), new=new.public_key(), made_by=old.public_key(),
        effective_at=now, made_at=now, reason=reason or "key rotation",
    )
    envelope = rotation.sign(st, {"old": old, "new": new})
    old_id, new_id = keys.key_id(old.public_key()), keys.key_id(new.public_key())
    path = ident.key_path
    staged = path.with_name(KEY_FILE + ".new")
    keys.write_private(new, staged, new_passphrase, prof.name)
    # The old private key stays, re-protected under the NEW passphrase (same OpenSSH format,
    # today's rounds): bundles sealed to it while in transit still open with one prompt.
    # Earlier retired keys follow the passphrase too. Never written unencrypted.
    ident.rewrap_retired(old_passphrase, new_passphrase)
    retired = path.with_name(f"{RETIRED_PREFIX}{old_id}")
    keys.write_private(old, retired, new_passphrase, keys.read_comment(path))  # + its .pub
    os.replace(staged, path)
    os.replace(staged.with_name(staged.name + ".pub"), path.with_name(KEY_FILE + ".pub"))
    statement_dir.mkdir(parents=True, exist_ok=True)
    out = statement_dir / f"secity-rotation-{old_id}-{new_id}.json"
    out.write_bytes(envelope)
    copy = path.with_name(out.name)  # kept with the keys too, in case the stick is lost
    copy.write_bytes(envelope)
    with ws.db.atomic():
        key_statements.record_made(
            ws, "rotate", holder=st.holder, old=keys.public_line(old.public_key(), ""),
            new=keys.public_line(new.public_key(), ""), effective_at=now,
            reason=reason or "key rotation", envelope=envelope)
        audit.append(ws.db, actor=ws.actor, action="key.rotate", at=now, reason=reason or None,
                     old={"fingerprint": keys.fingerprint(old.public_key())},
                     new={"fingerprint": keys.fingerprint(new.public_key()),
                          "statement_sha256": digests.sha256(envelope).hexdigest()})
    return Rotated(keys.fingerprint(old.public_key()), keys.fingerprint(new.public_key()),
                   keys.public_line(new.public_key(), prof.name), out, retired)


def apply_statement(ws: Workspace, envelope: bytes, actor: str | None = None) -> TrustedKey:
    """At the office (or an assessor): apply a key statement received as a file.

    A rotation moves the enrolment to the new key and retires the old one; a re-enrolment
    enrols the new key and revokes the old one from its date; a revocation revokes from its
    date (services/key_statements.py). Returns the key the statement leaves in effect: the new
    one, or the revoked one. Applying the same statement again is refused (``already``).
    """
    note = key_statements.apply(ws, envelope, source="file", actor=actor)
    if note.outcome == "already":
        raise ConflictError(
            f"this {note.kind} statement is already in effect here; nothing changed",
            code="key_statement.already", kind=note.kind,
        )
    assert note.key is not None
    return note.key


def reenrol(ws: Workspace, public_text: str, replaces: str, reason: str, *,
            revoked_from: str | None = None, actor: str | None = None) -> TrustedKey:
    """The old key is lost: enrol the holder's new key (checked out of band by a person) and
    revoke the old one from ``revoked_from`` (default now), with the recorded ``reason``.

    What this office received from the old key before stays valid (history is not rewritten);
    from now on every bundle signed by the old key is refused (``revoked_key``) whatever time
    it claims, since whoever holds a lost key can write any time (core/key_validity.py).
    """
    from secity_desktop.core.errors import ValidationError
    from secity_desktop.services.trust import TrustService

    if not reason.strip():
        raise ValidationError("say why the key is replaced (it is kept with the enrolment)",
                              code="rotation.reason_required")
    db, by, now = ws.db, actor or ws.actor, now_iso()
    trust = TrustService(ws)
    old = trust.get(replaces)
    when = _instant(revoked_from) if revoked_from else now
    if _later(when, now):
        raise ValidationError(f"the revocation date {when} is in the future",
                              code="rotation.future_date", date=when)
    office = trust_store.is_office(db, old.fingerprint)
    with db.atomic():
        new = trust.add(public_text, name=old.name, organisation=old.organisation,
                        position=old.position, actor=by, office=office, role=old.role,
                        municipality=old.municipality_code)
        trust_store.set_valid_from(db, new.fingerprint, when)
        if not old.revoked:
            trust_store.mark_revoked(db, old.fingerprint, when, by,
                                     f"re-enrolled as {new.fingerprint}: {reason}", from_date=True)
        key_statements.record_made(ws, "reenrol", holder=old, old=old.public_line,
                                   new=new.public_line, effective_at=when, reason=reason, actor=by)
        audit.append(db, actor=by, action="trust.reenrol", at=now, target=new.fingerprint,
                     reason=reason, old={"fingerprint": old.fingerprint},
                     new={"fingerprint": new.fingerprint, "revoked_from": when})
    return trust_store.get(db, new.fingerprint)


def _instant(text: str) -> str:
    """A revocation date as an instant: a bare date is its first moment in Thailand."""
    from datetime import datetime

    from secity_desktop.core.errors import ValidationError

    t = text.strip()
    if len(t) == 10:
        t += "T00:00:00+07:00"
    try:
        parsed = datetime.fromisoformat(t.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(f"{text!r} is not a date (YYYY-MM-DD) or ISO date-time",
                              code="rotation.bad_date", date=text[:40]) from None
    if parsed.tzinfo is None:
        parsed = datetime.fromisoformat(t + "+07:00")
    return parsed.isoformat()


def _later(a: str, b: str) -> bool:
    from datetime import datetime

    return datetime.fromisoformat(a) > datetime.fromisoformat(b)
