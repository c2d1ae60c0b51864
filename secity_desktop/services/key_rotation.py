"""Rotating a signing key, and applying a rotation at the office (issue 14, first slice).

``secity key rotate`` makes a new key and a *rotation statement* (crypto/rotation.py)
signed by the old key — the holder wants the change — and by the new one — possession.
The old key files are kept beside the new ones as ``signing_key.retired-<key id>``
(never deleted: they signed the workspace's history). The statement file goes to the
office with the new public key.

``secity trust apply STATEMENT`` at the office checks the statement completely, requires
the old key to be enrolled here and not revoked, then in one transaction enrols the new
key with the old one's holder details (and office flag), retires the old key (marked
revoked, reason "rotated to …"), and records both in the audit log with the statement's
SHA-256 — the enrolment's history is the two rows and the events.

Not built yet (docs/key-rotation.md, issue 14): re-enrolment after a lost key with a
revocation *from a date* (the reader refuses a revoked key's bundles whatever their date),
statements travelling in return/upward bundles, the GUI button, certificate validity windows.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import ConflictError, NotFoundError
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys, rotation
from secity_desktop.services.identity import KEY_FILE, Identity, check_new_passphrase
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
    retired = path.with_name(f"{KEY_FILE}.retired-{old_id}")
    os.replace(path, retired)
    os.replace(path.with_name(KEY_FILE + ".pub"), retired.with_name(retired.name + ".pub"))
    os.replace(staged, path)
    os.replace(staged.with_name(staged.name + ".pub"), path.with_name(KEY_FILE + ".pub"))
    statement_dir.mkdir(parents=True, exist_ok=True)
    out = statement_dir / f"secity-rotation-{old_id}-{new_id}.json"
    out.write_bytes(envelope)
    copy = path.with_name(out.name)  # kept with the keys too, in case the stick is lost
    copy.write_bytes(envelope)
    with ws.db.atomic():
        audit.append(ws.db, actor=ws.actor, action="key.rotate", at=now, reason=reason or None,
                     old={"fingerprint": keys.fingerprint(old.public_key())},
                     new={"fingerprint": keys.fingerprint(new.public_key()),
                          "statement_sha256": hashlib.sha256(envelope).hexdigest()})
    return Rotated(keys.fingerprint(old.public_key()), keys.fingerprint(new.public_key()),
                   keys.public_line(new.public_key(), prof.name), out, retired)


def apply_statement(ws: Workspace, envelope: bytes, actor: str | None = None) -> TrustedKey:
    """At the office: move an enrolment to the new key of a verified rotation statement."""
    st = rotation.verify(envelope)
    if st.kind != "rotate":
        raise ConflictError(
            f"a {st.kind} statement is not applied here yet; enrol the new key by hand",
            code="rotation.unsupported", kind=st.kind,
        )
    assert st.new is not None  # a rotation always names the new key (checked by verify)
    db, by, now = ws.db, actor or ws.actor, now_iso()
    old = trust_store.find(db, st.old.fingerprint)
    if old is None:
        raise NotFoundError(
            f"the old key {st.old.fingerprint} is not enrolled here, so its rotation cannot be "
            "applied; enrol the new key by hand after checking its fingerprint",
            code="rotation.old_not_enrolled", fingerprint=st.old.fingerprint,
        )
    if old.revoked:
        raise ConflictError(
            f"the old key {old.fingerprint} was revoked on {old.revoked_at}; a revoked key "
            "cannot hand its enrolment on",
            code="rotation.old_revoked", fingerprint=old.fingerprint, revoked_at=old.revoked_at,
        )
    if trust_store.find(db, st.new.fingerprint) is not None:
        raise ConflictError(f"the new key {st.new.fingerprint} is already enrolled here",
                            code="rotation.new_enrolled", fingerprint=st.new.fingerprint)
    office = trust_store.is_office(db, old.fingerprint)
    key = TrustedKey(
        fingerprint=st.new.fingerprint, key_id=st.new.key_id, public_line=st.new.public_key,
        name=old.name, organisation=old.organisation, position=old.position,
        enrolled_at=now, enrolled_by=by, revoked_at=None, revoked_by=None, revoke_reason=None,
    )
    sha = hashlib.sha256(envelope).hexdigest()
    with db.atomic():
        trust_store.insert(db, key)
        if office:
            trust_store.set_office(db, key.fingerprint, True)
        trust_store.mark_revoked(db, old.fingerprint, now, by,
                                 f"rotated to {key.fingerprint}: {st.reason}")
        audit.append(db, actor=by, action="trust.rotate", at=now, target=key.fingerprint,
                     old={"fingerprint": old.fingerprint}, reason=st.reason,
                     new={"fingerprint": key.fingerprint, "name": key.name,
                          "statement_sha256": sha, "effective_at": st.effective_at})
    return trust_store.get(db, key.fingerprint)


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
    when = revoked_from or now
    if when > now:
        raise ValidationError(f"the revocation date {when} is in the future",
                              code="rotation.future_date", date=when)
    office = trust_store.is_office(db, old.fingerprint)
    with db.atomic():
        new = trust.add(public_text, name=old.name, organisation=old.organisation,
                        position=old.position, actor=by, office=office)
        if not old.revoked:
            trust_store.mark_revoked(db, old.fingerprint, when, by,
                                     f"re-enrolled as {new.fingerprint}: {reason}")
        audit.append(db, actor=by, action="trust.reenrol", at=now, target=new.fingerprint,
                     reason=reason, old={"fingerprint": old.fingerprint},
                     new={"fingerprint": new.fingerprint, "revoked_from": when})
    return trust_store.get(db, new.fingerprint)
