"""Progress over the years: the values a trend is made of, and the rules that join years.

A municipality's trend is its standing assessment in each fiscal year (total,
tier, each component) with how that year relates to the previous one: the same
framework version, a version joined by a declared mapping
(``core.framework_mapping``), or a break. A change is given only across
``same`` or ``mapped``; after a break the series starts again. Province and
national views follow the cabinet resolution's goals: the seat town reaching a
tier, a model town in every province, coverage, and the most improved towns.

Pure values and rules: the store reads are in ``store/trend.py``, the assembly
in ``services/trend.py``, and the PDF and the GUI only render these values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from secity_desktop.core.framework_mapping import Comparison, Link


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 2)


@dataclass(frozen=True)
class YearResult:
    """One fiscal year's standing assessment of one municipality."""

    year: int
    assessment_id: str
    status: str
    framework: str  # "id version", as people read it
    total: float
    tier: str | None
    tier_th: str | None
    tier_en: str | None
    components: dict[str, float]
    link: Link = "first"  # how this year relates to the previous one shown
    change: float | None = None  # total − previous total, only across same / mapped
    comparable_components: frozenset[str] = frozenset()

    def component_change(self, previous: YearResult | None, code: str) -> float | None:
        if previous is None or code not in self.comparable_components:
            return None
        if code not in self.components or code not in previous.components:
            return None
        return self.components[code] - previous.components[code]

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "assessment_id": self.assessment_id,
            "status": self.status,
            "framework": self.framework,
            "total": _r(self.total),
            "tier": self.tier,
            "components": {k: _r(v) for k, v in self.components.items()},
            "link": self.link,
            "change": _r(self.change),
            "comparable_components": sorted(self.comparable_components),
        }


@dataclass(frozen=True)
class PastAward:
    year: int
    level: str
    award: str
    award_text: str
    label_th: str
    label_en: str

    def as_json(self) -> dict[str, Any]:
        return {"year": self.year, "level": self.level, "award": self.award,
                "award_text": self.award_text, "label_th": self.label_th}


@dataclass(frozen=True)
class ComponentInfo:
    code: str
    title_th: str
    title_en: str
    weight: float


@dataclass(frozen=True)
class TierInfo:
    code: str
    label_th: str
    label_en: str
    min_total: float = 0.0


@dataclass(frozen=True)
class MunicipalityTrend:
    code: str
    name_th: str
    name_en: str
    province_code: str
    province_th: str
    is_seat: bool
    years: list[YearResult]
    awards: list[PastAward]
    components: list[ComponentInfo]  # of the newest framework the series uses
    tiers: list[TierInfo] = field(default_factory=list)  # its tiers, for the chart's cut-offs

    @property
    def breaks(self) -> list[int]:
        """Years whose result cannot be compared with the year before it."""
        return [y.year for y in self.years if y.link == "break"]

    def as_json(self) -> dict[str, Any]:
        return {
            "municipality": self.code,
            "name_th": self.name_th,
            "name_en": self.name_en,
            "province": self.province_code,
            "is_seat": self.is_seat,
            "components": [{"code": c.code, "title_th": c.title_th, "weight": c.weight}
                           for c in self.components],
            "years": [y.as_json() for y in self.years],
            "breaks": self.breaks,
            "awards": [a.as_json() for a in self.awards],
        }


def link_years(
    results: list[YearResult], compare: Callable[[str, str], Comparison],
    hash_of: dict[int, str],
) -> list[YearResult]:
    """Set each year's link and change from the previous year; ``compare(old_hash, new_hash)``
    says whether two frameworks may be compared. ``results`` must be oldest first."""
    out: list[YearResult] = []
    prev: YearResult | None = None
    for r in results:
        if prev is None:
            out.append(_with(r, "first", None, frozenset()))
        else:
            c = compare(hash_of[prev.year], hash_of[r.year])
            change = None if c.link == "break" else r.total - prev.total
            out.append(_with(r, c.link, change, c.components))
        prev = out[-1]
    return out


def _with(r: YearResult, link: Link, change: float | None, comps: frozenset[str]) -> YearResult:
    return YearResult(r.year, r.assessment_id, r.status, r.framework, r.total, r.tier, r.tier_th,
                      r.tier_en, r.components, link, change, comps)


@dataclass(frozen=True)
class Improvement:
    code: str
    name_th: str
    province_code: str
    from_year: int
    from_total: float
    to_year: int
    to_total: float
    link: Link  # same or mapped: never across a break

    @property
    def change(self) -> float:
        return self.to_total - self.from_total

    def as_json(self) -> dict[str, Any]:
        return {"municipality": self.code, "name_th": self.name_th,
                "province": self.province_code, "from_year": self.from_year,
                "from_total": _r(self.from_total), "to_year": self.to_year,
                "to_total": _r(self.to_total), "change": _r(self.change), "link": self.link}


@dataclass(frozen=True)
class Endpoint:
    """A municipality's approved total in one year, with the framework it was scored under."""

    code: str
    name_th: str
    province_code: str
    year: int
    total: float
    framework_hash: str


def most_improved(
    starts: Iterable[Endpoint], ends: Iterable[Endpoint],
    compare: Callable[[str, str], Comparison], top: int = 10,
) -> tuple[list[Improvement], int]:
    """The ``top`` largest rises in total between two years' approved results → (rows, how
    many pairs were left out because their frameworks cannot be compared). Only rises count
    (a fall is not an improvement); ties go by code so the list is stable."""
    first = {e.code: e for e in starts}
    rows: list[Improvement] = []
    broken = 0
    for e in ends:
        s = first.get(e.code)
        if s is None:
            continue
        c = compare(s.framework_hash, e.framework_hash)
        if c.link == "break":
            broken += 1
            continue
        if round(e.total - s.total, 6) > 0:
            rows.append(Improvement(e.code, e.name_th, e.province_code, s.year, s.total,
                                    e.year, e.total, c.link))
    rows.sort(key=lambda r: (-round(r.change, 6), r.code))
    return rows[:top], broken


@dataclass
class YearProgress:
    """One fiscal year of a province (or of the nation) against the programme's goals."""

    year: int
    municipalities: int  # in today's register (earlier registers are not kept)
    assessed: int
    approved: int
    model_towns: int = 0  # provinces with a model town chosen (1 or 0 for a province)
    model_town: str | None = None  # province view: the town's code …
    model_town_th: str | None = None  # … and name
    seat_tier: str | None = None  # province view: the seat town's tier (approved result)
    seat_tier_th: str | None = None
    seat_total: float | None = None
    seat_tiers: dict[str, int] = field(default_factory=dict)  # national: provinces per tier
    provinces: int = 0  # national: provinces in the programme

    @property
    def coverage(self) -> float:
        return 100.0 * self.assessed / self.municipalities if self.municipalities else 0.0

    @property
    def seats_with_tier(self) -> int:
        return sum(self.seat_tiers.values())

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "year": self.year,
            "municipalities": self.municipalities,
            "assessed": self.assessed,
            "approved": self.approved,
            "coverage_percent": round(self.coverage, 1),
            "model_towns": self.model_towns,
        }
        if self.provinces:
            out.update(provinces=self.provinces, seat_tiers=dict(self.seat_tiers),
                       seats_with_tier=self.seats_with_tier)
        else:
            out.update(model_town=self.model_town, model_town_th=self.model_town_th,
                       seat_tier=self.seat_tier, seat_total=_r(self.seat_total))
        return out


@dataclass(frozen=True)
class ProgressTrend:
    """A province's (``province_code`` set) or the nation's progress across fiscal years."""

    province_code: str | None
    province_th: str
    years: list[YearProgress]
    improved: list[Improvement]
    improved_from: int | None
    improved_to: int | None
    not_comparable: int  # towns left out of "most improved" by a framework break
    tiers: list[TierInfo]
    seat_code: str | None = None
    seat_th: str | None = None
    improved_read: bool = True  # False: "most improved" was left to be read on demand

    def as_json(self) -> dict[str, Any]:
        return {
            "scope": "province" if self.province_code else "national",
            "province": self.province_code,
            "province_th": self.province_th or None,
            "seat": self.seat_code,
            "seat_th": self.seat_th,
            "tiers": [t.code for t in self.tiers],
            "years": [y.as_json() for y in self.years],
            "most_improved": {
                "from_year": self.improved_from,
                "to_year": self.improved_to,
                "rows": [r.as_json() for r in self.improved],
                "not_comparable": self.not_comparable,
            },
        }
