"""Anchoring a hash-chained audit log: heads, and what a new head says against heads seen before.

A chain that only its owner checks proves nothing to anyone else: the owner can
delete the last events, or edit one and re-hash everything after it, and the
chain still verifies. What breaks that is someone else remembering where the
chain was. Every bundle carries the signed *head* of its sender's chain — the
sequence number, hash and time of the last event — and each receiving office
keeps every head it has seen from each sender. A later head is compared with
those (pure rules here; storage in ``store/audit.py``).

From heads alone (no access to the sender's events), a new head is:

``first``      nothing seen from this sender before; stored, nothing to compare.
``same``       exactly a head seen before (the same bundle again, or no events since).
``extends``    a higher sequence than any head seen: consistent with an untouched chain that
               grew. A rewrite of events *below* the newest seen head that also keeps the
               same length would show as ``rewritten`` only when a later head repeats a seen
               sequence, so ``extends`` is "nothing visible", not "proven".
``earlier``    a lower sequence than the newest head seen, never seen itself, and its last
               event is not later than the newest head's: an older bundle arriving late
               (USB sticks travel out of order). Consistent; nothing can be checked.
``rewritten``  a head seen before has the same sequence and a different hash: the events up
               to that sequence are no longer what they were (edited and re-hashed, or a
               copy of the workspace that went its own way — a fork looks the same).
``truncated``  a lower sequence than the newest head seen, but its last event is *later*
               than that head's: the chain went back past events the office already saw
               announced, and carried on (events deleted; or a restored backup or second
               copy of the workspace — a fork whose branch is shorter).

What needs the chain itself (the sender's store, ``store.audit.check_chain``): whether
each seen head is still on the chain (``on_chain``), gone (``missing``: truncated) or
different (``differs``: rewritten), and which event first breaks the links. See docs/audit.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

#: The hash a chain starts from (the "previous hash" of the first event).
GENESIS = "0" * 64

Verdict = Literal["first", "same", "extends", "earlier", "rewritten", "truncated"]

#: Verdicts that mean the sender's log lost or changed events the office had seen announced.
ALARMING: frozenset[str] = frozenset({"rewritten", "truncated"})


@dataclass(frozen=True, order=True)
class AuditHead:
    """Where a chain ends: the last event's sequence number, hash and time (``seq`` 0: empty)."""

    seq: int
    hash: str
    at: str = ""

    @property
    def empty(self) -> bool:
        return self.seq == 0

    def as_json(self) -> dict[str, object]:
        return {"seq": self.seq, "hash": self.hash, "at": self.at}


EMPTY_HEAD = AuditHead(0, GENESIS, "")


@dataclass(frozen=True)
class HeadComparison:
    verdict: Verdict
    #: The stored head the verdict is about (the newest one, or the one with the same sequence).
    against: AuditHead | None = None

    @property
    def alarming(self) -> bool:
        return self.verdict in ALARMING


def compare_head(
    new: AuditHead, seen: Iterable[AuditHead], created_at: str | None = None
) -> HeadComparison:
    """Classify ``new`` against every head seen before from the same sender (see module doc).

    Timestamps are the sender's own ISO-8601 strings (one format, one clock), so they compare
    as text; they only separate ``earlier`` from ``truncated``. ``created_at`` is when the
    bundle carrying ``new`` was signed (its manifest): a bundle signed *after* the newest
    seen head's event but carrying a lower head is a chain that went back (``truncated``),
    even when the surviving last event is old — an honest late bundle was signed before.
    """
    known = list(seen)
    if not known:
        return HeadComparison("first")
    same_seq = [h for h in known if h.seq == new.seq]
    if any(h.hash == new.hash for h in same_seq):
        return HeadComparison("same", next(h for h in same_seq if h.hash == new.hash))
    if same_seq:
        return HeadComparison("rewritten", same_seq[0])
    newest = max(known, key=lambda h: h.seq)
    if new.seq > newest.seq:
        return HeadComparison("extends", newest)
    if new.at > newest.at or (created_at is not None and created_at > newest.at):
        return HeadComparison("truncated", newest)
    return HeadComparison("earlier", newest)


_ENGLISH = {
    "rewritten": "the audit log of {sender} ({fingerprint}) was rewritten: its event {seq} now "
                 "has another hash than the one announced before (edited and re-hashed, or a "
                 "copy of the workspace that went its own way)",
    "truncated": "the audit log of {sender} ({fingerprint}) went back: it ends at event {seq}, "
                 "but event {against} was announced before (events deleted, or an old copy or "
                 "backup of the workspace is in use)",
}


@dataclass(frozen=True)
class AnchorNote:
    """What one incoming bundle's audit head says about its sender's log."""

    file: str
    sender: str
    fingerprint: str
    seq: int
    hash: str
    verdict: str  # first, same, extends, earlier, rewritten, truncated (core/audit_anchor.py)
    against: int | None = None  # the sequence of the seen head it was compared with

    @property
    def alarming(self) -> bool:
        return self.verdict in _ENGLISH

    @property
    def code(self) -> str:
        return f"anchor.{self.verdict}"

    @property
    def params(self) -> dict[str, object]:
        return {"sender": self.sender, "fingerprint": self.fingerprint, "seq": self.seq,
                "against": self.against if self.against is not None else "", "file": self.file}

    @property
    def message(self) -> str:
        return _ENGLISH.get(self.verdict, "audit head {seq}: {verdict}").format(
            **self.params, verdict=self.verdict)

    def as_json(self) -> dict[str, object]:
        return {"file": self.file, "sender": self.sender, "fingerprint": self.fingerprint,
                "seq": self.seq, "hash": self.hash, "verdict": self.verdict,
                "against": self.against, "alarming": self.alarming,
                "message": self.message if self.alarming else ""}
