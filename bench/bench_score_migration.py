"""Schema step 12 on a copy of a national workspace: time and peak RSS of scoring every
assessment into ``assessment_scores`` (``store.stored_scores.fill``), beside the same store's
bulk scoring pass in memory (the old first-visit cost) measured in the same run.

    SECITY_NATIONAL_DIR=/path/to/copy python bench/bench_score_migration.py

The store is upgraded to schema 11 first (not timed); the copy is changed in place.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import time
from pathlib import Path

import sqlite_utils

from secity_desktop.store import stored_scores
from secity_desktop.store.database import DB_NAME, migrate


def _hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    folder = Path(os.environ["SECITY_NATIONAL_DIR"])
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    db = sqlite_utils.Database(conn)
    if db.execute("PRAGMA user_version").fetchone()[0] >= 12:
        print("already at schema 12: take a fresh copy")
        return 1
    migrate(db, target=11)
    n = db.execute("SELECT count(*) FROM assessments").fetchone()[0]
    before = _hwm_mb()
    t0 = time.perf_counter()
    picks = [(str(r[0]), str(r[1])) for r in db.execute(
        "SELECT id, framework_hash FROM assessments").fetchall()]
    baseline = stored_scores.compute(db, picks)
    t_base = time.perf_counter() - t0
    base_mb = _hwm_mb()
    del baseline, picks
    print(f"assessments {n}; RSS before {before:.0f} MB; load {os.getloadavg()}")
    print(f"baseline: every score computed in one pass, kept in memory: {t_base:.1f} s,"
          f" peak RSS {base_mb:.0f} MB")
    # a fresh process would be fairer for RSS; run with --step-only for that
    t0 = time.perf_counter()
    migrate(db, target=12)
    t_step = time.perf_counter() - t0
    print(f"schema step 12 (fill in chunks of {stored_scores.SETTLE_CHUNK}): {t_step:.1f} s,"
          f" peak RSS {_hwm_mb():.0f} MB")
    return 0


def step_only() -> int:
    folder = Path(os.environ["SECITY_NATIONAL_DIR"])
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    db = sqlite_utils.Database(conn)
    migrate(db, target=11)
    before = _hwm_mb()
    t0 = time.perf_counter()
    migrate(db, target=12)
    print(f"schema step 12 alone: {time.perf_counter() - t0:.1f} s, peak RSS {_hwm_mb():.0f} MB"
          f" (before the step {before:.0f} MB); load {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(step_only() if "--step-only" in sys.argv else main())
