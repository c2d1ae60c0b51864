"""Foundation figures: framework load, durable edit latency, cold start to first window.

Targets (benchmarks, not tests): edit p99 ≤ 15 ms; the shell window painted ≤ 1.5× a bare
PySide6 window; fully usable ≤ 500 ms on the demo workspace. Each start is a fresh process
whose peak memory is read from its own ``VmHWM`` (``ru_maxrss`` of a child reported the
parent's peak in a full run).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITS = int(os.environ.get("SECITY_BENCH_EDITS", "10000"))
STARTS = int(os.environ.get("SECITY_BENCH_STARTS", "5"))

Row = tuple[str, float, str]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_framework() -> list[Row]:
    from secity_desktop.core import framework as fw

    path = next((ROOT / "forms").glob("*.toml"))
    text = path.read_text("utf-8")
    load, parse = [], []
    for _ in range(20):
        t = time.perf_counter()
        fw.load(path).hash  # noqa: B018  (hashing is part of loading a version)
        load.append(time.perf_counter() - t)
        t = time.perf_counter()
        tomllib.loads(text)
        parse.append(time.perf_counter() - t)
    return [
        ("framework load + validate + hash, median", statistics.median(load) * 1e3, "ms"),
        ("  baseline: bare tomllib parse of the same file", statistics.median(parse) * 1e3, "ms"),
    ]


def bench_edits() -> list[Row]:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.assessments import AssessmentService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "ws")
        init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="bench")
        svc = AssessmentService(ws)
        fw = ws.frameworks.current()
        codes = [i.code for i in fw.indicators]
        a = svc.new("5001", 2569)
        lat = []
        for n in range(EDITS):
            code = codes[n % len(codes)]
            t = time.perf_counter()
            svc.set_response(a.id, code, n % 5, f"note {n}")
            lat.append(time.perf_counter() - t)
        ws.close()

        conn = sqlite3.connect(Path(tmp) / "bare.sqlite3", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE r (a TEXT, c TEXT, level INT, note TEXT, at TEXT, PRIMARY KEY (a, c))")
        bare = []
        for n in range(EDITS):
            t = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute(
                "INSERT INTO r VALUES (?, ?, ?, ?, ?) ON CONFLICT (a, c) DO UPDATE SET level = excluded.level,"
                " note = excluded.note, at = excluded.at",
                ["x", codes[n % len(codes)], n % 5, f"note {n}", "t"],
            )
            conn.execute("COMMIT")
            bare.append(time.perf_counter() - t)
        conn.close()
    return [
        (f"set_response p50 ({EDITS} durable edits, audit chained)", _pct(lat, 0.50) * 1e3, "ms"),
        ("set_response p99 (target ≤ 15 ms)", _pct(lat, 0.99) * 1e3, "ms"),
        ("  baseline: bare sqlite3 upsert+commit p50", _pct(bare, 0.50) * 1e3, "ms"),
        ("  baseline: bare sqlite3 upsert+commit p99", _pct(bare, 0.99) * 1e3, "ms"),
    ]


_PEAK = """
def peak_kib():
    # This process's own high-water RSS. ru_maxrss is not: Linux carries the parent's
    # peak across fork+exec, so a child of a big pytest/bench process reported the parent's.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    import resource
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_BARE = _PEAK + """
import time, sys
t0 = float(sys.argv[1])
from PySide6 import QtWidgets
app = QtWidgets.QApplication([])
w = QtWidgets.QMainWindow(); w.resize(1280, 760); w.show(); app.processEvents()
now = time.time() - t0
print(now, now, peak_kib())
"""

_APP = _PEAK + """
import time, sys
t0 = float(sys.argv[1])
from secity_desktop import app as entry
w = entry.main(["--data-dir", sys.argv[2]], exec_=False)  # what `secity-desktop` runs, in its order
from secity_desktop.gui.qt import QtWidgets
QtWidgets.QApplication.instance().processEvents()
usable = time.time() - t0
shell = entry.STARTUP_MARKS.get("shell_painted", t0 + usable) - t0
print(shell, usable, peak_kib())
"""


def _start(code: str, *args: str) -> tuple[float, float, float]:
    """(first paint, fully usable, peak MiB) of one fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code, repr(time.time()), *args],
        capture_output=True, text=True, env=env, check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]) / 1024


def bench_start() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        ddir = str(Path(tmp) / "ws")
        subprocess.run(
            [sys.executable, "-m", "secity_desktop.cli.main", "--data-dir", ddir, "init", "--demo"],
            check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        _start(_APP, ddir)  # warm the OS file cache and the translation cache once
        _start(_BARE)
        app = [_start(_APP, ddir) for _ in range(STARTS)]
        bare = [_start(_BARE) for _ in range(STARTS)]
    shell_t = statistics.median(s for s, _, _ in app)
    app_t = statistics.median(t for _, t, _ in app)
    bare_t = statistics.median(t for _, t, _ in bare)
    return [
        ("first paint: the shell window (demo workspace), median", shell_t * 1e3, "ms"),
        ("  ratio to a bare QMainWindow (target ≤ 1.5)", shell_t / bare_t, "×"),
        ("fully usable: every place ready (target ≤ 500 ms), median", app_t * 1e3, "ms"),
        ("  baseline: bare PySide6 QMainWindow start, median", bare_t * 1e3, "ms"),
        ("  ratio to a bare QMainWindow", app_t / bare_t, "×"),
        ("peak memory at first window (app, its own process)", max(m for _, _, m in app), "MiB"),
        ("  baseline: peak memory bare Qt window", max(m for _, _, m in bare), "MiB"),
    ]


def run() -> list[Row]:
    return bench_framework() + bench_edits() + bench_start()
