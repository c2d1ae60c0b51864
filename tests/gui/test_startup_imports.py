"""The start-up path loads what the first window needs and nothing heavier (issue 11 item 4).

A fresh Python process starts the app the way ``secity-desktop`` does, on a demo
workspace, and reports which modules were loaded when the shell window was painted
and when the main window stood ready with its list. A module that costs tens to
hundreds of milliseconds to import and that the first window does not use must not be
among them: that is how a start-up regression is caught before anyone times it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secity_desktop.core.lifecycle import Role
from secity_desktop.services import demo
from secity_desktop.services.workspace import init_workspace, open_workspace

ROOT = Path(__file__).resolve().parents[2]

# PDF, QR codes, images, shaping, Thai word breaking, spreadsheets, keys and encryption:
# each is imported where it is used, never to show the first window.
NEVER_AT_START = ("pydantic", "sqlite_utils", "reportlab", "segno", "PIL", "uharfbuzz", "pythainlp", "openpyxl",
                  "cryptography", "pyrage")
# The app's own modules the first window does not need (branch start2): the assessment use
# cases (status moves, the audit chain, revisions, evidence: built on first use), the review
# office's lists (services/review_lists.py), the daily backup's rules and the operation
# runner (when a backup runs), the log file's handler module (socket, pickle, queue: the
# log file is opened a moment after the window shows).
NOT_FOR_THE_FIRST_WINDOW = ("secity_desktop.services.assessments", "secity_desktop.services.status",
                            "secity_desktop.store.audit", "secity_desktop.store.revisions",
                            "secity_desktop.services.backup_auto", "secity_desktop.gui.operations",
                            "secity_desktop.services.review_lists", "secity_desktop.store.review",
                            "logging.handlers")
# ... and the shell window is painted before the store and the framework load.
NOT_BEFORE_FIRST_PAINT = (*NEVER_AT_START,
                          "secity_desktop.store", "secity_desktop.services.workspace")

# Qt classes whose enums PySide6 builds (hundreds of members, ≈ 15 ms together) the first
# time Python touches the class: a style, an icon. The first window needs neither.
QT_ENUMS = ("QStyle.", "QIcon.")

_CHILD = r"""
import json, sys
QT_ENUMS = tuple(sys.argv[2].split(","))
from secity_desktop.gui import shell
seen = {}
paint = shell.paint_shell
def painted(*args):
    window = paint(*args)
    seen["shell"] = sorted(sys.modules)
    return window
shell.paint_shell = painted
from secity_desktop import app
window = app.main(["--data-dir", sys.argv[1]], exec_=False)
from secity_desktop.gui.qt import QtWidgets
QtWidgets.QApplication.processEvents()
seen["usable"] = sorted(sys.modules)
seen["rows"] = window.assessment_model.rowCount()
from secity_desktop.gui import qt
seen["quick_feature_check"] = qt._quick_feature_check()
for _ in range(20):  # the list's cells drawn (and elided) by the event loop, as a person sees them
    QtWidgets.QApplication.processEvents()
seen["margins"] = window.assessment_table.view.itemDelegate()._margins
import enum, gc
seen["qt_enums"] = sorted({o.__qualname__ for o in gc.get_objects()
                           if isinstance(o, enum.EnumType) and o.__qualname__.startswith(QT_ENUMS)})
seen["visible"] = window.isVisible()
from secity_desktop.gui.qt import QtCore, QtGui
seen["faces_first"] = QtGui.QFontDatabase.styles("Sarabun")
loop = QtCore.QEventLoop()
QtCore.QTimer.singleShot(1500, loop.quit)  # the other faces come a second after the window
loop.exec()
seen["faces_later"] = QtGui.QFontDatabase.styles("Sarabun")
print(json.dumps(seen))
"""


def _loaded(modules: list[str], roots: tuple[str, ...]) -> list[str]:
    return sorted({m for m in modules for r in roots if m == r or m.startswith(r + ".")})


@pytest.mark.parametrize("without_hashlib_openssl", [False, True], ids=["source", "frozen-hashlib"])
def test_first_paint_and_first_window_leave_heavy_modules_unloaded(
    tmp_path: Path, without_hashlib_openssl: bool
) -> None:
    """… also as in the frozen app, which has no ``_hashlib``: its SHA-256 of the form file and
    the framework goes to CPython's own, not to cryptography (secity_desktop/digests.py)."""
    ws = open_workspace(tmp_path / "demo")
    init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="tester")
    demo.seed(ws)
    ws.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "SECITY_SMOKE_TEST": ""}
    child = ("import sys; sys.modules['_hashlib'] = None\n" if without_hashlib_openssl else "") + _CHILD
    out = subprocess.run([sys.executable, "-c", child, str(tmp_path / "demo"), ",".join(QT_ENUMS)],
                         capture_output=True, text=True, env=env, timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["visible"] and seen["rows"] > 0  # it really got to the first window
    assert _loaded(seen["shell"], NOT_BEFORE_FIRST_PAINT) == []
    assert _loaded(seen["usable"], NEVER_AT_START) == []
    assert _loaded(seen["usable"], NOT_FOR_THE_FIRST_WINDOW) == []
    assert seen["quick_feature_check"]  # PySide6's per-import source read is replaced
    assert seen["margins"] is not None  # the list's cells were drawn ...
    assert seen["qt_enums"] == []  # ... and elided without asking the style (gui/thai_wrap.py)
    # the check itself sees what it looks for: by then the store had been opened
    assert "sqlite_utils" in seen["usable"] or "secity_desktop.store" in seen["usable"]
    # the first window is drawn with Regular, Bold and SemiBold; Light and italics follow
    assert {"Regular", "Bold", "SemiBold"} <= set(seen["faces_first"])
    assert "Light" not in seen["faces_first"]
    assert {"Light", "Italic"} <= set(seen["faces_later"])
