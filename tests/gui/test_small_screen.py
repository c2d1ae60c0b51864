"""Every place and dialog fits 1024×600 — the common government laptop — and 200 % scaling.

For each role (assessor, province, region, national, municipality) the main window opens at
its default size, visits every place (and every tab inside one), opens the editor
and its dialogs, every menu action's dialog and the review dialogs, and asserts
that each top-level window fits the screen's available area and every visible
button and input shows whole (or sits in a scroll area). The walk runs in a child
process on a real offscreen screen — 1024×600, and 2048×1200 at QT_SCALE_FACTOR=2 —
because windows size themselves from the screen they are on, and the test
process's own offscreen screen is 800×800.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui.qt import QtCore, QtWidgets
from tests.gui.small_screen import problems

ROOT = Path(__file__).resolve().parents[2]
SCREEN = QtCore.QRect(0, 0, 1024, 600)


def test_the_check_sees_a_dialog_too_wide_and_a_button_cut_off(qtbot: QtBot) -> None:
    """The check itself can fail: a 1,300 px dialog and a button pushed outside its window."""
    wide = QtWidgets.QDialog()
    qtbot.addWidget(wide)
    wide.setMinimumWidth(1300)
    wide.show()
    assert any("is 1304×" in p or "is 1300×" in p for p in problems(wide, SCREEN))
    small = QtWidgets.QWidget()
    qtbot.addWidget(small)
    small.resize(300, 200)
    button = QtWidgets.QPushButton("ตกลง", small)
    button.move(280, 10)
    small.show()
    found = problems(small, SCREEN)
    assert len(found) == 1 and "cut off" in found[0]


CONFIGS = {
    "1024x600": ({"width": 1024, "height": 600}, {}),
    "200%": ({"width": 2048, "height": 1200}, {"QT_SCALE_FACTOR": "2"}),
}


@pytest.mark.parametrize("config", CONFIGS)
def test_every_place_and_dialog_fits_a_small_screen(tmp_path: Path, config: str) -> None:
    """A child process with a real offscreen screen: the default window size must fit it."""
    geometry, extra = CONFIGS[config]
    cfg = tmp_path / "screen.json"
    screen = {"name": "small", "x": 0, "y": 0, "logicalDpi": 96, "logicalBase": 96, "dpr": 1}
    cfg.write_text(__import__("json").dumps({"screens": [screen | geometry]}))
    env = os.environ | extra | {"QT_QPA_PLATFORM": f"offscreen:configfile={cfg}"}
    env.pop("QT_SCALE_FACTOR", None) if not extra else None
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from tests.gui.small_screen import main; sys.exit(main())"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert "screen 1024×600" in run.stdout, run.stdout + run.stderr
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    assert "assessor: walked" in run.stdout and "national: walked" in run.stdout
    assert "municipality: walked" in run.stdout
