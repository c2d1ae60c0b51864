"""Dashboard: coverage, ranking, year-over-year, filters, bulk scores = core.scoring, model town."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secity_desktop import messages, paths
from secity_desktop.core import framework as fw_mod
from secity_desktop.core import scoring
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bulk_scores import component_scores
from secity_desktop.services.dashboard import DashboardService, sort_rows
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.review.workflow import ReviewRefused, ReviewService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from tests.services.review_helpers import province_ws, received

FULL = {"1.1": 2, "1.2": 5, "2.1": 4}  # 100
HALF = {"1.1": 2, "1.2": 1, "2.1": 2}  # 10 + 30 = 40
GOOD = {"1.1": 2, "1.2": 5, "2.1": 2}  # reaches a tier: may be a model town


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def _approve(ws: Workspace, aid: str) -> None:
    rs = ReviewService(ws)
    rs.start(aid)
    rs.approve(aid)


def test_rows_coverage_rank_and_change(prov: Workspace) -> None:
    received(prov, "5001", 2568, HALF)
    a1 = received(prov, "5001", 2569, FULL)
    received(prov, "5002", 2569, HALF)
    received(prov, "5003", 2569, HALF)
    dash = DashboardService(prov).refresh(province="50", year=2569)
    assert dash.coverage.municipalities == 4 and dash.coverage.assessed == 3
    assert dash.coverage.percent == pytest.approx(75.0)
    by = {r.municipality_code: r for r in dash.rows}
    assert by["5001"].assessment_id == a1 and by["5001"].total == pytest.approx(100.0)
    assert by["5001"].tier is not None and by["5001"].tier.code == "excellent"
    assert by["5001"].components == {"1": pytest.approx(40.0), "2": pytest.approx(60.0)}
    assert [by[c].rank for c in ("5001", "5002", "5003", "5004")] == [1, 2, 2, None]
    assert by["5001"].change == pytest.approx(60.0)
    assert by["5002"].previous_total is None and by["5004"].status is None
    assert [r.municipality_code for r in sort_rows(dash.rows, "total", descending=True)][:1] == [
        "5001"
    ]
    assert sort_rows(dash.rows, "c:2")[0].municipality_code == "5004"
    with pytest.raises(ValidationError, match="cannot sort by"):
        sort_rows(dash.rows, "colour")


def test_filters_and_latest_revision(prov: Workspace) -> None:
    received(prov, "5001", 2569, FULL)
    received(prov, "5003", 2569, HALF)
    svc = DashboardService(prov)
    tambon = svc.refresh(province="50", year=2569, mtype="tambon")
    assert {r.municipality_code for r in tambon.rows} == {"5003", "5004"}
    assert (tambon.coverage.municipalities, tambon.coverage.assessed) == (2, 1)
    none = svc.refresh(province="50", year=2569, status="none")
    assert {r.municipality_code for r in none.rows} == {"5002", "5004"}
    assert none.coverage.assessed == 2  # the status filter does not change coverage
    assert svc.refresh(province="50", year=2570).coverage.assessed == 0
    latest = svc.refresh(province="50")  # no year: each municipality's latest assessment
    assert {r.year for r in latest.rows if r.year} == {2569}
    with pytest.raises(ValidationError, match="unknown municipality type"):
        svc.refresh(mtype="village")
    with pytest.raises(ValidationError, match="unknown status"):
        svc.refresh(status="lost")


def test_dashboard_uses_reviewer_overrides(prov: Workspace) -> None:
    aid = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5})  # 2.1 unanswered
    rs = ReviewService(prov)
    rs.start(aid)
    rs.override(aid, "1.1", 0, "ไม่มีหลักฐาน")
    rs.override(aid, "2.1", 4, "พบหลักฐานครบในการตรวจพื้นที่")  # no assessor response at all
    svc = DashboardService(prov)
    row = next(r for r in svc.refresh(year=2569).rows if r.assessment_id == aid)
    assert row.total == pytest.approx(AssessmentService(prov).scorecard(aid).total)
    assert row.total == pytest.approx(30.0 + 60.0)
    rs.override(aid, "2.1", None, "ถอน")  # the same service must not serve a stale cached score
    row = next(r for r in svc.refresh(year=2569).rows if r.assessment_id == aid)
    assert row.total == pytest.approx(30.0)


def test_year_over_year(prov: Workspace) -> None:
    received(prov, "5001", 2567, HALF)
    received(prov, "5001", 2569, FULL)
    series = DashboardService(prov).year_over_year("5001")
    assert [(s["year"], round(s["total"], 2), s["change"]) for s in series] == [
        (2567, 40.0, None),
        (2569, 100.0, pytest.approx(60.0)),
    ]


def test_model_town_unique_per_province_year_and_audited(prov: Workspace) -> None:
    a1 = received(prov, "5001", 2569, FULL)
    a2 = received(prov, "5002", 2569, GOOD)
    a3 = received(prov, "5003", 2569, HALF)
    mt = ModelTownService(prov)
    with pytest.raises(ValidationError, match="needs an approved assessment"):
        mt.set(2569, "5001", "คะแนนสูงสุด")
    _approve(prov, a1)
    _approve(prov, a2)
    _approve(prov, a3)
    with pytest.raises(ValidationError) as below:  # approved, but below every tier
        mt.set(2569, "5003", "มีความตั้งใจ")
    assert below.value.code == "model_town.below_tier" and below.value.params["total"] == "40.00"
    assert "ต่ำกว่าทุกระดับ" in messages.describe(below.value, "th")
    with pytest.raises(ValidationError, match="written reason"):
        mt.set(2569, "5001", " ")
    with pytest.raises(ReviewRefused, match="province 50 only"):
        mt.set(2569, "1201", "x")
    mt.set(2569, "5001", "คะแนนสูงสุดในจังหวัด")
    mt.set(2569, "5002", "ผลงานเชิงประจักษ์โดดเด่น")
    towns = mt.list(province="50")
    assert [(t.year, t.municipality_code) for t in towns] == [(2569, "5002")]
    ev = [e for e in audit.events(prov.db) if e.action == "modeltown.set"]
    assert ev[-1].old == {"municipality": "5001", "reason": "คะแนนสูงสุดในจังหวัด"}
    assert ev[-1].reason == "ผลงานเชิงประจักษ์โดดเด่น" and ev[-1].target == "50/2569"
    rows = DashboardService(prov).refresh(province="50", year=2569).rows
    assert [r.municipality_code for r in rows if r.model_town] == ["5002"]
    with pytest.raises(sqlite3.IntegrityError):
        prov.db["model_towns"].insert(
            {**towns[0].as_json(), "id": "dup", "municipality_code": "5001"}
        )


def _levels(fw: Framework) -> st.SearchStrategy[dict[str, int | None]]:
    return st.fixed_dictionaries(
        {
            i.code: st.one_of(st.none(), st.sampled_from([lv.value for lv in i.levels]))
            for i in fw.indicators
        }
    )


SHIPPED = fw_mod.discover(paths.forms_dir())[-1]


@settings(max_examples=60, deadline=None)
@given(levels=_levels(SHIPPED))
def test_bulk_terms_equal_core_scoring(levels: dict[str, int | None]) -> None:
    card = scoring.score(SHIPPED, levels)
    bulk = component_scores(SHIPPED, levels)
    for c in card.components:
        assert bulk[c.code] == pytest.approx(c.score, abs=1e-9)
    assert sum(bulk.values()) == pytest.approx(card.total, abs=1e-9)


def test_sql_scores_equal_scorecards_with_overrides(tmp_path: Path) -> None:
    """The bulk SQL path against core.scoring, on the shipped framework, random levels."""
    import random

    ws = province_ws(tmp_path, mini=False)
    rng = random.Random(5)
    fw = ws.frameworks.current()
    rs, svc = ReviewService(ws), AssessmentService(ws)
    ids = []
    for code in ("5001", "5002", "5003", "5004"):
        levels = {
            i.code: rng.choice([lv.value for lv in i.levels])
            for i in fw.indicators
            if rng.random() < 0.8
        }
        aid = received(ws, code, 2569, levels)
        rs.start(aid)
        for ind in rng.sample(list(fw.indicators), 5):  # some on unanswered indicators
            rs.override(aid, ind.code, rng.choice([lv.value for lv in ind.levels]), "สุ่ม")
        ids.append(aid)
    rows = {r.assessment_id: r for r in DashboardService(ws).refresh(year=2569).rows}
    for aid in ids:
        card = svc.scorecard(aid)
        assert rows[aid].total == pytest.approx(card.total, abs=1e-9)
        for c in card.components:
            assert rows[aid].components[c.code] == pytest.approx(c.score, abs=1e-9)
        assert (rows[aid].tier.code if rows[aid].tier else None) == (
            card.tier.code if card.tier else None
        )
    ws.close()
