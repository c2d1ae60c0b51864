"""Typed read models for the front ends' lists and panels (frozen dataclasses, no dict rows).

Each list is read the same way: ids first (ordered and filtered in SQL by
``store.lists``), then rows for a page of ids. The GUI's table models hold
these rows and only format them; the CLI prints the same ones. Nothing here
writes: changes go through the use-case services.

The review office's lists (the review queue, a review's history, model towns, the import
history) live in ``services/review_lists.py`` and are imported from there when first asked
for (``lists.ReviewQueue`` still works): the assessments list, the first window of every
start, needs none of them (docs/performance.md, branch start2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from secity_desktop.core.framework import Tier
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.scoring import tier_for
from secity_desktop.core.thai_calendar import fiscal_year_be, now_utc
from secity_desktop.services.bulk_scores import BulkScorer, shared_scorer
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography, lists, standings
from secity_desktop.store.geography import Municipality

ASSESSMENT_PAGE = 100
REVIEW_STATUSES = (
    Status.RECEIVED,
    Status.UNDER_REVIEW,
    Status.APPROVED,
    Status.RETURNED,
    Status.FINALIZED,
    Status.COMPLETE,
)


@dataclass(frozen=True)
class AssessmentRow:
    """One line of the assessments list, with its effective score."""

    id: str
    municipality_code: str
    municipality_th: str
    municipality_en: str
    province_code: str
    province_th: str
    province_en: str
    year: int
    status: str
    revision: int
    framework_hash: str
    updated_at: str
    total: float
    answered: int
    count: int
    tier: Tier | None

    @property
    def search_text(self) -> str:
        return " ".join(
            str(v)
            for v in (
                self.municipality_code, self.municipality_th, self.municipality_en,
                self.province_code, self.province_th, self.province_en, self.year, self.status,
            )
        )


@dataclass(frozen=True)
class AssessmentChoice:
    """An assessment as a pick list names it."""

    id: str
    municipality_th: str
    year: int
    revision: int
    status: str


@dataclass(frozen=True)
class Province:
    code: str
    name_th: str
    name_en: str


class AssessmentList:
    """The assessments list: ordered, filtered ids; rows a page at a time, scored in bulk."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._scorer: BulkScorer | None = None

    @property
    def scorer(self) -> BulkScorer:
        if self._scorer is None:
            self._scorer = shared_scorer(self.ws)
        return self._scorer

    def ids(
        self,
        *,
        search: str = "",
        order: str = "updated",
        descending: bool = True,
        province: str | None = None,
        statuses: Sequence[str] = (),
        year: int | None = None,
    ) -> list[str]:
        if order in lists.SCORED_KEYS:  # ordered in SQL on the stored scores
            def query() -> list[lists.ScoredId]:
                return lists.scored_assessment_ids(
                    self.ws.db, search=search, order=order, descending=descending,
                    province=province, statuses=tuple(statuses), year=year,
                )
            return scored_order(self.scorer, query, order, descending)
        return lists.assessment_ids(
            self.ws.db, search=search, order=order, descending=descending,
            province=province, statuses=tuple(statuses), year=year,
        )

    def totals(self, ids: Sequence[str]) -> dict[str, float]:
        """Effective totals for many ids at once (bulk scoring: the sort key of the total column)."""
        return totals(self.ws, self.scorer, ids)

    def rows(self, ids: Sequence[str]) -> dict[str, AssessmentRow]:
        """Rows for a page of ids: one summary query, one bulk scoring pass, one count."""
        ids = list(ids)
        summary = repo.summary_rows(self.ws.db, ids)
        scores = self.scorer.scores(
            (i, r["framework_hash"], r["updated_at"]) for i, r in summary.items()
        )
        answered = lists.answered_counts(self.ws.db, ids)
        out: dict[str, AssessmentRow] = {}
        for i, r in summary.items():
            fw = self.ws.frameworks.get(r["framework_hash"])
            total = sum(scores.get(i, {}).values())
            out[i] = AssessmentRow(
                i, r["municipality_code"], r["municipality_th"], r["municipality_en"] or "",
                r["province_code"], r["province_th"], r["province_en"], int(r["year"]),
                r["status"], int(r["revision"]), r["framework_hash"], r["updated_at"],
                total, answered.get(i, 0), len(fw.indicators), tier_for(fw, total),
            )
        return out

    def exists(self, assessment_id: str) -> bool:
        return lists.exists(self.ws.db, assessment_id)

    def successor(self, assessment_id: str) -> str | None:
        """The revision that replaced this one (an imported return opens one)."""
        return lists.successor(self.ws.db, assessment_id)


def totals(ws: Workspace, scorer: BulkScorer, ids: Sequence[str]) -> dict[str, float]:
    """Effective totals of ``ids`` in one bulk pass (cached per revision stamp in ``scorer``)."""
    rows = repo.summary_rows(ws.db, list(ids))
    scores = scorer.scores((i, r["framework_hash"], r["updated_at"]) for i, r in rows.items())
    return {i: sum(per.values()) for i, per in scores.items()}


def by_total(
    scorer: BulkScorer, keys: Sequence[tuple[str, str, str]], descending: bool
) -> list[str]:
    """Ids ordered by effective total (one bulk pass; ties keep the SQL order)."""
    scores = scorer.scores(keys)
    total = {i: sum(per.values()) for i, per in scores.items()}
    return sorted((k[0] for k in keys), key=lambda i: total.get(i, 0.0), reverse=descending)


def scored_order(
    scorer: BulkScorer, query: Callable[[], list[lists.ScoredId]], order: str, descending: bool
) -> list[str]:
    """Ids ordered in SQL on a stored score. Rows the query found without a valid stored score
    (written outside a transaction, or by an older release) are computed and stored, then the
    query runs again; if they could not be stored (a read-only store) the totals computed in
    memory order the list instead."""
    rows = query()
    missing = [(aid, fw, stamp) for aid, ok, fw, stamp in rows if not ok]
    if not missing:
        return [r[0] for r in rows]
    scorer.scores(missing)
    again = query()
    if all(ok for _, ok, _, _ in again):
        return [r[0] for r in again]
    if order != "total":  # answered counts need the stored rows; keep SQL's order otherwise
        return [r[0] for r in again]
    return by_total(scorer, [(aid, fw, stamp) for aid, _, fw, stamp in again], descending)


WARM_CHUNK = 250  # assessments scored per idle step (≈ 25 ms on a field laptop)


def score_warmer(ws: Workspace, years: Sequence[int]) -> Iterator[int]:
    """Store the years' missing scores, one chunk per step (idle time after the first paint).

    Scores are stored and kept true on every write (``store.stored_scores``); only a row a
    write outside a transaction removed, or one an older release never stored, is missing.
    So this usually finds nothing and ends at once."""
    scorer = shared_scorer(ws)
    done = 0
    for year in years:
        keys = lists.unscored_keys(ws.db, year)
        for n in range(0, len(keys), WARM_CHUNK):
            scorer.scores(keys[n : n + WARM_CHUNK])
            done += len(keys[n : n + WARM_CHUNK])
            yield done


def years(ws: Workspace) -> list[int]:
    """Fiscal years with any assessment, newest first (the lists' year filters)."""
    return standings.years(ws.db)


def default_year(ws: Workspace, held: Sequence[int] | None = None) -> int | None:
    """The year an office's lists open on: the current fiscal year, or if nothing is held for
    it yet (early in a year) the newest year held. An assessor's lists show every year."""
    if ws.role == Role.ASSESSOR:
        return None
    held = years(ws) if held is None else held
    current = fiscal_year_be(now_utc().date())
    if current in held:
        return current
    return max((y for y in held if y <= current), default=held[0] if held else None)


def provinces(ws: Workspace) -> list[Province]:
    return [
        Province(str(p["code"]), str(p["name_th"]), str(p["name_en"]))
        for p in geography.provinces(ws.db)
    ]


def municipalities(ws: Workspace, province: str | None = None) -> list[Municipality]:
    if province:
        geography.province(ws.db, province)  # an unknown code is refused, not an empty list
    return geography.municipalities(ws.db, province)


def municipality_count(ws: Workspace) -> int:
    return geography.municipality_count(ws.db)


def municipality_codes(
    ws: Workspace, search: str = "", order: str = "", descending: bool = False
) -> list[str]:
    """The register's codes filtered (code, names, province) and ordered in SQL."""
    return geography.municipality_codes(ws.db, search=search, order=order, descending=descending)


def municipalities_by_code(ws: Workspace, codes: Sequence[str]) -> dict[str, Municipality]:
    return geography.municipalities_by_code(ws.db, list(codes))


def municipality(ws: Workspace, code: str) -> Municipality:
    return geography.municipality(ws.db, code)


def _choices(ws: Workspace, status: str | None = None) -> list[AssessmentChoice]:
    ids = repo.list_ids(ws.db, status=status)
    return choices(ws, ids)


def choices(ws: Workspace, ids: Sequence[str]) -> list[AssessmentChoice]:
    rows = repo.summary_rows(ws.db, list(ids))
    return [
        AssessmentChoice(i, rows[i]["municipality_th"], int(rows[i]["year"]),
                         int(rows[i]["revision"]), rows[i]["status"])
        for i in ids if i in rows
    ]


def ready_to_finalize(ws: Workspace) -> list[AssessmentChoice]:
    """This workspace's complete assessments, waiting to be finalized and signed."""
    return _choices(ws, Status.COMPLETE.value)


def assessment_choices(ws: Workspace) -> list[AssessmentChoice]:
    """Every assessment, newest edit first (small workspaces; a chooser uses ``find_choices``)."""
    return _choices(ws)


CHOICE_LIMIT = 200


def find_choices(
    ws: Workspace,
    search: str = "",
    *,
    year: int | None = None,
    province: str | None = None,
    limit: int = CHOICE_LIMIT,
) -> list[AssessmentChoice]:
    """At most ``limit`` assessments matching ``search`` (name, code, province, year, status),
    newest edit first: a pick list that stays small whatever the workspace holds."""
    ids = lists.choice_ids(ws.db, search=search, year=year, province=province, limit=limit)
    return choices(ws, ids)


_REVIEW_LISTS = frozenset({
    "ReviewRow", "ImportRecord", "ReviewHistory", "NamedModelTown", "ReviewQueue",
    "review_queue", "review_history", "last_decided", "comment_counts", "model_towns",
    "import_history",
})


def __getattr__(name: str) -> Any:
    """The review office's lists, from ``services/review_lists.py`` when first asked for."""
    if name in _REVIEW_LISTS:
        from secity_desktop.services import review_lists

        return getattr(review_lists, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
