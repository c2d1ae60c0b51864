"""A person typing in the editor, for the crash test: run as a subprocess, killed mid-typing.

Usage: python tests/gui/typist.py DATA_DIR ASSESSMENT_ID SETTINGS_FILE
Prints ``ready`` once a level is committed, then ``saved N`` each time the
editor reports a commit (N = committed note length), while it types TEXT
one character every few milliseconds until killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = ("ตรวจบ่อฝังกลบแล้ว พบน้ำชะขยะ 3 จุด; landfill cell B leaking. " * 40)[:2000]


def main() -> None:
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
    from secity_desktop.services.workspace import open_workspace

    data_dir, aid, settings_file = sys.argv[1], sys.argv[2], sys.argv[3]
    app = QtWidgets.QApplication(sys.argv[:1])
    ws = open_workspace(Path(data_dir))
    window = MainWindow(ws, "th", cfg.Settings(Path(settings_file)))
    window.show()
    editor = window.open_assessment(aid)
    editor.open_indicator("1.1")
    editor.choose_level(3)
    editor.saved.connect(lambda _m: print("saved", len(editor.notes.get("1.1", "")), flush=True))
    print("ready", flush=True)
    editor.page.note.setFocus()
    pos = [0]

    def type_one() -> None:
        if pos[0] >= len(TEXT):
            return
        ch = TEXT[pos[0]]
        pos[0] += 1
        for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
            QtWidgets.QApplication.sendEvent(
                editor.page.note, QtGui.QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            )

    timer = QtCore.QTimer()
    timer.setInterval(15)
    timer.timeout.connect(type_one)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
