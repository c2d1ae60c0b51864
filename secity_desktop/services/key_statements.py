"""Applying signed key statements — from a file or carried in a bundle — with their history.

One door for ``secity trust apply FILE``, the GUI's "Apply key statement…" and the import's
finish transaction (docs/key-rotation.md):

* a statement is **verified** first: a rotation by the old and new keys' signatures, a
  re-enrolment or revocation by an *office* key enrolled here and active (``trust add
  --office``); one that cannot be verified is refused with a stable code and never applied;
* **rotate**: the new key is enrolled with the old one's holder, role and office flag, valid
  from the statement's ``effective_at``; the old key is *retired* from then (not revoked:
  what it signed stands, and late bundles get the rotation grace);
* **reenrol**: the new key is enrolled likewise and the old one revoked *from* the date;
* **revoke**: the key is revoked from the date;
* each statement is kept (``key_statements``: kind, keys, times, the envelope, where it came
  from, what applying it did) and audited, in the caller's transaction. A statement whose key
  is not enrolled here is kept as ``not_enrolled`` (a region learns of a province's assessor
  revocations that way); one already in effect as ``already``.

Statements this workspace *makes* travel in its bundles: an assessor's own rotations in its
field bundles, an office's own rotations and its revocations and re-enrolments in return and
upward bundles (:func:`carried`). An office's revocation or re-enrolment is kept unsigned
(``signed = 0``) and signed with the office key when a bundle is written — the key is
unlocked then anyway, and SSHSIG is deterministic, so each bundle carries the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop import digests
from secity_desktop.bundle.read import VerifiedBundle
from secity_desktop.bundle.statements import history_key
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import (
    ConflictError,
    NotFoundError,
    SecityError,
    SignatureError,
    ValidationError,
)
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys, rotation
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from secity_desktop.store import key_statements as rows
from secity_desktop.store import trust as trust_store

Outcome = Literal["applied", "already", "not_enrolled", "refused"]


@dataclass(frozen=True)
class StatementNote:
    """What one key statement did, or would do (the dry run), or why it was refused."""

    outcome: Outcome
    kind: str = ""
    holder: str = ""
    old_fingerprint: str = ""
    new_fingerprint: str | None = None
    effective_at: str = ""
    reason: str = ""
    bundle: str | None = None
    #: the refusal, for ``refused``: a stable code and the exception (rendered in Thai)
    code: str | None = None
    error: SecityError | None = field(default=None, compare=False)
    key: TrustedKey | None = field(default=None, compare=False)

    def as_json(self) -> dict[str, object]:
        return {"outcome": self.outcome, "kind": self.kind, "holder": self.holder,
                "old_fingerprint": self.old_fingerprint, "new_fingerprint": self.new_fingerprint,
                "effective_at": self.effective_at, "reason": self.reason, "bundle": self.bundle,
                "code": self.code, "message": str(self.error) if self.error else None}


# --- checking -----------------------------------------------------------------------------
def _office_keys(ws: Workspace) -> list[TrustedKey]:
    flagged = {k.fingerprint: k for k in trust_store.office_keys(ws.db)}
    flagged |= {k.fingerprint: k for k in trust_store.all_keys(ws.db) if k.role == "office"}
    return [k for k in flagged.values() if k.active]


def verify(ws: Workspace, envelope: bytes,
           makers: Sequence[TrustedKey] = ()) -> rotation.KeyStatement:
    """The statement, once its signatures hold for this workspace; raises with a stable code.

    A re-enrolment or revocation must be made by an office key enrolled here and active
    (``--office``, or role ``office``), or by ``makers``: the office that signed the return
    or upward bundle carrying it (already trusted to speak for its assessors and itself).
    """
    offices = [*_office_keys(ws), *makers]
    try:
        return rotation.verify(envelope, [keys.load_public(k.public_line) for k in offices])
    except SignatureError as exc:
        made_by = _made_by(envelope)
        if exc.reason == "unknown_key" and made_by not in {k.fingerprint for k in offices}:
            raise ValidationError(
                f"the statement is made by {made_by}, which is not an office key enrolled here;"
                " nothing was applied",
                code="key_statement.unknown_office", fingerprint=made_by or "?",
            ) from None
        raise ValidationError(f"a signature on the key statement does not hold ({exc.reason});"
                              " nothing was applied", code="key_statement.bad_signature") from None


def _made_by(envelope: bytes) -> str:
    try:
        return str(json.loads(json.loads(envelope)["statement"])["made_by"]["fingerprint"])
    except (ValueError, KeyError, TypeError):
        return ""


def _note(st: rotation.KeyStatement, outcome: Outcome, bundle: str | None,
          key: TrustedKey | None = None) -> StatementNote:
    return StatementNote(outcome, st.kind, st.holder.name, st.old.fingerprint,
                         st.new.fingerprint if st.new else None, st.effective_at, st.reason,
                         bundle, key=key)


def refused(exc: SecityError, bundle: str | None) -> StatementNote:
    return StatementNote("refused", bundle=bundle, code=exc.code, error=exc)


def preview(ws: Workspace, envelope: bytes, bundle: str | None = None,
            makers: Sequence[TrustedKey] = ()) -> StatementNote:
    """What applying would do (database reads only): the dry run's line for one statement."""
    try:
        st = verify(ws, envelope, makers)
        return _note(st, _decide(ws, st, strict=False), bundle)
    except SecityError as exc:
        return refused(exc, bundle)


def _decide(ws: Workspace, st: rotation.KeyStatement, *, strict: bool) -> Outcome:
    """applied / already / not_enrolled, or raise for a statement this workspace must refuse."""
    db = ws.db
    old = trust_store.find(db, st.old.fingerprint)
    new = trust_store.find(db, st.new.fingerprint) if st.new else None
    if old is None:
        if strict:
            raise NotFoundError(
                f"the key {st.old.fingerprint} is not enrolled here, so the statement about it"
                " cannot be applied; enrol the new key by hand after checking its fingerprint",
                code="rotation.old_not_enrolled", fingerprint=st.old.fingerprint,
            )
        return "not_enrolled"
    if st.kind == "revoke":
        return "already" if old.revoked else "applied"
    if new is not None:
        done = old.retired if st.kind == "rotate" else old.revoked
        if done:
            return "already"
        raise ConflictError(f"the new key {new.fingerprint} is already enrolled here",
                            code="rotation.new_enrolled", fingerprint=new.fingerprint)
    if st.kind == "rotate":
        if old.revoked:
            raise ConflictError(
                f"the old key {old.fingerprint} was revoked on {old.revoked_at}; a revoked key "
                "cannot hand its enrolment on",
                code="rotation.old_revoked", fingerprint=old.fingerprint, revoked_at=old.revoked_at,
            )
        if old.retired:
            raise ConflictError(
                f"the old key {old.fingerprint} was already replaced on {old.retired_at}",
                code="rotation.old_retired", fingerprint=old.fingerprint, retired_at=old.retired_at,
            )
    return "applied"


# --- applying -----------------------------------------------------------------------------
def apply(ws: Workspace, envelope: bytes, *, source: str = "file", bundle: str | None = None,
          bundle_sha256: str | None = None, actor: str | None = None,
          strict: bool = True, makers: Sequence[TrustedKey] = ()) -> StatementNote:
    """Verify and apply one statement, in the caller's transaction (or its own)."""
    st = verify(ws, envelope, makers)
    with ws.db.atomic():
        outcome = _decide(ws, st, strict=strict)
        by, now = actor or ws.actor, now_iso()
        key = _change(ws, st, by, now, envelope) if outcome == "applied" else None
        sha = digests.sha256(envelope).hexdigest()
        if rows.by_sha(ws.db, sha) is None:
            rows.insert(ws.db, rows.StatementRow(
                None, "received", st.kind, st.old.fingerprint,
                st.new.fingerprint if st.new else None, st.effective_at, st.made_at, st.reason,
                envelope.decode("utf-8"), True, sha, source, bundle_sha256, outcome, now, by))
        if outcome != "applied":
            audit.append(ws.db, actor=by, action="trust.statement", at=now,
                         target=st.old.fingerprint, reason=st.reason,
                         new={"kind": st.kind, "outcome": outcome, "statement_sha256": sha,
                              "source": source, "bundle_sha256": bundle_sha256})
    return _note(st, outcome, bundle, key)


def _change(ws: Workspace, st: rotation.KeyStatement, by: str, now: str, envelope: bytes) -> TrustedKey:
    db = ws.db
    old = trust_store.get(db, st.old.fingerprint)
    sha = digests.sha256(envelope).hexdigest()
    detail = {"statement_sha256": sha, "effective_at": st.effective_at,
              "made_by": st.made_by.fingerprint}
    if st.kind == "revoke":
        trust_store.mark_revoked(db, old.fingerprint, st.effective_at, by,
                                 f"revoked by {st.made_by.fingerprint}: {st.reason}", from_date=True)
        audit.append(db, actor=by, action="trust.revoke", at=now, target=old.fingerprint,
                     reason=st.reason, new=detail | {"revoked_from": st.effective_at})
        return trust_store.get(db, old.fingerprint)
    assert st.new is not None
    key = TrustedKey(
        fingerprint=st.new.fingerprint, key_id=st.new.key_id, public_line=st.new.public_key,
        name=old.name, organisation=old.organisation, position=old.position,
        enrolled_at=now, enrolled_by=by, revoked_at=None, revoked_by=None, revoke_reason=None,
        role=old.role, municipality_code=old.municipality_code, valid_from=st.effective_at,
    )
    trust_store.insert(db, key)
    if trust_store.is_office(db, old.fingerprint):
        trust_store.set_office(db, key.fingerprint, True)
    if st.kind == "rotate":
        trust_store.mark_retired(db, old.fingerprint, st.effective_at)
    elif not old.revoked:
        trust_store.mark_revoked(db, old.fingerprint, st.effective_at, by,
                                 f"re-enrolled as {key.fingerprint}: {st.reason}", from_date=True)
    audit.append(db, actor=by, action=f"trust.{st.kind}", at=now, target=key.fingerprint,
                 old={"fingerprint": old.fingerprint}, reason=st.reason,
                 new=detail | {"fingerprint": key.fingerprint, "name": key.name})
    return trust_store.get(db, key.fingerprint)


def apply_carried(ws: Workspace, envelopes: Sequence[bytes], *, bundle: str, bundle_sha256: str,
                  actor: str | None = None, makers: Sequence[TrustedKey] = ()) -> list[StatementNote]:
    """Inside the import's transaction: every statement a verified bundle carries.

    A statement that does not verify (or that this workspace must refuse) is reported and
    audited, never applied; the bundle itself is not refused for it.
    """
    notes = []
    for env in envelopes:
        try:
            notes.append(apply(ws, env, source="bundle", bundle=bundle, bundle_sha256=bundle_sha256,
                               actor=actor, strict=False, makers=makers))
        except SecityError as exc:
            audit.append(ws.db, actor=actor or ws.actor, action="trust.statement_refused",
                         new={"code": exc.code, "bundle_sha256": bundle_sha256,
                              "statement_sha256": digests.sha256(env).hexdigest()})
            notes.append(refused(exc, bundle))
    return notes


# --- statements made here, carried in outgoing bundles -------------------------------------
def record_made(ws: Workspace, kind: rotation.Kind, *, holder: TrustedKey | rotation.Holder,
                old: str, new: str | None, effective_at: str, reason: str,
                envelope: bytes | None = None, actor: str | None = None) -> None:
    """Keep a statement made here so this workspace's bundles carry it (caller's transaction).

    ``old``/``new`` are public-key lines. With ``envelope`` (a rotation, signed by the old and
    new keys) it is kept as signed; otherwise the fields are kept and signed by this office's
    key whenever a return or upward bundle is written.
    """
    now = now_iso()
    h = holder if isinstance(holder, rotation.Holder) else rotation.Holder(
        name=holder.name, organisation=holder.organisation, position=holder.position)
    if envelope is not None:
        st = rotation.verify(envelope)
        document, signed = envelope.decode("utf-8"), True
        made_at = st.made_at
    else:
        made_at = now
        document = json.dumps({
            "kind": kind, "holder": h.model_dump(mode="json"), "old": old, "new": new,
            "effective_at": effective_at, "reason": reason, "made_at": made_at,
        }, ensure_ascii=False, sort_keys=True)
        signed = False
    rows.insert(ws.db, rows.StatementRow(
        None, "made", kind, keys.fingerprint(keys.load_public(old)),
        keys.fingerprint(keys.load_public(new)) if new else None, effective_at, made_at, reason,
        document, signed, digests.sha256(document.encode("utf-8")).hexdigest(), "local", None,
        "made", now, actor or ws.actor))


@dataclass(frozen=True)
class Carried:
    """Statements an outgoing bundle carries: signed ones as they are, drafts to sign."""

    signed: tuple[str, ...] = ()
    drafts: tuple[str, ...] = ()

    def envelopes(self, key: Ed25519PrivateKey) -> list[str]:
        """Every statement as an envelope; drafts are signed by ``key`` (the office's)."""
        out = list(self.signed)
        for text in self.drafts:
            d = json.loads(text)
            if d["old"] == keys.public_line(key.public_key(), "") or d["new"] == keys.public_line(
                    key.public_key(), ""):
                continue  # a statement about the signing key itself cannot be made by it
            st = rotation.statement(
                d["kind"], holder=rotation.Holder(**d["holder"]), old=keys.load_public(d["old"]),
                new=keys.load_public(d["new"]) if d["new"] else None, made_by=key.public_key(),
                effective_at=d["effective_at"], made_at=d["made_at"], reason=d["reason"])
            out.append(rotation.sign(st, {"office": key}).decode("utf-8"))
        return out


NOTHING = Carried()


def carried(ws: Workspace, kind: str) -> Carried:
    """What a bundle of ``kind`` carries: a field or self bundle its sender's own rotations;
    a return or upward bundle every statement made here (rotations, revocations, re-enrolments)."""
    made = rows.made(ws.db)
    if kind in ("field", "self"):
        made = [r for r in made if r.kind == "rotate" and r.signed]
    return Carried(tuple(r.document for r in made if r.signed),
                   tuple(r.document for r in made if not r.signed))


def write_statement_files(ws: Workspace, key: Ed25519PrivateKey, folder: Path) -> list[Path]:
    """Every statement made here, signed (drafts with ``key``), one file each, for ``trust apply``."""
    from secity_desktop.services.bundle_export import require_own_key
    from secity_desktop.services.identity import Identity

    require_own_key(key, Identity(ws).person())
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for text in carried(ws, "return").envelopes(key):
        st = rotation.verify(text.encode("utf-8"), [key.public_key()])
        path = folder / f"secity-{st.kind}-{st.old.key_id}-{digests.sha256(text.encode()).hexdigest()[:8]}.json"
        path.write_text(text, "utf-8")
        out.append(path)
    return out


def history(ws: Workspace) -> list[rows.StatementRow]:
    return rows.history(ws.db)


# --- the import's door (services.bundle_import: the dry run, and the finish transaction) ----
def previews(ws: Workspace, bundles: Sequence[VerifiedBundle]) -> list[StatementNote]:
    """The dry run's lines: what each carried statement would do (reads only)."""
    return [preview(ws, env, vb.path.name, _makers(vb)) for vb in bundles for env in vb.key_statements]


def _makers(vb: VerifiedBundle) -> list[TrustedKey]:
    """An office's return or upward bundle: its signer speaks for its own statements."""
    return [vb.signer] if vb.kind in ("return", "upward") else []


def apply_bundles(ws: Workspace, bundles: Sequence[VerifiedBundle], actor: str) -> list[StatementNote]:
    """Inside the import's transaction, before its rows: apply what the bundles carry."""
    out: list[StatementNote] = []
    for vb in bundles:
        out += apply_carried(ws, vb.key_statements, bundle=vb.path.name,
                             bundle_sha256=vb.file_sha256, actor=actor, makers=_makers(vb))
    return out


def revoked_history(ws: Workspace) -> list[TrustedKey]:
    """Keys NOT enrolled here that an office's received statement revoked from a date (a
    province's assessors, at a region or the nation): handed to the bundle reader with the
    trusted keys so that a revision a province vouches for, signed by such a key after its
    date, is refused (``bundle.vouched.revoked_key``; bundle/read.py). The earliest date wins.
    """
    enrolled = {k.fingerprint for k in trust_store.all_keys(ws.db)}
    found: dict[str, TrustedKey] = {}
    for r in rows.history(ws.db):
        if (r.origin != "received" or r.kind not in ("revoke", "reenrol")
                or r.old_fingerprint in enrolled):
            continue
        try:
            public = str(json.loads(json.loads(r.document)["statement"])["old"]["public_key"])
        except (ValueError, KeyError, TypeError):
            public = ""
        k = history_key(r.old_fingerprint, public, r.effective_at, f"statement {r.sha256[:12]}")
        held = found.get(k.fingerprint)
        if held is None or _earlier(k.revoked_at or "", held.revoked_at or ""):
            found[k.fingerprint] = k
    return list(found.values())


def _earlier(a: str, b: str) -> bool:
    from datetime import datetime

    return datetime.fromisoformat(a.replace("Z", "+00:00")) < datetime.fromisoformat(b.replace("Z", "+00:00"))
