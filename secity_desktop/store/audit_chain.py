"""Reading the audit chain back: its events, its head, a full check against the heads others
were given, and the heads seen from senders (rules in ``core/audit_anchor.py``).

Split from ``store/audit.py`` (which writes events, on every edit) so that writing needs
none of this; ``store/audit.py`` still answers every name here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from secity_desktop.core.audit_anchor import (
    EMPTY_HEAD,
    GENESIS,
    AuditHead,
    HeadComparison,
    compare_head,
)
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.store.audit import _FIELDS, _digest

if TYPE_CHECKING:
    import sqlite_utils


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



def events(db: sqlite_utils.Database, assessment_id: str | None = None,
           actions: Sequence[str] = ()) -> list[AuditEvent]:
    """Events in order; of one assessment and/or of the given actions (e.g. key changes)."""
    sql = "SELECT seq, at, actor, action, assessment_id, target, old, new, reason FROM audit"
    where: list[str] = []
    args: list[Any] = []
    if assessment_id is not None:
        where.append("assessment_id = ?")
        args.append(assessment_id)
    if actions:
        where.append(f"action IN ({', '.join('?' * len(actions))})")
        args.extend(actions)
    if where:
        sql += " WHERE " + " AND ".join(where)
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


def head(db: sqlite_utils.Database) -> AuditHead:
    """Where this workspace's chain ends now (``seq`` 0 and the genesis hash when empty).

    Bundles carry it (signed, in the manifest) so receivers can anchor the chain.
    """
    r = db.execute("SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return AuditHead(int(r[0]), r[1], r[2]) if r else EMPTY_HEAD


Problem = Literal["hash", "link", "gap"]
Anchor = Literal["on_chain", "differs", "missing"]


@dataclass(frozen=True)
class ChainReport:
    """What a full check of the chain found.

    ``first_bad``/``problem``: the first event that does not follow — ``hash`` (its content
    was edited), ``link`` (its previous-hash is not the event before it: an event was removed
    or reordered), ``gap`` (sequence numbers skip: events removed and the rest re-hashed).
    ``anchors``: each given head and whether the chain still holds it — ``on_chain``,
    ``differs`` (the event at that sequence has another hash: rewritten) or ``missing``
    (the chain is now shorter: truncated).
    """

    events: int
    head: AuditHead
    first_bad: int | None = None
    problem: Problem | None = None
    anchors: tuple[tuple[AuditHead, Anchor], ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.first_bad is None and all(a == "on_chain" for _h, a in self.anchors)


def check_chain(db: sqlite_utils.Database, known: Sequence[AuditHead] = ()) -> ChainReport:
    """Re-hash the whole chain (streamed) and check it holds every head in ``known``."""
    wanted = {h.seq for h in known}
    found: dict[int, str] = {0: GENESIS}
    prev_hash, prev_seq = GENESIS, 0
    count = 0
    last = EMPTY_HEAD
    first_bad: int | None = None
    problem: Problem | None = None
    cur = db.execute(
        "SELECT seq, at, actor, action, assessment_id, target, old, new, reason, prev_hash, hash"
        " FROM audit ORDER BY seq"
    )
    for r in cur:
        seq = int(r[0])
        count += 1
        if first_bad is None:
            row = dict(zip(_FIELDS, r[1:9], strict=True))
            if seq != prev_seq + 1:
                first_bad, problem = seq, "gap"
            elif r[9] != prev_hash:
                first_bad, problem = seq, "link"
            elif _digest(prev_hash, row) != r[10]:
                first_bad, problem = seq, "hash"
        if seq in wanted:
            found[seq] = r[10]
        prev_hash, prev_seq = r[10], seq
        last = AuditHead(seq, r[10], r[1])
    anchors: list[tuple[AuditHead, Anchor]] = []
    for h in known:
        have = found.get(h.seq)
        anchors.append((h, "missing" if have is None else "on_chain" if have == h.hash else "differs"))
    return ChainReport(count, last, first_bad, problem, tuple(anchors))


Direction = Literal["received", "sent"]


def heads_seen(
    db: sqlite_utils.Database, sender_fingerprint: str, direction: Direction = "received"
) -> list[AuditHead]:
    rows = db.execute(
        "SELECT DISTINCT seq, hash, event_at FROM audit_heads"
        " WHERE direction = ? AND sender_fingerprint = ? ORDER BY seq, hash",
        [direction, sender_fingerprint],
    ).fetchall()
    return [AuditHead(int(r[0]), r[1], r[2]) for r in rows]


def record_head(
    db: sqlite_utils.Database,
    sender_fingerprint: str,
    new: AuditHead,
    bundle_sha256: str,
    *,
    direction: Direction = "received",
    seen_at: str | None = None,
    created_at: str | None = None,
) -> HeadComparison:
    """Compare ``new`` with the heads already seen from this sender, then keep it with the verdict.

    Call in the import's (or export's) transaction. The head is kept whatever the
    verdict — a truncated or rewritten head is exactly what must stay on record —
    and the caller decides what to show or refuse. Recording the same head from
    the same bundle twice keeps one row.
    """
    verdict = compare_head(new, heads_seen(db, sender_fingerprint, direction), created_at)
    db.execute(
        "INSERT OR IGNORE INTO audit_heads (direction, sender_fingerprint, seq, hash, event_at,"
        " bundle_sha256, seen_at, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [direction, sender_fingerprint, new.seq, new.hash, new.at, bundle_sha256,
         seen_at or now_iso(), verdict.verdict],
    )
    return verdict


def heads_sent(db: sqlite_utils.Database) -> list[AuditHead]:
    """Every head this workspace announced in a bundle it wrote (whatever key signed it)."""
    rows = db.execute(
        "SELECT DISTINCT seq, hash, event_at FROM audit_heads WHERE direction = 'sent'"
        " ORDER BY seq, hash"
    ).fetchall()
    return [AuditHead(int(r[0]), r[1], r[2]) for r in rows]
