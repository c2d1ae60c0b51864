"""An enrolled key as every layer sees it: who holds it, since when, and whether it was revoked.

A plain value (strings only) so the store can hold it, the bundle reader can
check signatures against it and the front ends can list it, without any of
them parsing key material; ``crypto.keys.load_public`` turns ``public_line``
into a key where a signature is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: Prefix for allowed_signers principals, followed by the key id (always ASCII-safe).
PRINCIPAL_PREFIX: Final = "assessor-"


KEY_ROLES: Final = ("assessor", "office", "municipality")
"""What an enrolled key may sign for (``trusted_keys.role``)."""


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
    #: what the key signs for: ``assessor`` (field work), ``office`` (a province's bundles,
    #: enrolled at a region or the nation) or ``municipality`` (its own ``self`` bundles only)
    role: str = "assessor"
    #: for a municipality key, the one municipality it speaks for
    municipality_code: str | None = None
    #: when a key that replaced another began to count (None: no lower bound)
    valid_from: str | None = None
    #: a rotation retired the key from this instant: not revoked, what it signed stays valid
    retired_at: str | None = None
    #: ``revoked_at`` is a revocation *from a date* (a lost key), not of a compromised key
    revoked_from: bool = False

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def retired(self) -> bool:
        return self.retired_at is not None

    @property
    def active(self) -> bool:
        """Neither revoked nor retired: it may sign new work, and bundles are sealed to it."""
        return self.revoked_at is None and self.retired_at is None

    @property
    def principal(self) -> str:
        """The allowed_signers principal: ``assessor-<key id>``, stable and ASCII-only."""
        return PRINCIPAL_PREFIX + self.key_id

    @property
    def label(self) -> str:
        return " · ".join(x for x in (self.organisation, self.name) if x) or self.fingerprint

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
            "role": self.role,
            "municipality_code": self.municipality_code,
            "valid_from": self.valid_from,
            "retired_at": self.retired_at,
            "revoked_from": self.revoked_from,
        }
