"""The trend read model on seeded multi-year data under two framework versions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.core.errors import NotFoundError, ValidationError
from secity_desktop.core.framework_mapping import Mappings
from secity_desktop.services.history import import_history
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.trend import TrendService
from secity_desktop.services.workspace import Workspace
from tests.services.trend_helpers import (
    FULL1,
    FULL2,
    HALF1,
    LOW1,
    MID2,
    result,
    two_versions,
    with_mapping,
)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    w = two_versions(tmp_path)
    # 5001 (the seat town): 40 → 100 under test-1, then 50 under test-2
    result(w, "5001", 2566, HALF1)
    result(w, "5001", 2567, FULL1)
    result(w, "5001", 2568, MID2, "test-2")
    # 5002: 15 → 100 across the version change; 5003: 40 → 40; 5004 received, never approved
    result(w, "5002", 2566, LOW1)
    result(w, "5002", 2568, FULL2, "test-2")
    result(w, "5003", 2566, HALF1)
    result(w, "5003", 2568, {"1.1": 2, "1.2": 1, "2.2": 2}, "test-2")
    result(w, "5004", 2568, FULL2, "test-2", approve=False)
    ModelTownService(w).set(2567, "5001", "best in 2567")
    yield w
    w.close()


def test_municipality_trend_marks_a_break_without_a_mapping(ws: Workspace, tmp_path: Path) -> None:
    f = tmp_path / "awards.csv"
    f.write_text("ปีงบประมาณ,จังหวัด,ชื่อ,รางวัล,ระดับ\n2565,50,ทน.เชียงใหม่,ระดับดีเยี่ยม,พื้นที่\n"
                 "2567,50,ทน.เชียงใหม่,รางวัลพิเศษด้านน้ำ,ระดับประเทศ\n", encoding="utf-8")
    import_history(ws, f)
    t = TrendService(ws, Mappings()).municipality("5001")
    assert [(y.year, round(y.total, 2), y.tier, y.link) for y in t.years] == [
        (2566, 40.0, None, "first"), (2567, 100.0, "excellent", "same"), (2568, 50.0, None, "break")]
    assert [y.change for y in t.years] == [None, pytest.approx(60.0), None]
    assert t.years[1].components == {"1": pytest.approx(40.0), "2": pytest.approx(60.0)}
    assert t.breaks == [2568] and t.is_seat
    assert [(a.year, a.award, a.label_th) for a in t.awards] == [
        (2565, "excellent", "ระดับดีเยี่ยม"), (2567, "other", "รางวัลพิเศษด้านน้ำ")]
    assert [c.code for c in t.components] == ["1", "2"] and t.tiers[0].min_total == 80
    data = t.as_json()
    assert data["breaks"] == [2568] and data["years"][2]["framework"] == "mini test-2"


def test_municipality_trend_compares_through_a_declared_mapping(ws: Workspace) -> None:
    t = TrendService(ws, with_mapping()).municipality("5001")
    assert [y.link for y in t.years] == ["first", "same", "mapped"]
    assert t.years[2].change == pytest.approx(-50.0) and t.breaks == []
    assert t.years[2].component_change(t.years[1], "2") == pytest.approx(-15.0)
    with pytest.raises(NotFoundError):
        TrendService(ws).municipality("9999")
    assert TrendService(ws).municipality("5004").years[0].status == "received"


def test_province_progress_goals(ws: Workspace) -> None:
    t = TrendService(ws, with_mapping()).province("50", top=5)
    assert (t.province_code, t.seat_code) == ("50", "5001")
    by = {y.year: y for y in t.years}
    assert sorted(by) == [2566, 2567, 2568]
    assert (by[2566].assessed, by[2566].approved, by[2566].municipalities) == (3, 3, 4)
    assert (by[2568].assessed, by[2568].approved) == (4, 3)  # 5004 is not approved
    assert by[2568].coverage == 100.0
    assert (by[2567].seat_tier, by[2567].model_town, by[2567].model_towns) == ("excellent", "5001", 1)
    assert by[2566].seat_tier is None and by[2566].model_town is None
    assert (t.improved_from, t.improved_to) == (2566, 2568)
    assert [(r.code, round(r.change, 2), r.link) for r in t.improved] == [
        ("5001", 10.0, "mapped"), ("5002", 85.0, "mapped")][::-1]
    assert t.not_comparable == 0
    # without the mapping the version change is a break: nobody can be called improved
    plain = TrendService(ws, Mappings()).province("50")
    assert plain.improved == [] and plain.not_comparable == 3
    one = TrendService(ws).province("50", since=2567)
    assert [y.year for y in one.years] == [2567, 2568] and one.improved_from == 2567
    with pytest.raises(ValidationError) as err:
        TrendService(ws).province("50", since=2568, until=2566)
    assert err.value.code == "trend.bad_range"
    with pytest.raises(ValidationError) as err:
        TrendService(ws).national(top=0)
    assert err.value.code == "trend.bad_top"
    with pytest.raises(NotFoundError):
        TrendService(ws).province("00")


def test_national_progress_counts_seat_towns_per_tier(ws: Workspace) -> None:
    t = TrendService(ws, with_mapping()).national()
    by = {y.year: y for y in t.years}
    assert t.province_code is None and by[2567].provinces == 76
    assert by[2567].seat_tiers == {"excellent": 1, "good": 0} and by[2567].seats_with_tier == 1
    assert by[2568].seats_with_tier == 0  # 50 is below every tier
    assert by[2567].model_towns == 1 and by[2566].model_towns == 0
    assert by[2566].municipalities > 4  # the whole programme's register
    data = t.as_json()
    assert data["scope"] == "national" and data["most_improved"]["rows"][0]["municipality"] == "5002"
