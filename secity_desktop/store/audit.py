"""The append-only, hash-chained audit log.

Each event carries the hash of the one before it, so a deleted or edited row
anywhere breaks the chain and ``verify_chain`` names the first bad event;
triggers in the schema refuse UPDATE and DELETE outright.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from secity_desktop.core.framework import canonical_json
from secity_desktop.core.thai_calendar import now_iso

GENESIS = "0" * 64
_FIELDS = ("at", "actor", "action", "assessment_id", "target", "old", "new", "reason")


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str
    actor: str
    action: str
    assessment_id: str | None
    target: str | None
    old: Any
    new: Any
    reason: str | None


def _digest(prev_hash: str, row: dict[str, Any]) -> str:
    body = canonical_json({k: row.get(k) for k in _FIELDS})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _encode(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def append(
    db: sqlite_utils.Database,
    *,
    actor: str,
    action: str,
    assessment_id: str | None = None,
    target: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
    at: str | None = None,
) -> str:
    """Add one event; call inside the transaction of the change it records."""
    last = db.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    prev = last[0] if last else GENESIS
    row = {
        "at": at or now_iso(),
        "actor": actor,
        "action": action,
        "assessment_id": assessment_id,
        "target": target,
        "old": _encode(old),
        "new": _encode(new),
        "reason": reason,
    }
    digest = _digest(prev, row)
    db.execute(
        "INSERT INTO audit (at, actor, action, assessment_id, target, old, new, reason, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*(row[k] for k in _FIELDS), prev, digest],
    )
    return digest


def events(db: sqlite_utils.Database, assessment_id: str | None = None) -> list[AuditEvent]:
    sql = "SELECT seq, at, actor, action, assessment_id, target, old, new, reason FROM audit"
    args: list[Any] = []
    if assessment_id is not None:
        sql += " WHERE assessment_id = ?"
        args.append(assessment_id)
    out = []
    for r in db.execute(sql + " ORDER BY seq", args).fetchall():
        out.append(
            AuditEvent(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                json.loads(r[6]) if r[6] is not None else None,
                json.loads(r[7]) if r[7] is not None else None,
                r[8],
            )
        )
    return out


def verify_chain(db: sqlite_utils.Database) -> int | None:
    """The seq of the first event whose hash does not follow, or None when the chain is whole."""
    prev = GENESIS
    cur = db.execute(
        "SELECT seq, at, actor, action, assessment_id, target, old, new, reason, prev_hash, hash"
        " FROM audit ORDER BY seq"
    )
    for r in cur:
        row = dict(zip(_FIELDS, r[1:9], strict=True))
        if r[9] != prev or _digest(prev, row) != r[10]:
            return int(r[0])
        prev = r[10]
    return None
