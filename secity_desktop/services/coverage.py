"""Coverage across the 76 provinces: the cabinet resolution's target, per fiscal year.

The resolution asks for one model town per province, and the programme
starts from each province's seat town. A regional or national workspace
builds its picture from provinces' upward bundles; this view says, per
province, whether its seat town has an approved assessment for the year, how
many of its municipalities do, and which model town it chose. It reuses the
dashboard's one-pass refresh (all municipalities, scores summed in SQL), so
it costs one refresh whatever the number of provinces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from secity_desktop.core.lifecycle import Status
from secity_desktop.services.dashboard import DashboardRow, DashboardService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography, standings
from secity_desktop.store import review as rrepo


@dataclass
class ProvinceCoverage:
    code: str
    name_th: str
    name_en: str
    region_office: int | None
    municipalities: int = 0
    approved: int = 0
    assessed: int = 0  # any assessment for the year, whatever its status
    seat: DashboardRow | None = None
    model_town: DashboardRow | None = None

    @property
    def seat_approved(self) -> bool:
        return self.seat is not None and self.seat.status == Status.APPROVED

    def as_json(self) -> dict[str, Any]:
        def town(r: DashboardRow | None) -> dict[str, Any] | None:
            if r is None:
                return None
            return {
                "code": r.municipality_code,
                "name_th": r.name_th,
                "status": r.status,
                "total": None if r.total is None else round(r.total, 2),
                "tier": r.tier.code if r.tier else None,
            }

        return {
            "province": self.code,
            "name_th": self.name_th,
            "name_en": self.name_en,
            "region_office": self.region_office,
            "municipalities": self.municipalities,
            "assessed": self.assessed,
            "approved": self.approved,
            "seat": town(self.seat),
            "seat_approved": self.seat_approved,
            "model_town": town(self.model_town),
        }


@dataclass
class CoverageReport:
    year: int
    region_office: int | None
    provinces: list[ProvinceCoverage] = field(default_factory=list)

    @property
    def with_seat_approved(self) -> int:
        return sum(p.seat_approved for p in self.provinces)

    @property
    def with_model_town(self) -> int:
        return sum(p.model_town is not None for p in self.provinces)

    @property
    def reporting(self) -> int:
        return sum(p.assessed > 0 for p in self.provinces)

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "region_office": self.region_office,
            "provinces": len(self.provinces),
            "with_seat_approved": self.with_seat_approved,
            "with_model_town": self.with_model_town,
            "reporting": self.reporting,
            "rows": [p.as_json() for p in self.provinces],
        }


class CoverageService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.dashboard = DashboardService(ws)

    def years(self) -> list[int]:
        return self.dashboard.years()

    def report(self, year: int, region_office: int | None = None) -> CoverageReport:
        """Counts from the year's standing assessments (no scoring); scores only for the seat
        towns and model towns shown — 152 rows, not the nation's 7,850."""
        provinces = {
            r[0]: ProvinceCoverage(r[0], r[1], r[2], r[3])
            for r in geography.province_rows(self.ws.db, region_office)
        }
        # the standing's status is stored with it (schema 15): no assessment row is read
        statuses = standings.statuses(self.ws.db, year)
        munis = {m[0]: m for m in geography.municipality_rows(self.ws.db)}
        seats: dict[str, str] = {}
        for code, _th, _en, _typ, prov, is_seat in munis.values():
            pc = provinces.get(prov)
            if pc is None:
                continue
            pc.municipalities += 1
            held = code in statuses
            if held:
                pc.assessed += 1
                pc.approved += statuses[code] == Status.APPROVED
            if is_seat and (prov not in seats or held):
                seats[prov] = code
        # from the choices themselves: a model town counts even if its assessment never came up
        towns = {
            t.province_code: t.municipality_code
            for t in rrepo.model_towns(self.ws.db, year=year)
            if t.province_code in provinces and t.municipality_code in munis
        }
        wanted = sorted({*seats.values(), *towns.values()})
        picks = {p[2]: p for p in standings.picks_of(self.ws.db, year, wanted)}
        rows = self.dashboard.town_rows([munis[c] for c in wanted], picks)
        for prov, code in seats.items():
            provinces[prov].seat = rows[code]
        for prov, code in towns.items():
            provinces[prov].model_town = rows[code]
        return CoverageReport(year, region_office, list(provinces.values()))
