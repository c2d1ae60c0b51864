"""Checking audit trails: this workspace's own chain, and the heads other workspaces announce.

Two checks, one door for the CLI (``secity audit verify``, ``bundle import``) and the GUI
(About → audit trail, the import dry run):

* :meth:`AuditTrailService.verify` walks this workspace's chain (every hash and link),
  checks the append-only triggers are in place, and checks that every head this workspace
  announced in a bundle it sent is still on the chain — so an edit followed by re-hashing
  the rest, or deleted last events, shows here too once a bundle carried the old head.
* :func:`anchor_notes` compares the head each incoming bundle carries with the heads seen
  before from the same sender (``core/audit_anchor.py``): a rewritten, truncated or forked
  history is reported in the import plan, naming the sender and the sequence; the import
  itself records every head (``services/import_writes.py``). What each can and cannot
  detect: docs/audit.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from secity_desktop.bundle.read import VerifiedBundle
from secity_desktop.core.audit_anchor import AnchorNote, AuditHead, compare_head
from secity_desktop.services.operations import Operation, Progress
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit


def anchor_notes(ws: Workspace, bundles: Sequence[VerifiedBundle]) -> list[AnchorNote]:
    """Compare each bundle's head with the heads seen from its sender (this batch included)."""
    batch: dict[str, list[AuditHead]] = {}
    notes: list[AnchorNote] = []
    for vb in bundles:
        h = vb.manifest.audit_head
        if h is None:  # a bundle from before heads were carried: nothing to compare
            continue
        fp = vb.signer.fingerprint
        head = AuditHead(h.seq, h.hash, h.at)
        seen = audit.heads_seen(ws.db, fp) + batch.get(fp, [])
        cmp = compare_head(head, seen, vb.manifest.created_at)
        batch.setdefault(fp, []).append(head)
        notes.append(AnchorNote(vb.path.name, vb.signer.label, fp, h.seq, h.hash, cmp.verdict,
                                cmp.against.seq if cmp.against is not None else None))
    return notes


@dataclass(frozen=True)
class TrailReport:
    """``secity audit verify`` / the GUI's audit-trail check."""

    events: int
    head: AuditHead
    first_bad: int | None = None
    problem: str | None = None  # hash, link, gap (store/audit.py ChainReport)
    missing_triggers: tuple[str, ...] = ()
    announced: int = 0  # heads this workspace sent in bundles
    lost: tuple[tuple[int, str], ...] = field(default=())  # (seq, "differs" | "missing")

    @property
    def ok(self) -> bool:
        return self.first_bad is None and not self.missing_triggers and not self.lost

    def as_json(self) -> dict[str, object]:
        return {"ok": self.ok, "events": self.events, "head": self.head.as_json(),
                "first_bad": self.first_bad, "problem": self.problem,
                "missing_triggers": list(self.missing_triggers), "announced": self.announced,
                "lost": [{"seq": s, "state": st} for s, st in self.lost]}


class AuditTrailService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def verify(self) -> TrailReport:
        db = self.ws.db
        sent = audit.heads_sent(db)
        report = audit.check_chain(db, sent)
        lost = tuple((h.seq, state) for h, state in report.anchors if state != "on_chain")
        return TrailReport(report.events, report.head, report.first_bad, report.problem,
                           tuple(audit.missing_triggers(db)), len(sent), lost)


class VerifyAuditTrail(Operation[TrailReport]):
    """The GUI's "verify now": a read of the whole log, so it runs in ``finish`` (store
    access stays on the caller's thread); the runner shows it busy meanwhile."""

    title = "checking the audit trail"

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def work(self, progress: Progress) -> None:
        progress(0, 1, "")

    def finish(self) -> TrailReport:
        return AuditTrailService(self.ws).verify()
