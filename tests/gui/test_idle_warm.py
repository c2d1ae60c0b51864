"""The places' modules load in the window's idle time, after it is usable (branch places2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui import idle_warm
from secity_desktop.services import demo
from secity_desktop.services.workspace import init_workspace, open_workspace

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, sys
from secity_desktop import app
from secity_desktop.gui.qt import QtCore, QtWidgets
window = app.main(["--data-dir", sys.argv[1]], exec_=False)
QtWidgets.QApplication.processEvents()
seen = {"usable": sorted(sys.modules), "keys": window.places.place_keys()}
done = []
window.place_warmer.destroyed.connect(lambda: done.append(1))
loop = QtCore.QEventLoop()
timer = QtCore.QTimer(); timer.timeout.connect(lambda: done and loop.quit()); timer.start(50)
QtCore.QTimer.singleShot(60000, loop.quit)
loop.exec()
seen["warmed"] = sorted(sys.modules)
seen["done"] = bool(done)
seen["built"] = [k for k in seen["keys"] if window.places.is_built(k)]
print(json.dumps(seen))
"""


def test_place_steps_import_shared_modules_first_and_skip_built_places() -> None:
    built = {"framework"}
    steps = list(idle_warm.place_steps(["assessments", "framework", "sync"], built.__contains__))
    assert steps[: len(idle_warm.SHARED_FIRST)] == list(idle_warm.SHARED_FIRST)
    assert "thai" in steps and steps[-1] == idle_warm.PLACE_MODULES["sync"]
    assert idle_warm.PLACE_MODULES["framework"] not in steps  # built already: nothing to warm
    assert list(idle_warm.place_steps(["assessments", "framework"], built.__contains__)) == []


def test_window_warms_every_place_module_after_it_is_usable(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "demo")
    init_workspace(ws, role=Role.PROVINCE, province_code="10", user_name="tester")
    demo.seed(ws)
    ws.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "SECITY_SMOKE_TEST": ""}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path / "demo")],
                         capture_output=True, text=True, env=env, timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    wanted = [idle_warm.PLACE_MODULES[k] for k in seen["keys"] if k in idle_warm.PLACE_MODULES]
    assert "secity_desktop.gui.review_place" in wanted  # an office: its places are warmed too
    assert not set(wanted) & set(seen["usable"])  # nothing of it before the window is usable
    assert "pythainlp" not in seen["usable"]
    assert seen["done"]
    assert set(wanted) <= set(seen["warmed"])
    assert {"pythainlp", "pydantic", "sqlite_utils"} <= set(seen["warmed"])
    assert seen["built"] == ["assessments"]  # imported, never built unseen


def test_a_module_left_out_of_a_build_does_not_stop_the_warming(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(idle_warm, "SHARED_FIRST", ("secity_desktop.not_in_this_build",
                                                    *idle_warm.SHARED_FIRST))
    steps = list(idle_warm.place_steps(["assessments", "reports"], lambda _k: False))
    assert steps[0] == "secity_desktop.not_in_this_build"
    assert steps[-1] == idle_warm.PLACE_MODULES["reports"]
