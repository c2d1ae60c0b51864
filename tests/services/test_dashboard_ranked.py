"""The dashboard's SQL read model (ranked codes, pages, summary) equals the old way.

The old way, written out here: each municipality's standing assessment from the window
query over every assessment (``standings.window_picks``), scored afresh by
``core.scoring.score`` on its effective levels, ranked and sorted in Python
(``rank_rows`` / ``sort_rows``) — on a generated multi-province workspace.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.scoring import score
from secity_desktop.services.dashboard import (
    NOT_ASSESSED,
    DashboardRow,
    DashboardService,
    rank_rows,
    sort_rows,
)
from secity_desktop.services.dashboard_ranked import DashboardFilter, RankedDashboard
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography, standings
from tests.services.dashboard_world import build

FILTERS = [
    DashboardFilter(year=2569),
    DashboardFilter(year=2568, province="10"),
    DashboardFilter(year=2569, mtype="tambon", status="approved"),
    DashboardFilter(year=2569, status=NOT_ASSESSED),
    DashboardFilter(),  # each municipality's latest year
    DashboardFilter(province="11", status="under_review"),
]
SORTS = ["rank", "total", "name", "code", "status", "change", "c:1", "c:3"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws, _ = build(Path(tmp_path_factory.mktemp("dash")) / "w")
    yield ws
    ws.close()


def old_way(ws: Workspace, f: DashboardFilter) -> tuple[list[DashboardRow], int, int, int]:
    munis = geography.municipality_rows(ws.db, province=f.province, mtype=f.mtype)
    years = (f.year, f.year - 1) if f.year else ()
    picks = standings.window_picks(ws.db, f.province, years, f.mtype)
    now = {p[2]: p for p in picks if f.year is None or p[3] == f.year}
    before = {p[2]: p for p in picks if f.year is not None and p[3] == f.year - 1}
    review = ReviewService(ws)

    def card(pick: tuple) -> object:
        return score(ws.frameworks.get(pick[1]), review.effective_levels(pick[0]))

    rows = []
    for code, th, en, typ, prov, seat in munis:
        row = DashboardRow(code, th, en, typ, prov, bool(seat))
        if (p := now.get(code)) is not None:
            c = card(p)
            row.assessment_id, row.year, row.revision, row.status = p[0], p[3], p[4], p[5]
            row.total, row.tier = c.total, c.tier
            row.components = {s.code: s.score for s in c.components}
            if (q := before.get(code)) is not None:
                row.previous_total = card(q).total
        rows.append(row)
    assessed = sum(r.assessment_id is not None for r in rows)
    approved = sum(r.status == "approved" for r in rows)
    if f.status is not None:
        rows = [r for r in rows if (r.status or NOT_ASSESSED) == f.status]
    rank_rows(rows)
    return rows, len(munis), assessed, approved


def _key(sort: str, r: DashboardRow) -> object:
    if sort in ("total", "change") or sort.startswith("c:"):
        v = r.total if sort == "total" else r.change if sort == "change" else r.components.get(sort[2:])
        return None if v is None else round(v, 6)
    return r.municipality_code


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_ranked_pages_and_summary_equal_the_old_way(world: Workspace, f: DashboardFilter) -> None:
    rd = RankedDashboard(DashboardService(world))
    old, n, assessed, approved = old_way(world, f)
    assert old  # every filter shows something in this world
    by_code = {r.municipality_code: r for r in old}
    for sort in SORTS:
        for desc in (False, True):
            ranked = rd.ranked(f, sort, desc)
            expected = sort_rows(old, sort, desc)
            assert [_key(sort, by_code[c]) for c, _ in ranked] == [_key(sort, r) for r in expected]
            assert {c: k for c, k in ranked} == {r.municipality_code: r.rank for r in old}
    ranked = rd.ranked(f)
    rows = rd.rows(f, [c for c, _ in ranked], dict(ranked))
    assert list(rows) and set(rows) == set(by_code)
    for code, row in rows.items():
        o = by_code[code]
        assert (row.assessment_id, row.year, row.revision, row.status, row.rank) == (
            o.assessment_id, o.year, o.revision, o.status, o.rank)
        assert (row.tier.code if row.tier else None) == (o.tier.code if o.tier else None)
        assert row.total == pytest.approx(o.total, abs=1e-9) if o.total is not None else row.total is None
        assert row.components == pytest.approx(o.components, abs=1e-9)
        assert row.change == pytest.approx(o.change, abs=1e-9) if o.change is not None else row.change is None
    s = rd.summary(f)
    assert (s.coverage.municipalities, s.coverage.assessed, s.coverage.approved) == (
        n, assessed, approved)
    scored = [r for r in old if r.total is not None]
    tiers: dict[str | None, int] = {}
    for r in scored:
        tiers[r.tier.code if r.tier else None] = tiers.get(r.tier.code if r.tier else None, 0) + 1
    assert s.tiers == tiers
    if scored:
        assert s.average_total == pytest.approx(sum(r.total for r in scored) / len(scored))
        for code in s.components:
            assert s.averages[code] == pytest.approx(
                sum(r.components[code] for r in scored) / len(scored))
    else:
        assert s.average_total is None and s.averages == {}


def test_missing_scores_are_repaired_and_bad_filters_refused(world: Workspace) -> None:
    rd = RankedDashboard(DashboardService(world))
    f = DashboardFilter(year=2569)
    world.db.execute("DELETE FROM assessment_scores")  # outside a transaction: no settle
    ranked = rd.ranked(f, "change")
    assert rd.fallbacks == 0
    old, *_ = old_way(world, f)
    assert dict(ranked) == {r.municipality_code: r.rank for r in old}
    assert world.db.execute("SELECT COUNT(*) FROM assessment_scores").fetchone()[0] > 0
    with pytest.raises(ValidationError):
        rd.ranked(f, "nonsense")
    with pytest.raises(ValidationError):
        rd.summary(DashboardFilter(status="nonsense"))


def test_a_store_that_cannot_be_repaired_orders_in_memory(world: Workspace) -> None:
    from secity_desktop.services.bulk_scores import BulkScorer

    svc = DashboardService(world)
    svc.scorer = BulkScorer(world.db, world.frameworks, repair=False)  # a read-only snapshot
    rd = RankedDashboard(svc)
    f = DashboardFilter(year=2569, province="10")
    world.db.execute("DELETE FROM assessment_scores")
    ranked = rd.ranked(f, "total", True)
    assert rd.fallbacks == 1
    old, *_ = old_way(world, f)
    assert [_key("total", r) for r in sort_rows(old, "total", True)] == [
        _key("total", {r.municipality_code: r for r in old}[c]) for c, _ in ranked]
    rows = rd.rows(f, [c for c, _ in ranked], dict(ranked))
    assert all(rows[r.municipality_code].total == pytest.approx(r.total) for r in old
               if r.total is not None)


def test_a_prepared_first_view_is_reused_until_something_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the window's idle time does for the Dashboard (gui/province_places.warm_dashboard)."""
    from secity_desktop.services.dashboard_ranked import first_filter
    from secity_desktop.store import dashboard as sql

    ws, _ = build(tmp_path / "w")
    svc = DashboardService(ws)
    f = first_filter(svc)
    assert f == DashboardFilter(year=2569)  # a national office: every province, newest year
    rd = RankedDashboard(svc)
    assert list(rd.prepare(f)) == ["snapshot", "order", "summary"]
    loads: list[object] = []
    real = sql.snapshot
    monkeypatch.setattr(sql, "snapshot", lambda *a, **k: loads.append(a) or real(*a, **k))
    rd.renew(f)
    ranked, summary = rd.ranked(f), rd.summary(f, averages=False)
    assert loads == []  # nothing written since: the place only paints
    fresh = RankedDashboard(DashboardService(ws))
    assert ranked == fresh.ranked(f) and summary == fresh.summary(f, averages=False)
    loads.clear()
    # a write: the top town's standing assessment falls to the lowest level everywhere
    top = ranked[0][0]
    aid = ws.db.execute("SELECT assessment_id FROM standings WHERE municipality_code = ?"
                        " AND year = 2569", [top]).fetchone()[0]
    with ws.db.atomic():
        ws.db.execute("UPDATE responses SET level = 0 WHERE assessment_id = ?", [aid])
    rd.renew(f)
    assert len(loads) == 1  # read afresh
    after = rd.ranked(f)
    assert after != ranked and dict(after)[top] != 1
    assert after == RankedDashboard(DashboardService(ws)).ranked(f)
    assert rd.summary(f, averages=False) == RankedDashboard(svc).summary(f, averages=False)
    ws.close()
