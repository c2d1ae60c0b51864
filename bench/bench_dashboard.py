"""Dashboard refresh over 2,500 municipalities × 10 years (target ≤ 200 ms).

The store is filled by bulk inserts (not through the services) so the set-up
takes seconds; the figures are the services' refresh times beside a bare SQL
read of the same rows measured in the same run. ``place_figures`` (also run by
``bench_national``) times the Dashboard place's first show and a filter change — the
service read model and the GUI place — interleaved with the old path kept in
``bench/dashboard_old.py``, with the load average.
"""

from __future__ import annotations

import contextlib
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

MUNIS = int(os.environ.get("SECITY_BENCH_MUNIS", "2500"))
YEARS = int(os.environ.get("SECITY_BENCH_YEARS", "10"))
REPEAT = 7
FIRST_YEAR = 2560

Row = tuple[str, float, str]


def _build(ws) -> None:  # type: ignore[no-untyped-def]
    fw = ws.frameworks.current()
    provinces = [r[0] for r in ws.db.execute("SELECT code FROM provinces ORDER BY code")]
    rng = random.Random(2569)
    types = ("nakhon", "mueang", "tambon", "tambon", "tambon")
    db = ws.db
    with db.atomic():
        for table in ("municipality_types", "municipality_codes", "municipalities"):
            db.execute(f"DELETE FROM {table}")  # the register's history rows name the towns
        db.conn.executemany(
            "INSERT INTO municipalities (code, name_th, name_en, type, province_code, is_seat)"
            " VALUES (?, ?, ?, ?, ?, 0)",
            [
                (
                    f"B{n:05d}",
                    f"เทศบาลทดสอบ {n}",
                    f"Bench {n}",
                    types[n % 5],
                    provinces[n % len(provinces)],
                )
                for n in range(MUNIS)
            ],
        )
        now = "2026-11-26T00:00:00+00:00"
        statuses = ("received", "under_review", "approved", "approved", "returned")
        a_rows, r_rows = [], []
        for n in range(MUNIS):
            for y in range(YEARS):
                aid = str(uuid.UUID(int=rng.getrandbits(128)))
                a_rows.append(
                    (
                        aid,
                        f"B{n:05d}",
                        FIRST_YEAR + y,
                        fw.hash,
                        statuses[(n + y) % 5],
                        1,
                        None,
                        now,
                        "b",
                        now,
                        "b",
                    )
                )
                for ind in fw.indicators:
                    if rng.random() < 0.95:
                        level = rng.choice([lv.value for lv in ind.levels])
                        r_rows.append((aid, ind.code, level, "", now, "b"))
        db.conn.executemany(
            "INSERT INTO assessments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a_rows
        )
        db.conn.executemany(
            "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at, updated_by)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            r_rows,
        )
    db.execute("ANALYZE")


def _median_ms(fn) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm: frameworks parsed, temp tables filled, pages cached
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


@contextlib.contextmanager
def scores_hidden(ws):  # type: ignore[no-untyped-def]
    """The baseline: every score computed in bulk from the responses, as before stored scores
    (schema 13). The stored rows are deleted inside a transaction rolled back afterwards, and
    the shared scorer does not store what it computes."""
    from secity_desktop.services.bulk_scores import BulkScorer

    ws.db.conn.execute("BEGIN")
    try:
        ws.db.conn.execute("DELETE FROM assessment_scores")
        ws.__dict__.pop("_bulk_scorer", None)
        BulkScorer.repair = False  # every scorer made meanwhile computes and keeps nothing
        yield
    finally:
        BulkScorer.repair = True
        ws.db.conn.execute("ROLLBACK")
        ws.__dict__.pop("_bulk_scorer", None)


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split(" ", 1)[0]
    except OSError:
        return "?"


def place_figures(ws, year: int, repeat: int = 5, mtype: str = "tambon") -> list[Row]:  # type: ignore[no-untyped-def]
    """The Dashboard place's first show and a filter change, each beside the old path in
    the same run, interleaved (new, old, new, old, …; medians): the service read model
    (ranked codes + summary + the first page, vs ``refresh`` over the window query with
    7,850 rows and a Python sort) and the GUI place (``DashboardPlace`` vs the place as it
    was: ``dashboard_old.OldDashboardPlace``). The load average is printed with each."""
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from dashboard_old import OldDashboardPlace, old_service  # type: ignore[import-not-found]

    from secity_desktop.gui.dashboard_place import DashboardPlace
    from secity_desktop.gui.qt import QtWidgets
    from secity_desktop.services.dashboard import DashboardService, sort_rows
    from secity_desktop.services.dashboard_ranked import DashboardFilter, RankedDashboard

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])

    def new_svc(f: DashboardFilter) -> None:
        rd = RankedDashboard(DashboardService(ws))
        ranked = rd.ranked(f)
        rd.summary(f)
        rd.rows(f, [c for c, _ in ranked[:100]], dict(ranked))

    def old_svc(f: DashboardFilter) -> None:
        with old_service():
            dash = DashboardService(ws).refresh(**f.where(), status=f.status)
        sort_rows(dash.rows, "rank")

    def show(cls):  # type: ignore[no-untyped-def]
        place = cls(ws, "th")
        place.resize(1280, 760)
        place.show()
        app.processEvents()
        return place

    def pair(new, old, n: int = repeat) -> tuple[float, float, str]:  # type: ignore[no-untyped-def]
        new(), old()  # warm: imports, frameworks, pages cached
        a, b = [], []
        for _ in range(n):
            for fn, out in ((new, a), (old, b)):
                t = time.perf_counter()
                fn()
                out.append(time.perf_counter() - t)
        return statistics.median(a) * 1e3, statistics.median(b) * 1e3, _load()

    every, typed = DashboardFilter(year=year), DashboardFilter(year=year, mtype=mtype)
    svc_first = pair(lambda: new_svc(every), lambda: old_svc(every))
    svc_filter = pair(lambda: new_svc(typed), lambda: old_svc(typed))
    places: list = []

    def first(cls):  # type: ignore[no-untyped-def]
        def go() -> None:
            while places:
                places.pop().deleteLater()
            places.append(show(cls))
        return go

    gui_first = pair(first(DashboardPlace), first(OldDashboardPlace))
    new_place, old_place = show(DashboardPlace), show(OldDashboardPlace)
    rows_n = new_place.model.rowCount()
    flip = {id(new_place): 0, id(old_place): 0}

    def change(place):  # type: ignore[no-untyped-def]
        def go() -> None:  # alternate: a type, then all types again
            flip[id(place)] ^= 1
            combo = place.type_combo
            combo.setCurrentIndex(combo.findData(mtype) if flip[id(place)] else 0)
            app.processEvents()
        return go

    gui_filter = pair(change(new_place), change(old_place), repeat * 2)
    for p in (*places, new_place, old_place):
        p.deleteLater()
    app.processEvents()
    out: list[Row] = []
    for label, (new, old, load) in (
        (f"dashboard service first show {year}, {rows_n} rows (ranked+summary+page)", svc_first),
        (f"dashboard service filter change (type {mtype})", svc_filter),
        ("dashboard GUI place first show (build, refresh, fit, paint; ≤ 200)", gui_first),
        (f"dashboard GUI filter change (type {mtype} ↔ all; ≤ 200)", gui_filter),
    ):
        out += [(label, new, "ms"), (f"  baseline, same run: the old path (load {load})", old, "ms")]
    return out


def run() -> list[Row]:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.dashboard import DashboardService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "ws")
        init_workspace(ws, role=Role.NATIONAL, province_code=None, user_name="bench")
        t = time.perf_counter()
        _build(ws)
        built = time.perf_counter() - t
        n_resp = ws.db.execute("SELECT count(*) FROM responses").fetchone()[0]
        svc = DashboardService(ws)
        last = FIRST_YEAR + YEARS - 1
        rows_ = svc.refresh(year=last)
        assert len(rows_.rows) == MUNIS and rows_.coverage.assessed == MUNIS
        def cold_scorer() -> None:
            ws.__dict__.pop("_bulk_scorer", None)

        cold = _median_ms(lambda: (cold_scorer(), DashboardService(ws).refresh(year=last)))
        with scores_hidden(ws):
            computing = _median_ms(lambda: (cold_scorer(), DashboardService(ws).refresh(year=last)))
        cold_nochange = _median_ms(
            lambda: DashboardService(ws).refresh(year=last, with_change=False)
        )
        cold_latest = _median_ms(lambda: DashboardService(ws).refresh())
        warm = _median_ms(lambda: svc.refresh(year=last, mtype="tambon"))
        warm_all = _median_ms(lambda: svc.refresh(year=last))
        one_prov = _median_ms(lambda: DashboardService(ws).refresh(province="11", year=last))
        yoy = _median_ms(lambda: DashboardService(ws).year_over_year("B00042"))
        bare_rows = _median_ms(
            lambda: ws.db.execute(
                "SELECT a.id, a.municipality_code, a.status, m.name_th, m.type FROM assessments a"
                " JOIN municipalities m ON m.code = a.municipality_code WHERE a.year = ?",
                [last],
            ).fetchall()
        )
        bare_resp = _median_ms(
            lambda: ws.db.execute(
                "SELECT r.assessment_id, r.indicator_code, r.level FROM assessments a"
                " JOIN responses r ON r.assessment_id = a.id WHERE a.year = ?",
                [last],
            ).fetchall()
        )
        place = place_figures(ws, last)
        ws.close()
    return [
        *place,
        (f"store: {MUNIS} municipalities × {YEARS} years, {n_resp} responses (build)", built, "s"),
        ("dashboard refresh, cold cache: one year, all rows + YoY (≤ 200)", cold, "ms"),
        ("  baseline: the same, computing every score in bulk (no stored scores)", computing, "ms"),
        ("dashboard refresh, cold cache: one year, without YoY column", cold_nochange, "ms"),
        ("dashboard refresh, cold cache: latest per municipality, all years", cold_latest, "ms"),
        ("dashboard refresh, warm: all rows + YoY (after an edit elsewhere)", warm_all, "ms"),
        ("dashboard refresh, warm: type filter changed", warm, "ms"),
        ("dashboard refresh, cold cache: one province (~33 towns), one year", one_prov, "ms"),
        ("year-over-year series for one municipality (cold)", yoy, "ms"),
        ("  baseline: bare SELECT of the same year's assessment rows", bare_rows, "ms"),
        ("  baseline: bare SELECT of that year's response rows (no scoring)", bare_resp, "ms"),
        ("  ratio: cold refresh + YoY ÷ bare response SELECT", cold / bare_resp, "×"),
        ("  ratio: warm refresh + YoY ÷ bare response SELECT", warm_all / bare_resp, "×"),
    ]


if __name__ == "__main__":
    for fig, val, unit in run():
        print(f"{fig:70} {val:10.2f} {unit}")
