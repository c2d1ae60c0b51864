"""Trend rules: how years link across framework versions, and who improved most."""

from __future__ import annotations

from secity_desktop.core.framework_mapping import Comparison
from secity_desktop.core.trend import Endpoint, YearProgress, YearResult, link_years, most_improved


def _compare(a: str, b: str) -> Comparison:
    if a == b:
        return Comparison("same", frozenset({"1"}))
    if {a, b} == {"v1", "v2"}:
        return Comparison("mapped", frozenset())
    return Comparison("break")


def _year(year: int, total: float) -> YearResult:
    return YearResult(year, f"a{year}", "approved", "x", total, None, None, None, {"1": total})


def test_years_link_and_change_only_where_comparable() -> None:
    years = [_year(2565, 40), _year(2566, 55), _year(2567, 60), _year(2568, 70), _year(2569, 65)]
    fw = {2565: "v1", 2566: "v1", 2567: "v2", 2568: "v3", 2569: "v3"}
    out = link_years(years, _compare, fw)
    assert [y.link for y in out] == ["first", "same", "mapped", "break", "same"]
    assert [y.change for y in out] == [None, 15, 5, None, -5]
    assert out[1].component_change(out[0], "1") == 15
    assert out[2].component_change(out[1], "1") is None  # the mapping keeps no component


def _end(code: str, year: int, total: float, fw: str = "v1") -> Endpoint:
    return Endpoint(code, f"town {code}", "50", year, total, fw)


def test_most_improved_counts_rises_never_across_a_break() -> None:
    starts = [_end("a", 2565, 10), _end("b", 2565, 50), _end("c", 2565, 30), _end("d", 2565, 5),
              _end("e", 2565, 20), _end("f", 2565, 20)]
    ends = [_end("a", 2569, 40), _end("b", 2569, 45), _end("c", 2569, 60, "v2"),
            _end("d", 2569, 90, "v3"), _end("e", 2569, 50), _end("f", 2569, 50),
            _end("g", 2569, 99)]
    rows, broken = most_improved(starts, ends, _compare, top=3)
    assert [(r.code, r.change, r.link) for r in rows] == [
        ("a", 30, "same"), ("c", 30, "mapped"), ("e", 30, "same")]  # ties by code
    assert broken == 1  # d changed to an unmapped version: left out, and counted
    rows, _ = most_improved(starts, ends, _compare, top=10)
    assert "b" not in {r.code for r in rows} and "g" not in {r.code for r in rows}


def test_year_progress_coverage_and_json() -> None:
    y = YearProgress(2569, 8, 6, 4, model_towns=1, seat_tiers={"excellent": 2, "good": 1},
                     provinces=76)
    assert y.coverage == 75.0 and y.seats_with_tier == 3
    assert y.as_json()["seats_with_tier"] == 3 and "seat_tier" not in y.as_json()
    p = YearProgress(2569, 0, 0, 0)
    assert p.coverage == 0.0 and p.as_json()["seat_tier"] is None
