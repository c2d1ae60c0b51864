"""The province's trust registry: which assessor keys it enrolled, when, by whom, and revocations.

Trust is only ever given by a person at the office (a key file handed over, its
fingerprint confirmed by phone or QR); a bundle cannot enrol its own key.
Revoked keys stay in the registry so that the reason a bundle is refused can
be named ("revoked on …") instead of "unknown".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.store import audit
from secity_desktop.sync import keys, trust_file

_COLS = (
    "fingerprint, key_id, public_line, name, organisation, position, enrolled_at, enrolled_by,"
    " revoked_at, revoked_by, revoke_reason"
)


@dataclass(frozen=True)
class TrustedKey:
    fingerprint: str
    key_id: str
    public_line: str
    name: str
    organisation: str
    position: str
    enrolled_at: str
    enrolled_by: str
    revoked_at: str | None
    revoked_by: str | None
    revoke_reason: str | None

    @cached_property
    def public_key(self) -> Ed25519PublicKey:
        return keys.parse_public_line(self.public_line)[0]

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def principal(self) -> str:
        return trust_file.principal_for(self.public_key)

    def as_json(self) -> dict[str, object]:
        return {
            "fingerprint": self.fingerprint,
            "key_id": self.key_id,
            "principal": self.principal,
            "name": self.name,
            "organisation": self.organisation,
            "position": self.position,
            "enrolled_at": self.enrolled_at,
            "enrolled_by": self.enrolled_by,
            "revoked_at": self.revoked_at,
            "revoked_by": self.revoked_by,
            "revoke_reason": self.revoke_reason,
            "public_key": self.public_line,
        }


class TrustRegistry:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def all(self) -> list[TrustedKey]:
        rows = self.db.execute(f"SELECT {_COLS} FROM trusted_keys ORDER BY enrolled_at, name")
        return [TrustedKey(*r) for r in rows.fetchall()]

    def get(self, ident: str) -> TrustedKey:
        """By fingerprint (``SHA256:…``), key id, or principal (``assessor-<key id>``)."""
        ident = ident.strip().removeprefix("assessor-")
        r = self.db.execute(
            f"SELECT {_COLS} FROM trusted_keys WHERE fingerprint = ? OR key_id = ?", [ident, ident]
        ).fetchone()
        if r is None:
            raise NotFoundError(f"no enrolled key {ident!r}; see `secity trust list`")
        return TrustedKey(*r)

    def add(
        self,
        public_text: str,
        *,
        actor: str,
        name: str | None = None,
        organisation: str = "",
        position: str = "",
    ) -> TrustedKey:
        pub, comment = keys.parse_public_line(public_text)
        who = (name or comment).strip()
        if not who:
            raise ValidationError("give the assessor's name (the key file has no comment)")
        for label, value in (("name", who), ("organisation", organisation), ("position", position)):
            if "\n" in value or "\r" in value or len(value) > 200:
                raise ValidationError(f"the {label} must be one short line")
        fp = keys.fingerprint(pub)
        existing = self.db.execute(
            "SELECT name, revoked_at FROM trusted_keys WHERE fingerprint = ?", [fp]
        ).fetchone()
        if existing is not None:
            state = "revoked" if existing[1] else "enrolled"
            raise ConflictError(f"key {fp} is already {state} (as {existing[0]})")
        now = now_iso()
        row = {
            "fingerprint": fp,
            "key_id": keys.key_id(pub),
            "public_line": keys.public_line(pub, ""),
            "name": who,
            "organisation": organisation.strip(),
            "position": position.strip(),
            "enrolled_at": now,
            "enrolled_by": actor,
        }
        with self.db.atomic():
            self.db["trusted_keys"].insert(row)
            audit.append(
                self.db, actor=actor, action="trust.add", target=fp, at=now,
                new={"name": who, "organisation": row["organisation"], "key_id": row["key_id"]},
            )
        return self.get(fp)

    def revoke(self, ident: str, *, actor: str, reason: str = "") -> TrustedKey:
        key = self.get(ident)
        if key.revoked:
            raise ConflictError(f"key {key.fingerprint} was already revoked on {key.revoked_at}")
        now = now_iso()
        with self.db.atomic():
            self.db.execute(
                "UPDATE trusted_keys SET revoked_at = ?, revoked_by = ?, revoke_reason = ?"
                " WHERE fingerprint = ?",
                [now, actor, reason or None, key.fingerprint],
            )
            audit.append(
                self.db, actor=actor, action="trust.revoke", target=key.fingerprint, at=now,
                reason=reason or None,
            )
        return self.get(key.fingerprint)

    def allowed_signers(self) -> str:
        """Unrevoked keys as an OpenSSH allowed_signers file (name as a # line above each)."""
        entries = [
            (k.principal, keys.public_line(k.public_key, f"{k.name} {k.organisation}".strip()))
            for k in self.all()
            if not k.revoked
        ]
        return trust_file.allowed_signers_text(entries)
