"""Spreadsheet exports at the nation's size (issue 11 item 2), each beside floors from the same run.

`SECITY_NATIONAL_DIR=… python bench/run.py exports` (the workspace `bench/national.py build`
makes; `bench_national` prints these rows too). Every export runs in its own child process
(peak RSS = that child's VmHWM); app and floors are **interleaved** and repeated
(`SECITY_EXPORT_REPEAT`, default 2), and the median of each is printed with the ratio.

Floors:
- *same rows*: one plain query that yields the table's 16 columns (titles and level
  descriptions joined from two temp tables filled from the framework; ISO dates instead of
  BE ones; the table's natural order, not the framework's), written by `csv.writer` into a
  UTF-8-with-BOM text file — the "just write the same rows" program;
- *7 raw columns*: the floor the issue was measured against (ids, code, name, year,
  indicator, level, note — a sixth of the bytes);
- XLSX: openpyxl write-only over the **same rows, already in memory**, plain `ws.append`
  with no styles at all — what openpyxl itself costs for those cells.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_national import _child, _workspace  # type: ignore[import-not-found]  # noqa: E402

ONLY_WHEN_NAMED = True
Row = tuple[str, float, str]

_EXPORT = """
t0 = time.perf_counter()
from pathlib import Path
from secity_desktop.services.spreadsheets import export
from secity_desktop.services.workspace import open_workspace
ws = open_workspace(Path({data!r}), create=False)
n = export(ws, {fmt!r}, {what!r}, Path({out!r}))
done(time.perf_counter() - t0, rows=n, cpu=time.process_time())
"""

_CSV_SAME_ROWS = """
t0 = time.perf_counter()
import csv, sqlite3
from secity_desktop.store.frameworks import FrameworkRepo
import sqlite_utils
db = sqlite3.connect({db!r})
repo = FrameworkRepo(sqlite_utils.Database(db))
db.execute("CREATE TEMP TABLE titles (fw, code, title, PRIMARY KEY (fw, code))")
db.execute("CREATE TEMP TABLE labels (fw, code, level, label, PRIMARY KEY (fw, code, level))")
for (h,) in db.execute("SELECT DISTINCT framework_hash FROM assessments").fetchall():
    for i in repo.get(h).indicators:
        db.execute("INSERT INTO titles VALUES (?, ?, ?)", (h, i.code, i.title_th))
        db.executemany("INSERT INTO labels VALUES (?, ?, ?, ?)",
                       [(h, i.code, lv.value, lv.label_th) for lv in i.levels])
with open({out!r}, "w", newline="", encoding="utf-8-sig") as fh:
    w = csv.writer(fh)
    cur = db.execute(
        "SELECT a.id, a.municipality_code, m.name_th, a.year, a.revision, r.indicator_code,"
        " t.title, r.level, coalesce(l.label, 'ยังไม่ได้ตอบ'), NULL, NULL, NULL, NULL, r.note,"
        " r.updated_at, r.updated_by FROM responses r"
        " JOIN assessments a ON a.id = r.assessment_id"
        " JOIN municipalities m ON m.code = a.municipality_code"
        " LEFT JOIN titles t ON t.fw = a.framework_hash AND t.code = r.indicator_code"
        " LEFT JOIN labels l ON l.fw = a.framework_hash AND l.code = r.indicator_code"
        " AND l.level = r.level")
    n = 0
    while rows := cur.fetchmany(10000):
        w.writerows(rows); n += len(rows)
done(time.perf_counter() - t0, rows=n, cpu=time.process_time())
"""

_CSV_RAW7 = """
t0 = time.perf_counter()
import csv, sqlite3
db = sqlite3.connect({db!r})
with open({out!r}, "w", newline="", encoding="utf-8-sig") as fh:
    w = csv.writer(fh)
    cur = db.execute("SELECT a.id, m.code, m.name_th, a.year, r.indicator_code, r.level, r.note"
                     " FROM responses r JOIN assessments a ON a.id = r.assessment_id"
                     " JOIN municipalities m ON m.code = a.municipality_code")
    n = 0
    while rows := cur.fetchmany(10000):
        w.writerows(rows); n += len(rows)
done(time.perf_counter() - t0, rows=n, cpu=time.process_time())
"""

_XLSX_SAME_ROWS = """
from pathlib import Path
from secity_desktop.services.spreadsheets import build_table
from secity_desktop.services.workspace import open_workspace
ws = open_workspace(Path({data!r}), create=False)
table = build_table(ws.db, {what!r})
rows = [list(r) for r in table.rows]  # read and scored before the clock starts
t0 = time.perf_counter()
import openpyxl
wb = openpyxl.Workbook(write_only=True); sheet = wb.create_sheet()
sheet.append(table.headers)
for row in rows:
    sheet.append(row)
wb.save({out!r})
done(time.perf_counter() - t0, rows=len(rows), cpu=time.process_time())
"""


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r.get(key, float("nan")) for r in runs)


def _load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def run() -> list[Row]:
    data = _workspace()
    db = str(data / "secity.sqlite3")
    repeat = int(os.environ.get("SECITY_EXPORT_REPEAT", "2"))
    csv_app: list[dict[str, float]] = []
    csv_same: list[dict[str, float]] = []
    csv_raw: list[dict[str, float]] = []
    xlsx_app: list[dict[str, float]] = []
    xlsx_floor: list[dict[str, float]] = []
    loads = [_load()]
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):  # interleaved: a load change hits app and floors alike
            csv_app.append(_child(_EXPORT, data=str(data), fmt="csv", what="responses",
                                  out=f"{tmp}/r.csv"))
            csv_same.append(_child(_CSV_SAME_ROWS, db=db, out=f"{tmp}/same.csv"))
            csv_raw.append(_child(_CSV_RAW7, db=db, out=f"{tmp}/raw.csv"))
            loads.append(_load())
        for _ in range(repeat):
            xlsx_app.append(_child(_EXPORT, data=str(data), fmt="xlsx", what="assessments",
                                   out=f"{tmp}/a.xlsx"))
            xlsx_floor.append(_child(_XLSX_SAME_ROWS, data=str(data), what="assessments",
                                     out=f"{tmp}/floor.xlsx"))
            loads.append(_load())
    app_s, same_s, raw_s = (_median(x, "s") for x in (csv_app, csv_same, csv_raw))
    xa_s, xf_s = _median(xlsx_app, "s"), _median(xlsx_floor, "s")
    return [
        (f"responses CSV, {csv_app[0]['rows']:.0f} rows (target ≤ 15 s idle), median of "
         f"{repeat}", app_s, "s"),
        ("  peak RSS (target < 200 MB)", max(r["rss"] for r in csv_app), "MB"),
        ("  floor: the same 16 columns from one plain query, csv.writer", same_s, "s"),
        ("  floor: 7 raw columns, csv.writer (the issue's floor)", raw_s, "s"),
        ("  its CPU time (less sensitive to load than wall time)", _median(csv_app, "cpu"), "s"),
        ("  ratio to the same-rows floor", app_s / same_s, "×"),
        ("  ratio to the 7-column floor", app_s / raw_s, "×"),
        ("  CPU time of the same-rows floor", _median(csv_same, "cpu"), "s"),
        ("  CPU time of the 7-column floor", _median(csv_raw, "cpu"), "s"),
        (f"assessments XLSX, {xlsx_app[0]['rows']:.0f} rows, median of {repeat}", xa_s, "s"),
        ("  peak RSS", max(r["rss"] for r in xlsx_app), "MB"),
        ("  floor: openpyxl write-only, the same rows already in memory", xf_s, "s"),
        ("  ratio to that floor", xa_s / xf_s, "×"),
        ("load average (1 min) seen during the run, lowest", min(loads), ""),
        ("load average (1 min) seen during the run, highest", max(loads), ""),
    ]


if __name__ == "__main__":
    for fig, val, unit in run():
        print(f"{fig:66} {val:12.2f} {unit}")
