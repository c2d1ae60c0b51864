"""One review history for an assessment: every decision, comment and override along its
supersedes chain, each tagged with the revision row it belongs to.

Three places show review history, each its own way, and all read it from here:

* ``ReviewService.show()`` — the whole record per revision (``secity review show``,
  ``earlier_revisions``), withdrawn and retired overrides included;
* the PDF report's review section (``review.sources.report_entries``) — this
  revision's decisions, standing overrides and comments;
* the assessor's feedback (``review.feedback.feedback_for``) — return reasons,
  comments and standing overrides from every revision of the chain.

Rows are read once per revision row, in the store's order (time, then insertion),
and kept as the store's typed rows (``store.review.Decision`` …) so each view can
shape them without reading the tables again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import review as rrepo

EntryKind = Literal["decision", "comment", "override"]


@dataclass(frozen=True)
class TimelineEntry:
    """One review row, with the revision row it was made on."""

    kind: EntryKind
    assessment_id: str  # the revision row the entry belongs to
    revision: int  # that row's revision number
    at: str
    author: str
    row: rrepo.Decision | rrepo.Comment | rrepo.Override

    @property
    def indicator_code(self) -> str | None:
        return None if isinstance(self.row, rrepo.Decision) else self.row.indicator_code

    @property
    def standing(self) -> bool:
        """An override that still applies (not withdrawn, replaced or retired)."""
        return (
            isinstance(self.row, rrepo.Override) and self.row.current and self.row.level is not None
        )


@dataclass(frozen=True)
class Timeline:
    """The chain (newest revision first) and its entries, revision by revision."""

    chain: tuple[repo.Assessment, ...]
    entries: tuple[TimelineEntry, ...]

    def __iter__(self) -> Iterator[TimelineEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def of(self, assessment_id: str, kind: EntryKind | None = None) -> list[TimelineEntry]:
        """One revision row's entries (of one kind), in the store's order."""
        return [
            e for e in self.entries
            if e.assessment_id == assessment_id and (kind is None or e.kind == kind)
        ]

    def decisions(self, assessment_id: str) -> list[rrepo.Decision]:
        return [e.row for e in self.of(assessment_id, "decision")]  # type: ignore[misc]

    def comments(self, assessment_id: str) -> list[rrepo.Comment]:
        return [e.row for e in self.of(assessment_id, "comment")]  # type: ignore[misc]

    def overrides(self, assessment_id: str, *, standing_only: bool = False) -> list[rrepo.Override]:
        return [
            e.row for e in self.of(assessment_id, "override")  # type: ignore[misc]
            if e.standing or not standing_only
        ]

    def record(self, a: repo.Assessment) -> dict[str, object]:
        """One revision's review as plain rows (what ``review show`` and a return bundle hold)."""
        return {
            "assessment_id": a.id,
            "revision": a.revision,
            "status": a.status,
            "decisions": [d.as_json() for d in self.decisions(a.id)],
            "comments": [c.as_json() for c in self.comments(a.id)],
            "overrides": [o.as_json() for o in self.overrides(a.id)],
        }


def timeline(ws: Workspace, assessment_id: str, *, whole_chain: bool = True) -> Timeline:
    """The review history of ``assessment_id`` (and, by default, of the revisions it supersedes)."""
    rows = tuple(repo.chain(ws.db, assessment_id))
    if not whole_chain:
        rows = rows[:1]
    entries: list[TimelineEntry] = []
    for a in rows:
        entries += [
            TimelineEntry("decision", a.id, a.revision, d.at, d.author, d)
            for d in rrepo.decisions(ws.db, a.id)
        ]
        entries += [
            TimelineEntry("comment", a.id, a.revision, c.at, c.author, c)
            for c in rrepo.comments(ws.db, a.id)
        ]
        entries += [
            TimelineEntry("override", a.id, a.revision, o.at, o.author, o)
            for o in rrepo.overrides(ws.db, a.id)
        ]
    return Timeline(rows, tuple(entries))
