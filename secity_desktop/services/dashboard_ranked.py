"""The dashboard as the GUI shows it: ranked codes from SQL, rows a page at a time, a summary.

``DashboardService.refresh`` builds one ``DashboardRow`` per municipality (7,850
nationally) — right for the CLI's table and JSON, too slow for a place that must
appear in ≤ 200 ms. Here the store ranks and orders the shown municipalities in SQL
(``store.dashboard``, on the stored standings and stored scores), the model keeps
only the ordered codes, and rows are built for the page the view paints. Coverage,
tier counts and component averages are SQL aggregates. The figures equal
``refresh``'s (a test compares them on a multi-province workspace). docs/dashboard.md.
"""

from __future__ import annotations

import contextlib
import itertools
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from secity_desktop.core.errors import SecityError
from secity_desktop.core.framework import Tier
from secity_desktop.core.lifecycle import Status
from secity_desktop.core.scoring import tier_for
from secity_desktop.services.dashboard import (
    SORT_KEYS,
    Coverage,
    DashboardRow,
    DashboardService,
    sort_rows,
)
from secity_desktop.store import dashboard as sql
from secity_desktop.store import review as rrepo
from secity_desktop.store import stored_scores

_T = TypeVar("_T")

Ranked = list[tuple[str, int | None]]
"""(municipality code, rank) in the order asked; rank None for a row without a score."""


@dataclass(frozen=True)
class DashboardFilter:
    province: str | None = None
    year: int | None = None
    mtype: str | None = None
    status: str | None = None  # a status value, ``none`` (not assessed) or None (all)

    def where(self) -> dict[str, object]:
        return {"province": self.province, "year": self.year, "mtype": self.mtype}


def first_filter(svc: DashboardService) -> DashboardFilter:
    """The filters the Dashboard place opens on: the office's province (a province office),
    the newest fiscal year held there, every type and status (``gui/dashboard_place``'s
    combos start there; a test holds them to this)."""
    province = svc.default_province()
    years = svc.years(province)
    return DashboardFilter(province=province, year=years[0] if years else None)


@dataclass(frozen=True)
class Summary:
    """What the coverage line says. Coverage counts every row whatever the status filter;
    tier counts and averages are over the shown assessed rows."""

    coverage: Coverage
    components: tuple[str, ...]
    tiers: dict[str | None, int] = field(default_factory=dict)  # tier code (None: below all)
    tier_labels: dict[str, Tier] = field(default_factory=dict)  # tier code → the tier, best first
    average_total: float | None = None
    averages: dict[str, float] = field(default_factory=dict)  # component code → average

    @property
    def shown_assessed(self) -> int:
        return sum(self.tiers.values())


class RankedDashboard:
    """The GUI's read model over ``DashboardService`` (its scorer, frameworks, validation)."""

    _made = itertools.count(1)

    def __init__(self, svc: DashboardService) -> None:
        self.svc = svc
        self.db = svc.db
        self.table = f"dashboard_rows_{next(self._made)}"  # this reader's temp snapshot
        self._loaded: tuple[object, ...] | None = None
        self._towns: dict[tuple[str, int], str] = {}
        weakref.finalize(self, _drop, self.db, self.table)
        self._width: int | None = None
        self.fallbacks = 0  # orders taken the slow way (a read-only store): tests, benches
        self._stamp: tuple[int, int] | None = None  # the store's change token at the snapshot
        self._memo: dict[tuple[Any, ...], tuple[tuple[int, int], Any]] = {}

    def _check(self, f: DashboardFilter) -> None:
        self.svc.check_filters(f.mtype, f.status)

    def load(self, f: DashboardFilter) -> int:
        """Read the filters' rows afresh into this reader's snapshot (every refresh does;
        re-sorting, the summary and the pages then read the snapshot)."""
        self._check(f)
        n = sql.snapshot(self.db, self.table, **f.where())  # type: ignore[arg-type]
        self._loaded = (f.province, f.year, f.mtype)
        self._towns = {(m.province_code, m.year): m.municipality_code
                       for m in rrepo.model_towns(self.db, province_code=f.province, year=f.year)}
        self._memo.clear()
        self._stamp = self.db.change_token()
        return n

    def renew(self, f: DashboardFilter) -> None:
        """What every refresh of the place calls: the snapshot read afresh — unless it is of
        these filters and nothing has been written to the store since it was taken (the
        store's change token, ``store.connection.Database.change_token``): then it, and the
        order and summary already read from it, are still exactly what a re-read would give.
        That is what lets :meth:`prepare` do a place's first refresh in idle time."""
        self._check(f)
        if self._loaded != (f.province, f.year, f.mtype) or self._stamp != self.db.change_token():
            self.load(f)

    def prepare(self, f: DashboardFilter, sort: str = "rank", descending: bool = False
                ) -> Iterator[str]:
        """The first refresh of a place showing ``f``, one step per ``next``: the snapshot, the
        order, the summary (each ≤ ≈ 60 ms nationally: ``gui.idle_warm.run_in_idle`` runs them
        in the window's idle time). A place that then refreshes with the same filters and
        finds nothing written since (:meth:`renew`) only paints."""
        self.renew(f)
        yield "snapshot"
        self.ranked(f, sort, descending)
        yield "order"
        self.summary(f, averages=False)
        yield "summary"

    def _kept(self, key: tuple[Any, ...], compute: Callable[[], _T]) -> _T:
        """``compute()``, or the result kept for ``key`` while nothing was written since."""
        token = self.db.change_token()
        held = self._memo.get(key)
        if held is not None and held[0] == token:
            return held[1]  # type: ignore[no-any-return]
        value = compute()
        self._memo[key] = (self.db.change_token(), value)  # after any repair it wrote
        return value

    def _ensure(self, f: DashboardFilter) -> None:
        self._check(f)
        if self._loaded != (f.province, f.year, f.mtype):
            self.load(f)

    def _codes(self, fw_hash: str) -> tuple[str, ...]:
        return self.svc.component_codes(fw_hash)

    def _widest(self) -> int:
        """The most components any registered framework has (the summary sums that many)."""
        if self._width is None:
            widths = [0]
            for entry in self.svc.ws.frameworks.list():
                try:
                    widths.append(len(self._codes(str(entry["hash"]))))
                except SecityError:  # an unreadable framework: its assessments meet the refusal
                    continue
            self._width = max(widths)
        return self._width

    def summary(self, f: DashboardFilter, *, averages: bool = True) -> Summary:
        """Coverage, tier counts, average total and (``averages``) component averages: one
        SQL aggregate (``store.dashboard.summary``) of a few rows, folded here. The place
        shows no component averages and asks without them (reading the component text
        of 7,850 rows doubled the aggregate's time)."""
        self._ensure(f)
        return self._kept(("summary", f, averages), lambda: self._summary(f, averages))

    def _summary(self, f: DashboardFilter, averages: bool) -> Summary:
        n = assessed = approved = counted = 0
        total_sum = 0.0
        tiers: dict[str | None, int] = {}
        fws: dict[str, None] = {}
        sums: dict[str, list[float]] = {}
        for status, tier, fw, count, scored, tsum, *csums in sql.summary(
                self.db, self.table, self._widest() if averages else 0):
            n += count
            if fw is None:  # not assessed: counted, nothing to average
                continue
            fws.setdefault(fw, None)
            assessed += count
            approved += count if status == Status.APPROVED else 0
            if (f.status is not None and status != f.status) or not scored:
                continue
            tiers[tier] = tiers.get(tier, 0) + scored
            total_sum += tsum
            counted += scored
            for code, csum in zip(self._codes(fw), csums, strict=False):
                acc = sums.setdefault(code, [0, 0.0])
                acc[0] += scored
                acc[1] += csum
        comps: dict[str, None] = {}
        labels: dict[str, Tier] = {}
        for fw in fws:
            comps.update(dict.fromkeys(self._codes(fw)))
            for t in self.svc.ws.frameworks.get(fw).tiers:
                labels.setdefault(t.code, t)
        return Summary(
            Coverage(n, assessed, approved), tuple(comps), tiers, labels,
            total_sum / counted if counted else None,
            {c: s / k for c, (k, s) in sums.items() if k},
        )

    def _positions(self, code: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for fw in sql.frameworks(self.db, self.table):
            codes = self._codes(fw)
            if code in codes:
                out[fw] = codes.index(code)
        return out

    def ranked(self, f: DashboardFilter, sort: str = "rank", descending: bool = False) -> Ranked:
        """Every shown municipality's code and rank, ordered in SQL. Standing assessments
        without a valid stored score are computed and stored first (a repair); if they
        cannot be stored (a read-only store) the order is taken the old way, in memory."""
        self._ensure(f)
        return list(self._kept(("ranked", f, sort, descending),
                               lambda: self._ranked(f, sort, descending)))

    def _ranked(self, f: DashboardFilter, sort: str, descending: bool) -> Ranked:
        if sort not in SORT_KEYS and not sort.startswith("c:"):
            sort_rows([], sort)  # raises the usual refusal
        order = sql.sort_expr(sort, self._positions(sort[2:]) if sort.startswith("c:") else None)

        prev = f.year - 1 if f.year is not None and sort == "change" else None

        def query() -> list[tuple[str, int | None, int]]:
            return sql.ranked(self.db, self.table, status=f.status, order=order,
                              descending=descending, prev_year=prev)

        found = query()
        if any(r[2] for r in found):
            self.svc.scorer.store_missing(sql.unscored(self.db, self.table, prev))
            self.load(f)
            found = query()
            if any(r[2] for r in found):
                self.fallbacks += 1
                dash = self.svc.refresh(**f.where(), status=f.status)  # type: ignore[arg-type]
                return [(r.municipality_code, r.rank) for r in sort_rows(dash.rows, sort, descending)]
        return [(r[0], r[1]) for r in found]

    def rows(
        self, f: DashboardFilter, codes: Sequence[str], ranks: dict[str, int | None]
    ) -> dict[str, DashboardRow]:
        """Dashboard rows of a page of codes (the previous year's total for the change)."""
        self._ensure(f)
        found = sql.rows(self.db, self.table, codes, None if f.year is None else f.year - 1)
        late = self.svc.scorer.scores(
            [(r[6], r[7], r[11]) for r in found if r[6] and r[14] is None]
            + [(r[15], r[16], r[17]) for r in found if r[15] and r[18] is None])
        towns = self._towns
        out: dict[str, DashboardRow] = {}
        for (code, th, en, typ, prov, seat, aid, fw, year, rev, status, _stamp, total, tier,
             text, prev_aid, _pfw, _pstamp, prev_total) in found:
            row = DashboardRow(code, th, en, typ, prov, bool(seat))
            if aid is not None:
                comps = (stored_scores.decode(self.db, fw, text) if text is not None
                         else dict(late.get(aid, {})))
                comps = {**dict.fromkeys(self._codes(fw), 0.0), **comps}
                total = float(total) if total is not None else sum(comps.values())
                row.assessment_id, row.year, row.revision, row.status = aid, year, rev, status
                row.total, row.components = total, comps
                row.tier = self._tier(fw, tier if text is not None else None, total)
                row.rank = ranks.get(code)
                row.model_town = (prov, year) in towns and towns[(prov, year)] == code
                if prev_total is not None:
                    row.previous_total = float(prev_total)
                elif prev_aid in late:
                    row.previous_total = sum(late[prev_aid].values())
            out[code] = row
        return out

    def _tier(self, fw_hash: str, code: str | None, total: float) -> Tier | None:
        fw = self.svc.ws.frameworks.get(fw_hash)
        if code is None:
            return tier_for(fw, total)
        return next((t for t in fw.tiers if t.code == code), None)


def _drop(db: object, table: str) -> None:
    """The snapshot goes with its reader (temp tables live as long as the connection)."""
    with contextlib.suppress(Exception):  # a closed workspace took it already
        sql.drop(db, table)  # type: ignore[arg-type]
