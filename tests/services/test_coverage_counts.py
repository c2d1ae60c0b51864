"""Coverage counts from the stored standings' status equal counts from the picks themselves."""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core.lifecycle import Status
from secity_desktop.services.coverage import CoverageService
from secity_desktop.store import geography, standings
from tests.services.dashboard_world import YEARS, build


def _expected(ws, year: int) -> dict[str, tuple[int, int, int, str | None]]:  # type: ignore[no-untyped-def]
    """Per province: (municipalities, assessed, approved, seat code) the way the report
    counted before schema 15, from the window query's picks."""
    picks = {p[2]: p for p in standings.window_picks(ws.db, None, (year,), None)}
    out: dict[str, list] = {r[0]: [0, 0, 0, None] for r in geography.province_rows(ws.db, None)}
    for code, _th, _en, _typ, prov, is_seat in geography.municipality_rows(ws.db):
        if prov not in out:
            continue
        row = out[prov]
        row[0] += 1
        pick = picks.get(code)
        if pick is not None:
            row[1] += 1
            row[2] += pick[5] == Status.APPROVED
        if is_seat and (row[3] is None or pick is not None):
            row[3] = code
    return {k: tuple(v) for k, v in out.items()}  # type: ignore[misc]


def test_coverage_counts_match_the_picks(tmp_path: Path) -> None:
    ws, named = build(tmp_path / "w")
    try:
        with ws.db.atomic():  # a status change alone moves the approved count
            ws.db.execute("UPDATE assessments SET status = 'approved' WHERE id = ?",
                          [named["kept"]])
        for year in YEARS:
            report = CoverageService(ws).report(year)
            want = _expected(ws, year)
            got = {p.code: (p.municipalities, p.assessed, p.approved,
                            p.seat.municipality_code if p.seat else None)
                   for p in report.provinces}
            assert got == want
            assert sum(p.approved for p in report.provinces) > 0
            picks = {p[2]: p for p in standings.window_picks(ws.db, None, (year,), None)}
            for p in report.provinces:  # the seat's row is its standing assessment
                if p.seat is not None and p.seat.municipality_code in picks:
                    pick = picks[p.seat.municipality_code]
                    assert (p.seat.assessment_id, p.seat.status) == (pick[0], pick[5])
    finally:
        ws.close()
