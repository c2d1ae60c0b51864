"""The app at the nation's size (issue 11): GUI start, place switch, dashboard, coverage, trend, exports.

Runs on the workspace ``bench/national.py build`` makes (7,850 local governments ×
10 fiscal years, ≈2.7 M responses): ``$SECITY_NATIONAL_DIR`` if set, else one built
once into ``/tmp/secity-national`` and reused. Every figure sits beside a baseline
measured in the same run: a bare ``QMainWindow`` for the GUI, a bare SQL read for
the services, and for the exports the floors of ``bench_exports.py`` (run interleaved).
Heavy work runs in child processes so each one's peak memory is its own.
The dashboard, list-sort and coverage figures also run with every score computed in bulk
(stored scores hidden in a rolled-back transaction: ``bench_dashboard.scores_hidden``).
``SECITY_BENCH_NO_EXPORTS=1`` stops before the (minutes-long) export figures.
Each place's first show is measured twice: in tab order, each after the places before it
(the older rows), and as the first place a person opens in a fresh app — clicked
``PERSON_IDLE_S`` after the window shows, and clicked at once (``first_place_rows``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
YEAR = 2569
ONLY_WHEN_NAMED = True  # builds 600 MB and takes minutes: `python bench/run.py national`
Row = tuple[str, float, str]

_CHILD_PRELUDE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
def peak_mb():
    # this process's own high-water RSS (ru_maxrss carries a big parent's peak across exec)
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def done(seconds, **extra):
    print(json.dumps({{"s": seconds, "rss": peak_mb(), **extra}}))
"""

_BARE_WINDOW = """
t0 = time.perf_counter()
from PySide6 import QtWidgets
app = QtWidgets.QApplication([])
tabs = QtWidgets.QTabWidget(); tabs.addTab(QtWidgets.QWidget(), "a"); tabs.addTab(QtWidgets.QWidget(), "b")
w = QtWidgets.QMainWindow(); w.setCentralWidget(tabs); w.resize(1280, 760); w.show(); app.processEvents()
first = time.perf_counter() - t0
times = []
for i in range(6):
    t = time.perf_counter(); tabs.setCurrentIndex(i % 2); app.processEvents(); times.append(time.perf_counter() - t)
done(first, switch=max(times))
"""

_APP_WINDOW = """
t0 = time.perf_counter()
from secity_desktop.app import main
w = main(["--data-dir", {data!r}], exec_=False)
from secity_desktop.gui.qt import QtWidgets, Qt
app = QtWidgets.QApplication.instance(); app.processEvents()
first = time.perf_counter() - t0
rss_first = peak_mb()
def timed(fn):
    t = time.perf_counter(); fn(); app.processEvents(); return time.perf_counter() - t
built, again = {{}}, {{}}
for i in range(1, w.places.count()):  # each place's first show builds it; the second only shows
    key = w.places.place_keys()[i]
    built[key] = timed(lambda: w.places.setCurrentIndex(i))
    timed(lambda: w.places.setCurrentIndex(0))
    again[key] = timed(lambda: w.places.setCurrentIndex(i))
w.places.setCurrentIndex(0); app.processEvents()
m = w.assessment_model
col = {{c.key: n for n, c in enumerate(m.specs)}}
ops = {{
    "filter": timed(lambda: m.set_search("เทศบาลทดสอบ 50-1")),
    "clear filter": timed(lambda: m.set_search("")),
    "sort by municipality": timed(lambda: w.assessment_table.view.sortByColumn(col["municipality_th"], Qt.SortOrder.AscendingOrder)),
    "sort by total": timed(lambda: w.assessment_table.view.sortByColumn(col["total"], Qt.SortOrder.DescendingOrder)),
    "year filter": timed(lambda: w.year_combo.setCurrentIndex(2)),
}}
review = w.review_place
if review is not None:
    ops["review: sort by total"] = timed(lambda: review.table.sortByColumn(4, Qt.SortOrder.DescendingOrder))
    ops["review: status filter"] = timed(lambda: review.status_combo.setCurrentIndex(1))
done(first, rss_first=rss_first, switch=max(again.values()), built=built, again=again, ops=ops,
     rows=m.rowCount(), cached=m.cached())
"""

PERSON_IDLE_S = 2.0
"""How long a person looks at the new window before clicking a place (the window loads the
places' modules in that idle time: ``gui/idle_warm.py``)."""

_FIRST_PLACE = """
from secity_desktop.app import main
w = main(["--data-dir", {data!r}], exec_=False)
from secity_desktop.gui.qt import QtWidgets, QtCore
app = QtWidgets.QApplication.instance(); app.processEvents()
end = time.perf_counter() + {idle}
while time.perf_counter() < end:  # the person looks at the window; timers and paints run
    app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
    time.sleep(0.005)
i = w.places.index_of_key({key!r})
t = time.perf_counter(); c = time.process_time()
w.places.setCurrentIndex(i); app.processEvents()
done(time.perf_counter() - t, cpu=time.process_time() - c)
"""


def first_place_rows(data: Path, keys: list[str]) -> list[Row]:
    """Each place as the FIRST one a person opens, in a fresh app: clicked after
    ``PERSON_IDLE_S`` of looking at the window, and clicked at once (the worst case).
    Interleaved with the bare window's tab switch, so every figure has a same-run baseline."""
    rows: list[Row] = []
    for key in keys:
        later = _child(_FIRST_PLACE, data=str(data), key=key, idle=str(PERSON_IDLE_S))
        now = _child(_FIRST_PLACE, data=str(data), key=key, idle="0")
        bare = _child(_BARE_WINDOW)
        rows += [
            (f"first place opened: {key}, {PERSON_IDLE_S:.0f} s after the window"
             " (target ≤ 200 ms)", later["s"] * 1e3, "ms"),
            ("  CPU of the same", later.get("cpu", float("nan")) * 1e3, "ms"),
            ("  the same clicked the moment the window shows", now["s"] * 1e3, "ms"),
            ("  baseline: bare tab switch (same run)", bare["switch"] * 1e3, "ms"),
        ]
    return rows


def _child(code: str, **fmt: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    src = _CHILD_PRELUDE.format(root=str(ROOT)) + code.format(**fmt)
    with tempfile.TemporaryDirectory() as home:  # fresh settings and caches per child
        env.update(XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home, XDG_DATA_HOME=home)
        out = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True,
                             env=env, check=False, timeout=1800)
    if out.returncode != 0:  # a crash is a figure too: say it and keep measuring the rest
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        print(f"  ! child failed (exit {out.returncode}): {last[:150]}", file=sys.stderr)
        nan = float("nan")
        return {"s": nan, "rss": nan, "switch": nan, "rows": nan}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median_ms(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    """Median of ``repeat`` timed calls after one untimed call."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def _workspace() -> Path:
    given = os.environ.get("SECITY_NATIONAL_DIR")
    if given:
        return Path(given)
    cached = Path(tempfile.gettempdir()) / "secity-national"
    if not (cached / "secity.sqlite3").exists():
        sys.path.insert(0, str(HERE))
        from national import build  # type: ignore[import-not-found]

        build(cached)
    return cached


def run() -> list[Row]:
    from secity_desktop.services.coverage import CoverageService
    from secity_desktop.services.dashboard import DashboardService
    from secity_desktop.services.lists import AssessmentList
    from secity_desktop.services.workspace import open_workspace

    sys.path.insert(0, str(HERE))
    from bench_dashboard import place_figures, scores_hidden  # type: ignore[import-not-found]

    data = _workspace()
    rows: list[Row] = []
    store_mb = sum(f.stat().st_size for f in data.glob("secity.sqlite3*")) / 1e6

    if os.environ.get("SECITY_BENCH_DASHBOARD_ONLY"):  # just the Dashboard place's figures
        ws = open_workspace(data, create=False)
        try:
            return place_figures(ws, YEAR)
        finally:
            ws.close()
    bare = _child(_BARE_WINDOW)
    app = _child(_APP_WINDOW, data=str(data))
    rows += [
        ("GUI first window on the national workspace (target ≤ 3 s)", app["s"], "s"),
        ("  baseline: bare QMainWindow with two tabs", bare["s"], "s"),
        ("GUI peak RSS at first window (target ≤ 250 MB)", app.get("rss_first", app["rss"]), "MB"),
        ("  after visiting every place and sorting", app["rss"], "MB"),
        ("  baseline: bare QMainWindow peak RSS", bare["rss"], "MB"),
        ("GUI slowest place switch, place built (target ≤ 200 ms)", app["switch"] * 1e3, "ms"),
        ("  baseline: bare tab switch", bare["switch"] * 1e3, "ms"),
    ]
    for key, seconds in app.get("built", {}).items():
        rows.append((f"  first show of {key} (builds it)", seconds * 1e3, "ms"))
    rows += first_place_rows(data, list(app.get("built", {})))
    for what, seconds in app.get("ops", {}).items():
        rows.append((f"assessments list: {what} (target ≤ 200 ms)" if ":" not in what
                     else f"{what} (target ≤ 200 ms)", seconds * 1e3, "ms"))
    if "rows" in app:
        rows.append((f"  rows listed {app['rows']:.0f}, rows read (cached)", app["cached"], "rows"))

    ws = open_workspace(data, create=False)

    def cold() -> None:
        ws.__dict__.pop("_bulk_scorer", None)  # the workspace's shared score cache, emptied

    def sort_total() -> None:
        AssessmentList(ws).ids(order="total", descending=True, year=YEAR)

    def sort_total_all() -> None:
        AssessmentList(ws).ids(order="total", descending=True)

    try:
        rows += place_figures(ws, YEAR)  # the Dashboard place, beside its old path
        dash = _median_ms(lambda: (cold(), DashboardService(ws).refresh(year=YEAR)))
        dash_warm = _median_ms(lambda: DashboardService(ws).refresh(year=YEAR))
        cov = _median_ms(lambda: (cold(), CoverageService(ws).report(YEAR)))
        srt = _median_ms(lambda: (cold(), sort_total()))
        srt_all = _median_ms(lambda: (cold(), sort_total_all()))
        flt = _median_ms(lambda: AssessmentList(ws).ids(search="เทศบาลทดสอบ 50-1", year=YEAR))
        with scores_hidden(ws):  # the same, every score computed in bulk (before schema 13)
            dash_c = _median_ms(lambda: (cold(), DashboardService(ws).refresh(year=YEAR)), 3)
            cov_c = _median_ms(lambda: (cold(), CoverageService(ws).report(YEAR)), 3)
            srt_c = _median_ms(lambda: (cold(), sort_total()), 3)
            srt_all_c = _median_ms(lambda: (cold(), sort_total_all()), 1)
        floor = _median_ms(lambda: ws.db.execute(
            "SELECT r.assessment_id, r.indicator_code, r.level FROM assessments a"
            " JOIN responses r ON r.assessment_id = a.id WHERE a.year = ?", [YEAR]).fetchall())
    finally:
        ws.close()
    rows += [
        # the whole list through the service: what `secity dashboard` prints and the place's rare
        # fallback; the place itself reads a page at a time (its rows above carry the ≤ 200 ms)
        (f"dashboard, whole list through the service (CLI): refresh {YEAR}, all 7,850 + change",
         dash, "ms"),
        ("  baseline: the same computing every score in bulk (no stored scores)", dash_c, "ms"),
        ("  again, same service (warm)", dash_warm, "ms"),
        (f"assessments list: sort {YEAR} by total, 7,850 ids (target ≤ 200 ms)", srt, "ms"),
        ("  baseline: the same computing every score in bulk", srt_c, "ms"),
        ("assessments list: sort all years by total, 78,500 ids", srt_all, "ms"),
        ("  baseline: the same computing every score in bulk", srt_all_c, "ms"),
        (f"assessments list: filter {YEAR} by a search text", flt, "ms"),
        (f"coverage report, {YEAR}, 76 provinces (cold score cache)", cov, "ms"),
        ("  baseline: the same computing the scores it shows", cov_c, "ms"),
        (f"  baseline: bare SELECT of {YEAR}'s response rows", floor, "ms"),
    ]
    from bench_trend import run as trend  # type: ignore[import-not-found]

    rows += trend()  # province and national trends beside the dashboard refresh (bench_trend.py)
    rows.append(("store size (target ≤ 300 MB)", store_mb, "MB"))
    if os.environ.get("SECITY_BENCH_NO_EXPORTS"):
        return rows

    sys.path.insert(0, str(HERE))
    from bench_exports import run as exports  # type: ignore[import-not-found]

    rows += exports()  # each export beside its floors, interleaved (bench_exports.py)
    return rows


if __name__ == "__main__":
    for fig, val, unit in run():
        print(f"{fig:66} {val:12.2f} {unit}")
