"""The province dashboard: every municipality with its latest assessment, ranked.

One refresh is a handful of queries whatever the size of the province (or the
country): the municipalities, the latest assessment per municipality (a window
query in ``store.standings``), and component scores summed in SQL by
``bulk_scores`` — never one query or one score card per row. docs/dashboard.md
has the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.framework import Tier
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.localgov import MunicipalityType
from secity_desktop.core.scoring import tier_for
from secity_desktop.services.bulk_scores import shared_scorer
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography, standings
from secity_desktop.store import review as rrepo
from secity_desktop.store.conflicts import NOT_SET_ASIDE
from secity_desktop.store.standings import Pick

NOT_ASSESSED = "none"


@dataclass
class DashboardRow:
    municipality_code: str
    name_th: str
    name_en: str
    type: str
    province_code: str
    is_seat: bool
    assessment_id: str | None = None
    year: int | None = None
    revision: int | None = None
    status: str | None = None
    total: float | None = None
    tier: Tier | None = None
    components: dict[str, float] = field(default_factory=dict)
    rank: int | None = None
    previous_total: float | None = None
    model_town: bool = False

    @property
    def change(self) -> float | None:
        if self.total is None or self.previous_total is None:
            return None
        return self.total - self.previous_total

    def as_json(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality_code,
            "name_th": self.name_th,
            "type": self.type,
            "province": self.province_code,
            "assessment_id": self.assessment_id,
            "year": self.year,
            "status": self.status,
            "total": None if self.total is None else round(self.total, 2),
            "tier": self.tier.code if self.tier else None,
            "components": {k: round(v, 2) for k, v in self.components.items()},
            "rank": self.rank,
            "previous_total": None
            if self.previous_total is None
            else round(self.previous_total, 2),
            "change": None if self.change is None else round(self.change, 2),
            "model_town": self.model_town,
        }


@dataclass(frozen=True)
class Coverage:
    municipalities: int
    assessed: int
    approved: int

    @property
    def percent(self) -> float:
        return 100.0 * self.assessed / self.municipalities if self.municipalities else 0.0


@dataclass(frozen=True)
class Dashboard:
    rows: list[DashboardRow]
    coverage: Coverage
    components: tuple[str, ...]
    year: int | None
    province: str | None


#: A revision a person set aside when resolving an import conflict never counts as "latest"
#: (the condition lives with the conflicts table, ``store.conflicts``).
SET_ASIDE_FILTER = NOT_SET_ASIDE


def rank_rows(rows: list[DashboardRow]) -> None:
    """Competition ranking by total (1, 2, 2, 4); rows without a score get no rank."""
    scored = sorted((r for r in rows if r.total is not None), key=lambda r: -round(r.total, 6))  # type: ignore[arg-type]
    prev: float | None = None
    rank = 0
    for n, r in enumerate(scored, 1):
        t = round(r.total, 6)  # type: ignore[arg-type]
        if t != prev:
            rank, prev = n, t
        r.rank = rank


SORT_KEYS = ("rank", "total", "name", "code", "status", "change")


def sort_rows(
    rows: list[DashboardRow], key: str = "rank", descending: bool = False
) -> list[DashboardRow]:
    if key not in SORT_KEYS and not key.startswith("c:"):
        raise ValidationError(
            f"cannot sort by {key!r}; use one of {', '.join(SORT_KEYS)} or c:COMPONENT",
            code="dashboard.bad_sort", key=key
        )
    big = float("inf")

    def k(r: DashboardRow) -> Any:
        if key == "rank":
            return r.rank if r.rank is not None else big
        if key == "total":
            return r.total if r.total is not None else -big
        if key == "name":
            return r.name_th
        if key == "code":
            return r.municipality_code
        if key == "status":
            return r.status or ""
        if key == "change":
            return r.change if r.change is not None else -big
        return r.components.get(key[2:], -big)

    return sorted(rows, key=k, reverse=descending)


class DashboardService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db
        self.scorer = shared_scorer(ws)
        self._comp_codes: dict[str, tuple[str, ...]] = {}

    def default_province(self) -> str | None:
        return self.ws.province_code or None if self.ws.role == Role.PROVINCE else None

    def check_filters(self, mtype: str | None, status: str | None) -> None:
        """Refuse an unknown municipality type or status (the CLI passes what was typed)."""
        if mtype is not None and mtype not in {t.value for t in MunicipalityType}:
            raise ValidationError(
                f"unknown municipality type {mtype!r}; use {', '.join(MunicipalityType)}",
                code="dashboard.bad_type", type=mtype
            )
        if (
            status is not None
            and status != NOT_ASSESSED
            and status not in {s.value for s in Status}
        ):
            raise ValidationError(
                f"unknown status {status!r}; use one of {', '.join(Status)} or none",
                code="assessment.bad_status", status=status
            )

    def years(self, province: str | None = None) -> list[int]:
        return standings.years(self.db, province)

    def _picks(
        self, province: str | None, years: tuple[int, ...], mtype: str | None
    ) -> dict[tuple[str, int], tuple[Any, ...]]:
        """(municipality, year) → its latest assessment row (id, fw, code, year, rev, status,
        updated_at). With no year given: each municipality's latest year only."""
        return {(r[2], r[3]): r for r in standings.picks(self.db, province, years, mtype)}

    def refresh(
        self,
        *,
        province: str | None = None,
        year: int | None = None,
        mtype: str | None = None,
        status: str | None = None,
        with_change: bool = True,
    ) -> Dashboard:
        """Rows for every municipality matching province and type; the status filter applies
        to rows, not to coverage (coverage is always assessed ÷ all municipalities)."""
        self.check_filters(mtype, status)
        munis = geography.municipality_rows(self.db, province=province, mtype=mtype)
        years: tuple[int, ...] = ()
        if year is not None:
            years = (year, year - 1) if with_change else (year,)
        # one query for both years' picks and their stored scores; only rows with no valid
        # stored score are computed (and stored); the previous year needs its total only
        both = {(r[2], r[3]): r for r in standings.scored_picks(self.db, province, years, mtype)}
        if year is None:
            current = both
            prev_totals: dict[str, float] = {}
        else:
            current = {k: r for k, r in both.items() if k[1] == year}
            before = [r for k, r in both.items() if k[1] != year]
            prev_totals = {r[2]: r[7] for r in before if r[7] is not None}
            late = self.scorer.scores((r[0], r[1], r[6]) for r in before if r[7] is None)
            prev_totals.update({r[2]: sum(late[r[0]].values()) for r in before if r[0] in late})
        scores = self.scorer.with_stored((r[0], r[1], r[6], r[8]) for r in current.values())
        picks: dict[str, Pick] = {k[0]: r[:7] for k, r in current.items()}  # type: ignore[misc]
        towns = {
            (m.province_code, m.year): m.municipality_code
            for m in rrepo.model_towns(self.db, province_code=province, year=year)
        }
        comp_codes: dict[str, None] = {}
        tier_cache: dict[tuple[str, float], Tier | None] = {}

        def tiers(fw_hash: str, total: float) -> Tier | None:
            key = (fw_hash, round(total, 6))
            if key not in tier_cache:
                tier_cache[key] = tier_for(self.ws.frameworks.get(fw_hash), total)
            return tier_cache[key]

        rows: list[DashboardRow] = []
        approved = 0
        for code, th, en, typ, prov, seat in munis:
            row = DashboardRow(code, th, en, typ, prov, bool(seat))
            p = picks.get(code)
            if p is not None:
                self._score_row(row, p, scores, tiers)
                for c in row.components:
                    comp_codes.setdefault(c, None)
                row.previous_total = prev_totals.get(code)
                row.model_town = towns.get((prov, row.year)) == code
                approved += row.status == Status.APPROVED
            rows.append(row)
        coverage = Coverage(len(munis), len(picks), approved)
        if status is not None:
            rows = [r for r in rows if (r.status or NOT_ASSESSED) == status]
        rank_rows(rows)
        return Dashboard(rows, coverage, tuple(comp_codes), year, province)

    def standing(self, year: int) -> dict[str, Pick]:
        """Municipality → its standing assessment for ``year`` (no scoring: coverage counts)."""
        return {k[0]: p for k, p in self._picks(None, (year,), None).items()}

    def town_rows(
        self, munis: Sequence[tuple[str, str, str, str, str, int]], picks: dict[str, Pick]
    ) -> dict[str, DashboardRow]:
        """Dashboard rows for a few municipalities (seat towns, model towns), scoring only them."""
        scores = self.scorer.scores(
            (p[0], p[1], p[6]) for m in munis if (p := picks.get(m[0])) is not None
        )
        out: dict[str, DashboardRow] = {}
        for code, th, en, typ, prov, seat in munis:
            row = DashboardRow(code, th, en, typ, prov, bool(seat))
            p = picks.get(code)
            if p is not None:
                self._score_row(row, p, scores,
                                lambda h, t: tier_for(self.ws.frameworks.get(h), t))
            out[code] = row
        return out

    def component_codes(self, fw_hash: str) -> tuple[str, ...]:
        codes = self._comp_codes.get(fw_hash)
        if codes is None:
            codes = tuple(c.code for c in self.ws.frameworks.get(fw_hash).components)
            self._comp_codes[fw_hash] = codes
        return codes

    def _score_row(self, row: DashboardRow, p: Pick, scores: dict[str, dict[str, float]],
                   tiers: Callable[[str, float], Tier | None]) -> None:
        """Fill ``row`` from its standing assessment ``p`` and the bulk component scores."""
        aid, fw_hash, _, y, rev, st, _ = p[:7]
        comps = scores.get(aid)
        if comps is None or len(comps) != len(self.component_codes(fw_hash)):
            comps = {**dict.fromkeys(self.component_codes(fw_hash), 0.0), **(comps or {})}
        total = sum(comps.values())
        row.assessment_id, row.year, row.revision, row.status = aid, y, rev, st
        row.total, row.tier, row.components = total, tiers(fw_hash, total), comps

    def year_over_year(self, municipality_code: str) -> list[dict[str, Any]]:
        """The municipality's latest assessment in each year, oldest first, with the change."""
        picks = standings.per_year(self.db, municipality_code)
        scores = self.scorer.scores((p[0], p[1], p[5]) for p in picks)
        out: list[dict[str, Any]] = []
        prev: float | None = None
        for aid, fw_hash, year, rev, st, _ in picks:
            fw = self.ws.frameworks.get(fw_hash)
            comps = {c.code: 0.0 for c in fw.components}
            comps.update(scores.get(aid, {}))
            total = sum(comps.values())
            tier = tier_for(fw, total)
            out.append(
                {
                    "year": year,
                    "assessment_id": aid,
                    "revision": rev,
                    "status": st,
                    "total": total,
                    "tier": tier.code if tier else None,
                    "components": comps,
                    "change": None if prev is None else total - prev,
                }
            )
            prev = total
        return out
