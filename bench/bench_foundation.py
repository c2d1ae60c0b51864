"""Foundation figures: framework load, durable edit latency, cold start to first window.

Targets (benchmarks, not tests): edit p99 ≤ 15 ms; the shell window painted ≤ 1.5× a bare
PySide6 window; fully usable ≤ 500 ms on the demo workspace (start-up: ``bench_start.py``,
where "fully usable" is defined and measured against a bare window with a table).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITS = int(os.environ.get("SECITY_BENCH_EDITS", "10000"))

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


def bench_start() -> list[Row]:
    """Start-up on the demo workspace: ``bench/bench_start.py`` (its definitions, its baselines)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_start  # type: ignore[import-not-found]

    return bench_start.run_demo()


def run() -> list[Row]:
    return bench_framework() + bench_edits() + bench_start()
