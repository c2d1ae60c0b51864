"""Frozen, signed revisions: the canonical JSON and signature exactly as signed. SQL only.

One row per finalized (``source = 'local'``) or received (``'import'``)
assessment row. The bytes are exported as stored, so later edits to live rows
can never change what was signed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from secity_desktop.store.batch import in_rows

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class StoredRevision:
    assessment_id: str
    sha256: str
    content: str
    signature: str
    signer_fingerprint: str
    finalized_at: str
    source: str  # "local" (signed here) or "import" (received in a bundle)


_COLS = "assessment_id, sha256, content, signature, signer_fingerprint, finalized_at, source"


INSERT_REVISION = f"INSERT INTO revisions ({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?)"


def insert(db: sqlite_utils.Database, r: StoredRevision) -> None:
    db.execute(INSERT_REVISION,
               [r.assessment_id, r.sha256, r.content, r.signature, r.signer_fingerprint,
                r.finalized_at, r.source])


def get(db: sqlite_utils.Database, assessment_id: str) -> StoredRevision | None:
    r = db.execute(f"SELECT {_COLS} FROM revisions WHERE assessment_id = ?", [assessment_id]).fetchone()
    return StoredRevision(*r) if r else None


def sha(db: sqlite_utils.Database, assessment_id: str) -> str | None:
    r = db.execute("SELECT sha256 FROM revisions WHERE assessment_id = ?", [assessment_id]).fetchone()
    return str(r[0]) if r else None


def shas(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, str]:
    """Assessment id → the SHA-256 of its signed revision, for the ids that have one."""
    rows = in_rows(db, "SELECT assessment_id, sha256 FROM revisions WHERE assessment_id IN ({marks})",
                   list(ids))
    return {str(r[0]): str(r[1]) for r in rows}


def signer_fingerprint(db: sqlite_utils.Database, assessment_id: str) -> str | None:
    r = db.execute(
        "SELECT signer_fingerprint FROM revisions WHERE assessment_id = ?", [assessment_id]
    ).fetchone()
    return str(r[0]) if r and r[0] else None


def imported(db: sqlite_utils.Database, assessment_id: str) -> StoredRevision | None:
    """The row's revision if it arrived in a bundle (``source = 'import'``)."""
    r = get(db, assessment_id)
    return r if r is not None and r.source == "import" else None
