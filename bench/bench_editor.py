"""Editor speed: opening a 34-indicator assessment, and answering one indicator.

Targets (issue #3): open ≤ 150 ms; a level change including the durable commit
(SQLite, synchronous=FULL) and the score update ≤ 30 ms at p99.
Run alone: ``python bench/bench_editor.py``; ``bench/run.py`` calls ``run()``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run() -> list[tuple[str, float, str]]:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.editor.editor import AssessmentEditor
    from secity_desktop.gui.fonts import load_fonts
    from secity_desktop.gui.qt import QtWidgets
    from secity_desktop.services.assessments import AssessmentService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    load_fonts(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        ws = open_workspace(Path(tmp) / "ws")
        init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="bench")
        svc = AssessmentService(ws)
        a = svc.new("5001", 2569)
        fw = ws.frameworks.current()
        for n, ind in enumerate(fw.indicators):  # a half-filled assessment with notes
            if n % 2 == 0:
                svc.set_response(
                    a.id, ind.code, ind.levels[n % len(ind.levels)].value, "บันทึก " * 20
                )
        cfg.Settings()  # create the settings file outside the timing

        opens: list[float] = []
        for _ in range(15):
            t0 = time.perf_counter()
            editor = AssessmentEditor(svc, a.id, "th")
            editor.resize(1366, 700)
            editor.show()
            app.processEvents()
            opens.append((time.perf_counter() - t0) * 1000)
            editor.close()
            editor.deleteLater()
            app.processEvents()

        editor = AssessmentEditor(svc, a.id, "th")
        editor.resize(1366, 700)
        editor.show()
        app.processEvents()
        changes: list[float] = []
        commits: list[float] = []
        codes = [i.code for i in fw.indicators]
        for n in range(300):
            editor.open_indicator(codes[n % len(codes)])
            app.processEvents()  # the page switch is not part of the measured change
            level = (n // len(codes)) % 5
            t0 = time.perf_counter()
            editor.choose_level(level)
            t1 = time.perf_counter()
            app.processEvents()  # repaint of the page, navigator and score panel
            changes.append((time.perf_counter() - t0) * 1000)
            commits.append((t1 - t0) * 1000)
        editor.close()
        ws.close()
    return [
        ("editor_open_34_indicators_median", statistics.median(opens), "ms"),
        ("editor_open_34_indicators_max", max(opens), "ms"),
        ("editor_level_change_median", statistics.median(changes), "ms"),
        ("editor_level_change_p99", _p(changes, 0.99), "ms"),
        ("editor_level_commit_and_score_median", statistics.median(commits), "ms"),
        ("editor_level_commit_and_score_p99", _p(commits, 0.99), "ms"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:40s} {value:8.2f} {unit}")
