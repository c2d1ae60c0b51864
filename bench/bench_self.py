"""Claimed vs verified at scale: the gap list beside the dashboard refresh it sits next to.

Builds the national bench store (``national.build``: 7,850 local governments × 10 years,
all 34 indicators, by default; ``SECITY_BENCH_LGS`` for fewer) and gives every one a
self-assessment for the last year (bulk inserts), then times ``SelfAssessmentService.gap_ranking`` — national and one
province — beside ``DashboardService.refresh`` for the same year, in the same run.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from national import FIRST_YEAR, build

LGS = int(os.environ.get("SECITY_BENCH_LGS", "7850"))
YEARS = 10
REPEAT = 5
Row = tuple[str, float, str]


def _median_ms(fn) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def _claims(ws, year: int) -> int:  # type: ignore[no-untyped-def]
    fw = ws.frameworks.current()
    rng = random.Random(15)
    db = ws.db
    now = "2026-11-27T00:00:00+00:00"
    codes = [r[0] for r in db.execute("SELECT code FROM municipalities ORDER BY code")]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO self_assessments (id, municipality_code, year, framework_hash, source,"
            " file_name, file_sha256, entered_by, recorded_at, recorded_by, current)"
            " VALUES (?, ?, ?, ?, 'spreadsheet', 'sar.xlsx', 'x', 'bench', ?, 'bench', 1)",
            [(n + 1, c, year, fw.hash, now) for n, c in enumerate(codes)],
        )
        db.conn.executemany(
            "INSERT INTO self_responses (self_id, indicator_code, level, note) VALUES (?, ?, ?, '')",
            [(n + 1, ind.code, rng.choice([lv.value for lv in ind.levels]))
             for n in range(len(codes)) for ind in fw.indicators],
        )
    db.execute("ANALYZE")
    return len(codes)


def run() -> list[Row]:
    from secity_desktop.services.dashboard import DashboardService
    from secity_desktop.services.self_assessments import SelfAssessmentService
    from secity_desktop.services.workspace import open_workspace

    last = FIRST_YEAR + YEARS - 1
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "ws", lgs=LGS, years=YEARS)
        ws = open_workspace(Path(tmp) / "ws")
        claims = _claims(ws, last)
        svc = SelfAssessmentService(ws)
        assert len(svc.gap_ranking(year=last)) == LGS
        t = time.perf_counter()
        svc.gap_ranking(year=last)
        first = (time.perf_counter() - t) * 1e3
        national = _median_ms(lambda: SelfAssessmentService(ws).gap_ranking(year=last))
        province = _median_ms(
            lambda: SelfAssessmentService(ws).gap_ranking(year=last, province="11"))
        dashboard = _median_ms(lambda: DashboardService(ws).refresh(year=last))
        ws.close()
    return [
        (f"store: {LGS} local governments × {YEARS} years + {claims} self-assessments", 0.0, ""),
        ("gap list, national, one year (median)", national, "ms"),
        ("gap list, national, one year (first call)", first, "ms"),
        ("gap list, one province, one year", province, "ms"),
        ("  baseline: dashboard refresh, one year, all rows + YoY (same store)", dashboard, "ms"),
        ("  ratio: national gap list ÷ dashboard refresh", national / dashboard, "×"),
    ]


if __name__ == "__main__":
    for fig, val, unit in run():
        print(f"{fig:72} {val:10.2f} {unit}")
