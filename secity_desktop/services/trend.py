"""Progress over the years: a municipality's trend, and a province's or the nation's progress.

The read model of issue 15 item 2. Reads go through ``store.trend`` (standing
assessments, counts per year), scores through the dashboard's ``BulkScorer``
(one SQL pass for many assessments), and every comparison across framework
versions through the declared mappings in ``resources/data/framework_mappings.toml``
(``core.framework_mapping``): a year under an incompatible version is marked as a
break, never silently compared.

Cost is kept near one dashboard refresh even for the nation: the national view
scores only the seat towns (76 × years) and the two years "most improved"
compares; coverage and model towns are counts. docs/trends.md has the rules.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop import paths
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.framework_mapping import Comparison, Mappings, load_mappings, version_of
from secity_desktop.core.past_results import award_label
from secity_desktop.core.scoring import tier_for
from secity_desktop.core.trend import (
    ComponentInfo,
    Endpoint,
    Improvement,
    MunicipalityTrend,
    PastAward,
    ProgressTrend,
    TierInfo,
    YearProgress,
    YearResult,
    link_years,
    most_improved,
)
from secity_desktop.services.bulk_scores import BulkScorer
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography
from secity_desktop.store import history as history_store
from secity_desktop.store import review as rrepo
from secity_desktop.store import trend as store

MAPPINGS_FILE = "framework_mappings.toml"


def mappings_path() -> Path:
    return paths.reference_data_dir() / MAPPINGS_FILE


class TrendService:
    def __init__(self, ws: Workspace, mappings: Mappings | None = None) -> None:
        self.ws = ws
        self.db = ws.db
        self.scorer = BulkScorer(ws.db, ws.frameworks)
        self.mappings = mappings if mappings is not None else load_mappings(mappings_path())
        self._compared: dict[tuple[str, str], Comparison] = {}

    # --- framework rules ----------------------------------------------------------------
    def fw(self, fw_hash: str) -> Framework:
        return self.ws.frameworks.get(fw_hash)

    def compare(self, old_hash: str, new_hash: str) -> Comparison:
        key = (old_hash, new_hash)
        if key not in self._compared:
            loaded = {version_of(self.fw(str(r["hash"]))): self.fw(str(r["hash"]))
                      for r in self.ws.frameworks.list()}
            self._compared[key] = self.mappings.compare(self.fw(old_hash), self.fw(new_hash), loaded)
        return self._compared[key]

    def _totals(self, picks: list[store.Pick]) -> dict[str, tuple[float, dict[str, float]]]:
        """Assessment id → (total, component scores), scored in one pass."""
        scores = self.scorer.scores((p[0], p[1], p[6]) for p in picks)
        out: dict[str, tuple[float, dict[str, float]]] = {}
        for aid, fw_hash, *_ in picks:
            comps = {c.code: 0.0 for c in self.fw(fw_hash).components}
            comps.update(scores.get(aid, {}))
            out[aid] = (sum(comps.values()), comps)
        return out

    # --- one municipality ---------------------------------------------------------------
    def municipality(self, code: str) -> MunicipalityTrend:
        """Every fiscal year's standing assessment (any status), oldest first, with awards."""
        m = geography.municipality(self.db, code)
        picks = sorted((p for p in store.standing(self.db, municipality=m.code)),
                       key=lambda p: p[3])
        totals = self._totals(picks)
        results: list[YearResult] = []
        for aid, fw_hash, _, year, _, status, _ in picks:
            fw = self.fw(fw_hash)
            total, comps = totals[aid]
            tier = tier_for(fw, total)
            results.append(YearResult(
                year, aid, status, f"{fw.framework.id} {fw.version}", total,
                tier.code if tier else None, tier.label_th if tier else None,
                tier.label_en if tier else None, comps,
            ))
        linked = link_years(results, self.compare, {p[3]: p[1] for p in picks})
        newest = self.fw(picks[-1][1]) if picks else self.ws.frameworks.current()
        awards = [
            PastAward(r.year, r.level, r.award_code, r.award_text,
                      award_label(r.award_code, r.award_text, "th"),
                      award_label(r.award_code, r.award_text, "en"))
            for r in sorted(history_store.results(self.db, municipality_code=m.code),
                            key=lambda r: (r.year, r.level))
        ]
        return MunicipalityTrend(
            m.code, m.name_th, m.name_en, m.province_code, m.province_th, m.is_seat,
            linked, awards,
            [ComponentInfo(c.code, c.title_th, c.title_en, c.weight) for c in newest.components],
            [TierInfo(t.code, t.label_th, t.label_en, t.min_total) for t in newest.tiers],
        )

    # --- a province, or the nation ------------------------------------------------------
    def province(self, code: str, *, since: int | None = None, until: int | None = None,
                 top: int = 10, improved: bool = True) -> ProgressTrend:
        """``improved=False`` leaves "most improved" for later (:meth:`improved`): the GUI reads
        it only when its tab is opened."""
        p = geography.province(self.db, code)
        return self._progress(str(p["code"]), str(p["name_th"]), since, until, top, improved)

    def national(self, *, since: int | None = None, until: int | None = None,
                 top: int = 10, improved: bool = True) -> ProgressTrend:
        return self._progress(None, "", since, until, top, improved)

    def improved(self, province: str | None, first: int, last: int,
                 top: int = 10) -> tuple[list[Improvement], int]:
        """The most improved towns between two years' approved results, and how many pairs a
        framework break left out."""
        picks = store.standing(self.db, province=province, years=(first, last), approved_only=True)
        totals = self._totals(picks)  # one scoring pass for both years
        names = store.names(self.db, [p[2] for p in picks])
        ends: dict[int, list[Endpoint]] = {first: [], last: []}
        for aid, fw_hash, code, year, *_ in picks:
            ends[year].append(Endpoint(code, names[code][0], names[code][1], year,
                                       totals[aid][0], fw_hash))
        return most_improved(ends[first], ends[last], self.compare, top)

    def _progress(self, province: str | None, province_th: str, since: int | None,
                  until: int | None, top: int, with_improved: bool = True) -> ProgressTrend:
        counts = store.year_counts(self.db, province)
        all_years = [y for y, _, _ in counts]
        if top < 1:
            raise ValidationError(f"--top {top}: name at least one town", code="trend.bad_top",
                                  top=top)
        if since is not None and until is not None and since >= until:
            raise ValidationError(
                f"--since {since} must be before --until {until}",
                code="trend.bad_range", since=since, until=until,
            )
        span = [y for y in all_years
                if (since is None or y >= since) and (until is None or y <= until)]
        denominator = (store.municipality_count(self.db, province) if province
                       else store.programme_municipality_count(self.db))
        programme = {str(r[0]) for r in geography.province_rows(self.db)}
        towns: dict[int, list[rrepo.ModelTown]] = {}
        for t in rrepo.model_towns(self.db, province_code=province):
            if province or t.province_code in programme:
                towns.setdefault(t.year, []).append(t)
        seat_list = store.seats(self.db, province)
        seat_picks = store.standing(self.db, province=province, seats_only=True,
                                    years=tuple(span), approved_only=True) if span else []
        seat_totals = self._totals(seat_picks)
        seat_by_year: dict[int, list[tuple[str, float, Framework]]] = {}
        for aid, fw_hash, _, year, *_ in seat_picks:
            seat_by_year.setdefault(year, []).append((aid, seat_totals[aid][0], self.fw(fw_hash)))
        current = self.ws.frameworks.current()
        tiers = [TierInfo(t.code, t.label_th, t.label_en, t.min_total) for t in current.tiers]
        names = store.names(self.db, [t.municipality_code for ts in towns.values() for t in ts])
        years: list[YearProgress] = []
        for year, assessed, approved in counts:
            if year not in span:
                continue
            row = YearProgress(year, denominator, assessed, approved,
                               model_towns=len(towns.get(year, [])))
            reached: dict[str, int] = {}
            for _, total, fw in seat_by_year.get(year, []):
                tier = tier_for(fw, total)
                if tier is not None:
                    reached[tier.code] = reached.get(tier.code, 0) + 1
                if province:
                    row.seat_total = total
                    row.seat_tier = tier.code if tier else None
                    row.seat_tier_th = tier.label_th if tier else None
            if province:
                chosen = towns.get(year, [])
                if chosen:
                    row.model_town = chosen[0].municipality_code
                    row.model_town_th = names.get(row.model_town, ("", ""))[0]
            else:
                row.provinces = len(programme)
                row.seat_tiers = {t.code: reached.get(t.code, 0) for t in tiers}
            years.append(row)
        improved: list[Improvement] = []
        broken, first, last = 0, None, None
        if len(span) >= 2:
            first, last = span[0], span[-1]
            if with_improved:
                improved, broken = self.improved(province, first, last, top)
        seat = seat_list[0] if province and seat_list else None
        return ProgressTrend(province, province_th, years, improved, first, last, broken, tiers,
                             seat[0] if seat else None, seat[1] if seat else None,
                             improved_read=with_improved)
