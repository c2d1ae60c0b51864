"""The append-only, hash-chained audit log, and the heads that anchor it.

Each event carries the hash of the one before it, so a deleted or edited row
anywhere breaks the chain and ``verify_chain`` names the first bad event;
triggers in the schema refuse UPDATE and DELETE outright. A chain checked only
by its owner cannot show that its last events were deleted, or that everything
after an edit was re-hashed: :func:`check_chain` also checks the chain against
heads that others were given (``audit_heads``), and :func:`record_head` compares
a sender's new head with the ones seen before (rules in ``core/audit_anchor.py``,
what each can and cannot detect in docs/audit.md).

Writing an event is on the path of every edit (one ``secity assessment set``); reading
events back, the full check and the heads are not, and with ``core/audit_anchor`` they
bring five record classes whose creation is a noticeable share of a command's start. They
live in ``store/audit_chain.py`` and load on first use; every name stays reachable here
(``audit.check_chain``, ``audit.AuditHead``, ``audit.GENESIS``…).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from secity_desktop import digests
from secity_desktop.core.framework import canonical_json
from secity_desktop.core.thai_calendar import now_iso

if TYPE_CHECKING:
    import sqlite_utils

    from secity_desktop.core.audit_anchor import GENESIS, AuditHead
    from secity_desktop.store.audit_chain import (
        AuditEvent,
        ChainReport,
        check_chain,
        events,
        head,
        heads_seen,
        heads_sent,
        record_head,
    )

__all__ = ["GENESIS", "GUARD_TRIGGERS", "AuditEvent", "AuditHead", "ChainReport", "append", "append_many",
           "check_chain", "events", "head", "heads_seen", "heads_sent", "missing_triggers",
           "record_head", "verify_chain"]
_FIELDS = ("at", "actor", "action", "assessment_id", "target", "old", "new", "reason")

#: Names kept in ``store/audit_chain.py`` (and ``core/audit_anchor.py``), loaded on first use.
_CHAIN = frozenset({"AuditEvent", "ChainReport", "check_chain", "events", "head", "heads_seen",
                    "heads_sent", "record_head", "Problem", "Anchor", "Direction"})
_ANCHOR = frozenset({"EMPTY_HEAD", "GENESIS", "AuditHead", "HeadComparison", "compare_head"})


def __getattr__(name: str) -> object:
    if name in _CHAIN:
        from secity_desktop.store import audit_chain

        return getattr(audit_chain, name)
    if name in _ANCHOR:
        from secity_desktop.core import audit_anchor

        return getattr(audit_anchor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _digest(prev_hash: str, row: dict[str, Any]) -> str:
    body = canonical_json({k: row.get(k) for k in _FIELDS})
    return digests.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _encode(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


_INSERT = ("INSERT INTO audit (at, actor, action, assessment_id, target, old, new, reason, prev_hash,"
           " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _row(actor: str, action: str, assessment_id: str | None = None, target: str | None = None,
         old: Any = None, new: Any = None, reason: str | None = None,
         at: str | None = None) -> dict[str, Any]:
    return {
        "at": at or now_iso(),
        "actor": actor,
        "action": action,
        "assessment_id": assessment_id,
        "target": target,
        "old": _encode(old),
        "new": _encode(new),
        "reason": reason,
    }


def _last_hash(db: sqlite_utils.Database) -> str:
    last = db.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return last[0] if last else _genesis()


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
    prev = _last_hash(db)
    row = _row(actor, action, assessment_id, target, old, new, reason, at)
    digest = _digest(prev, row)
    db.execute(_INSERT, [*(row[k] for k in _FIELDS), prev, digest])
    return digest


def append_many(db: sqlite_utils.Database, events: list[dict[str, Any]]) -> None:
    """:func:`append` for each of ``events`` (its keyword arguments), in order, in one statement.

    The same rows as appending them one by one — each chained to the one before — for a
    caller writing hundreds at once (an import's batched writes: services/import_writes.py).
    """
    if not events:
        return
    prev = _last_hash(db)
    args: list[tuple[Any, ...]] = []
    for event in events:
        row = _row(**event)
        digest = _digest(prev, row)
        args.append((*(row[k] for k in _FIELDS), prev, digest))
        prev = digest
    db.conn.executemany(_INSERT, args)


def _genesis() -> str:
    from secity_desktop.core.audit_anchor import GENESIS  # the first event's "previous"

    return GENESIS


def verify_chain(db: sqlite_utils.Database) -> int | None:
    """The seq of the first event whose hash does not follow, or None when the chain is whole."""
    prev = _genesis()
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


#: The triggers that make the log and the heads append-only (schema steps 1 and 8).
GUARD_TRIGGERS = ("audit_no_update", "audit_no_delete", "audit_heads_no_update",
                  "audit_heads_no_delete")


def missing_triggers(db: sqlite_utils.Database) -> list[str]:
    """Append-only triggers that are not there (dropped by hand: the log may have been edited)."""
    have = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [t for t in GUARD_TRIGGERS if t not in have]
