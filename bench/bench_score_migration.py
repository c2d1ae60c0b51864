"""Schema step 13 on a copy of the national workspace: scoring every assessment into
``assessment_scores`` (``store.stored_scores.fill``, 5,000 at a time), its time and peak RSS,
beside one bulk scoring pass over every assessment kept in memory (the work the step
replaces at every first visit), each in its own child process so each peak RSS is its own.

    SECITY_NATIONAL_DIR=<national workspace> python bench/run.py score_migration

The workspace is copied to a temporary folder first (≈ 300 MB); a copy already at schema 13
has step 13's tables and triggers taken out again, so the step runs as on an older store.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ONLY_WHEN_NAMED = True  # copies the national workspace: run it by name
Row = tuple[str, float, str]

_PRELUDE = """
import json, sqlite3, sys, time
sys.path.insert(0, {root!r})
import sqlite_utils
from secity_desktop.store import stored_scores
from secity_desktop.store.database import migrate
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return float(line.split()[1]) / 1024
db = sqlite_utils.Database(sqlite3.connect({db!r}, isolation_level=None))
before = hwm()
t0 = time.perf_counter()
"""
_STEP = "migrate(db, target=12)\n"
_BULK = """picks = [(str(r[0]), str(r[1])) for r in db.execute(
    "SELECT id, framework_hash FROM assessments").fetchall()]
scores = stored_scores.compute(db, picks)
"""
_DONE = """print(json.dumps({"s": time.perf_counter() - t0, "rss": hwm(), "before": before,
                  "n": db.execute("SELECT count(*) FROM assessments").fetchone()[0]}))
"""


def _as_schema_11(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    if conn.execute("PRAGMA user_version").fetchone()[0] >= 12:
        conn.execute("BEGIN")
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE 'scores_%'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE assessment_scores")
        conn.execute("DROP TABLE score_queue")
        conn.execute("PRAGMA user_version = 11")
        conn.execute("COMMIT")
    conn.close()


def _child(body: str, db: Path) -> dict[str, float]:
    src = _PRELUDE.format(root=str(ROOT), db=str(db)) + body + _DONE
    out = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True,
                         check=True, timeout=1800)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run() -> list[Row]:
    source = Path(os.environ["SECITY_NATIONAL_DIR"])
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "ws"
        shutil.copytree(source, copy)
        db = copy / "secity.sqlite3"
        conn = sqlite3.connect(db, isolation_level=None)
        if conn.execute("PRAGMA user_version").fetchone()[0] < 11:  # older: bring it to 11
            sys.path.insert(0, str(ROOT))
            import sqlite_utils

            from secity_desktop.store.database import migrate

            migrate(sqlite_utils.Database(conn), target=12)
        conn.close()
        _as_schema_11(db)
        bulk = _child(_BULK, db)
        step = _child(_STEP, db)
    load = os.getloadavg()[0]
    return [
        (f"schema step 13: {step['n']:.0f} assessments scored and stored", step["s"], "s"),
        ("  its peak RSS", step["rss"], "MB"),
        ("  the same process before the step", step["before"], "MB"),
        ("  baseline: one bulk pass over every assessment, kept in memory", bulk["s"], "s"),
        ("  baseline: its peak RSS", bulk["rss"], "MB"),
        ("  load average (1 min) after the run", load, ""),
    ]


if __name__ == "__main__":
    for fig, val, unit in run():
        print(f"{fig:66} {val:12.2f} {unit}")
