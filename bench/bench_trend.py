"""Progress over the years at the nation's size (issue 15 item 5): province and national trends.

Runs on the workspace ``bench/national.py build`` makes (7,850 local governments ×
10 fiscal years, ≈2.7 M responses): ``$SECITY_NATIONAL_DIR`` if set, else the one
``bench_national`` builds into ``/tmp/secity-national``. Target: a province trend and
a national trend each answer within 2× of the dashboard's current figure — the
dashboard refresh for the latest year over all 7,850, measured in the same run,
each with a cold service (a new ``TrendService`` / ``DashboardService`` per call,
so no score cache is reused), median of 5 after one warm-up.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

YEAR = 2569
PROVINCE = "50"  # Chiang Mai: an ordinary province of ≈100 local governments
ONLY_WHEN_NAMED = True  # needs the 600 MB national workspace: `python bench/run.py trend`
Row = tuple[str, float, str]


def _median_ms(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def run() -> list[Row]:
    from bench_national import _workspace  # type: ignore[import-not-found]

    from secity_desktop.services.dashboard import DashboardService
    from secity_desktop.services.trend import TrendService
    from secity_desktop.services.workspace import open_workspace

    ws = open_workspace(_workspace(), create=False)
    try:
        seat = ws.db.execute("SELECT code FROM municipalities WHERE province_code = ? AND is_seat = 1",
                             [PROVINCE]).fetchone()[0]
        dash = _median_ms(lambda: DashboardService(ws).refresh(year=YEAR))
        province = _median_ms(lambda: TrendService(ws).province(PROVINCE))
        national = _median_ms(lambda: TrendService(ws).national())
        town = _median_ms(lambda: TrendService(ws).municipality(seat))
        years = len(TrendService(ws).national().years)
    finally:
        ws.close()
    return [
        (f"  baseline: dashboard refresh, {YEAR}, all 7,850 (cold service)", dash, "ms"),
        (f"province trend, province {PROVINCE}, {years} years", province, "ms"),
        ("  ÷ dashboard (target ≤ 2)", province / dash, "×"),
        (f"national trend, 76 provinces, {years} years", national, "ms"),
        ("  ÷ dashboard (target ≤ 2)", national / dash, "×"),
        (f"municipality trend (seat town, {years} years)", town, "ms"),
    ]


if __name__ == "__main__":
    for fig, val, unit in run():
        print(f"{fig:66} {val:12.2f} {unit}")
