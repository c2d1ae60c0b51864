"""The trust registry's rows: enrolled keys, when and by whom, and revocations. SQL only.

Rules (who may enrol, what a key line must look like, the audit event) live in
``services.trust``; revoked keys stay here so a refusal can say "revoked on …"
instead of "unknown".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import NotFoundError

if TYPE_CHECKING:
    import sqlite_utils

_COLS = (
    "fingerprint, key_id, public_line, name, organisation, position, enrolled_at, enrolled_by,"
    " revoked_at, revoked_by, revoke_reason, role, municipality_code,"
    " valid_from, retired_at, revoked_from"
)


def all_keys(db: sqlite_utils.Database) -> list[TrustedKey]:
    rows = db.execute(f"SELECT {_COLS} FROM trusted_keys ORDER BY enrolled_at, name")
    return [_key(r) for r in rows.fetchall()]


def _key(r: tuple) -> TrustedKey:  # type: ignore[type-arg]
    return TrustedKey(*r[:-1], revoked_from=bool(r[-1]))


def find(db: sqlite_utils.Database, ident: str) -> TrustedKey | None:
    """By fingerprint (``SHA256:…``) or key id."""
    r = db.execute(
        f"SELECT {_COLS} FROM trusted_keys WHERE fingerprint = ? OR key_id = ?", [ident, ident]
    ).fetchone()
    return _key(r) if r else None


def get(db: sqlite_utils.Database, ident: str) -> TrustedKey:
    key = find(db, ident)
    if key is None:
        raise NotFoundError(f"no enrolled key {ident!r}; see `secity trust list`",
                            code="trust.unknown_key")
    return key


def insert(db: sqlite_utils.Database, key: TrustedKey) -> None:
    db["trusted_keys"].insert(
        {
            "fingerprint": key.fingerprint,
            "key_id": key.key_id,
            "public_line": key.public_line,
            "name": key.name,
            "organisation": key.organisation,
            "position": key.position,
            "enrolled_at": key.enrolled_at,
            "enrolled_by": key.enrolled_by,
            "role": key.role,
            "municipality_code": key.municipality_code,
            "valid_from": key.valid_from,
        }
    )


def office_keys(db: sqlite_utils.Database) -> list[TrustedKey]:
    """Keys enrolled as an office's (bundles are encrypted to these), revoked ones included."""
    rows = db.execute(f"SELECT {_COLS} FROM trusted_keys WHERE office = 1 ORDER BY enrolled_at")
    return [_key(r) for r in rows.fetchall()]


def is_office(db: sqlite_utils.Database, fingerprint: str) -> bool:
    r = db.execute("SELECT office FROM trusted_keys WHERE fingerprint = ?", [fingerprint]).fetchone()
    return bool(r and r[0])


def set_office(db: sqlite_utils.Database, fingerprint: str, office: bool) -> None:
    db.execute("UPDATE trusted_keys SET office = ? WHERE fingerprint = ?", [int(office), fingerprint])


def mark_revoked(
    db: sqlite_utils.Database, fingerprint: str, at: str, by: str, reason: str | None,
    *, from_date: bool = False,
) -> None:
    """``from_date``: ``at`` is a revocation from a date (a lost key), not of a compromised key."""
    db.execute(
        "UPDATE trusted_keys SET revoked_at = ?, revoked_by = ?, revoke_reason = ?,"
        " revoked_from = ? WHERE fingerprint = ?",
        [at, by, reason, int(from_date), fingerprint],
    )


def mark_retired(db: sqlite_utils.Database, fingerprint: str, at: str) -> None:
    """A rotation retired the key from ``at`` (not revoked: its past signatures stand)."""
    db.execute("UPDATE trusted_keys SET retired_at = ? WHERE fingerprint = ?", [at, fingerprint])


def set_valid_from(db: sqlite_utils.Database, fingerprint: str, at: str) -> None:
    """A key that replaced another counts from ``at`` (the replacement's effective time)."""
    db.execute("UPDATE trusted_keys SET valid_from = ? WHERE fingerprint = ?", [at, fingerprint])
