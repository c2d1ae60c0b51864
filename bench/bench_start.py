"""Start-up, measured to the moment a person can work (issue 11 items 1 and 4).

Definitions (docs/performance.md, "Start-up: definitions"), each start a fresh process:

- **first paint**: the shell window (title, style, tab bar) has been painted —
  ``app.STARTUP_MARKS["shell_painted"]``. Baseline: a bare ``QMainWindow`` shown and
  painted in the same run.
- **window shown**: ``app.main(exec_=False)`` returned with the main window shown.
- **fully usable**: the main window is shown, the default place's list (Assessments)
  holds its rows and its viewport has painted them, and a key press posted to the list
  has been handled (the event loop is free to take input). Baseline: a bare
  ``QMainWindow`` holding a ``QTableView`` over a ``QStandardItemModel`` with the same
  number of rows and columns, shown, painted and taking the same key press.
- **stall after usable**: the longest gap between 1 ms timer ticks in the second after
  "fully usable" (idle-time work such as score warming must not freeze the window).

Starts are interleaved (app, bare, app, bare, …) so a load change hits both sides.
Peak memory is each child's own ``VmHWM``. The demo workspace is made by ``secity init
--demo``; with ``$SECITY_NATIONAL_DIR`` set, the national workspace's start is measured
too (use your own copy: opening it may upgrade it in place).
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: 11 starts of each kind: the first-paint ratio of a median of 5 swung 1.07–1.95× between runs
#: of the same tree on this machine (docs/performance.md); 11 interleaved rounds, with the
#: per-round ratios' median and range beside the ratio of medians, settle it.
STARTS = int(os.environ.get("SECITY_BENCH_STARTS", "11"))
ONLY_WHEN_NAMED = True  # `python bench/run.py start`; the demo half also runs in `foundation`

Row = tuple[str, float, str]

_PRELUDE = """
import sys, time
T0 = float(sys.argv[1])
if sys.version_info < (3, 12):  # PySide6 6.12 leaks None's references (gui/none_guard.py)
    import ctypes
    ctypes.c_ssize_t.from_address(id(None)).value += 10_000_000
def peak_kib():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    import resource
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

def usable_at(app, view):
    # Painted with its rows and a key press handled: the moment a person can work.
    from PySide6 import QtCore, QtGui
    seen = {}
    class Watch(QtCore.QObject):
        def eventFilter(self, obj, ev):
            kind = ev.type()
            if kind == QtCore.QEvent.Type.Paint and obj is view.viewport() \\
                    and view.model().rowCount() > 0:
                seen.setdefault("paint", (time.time(), time.process_time()))
            elif kind == QtCore.QEvent.Type.KeyPress and obj is view:
                seen.setdefault("key", (time.time(), time.process_time()))
            return False
    watch = Watch()
    view.viewport().installEventFilter(watch)
    view.installEventFilter(watch)
    key = QtGui.QKeyEvent(QtCore.QEvent.Type.KeyPress, QtCore.Qt.Key.Key_Down,
                          QtCore.Qt.KeyboardModifier.NoModifier)
    QtCore.QCoreApplication.postEvent(view, key)
    deadline = time.time() + 120
    while len(seen) < 2 and time.time() < deadline:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if len(seen) < 2:
        raise SystemExit(f"never usable: {sorted(seen)}")
    usable, usable_cpu = max(seen.values())
    # then: how long does idle-time work hold the loop in the next second?
    ticks = [time.time()]
    timer = QtCore.QTimer(); timer.setInterval(1); timer.timeout.connect(lambda: ticks.append(time.time()))
    timer.start()
    while time.time() - ticks[0] < 1.0:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    timer.stop()
    stall = max(b - a for a, b in zip(ticks, ticks[1:])) if len(ticks) > 1 else 1.0
    return usable, usable_cpu, stall

def report(**figures):
    import json
    figures["peak_kib"] = peak_kib()
    print(json.dumps(figures))
"""

_BARE_PAINT = _PRELUDE + """
from PySide6 import QtWidgets
app = QtWidgets.QApplication([])
w = QtWidgets.QMainWindow(); w.resize(1280, 760); w.show(); app.processEvents()
now = time.time() - T0
report(shell=now, shell_cpu=time.process_time())
"""

_BARE_TABLE = _PRELUDE + """
from PySide6 import QtGui, QtWidgets
app = QtWidgets.QApplication([])
rows, cols = int(sys.argv[2]), int(sys.argv[3])
model = QtGui.QStandardItemModel(rows, cols)
for r in range(min(rows, 100)):  # the app's list reads rows a page (100) at a time
    for c in range(cols):
        model.setItem(r, c, QtGui.QStandardItem(f"เทศบาลตำบล {r}.{c}"))
w = QtWidgets.QMainWindow(); view = QtWidgets.QTableView(w); view.setModel(model)
w.setCentralWidget(view); w.resize(1280, 760); w.show()
shown = time.time()
usable, usable_cpu, stall = usable_at(app, view)
report(shown=shown - T0, usable=usable - T0, usable_cpu=usable_cpu, stall=stall)
"""

_APP = _PRELUDE + """
from secity_desktop import app as entry
w = entry.main(["--data-dir", sys.argv[2]], exec_=False)  # what `secity-desktop` runs, in its order
from secity_desktop.gui.qt import QtWidgets
app = QtWidgets.QApplication.instance()
shown = time.time()
view = w.assessment_table.view
usable, usable_cpu, stall = usable_at(app, view)
marks = entry.STARTUP_MARKS
report(shell=marks.get("shell_painted", shown) - T0, shell_cpu=marks.get("shell_painted_cpu", 0.0),
       shown=shown - T0, usable=usable - T0, usable_cpu=usable_cpu, stall=stall,
       rows=view.model().rowCount(), cols=view.model().columnCount(),
       phases={k: v - T0 for k, v in marks.items() if not k.endswith("_cpu")})
"""


def _start(code: str, *args: str, home: str) -> dict[str, Any]:
    """The figures one fresh process reports (seconds from the moment it was started)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": home, "XDG_CACHE_HOME": home}
    out = subprocess.run(
        [sys.executable, "-c", code, repr(time.time()), *args],
        capture_output=True, text=True, env=env, check=False, timeout=600,
    )
    if out.returncode != 0:
        raise RuntimeError(f"start failed: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def demo_workspace(tmp: str) -> str:
    ddir = str(Path(tmp) / "ws")
    subprocess.run(
        [sys.executable, "-m", "secity_desktop.cli.main", "--data-dir", ddir, "init", "--demo"],
        check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return ddir


def measure(ddir: str, label: str, starts: int = STARTS) -> list[Row]:
    """Interleaved app/bare starts on ``ddir``: rows of figures, each beside its baseline."""
    with tempfile.TemporaryDirectory() as home:  # the same fresh settings for every child
        warm = _start(_APP, ddir, home=home)  # warms the OS file cache (and tells the row count)
        rows, cols = str(warm["rows"]), str(warm["cols"])
        _start(_BARE_TABLE, rows, cols, home=home)
        app, paint, table = [], [], []
        for _ in range(starts):
            app.append(_start(_APP, ddir, home=home))
            paint.append(_start(_BARE_PAINT, home=home))
            table.append(_start(_BARE_TABLE, rows, cols, home=home))

    def med(runs: list[dict[str, Any]], key: str) -> float:
        return statistics.median(float(r[key]) for r in runs)

    def per_round(a: list[dict[str, Any]], b: list[dict[str, Any]], key: str) -> list[float]:
        return sorted(float(x[key]) / float(y[key]) for x, y in zip(a, b, strict=True))

    shell, usable = med(app, "shell"), med(app, "usable")
    paint_rounds, usable_rounds = per_round(app, paint, "shell"), per_round(app, table, "usable")
    bare_paint, bare_usable = med(paint, "shell"), med(table, "usable")
    shell_cpu, usable_cpu = med(app, "shell_cpu"), med(app, "usable_cpu")
    bare_paint_cpu, bare_usable_cpu = med(paint, "shell_cpu"), med(table, "usable_cpu")
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    out: list[Row] = [
        (f"{label}: first paint (shell window), median of {starts}", shell * 1e3, "ms"),
        ("  baseline: bare QMainWindow painted, same run", bare_paint * 1e3, "ms"),
        ("  ratio (target ≤ 1.5)", shell / bare_paint, "×"),
        ("  ratio of each round (app ÷ the bare start beside it), median",
         statistics.median(paint_rounds), "×"),
        ("    lowest round", paint_rounds[0], "×"),
        ("    highest round", paint_rounds[-1], "×"),
        ("  CPU time to first paint (less hit by load)", shell_cpu * 1e3, "ms"),
        ("  baseline: CPU time, bare QMainWindow", bare_paint_cpu * 1e3, "ms"),
        ("  CPU ratio", shell_cpu / bare_paint_cpu, "×"),
        (f"{label}: main window shown, median", med(app, "shown") * 1e3, "ms"),
        (f"{label}: fully usable (list painted, key handled), median", usable * 1e3, "ms"),
        (f"  baseline: bare QMainWindow + QTableView, {rows} rows, same run", bare_usable * 1e3,
         "ms"),
        ("  ratio", usable / bare_usable, "×"),
        ("  ratio of each round, median", statistics.median(usable_rounds), "×"),
        ("    lowest round", usable_rounds[0], "×"),
        ("    highest round", usable_rounds[-1], "×"),
        ("  CPU time to fully usable", usable_cpu * 1e3, "ms"),
        ("  baseline: CPU time, bare window + table", bare_usable_cpu * 1e3, "ms"),
        ("  CPU ratio", usable_cpu / bare_usable_cpu, "×"),
    ]
    for phase in app[0]["phases"]:
        out.append((f"  phase reached: {phase}, median", med([r["phases"] for r in app], phase)
                    * 1e3, "ms"))
    out += [
        ("  longest event-loop stall in the second after usable", med(app, "stall") * 1e3, "ms"),
        ("  baseline: the same stall, bare table", med(table, "stall") * 1e3, "ms"),
        (f"{label}: peak memory at usable (own VmHWM)", max(r["peak_kib"] for r in app) / 1024,
         "MiB"),
        ("  baseline: bare table window", max(r["peak_kib"] for r in table) / 1024, "MiB"),
        ("  load average (1, 5, 15 min) at the end", float(load[0]) if load else -1.0,
         "/".join(load[1:]) or "?"),
    ]
    return out


def run_demo() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        return measure(demo_workspace(tmp), "demo")


def run() -> list[Row]:
    rows = run_demo()
    national = os.environ.get("SECITY_NATIONAL_DIR")
    if national:
        rows += measure(national, "national", starts=min(STARTS, 3))
    return rows
