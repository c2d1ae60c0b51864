"""Rows of ``key_statements``: key statements this workspace made or received. SQL only.

A statement *made* here is carried in this workspace's outgoing bundles (an assessor's
rotation in its field bundles; an office's own rotations and its revocations and
re-enrolments in return and upward bundles). A statement *received* (from a file or a
bundle) is kept with what applying it did: the enrolment's history beside the audit log.
Rules live in ``services.key_statements``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


_COLS = (
    "id, origin, kind, old_fingerprint, new_fingerprint, effective_at, made_at, reason,"
    " document, signed, sha256, source, bundle_sha256, outcome, recorded_at, recorded_by"
)


@dataclass(frozen=True)
class StatementRow:
    id: int | None
    origin: str  # made | received
    kind: str  # rotate | reenrol | revoke
    old_fingerprint: str
    new_fingerprint: str | None
    effective_at: str
    made_at: str
    reason: str
    #: the signed envelope, or (``signed`` false) the statement's fields, signed at export
    document: str
    signed: bool
    sha256: str
    source: str  # local | file | bundle
    bundle_sha256: str | None
    outcome: str
    recorded_at: str
    recorded_by: str

    def as_json(self) -> dict[str, object]:
        out = self.__dict__.copy()
        del out["document"]
        return out


def _row(r: tuple) -> StatementRow:  # type: ignore[type-arg]
    return StatementRow(*r[:9], bool(r[9]), *r[10:])


def insert(db: sqlite_utils.Database, row: StatementRow) -> None:
    data = row.__dict__.copy()
    del data["id"]
    data["signed"] = int(row.signed)
    db["key_statements"].insert(data)


def by_sha(db: sqlite_utils.Database, sha256: str) -> StatementRow | None:
    r = db.execute(f"SELECT {_COLS} FROM key_statements WHERE sha256 = ?", [sha256]).fetchone()
    return _row(r) if r else None


def made(db: sqlite_utils.Database, limit: int = 200) -> list[StatementRow]:
    """Statements made here, newest last (at most ``limit``, the newest)."""
    rows = db.execute(
        f"SELECT {_COLS} FROM key_statements WHERE origin = 'made'"
        " ORDER BY made_at DESC, id DESC LIMIT ?", [limit]
    ).fetchall()
    return [_row(r) for r in reversed(rows)]


def history(db: sqlite_utils.Database) -> list[StatementRow]:
    rows = db.execute(f"SELECT {_COLS} FROM key_statements ORDER BY recorded_at, id").fetchall()
    return [_row(r) for r in rows]
