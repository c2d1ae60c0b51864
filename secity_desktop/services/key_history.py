"""Every signing key this workspace knows, with its life as this workspace recorded it.

The facts come from the workspace's own records only (docs/certificates.md, "Key
validity window"):

* **its own key** and the keys it retired by ``secity key rotate`` (kept as
  ``keys/<KEY_FILE>.retired-<key id>.pub``): created at the ``key.create`` event, or
  at the ``key.rotate`` event that made it; retired at the ``key.rotate`` event that
  replaced it;
* **enrolled keys** (the trust registry, revoked ones included, so a verdict can say
  "revoked on …" instead of "unknown"): a key that came in by a rotation statement
  starts at the statement's ``effective_at`` (``trust.rotate``); one rotated away is
  retired at that time; any other revocation (``trust revoke``, ``trust reenrol
  --revoked-from DATE``) revokes it from ``revoked_at``. When an enrolled key *began*
  is otherwise unknown here (enrolment is when this office learnt of it).

Since schema step 12 the trust rows carry their own window (``valid_from``,
``retired_at``: a rotation retires a key, it does not revoke it); the ``trust.rotate``
audit events still date rotations recorded before that step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from secity_desktop.core.errors import KeyFileError
from secity_desktop.core.key_window import KeyHistory
from secity_desktop.crypto import keys
from secity_desktop.services.identity import KEY_FILE, Identity
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from secity_desktop.store import trust as trust_store

KEY_ACTIONS = ("key.create", "key.rotate", "trust.rotate")


@dataclass(frozen=True)
class KnownKey:
    label: str  # who holds it, for the verdict ("" when unnamed)
    public_key: Ed25519PublicKey
    history: KeyHistory


@dataclass
class _Times:
    began: dict[str, str]
    retired: dict[str, str]
    rotated_in: dict[str, str]


def _times(events: Iterable[audit.AuditEvent]) -> _Times:
    t = _Times({}, {}, {})
    for e in events:
        new = e.new if isinstance(e.new, dict) else {}
        old = e.old if isinstance(e.old, dict) else {}
        if e.action == "key.create" and new.get("fingerprint"):
            t.began.setdefault(new["fingerprint"], e.at)
        elif e.action == "key.rotate":
            if new.get("fingerprint"):
                t.began.setdefault(new["fingerprint"], e.at)
            if old.get("fingerprint"):
                t.retired.setdefault(old["fingerprint"], e.at)
        elif e.action == "trust.rotate":
            when = str(new.get("effective_at") or e.at)
            if new.get("fingerprint"):
                t.rotated_in.setdefault(new["fingerprint"], when)
            if old.get("fingerprint"):
                t.retired.setdefault(old["fingerprint"], when)
    return t


def _own_label(ws: Workspace) -> str:
    p = Identity(ws).profile()
    return " · ".join(x for x in (p.organisation, p.name) if x) or "this workspace"


def _retired_own(ident: Identity) -> list[Ed25519PublicKey]:
    out = []
    for path in sorted(Path(ident.key_path).parent.glob(f"{KEY_FILE}.retired-*.pub")):
        try:
            out.append(keys.parse_public_line(path.read_text("utf-8"))[0])
        except (OSError, UnicodeDecodeError, KeyFileError):
            continue  # a damaged old .pub only loses the "retired" verdict for that key
    return out


def key_events(ws: Workspace, *, with_register: bool = False) -> list[audit.AuditEvent]:
    """The audit events key histories are read from (and the register's, if asked): one
    pass over the log, which has no index on the action (≈0.6–1.3 s per million events)."""
    return audit.events(ws.db, actions=KEY_ACTIONS + (("certificate.issue",) if with_register
                                                      else ()))


def known_keys(ws: Workspace, *, include_enrolled: bool = False,
               events: list[audit.AuditEvent] | None = None) -> list[KnownKey]:
    """This workspace's own keys (current and retired), then enrolled ones if asked.

    Municipality keys are never among them: they sign only their own self-assessments.
    ``events``: from :func:`key_events`, when the caller already read them.
    """
    t = _times(key_events(ws) if events is None else events)
    out: dict[str, KnownKey] = {}
    ident = Identity(ws)
    if ident.has_key():
        label = _own_label(ws)
        pub = ident.public_key()
        fp = keys.fingerprint(pub)
        out[fp] = KnownKey(label, pub, KeyHistory(fp, t.began.get(fp), source="own"))
        for old in _retired_own(ident):
            ofp = keys.fingerprint(old)
            if ofp not in out:
                out[ofp] = KnownKey(f"{label} ({ofp})", old, KeyHistory(
                    ofp, t.began.get(ofp), retired_at=t.retired.get(ofp), source="own"))
    if include_enrolled:
        for row in trust_store.all_keys(ws.db):
            if row.role == "municipality" or row.fingerprint in out:
                continue
            label = " · ".join(x for x in (row.organisation, row.name) if x) or row.fingerprint
            # the trust row's own window (schema 12: a rotation retires, it does not revoke);
            # the audit events for keys rotated before that step
            retired = row.retired_at or t.retired.get(row.fingerprint)
            revoked = row.revoked_at if row.revoked and retired is None else None
            began = row.valid_from or t.rotated_in.get(row.fingerprint)
            out[row.fingerprint] = KnownKey(label, keys.load_public(row.public_line), KeyHistory(
                row.fingerprint, began, retired_at=retired,
                revoked_at=revoked, source="enrolled"))
    return list(out.values())


def issued_here(ws: Workspace, events: list[audit.AuditEvent] | None = None) -> set[tuple[str, str]]:
    """(certificate number, signer) of every certificate this workspace signed: its register."""
    out = set()
    for e in audit.events(ws.db, actions=["certificate.issue"]) if events is None else events:
        if e.action == "certificate.issue" and e.target and isinstance(e.new, dict):
            out.add((e.target, str(e.new.get("signer", ""))))
    return out


def history_of(ws: Workspace, fingerprint: str) -> KeyHistory | None:
    """The history of one key (own or enrolled), or None when this workspace never knew it."""
    for k in known_keys(ws, include_enrolled=True):
        if k.history.fingerprint == fingerprint:
            return k.history
    return None


def with_start(history: KeyHistory | None, fingerprint: str, fallback: str) -> KeyHistory:
    """A history whose start is known: ``fallback`` (first use) when nothing recorded it."""
    if history is None:
        return KeyHistory(fingerprint, fallback)
    return history if history.valid_from else replace(history, valid_from=fallback)
