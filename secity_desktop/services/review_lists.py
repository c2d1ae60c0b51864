"""The review office's lists: the review queue, a review's history, model towns, imports.

Split from ``services/lists.py`` (which still answers for every name here) so that the
assessments list — the first window of every start — loads none of this, nor the review
store's row types (docs/performance.md, branch start2). Same reading pattern: ids ordered
and filtered in SQL, rows a page at a time, scored in bulk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from secity_desktop.services.bulk_scores import BulkScorer, shared_scorer
from secity_desktop.services.lists import REVIEW_STATUSES, scored_order
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography, lists
from secity_desktop.store import review as rrepo
from secity_desktop.store.review import Comment, Decision, ModelTown, Override


@dataclass(frozen=True)
class ReviewRow:
    """One assessment in a reviewer's queue."""

    id: str
    municipality_th: str
    municipality_en: str
    year: int
    revision: int
    status: str
    total: float
    reopened: bool  # a new revision arrived after approval


@dataclass(frozen=True)
class ImportRecord:
    """One line of the import history: a file applied, found nothing new, or refused."""

    id: int
    at: str
    file_name: str
    file_sha256: str
    sender_name: str | None
    result: str
    added: int
    updated: int
    skipped: int
    conflicts: int
    reason: str | None
    message: str | None
    quarantine_path: str | None


@dataclass(frozen=True)
class ReviewHistory:
    decisions: list[Decision]
    comments: list[Comment]
    overrides: list[Override]


@dataclass(frozen=True)
class NamedModelTown:
    town: ModelTown
    municipality_th: str


class ReviewQueue:
    """A reviewer's queue: ids ordered and filtered in SQL, rows a page at a time, scored in
    bulk (cached per revision stamp, so re-reading after a decision rescores one row)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._scorer = shared_scorer(ws)

    def ids(
        self,
        status: str | None = None,
        *,
        year: int | None = None,
        order: str = "updated",
        descending: bool = True,
    ) -> list[str]:
        statuses = (status,) if status else tuple(s.value for s in REVIEW_STATUSES)
        province = self.ws.province_code or None
        if order in lists.SCORED_KEYS:
            def query() -> list[lists.ScoredId]:
                return lists.review_ids(self.ws.db, statuses=statuses, province=province,  # type: ignore[no-any-return]
                                        year=year, order=order, descending=descending)
            return scored_order(self._scorer, query, order, descending)
        return lists.review_ids(self.ws.db, statuses=statuses, province=province, year=year,
                                order=order, descending=descending)

    def page(self, ids: Sequence[str]) -> dict[str, ReviewRow]:
        ids = list(ids)
        rows = repo.summary_rows(self.ws.db, ids)
        scores = self._scorer.scores((i, r["framework_hash"], r["updated_at"]) for i, r in rows.items())
        last = rrepo.last_decision(self.ws.db, ids)
        out = {}
        for i, r in rows.items():
            d = last.get(i)
            out[i] = ReviewRow(
                i, r["municipality_th"], r["municipality_en"] or "", int(r["year"]),
                int(r["revision"]), r["status"], sum(scores.get(i, {}).values()),
                d is not None and d.action == "reopen",
            )
        return out

    def rows(self, status: str | None = None, *, year: int | None = None) -> list[ReviewRow]:
        ids = self.ids(status, year=year)
        page = self.page(ids)
        return [page[i] for i in ids]


def review_queue(ws: Workspace, status: str | None, scorer: BulkScorer | None = None) -> list[ReviewRow]:
    """Assessments of this office's province to review or already decided (or one status)."""
    return ReviewQueue(ws).rows(status)


def review_history(ws: Workspace, assessment_id: str) -> ReviewHistory:
    return ReviewHistory(
        rrepo.decisions(ws.db, assessment_id),
        rrepo.comments(ws.db, assessment_id),
        rrepo.overrides(ws.db, assessment_id),
    )


def last_decided(ws: Workspace, ids: Sequence[str]) -> dict[str, str]:
    """When each assessment's latest review decision was taken (ISO time)."""
    return {i: d.at for i, d in rrepo.last_decision(ws.db, list(ids)).items()}


def comment_counts(ws: Workspace, ids: Sequence[str]) -> dict[str, int]:
    return {i: len(rrepo.comments(ws.db, i)) for i in ids}


def model_towns(ws: Workspace, year: int | None = None, province: str | None = None) -> list[NamedModelTown]:
    """This province's (or ``province``'s) model towns, with the town's Thai name."""
    code = province if province is not None else ws.province_code or ""
    return [
        NamedModelTown(t, geography.municipality(ws.db, t.municipality_code).name_th)
        for t in rrepo.model_towns(ws.db, province_code=code, year=year)
    ]


def import_history(ws: Workspace) -> list[ImportRecord]:
    return [
        ImportRecord(
            int(r["id"]), str(r["at"]), str(r["file_name"]), str(r["file_sha256"] or ""),
            r.get("sender_name"), str(r["result"]), int(r["added"] or 0), int(r["updated"] or 0),
            int(r["skipped"] or 0), int(r["conflicts"] or 0), r.get("reason"), r.get("message"),
            r.get("quarantine_path"),
        )
        for r in lists.import_history(ws.db)
    ]
