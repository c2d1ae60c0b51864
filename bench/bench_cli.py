"""The command line at work (issue 11): one `secity assessment set` against a bare Python, and
the batch form `assessment set --stdin`.

Each figure sits beside its baseline from the same run, measured pairwise (the two commands
alternate, so a busy machine slows both): a bare ``python -c pass``; and for the batch, the
same number of edits as separate ``secity assessment set`` processes (extrapolated from a
few) — the shell loop the batch replaces, and bare sqlite3 doing the same upserts with one
durable commit per line and with one commit per group of lines (group commit, what the batch
does). Targets: one set ≤ 5× bare Python; batch ≥ 1,000 lines/s.

A second pair of rows (branch cli2) runs the same edit as a normal install runs it: the
project's folder on ``sys.path`` through ``PYTHONPATH`` in a fresh virtual environment with
nothing installed, so no editable-install finder is imported at start-up, started through a
``secity`` script like the one pip writes for ``[project.scripts]`` (what a person types; no
``runpy``, which ``python -m`` adds) — beside a bare ``python -c pass`` of that same
environment. The editable finder (a ``.pth`` file of the development venv) loads pathlib, re,
urllib.parse… in *every* process, the bare baseline included, so the first ratio understates
what a normal install sees; both are printed.

Beside that pair, the **standard-library floor** of the same edit (2026-11-28): a program run by
that same bare environment that imports exactly the standard modules the edit loads (listed by
running the edit once through the launcher in that environment and diffing ``sys.modules``) and
makes one durable upsert (WAL, ``synchronous=FULL``), with no project code. What the edit costs
above it is the project's own share; what the floor costs above the bare interpreter is the price
of the standard library the edit stands on (argparse, sqlite3, logging, dataclasses, pathlib…).
A second, **minimal floor** imports only argparse, json and sqlite3 — what any command that
parses its arguments and upserts a row needs — to show what the target leaves for everything else.

Children run with bytecode caching allowed (``PYTHONDONTWRITEBYTECODE`` dropped) and one
warm-up call, as an installed or frozen app runs from compiled modules: compiling the
project's sources on every call would be measured otherwise.
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

ROOT = Path(__file__).resolve().parent.parent
PAIRS = int(os.environ.get("SECITY_BENCH_CLI_PAIRS", "7"))
LINES = int(os.environ.get("SECITY_BENCH_CLI_LINES", "5000"))
Row = tuple[str, float, str]


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(argv: list[str], stdin: str | None = None) -> float:
    env = _env()
    t = time.perf_counter()
    subprocess.run(argv, input=stdin, capture_output=True, text=True, check=True, env=env,
                   cwd=ROOT)  # `-m` puts the cwd first on sys.path: run this clone's code
    return time.perf_counter() - t


def _bare_commits(folder: Path, n: int, group: int = 1) -> float:
    """Lines/s of bare sqlite3: committed upserts, WAL + synchronous=FULL (the store's
    durability), so a slow disk shows in both figures; ``group`` lines per commit, each in
    its own savepoint (as the batch's group commit)."""
    import sqlite3

    db = sqlite3.connect(folder / f"bare{group}.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE r (a TEXT, c TEXT, level INTEGER, PRIMARY KEY (a, c)) WITHOUT ROWID")
    t = time.perf_counter()
    for i in range(n):
        if i % group == 0:
            db.execute("BEGIN")
        if group > 1:
            db.execute("SAVEPOINT line")
        db.execute("INSERT INTO r VALUES ('x', ?, ?) ON CONFLICT DO UPDATE SET level ="
                   " excluded.level", [str(i % 34), i])
        if group > 1:
            db.execute("RELEASE line")
        if i % group == group - 1 or i == n - 1:
            db.execute("COMMIT")
    elapsed = time.perf_counter() - t
    db.close()
    return n / elapsed


def _plain_python(folder: Path) -> str:
    """A fresh virtual environment of the same Python with nothing installed in it."""
    import venv

    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(folder)
    return str(folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))


#: What pip writes as the ``secity`` command of an installed ``[project.scripts]`` entry.
_LAUNCHER = """# -*- coding: utf-8 -*-
import re
import sys
from secity_desktop.cli.main import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
"""


#: Run by the bare environment with the edit's argv: runs the launcher in-process, then writes the
#: standard modules it loaded (those a bare start had not) to the JSON file named first.
_LIST_STDLIB = """import sys
before = set(sys.modules)
import json
out, launcher, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.argv = [launcher, *argv]
try:
    exec(compile(open(launcher, encoding="utf-8").read(), launcher, "exec"), {"__name__": "__main__"})
except SystemExit:
    pass
names = sorted(n for n in set(sys.modules) - before if n.split(".")[0] in sys.stdlib_module_names)
with open(out, "w", encoding="utf-8") as f:
    json.dump(names, f)
"""

#: The floor: those standard modules, then one durable upsert, no project code.
_FLOOR = """import importlib, json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    for name in json.load(f):
        importlib.import_module(name)
import sqlite3
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = FULL")
db.execute("CREATE TABLE IF NOT EXISTS r (a TEXT, c TEXT, level INTEGER, PRIMARY KEY (a, c))"
           " WITHOUT ROWID")
db.execute("BEGIN")
db.execute("INSERT INTO r VALUES ('x', '1.1', 1) ON CONFLICT DO UPDATE SET level = level % 2 + 1")
db.execute("COMMIT")
"""


def _stdlib_floor(plain: str, launcher: Path, argv: list[str],
                  folder: Path) -> tuple[list[str], list[str], int]:
    """The floor program's argv in the bare environment, the minimal floor's, and how many
    standard modules the floor loads (both started with ``-c``, as the bare baseline is)."""
    names, minimal = folder / "stdlib-modules.json", folder / "minimal-modules.json"
    minimal.write_text(json.dumps(["argparse", "json", "sqlite3"]), encoding="utf-8")
    _run([plain, "-c", _LIST_STDLIB, str(names), str(launcher), *argv])
    count = len(json.loads(names.read_text(encoding="utf-8")))
    return ([plain, "-c", _FLOOR, str(names), str(folder / "floor.sqlite3")],
            [plain, "-c", _FLOOR, str(minimal), str(folder / "minimal.sqlite3")], count)


def run() -> list[Row]:
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        plain = _plain_python(Path(tmp) / "plain-venv")
        data = str(Path(tmp) / "ws")
        cli = [py, "-m", "secity_desktop.cli.main", "--data-dir", data]
        _run([*cli, "init", "--name", "bench"])
        out = subprocess.run([*cli, "--json", "assessment", "new", "--municipality", "5001",
                              "--year", "2569"], capture_output=True, text=True, check=True,
                             env=_env(), cwd=ROOT)
        aid = json.loads(out.stdout)["id"]
        _run([*cli, "assessment", "set", aid, "1.1", "1"])  # warm-up: compiled modules cached
        launcher = Path(tmp) / "secity"
        launcher.write_text(_LAUNCHER, encoding="utf-8")
        plain_cli = [plain, str(launcher), *cli[3:]]
        _run([*plain_cli, "assessment", "set", aid, "1.1", "1"])
        floor_cli, minimal_cli, modules = _stdlib_floor(plain, launcher,
                                           [*cli[3:], "assessment", "set", aid, "1.1", "2"],
                                           Path(tmp))
        _run(floor_cli)
        _run(minimal_cli)
        bare, one, full, plain_bare, plain_one, floor, minimal = [], [], [], [], [], [], []
        everything = ("from secity_desktop.cli.main import build_parser; build_parser();"
                      " import secity_desktop.services.workspace")
        for i in range(PAIRS):
            bare.append(_run([py, "-c", "pass"]))
            one.append(_run([*cli, "assessment", "set", aid, "1.1", str(1 + i % 2)]))
            full.append(_run([py, "-c", everything]))
            plain_bare.append(_run([plain, "-c", "pass"]))
            plain_one.append(_run([*plain_cli, "assessment", "set", aid, "1.1", str(1 + i % 2)]))
            floor.append(_run(floor_cli))
            minimal.append(_run(minimal_cli))
        codes = ["1.1", "1.2", "1.3", "2.1", "2.2"]
        lines = "".join(
            json.dumps({"id": aid, "indicator": codes[n % 5], "level": 1 + (n // 5) % 2}) + "\n"
            for n in range(LINES)
        )
        batch = _run([*cli, "assessment", "set", "--stdin"], stdin=lines)
        bare_commits = _bare_commits(Path(tmp), min(LINES, 2000))
        bare_grouped = _bare_commits(Path(tmp), LINES, group=50)
        batch2 = _run([*cli, "assessment", "set", "--stdin"], stdin=lines)
    b, o = statistics.median(bare), statistics.median(one)
    pb, po = statistics.median(plain_bare), statistics.median(plain_one)
    fl, mi = statistics.median(floor), statistics.median(minimal)
    return [
        ("secity assessment set, one edit, median (target ≤ 5× bare)", o * 1e3, "ms"),
        ("  baseline: bare `python -c pass`, median, pairwise", b * 1e3, "ms"),
        ("  ratio", o / b, "×"),
        ("the same edit as a normal install runs it (its `secity` script, no editable finder),"
         " median", po * 1e3, "ms"),
        ("  baseline: bare `python -c pass` of that environment, pairwise", pb * 1e3, "ms"),
        ("  ratio", po / pb, "×"),
        (f"  floor: its {modules} standard modules and one durable upsert, no project code,"
         " median", fl * 1e3, "ms"),
        ("  floor ÷ that bare `python -c pass`", fl / pb, "×"),
        ("  the edit ÷ the floor (the project's own share)", po / fl, "×"),
        ("  minimal floor: only argparse, json and sqlite3, one durable upsert, median",
         mi * 1e3, "ms"),
        ("  minimal floor ÷ that bare `python -c pass`", mi / pb, "×"),
        ("  before: importing every command module (the old parser), no edit",
         statistics.median(full) * 1e3, "ms"),
        (f"assessment set --stdin, {LINES} lines, whole process (target ≥ 1,000/s)",
         LINES / batch, "lines/s"),
        ("  the same, second run", LINES / batch2, "lines/s"),
        ("  baseline: bare sqlite3, one committed upsert per line", bare_commits, "lines/s"),
        ("  baseline: bare sqlite3, 50 upserts per commit, a savepoint each", bare_grouped,
         "lines/s"),
        ("  baseline: the same edits as one process each (shell loop)", 1 / o, "lines/s"),
    ]


if __name__ == "__main__":
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")
    for fig, val, unit in run():
        print(f"{fig:66} {val:12.2f} {unit}")
