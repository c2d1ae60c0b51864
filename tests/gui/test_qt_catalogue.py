"""Qt's own buttons and dialogs speak Thai: Qt ships no Thai catalogue, so the app brings one."""

from __future__ import annotations

import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop import paths
from secity_desktop.gui.i18n import Translations
from secity_desktop.gui.qt import QtCore, QtWidgets
from tests.gui.qm_reader import messages

sys.path.insert(0, str(paths.project_root() / "scripts"))
from qt_catalogue import THAI, ts_text


def test_every_entry_uses_qt_s_own_source_text() -> None:
    qt_dir = Path(QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath))
    known = messages(qt_dir / "qtbase_de.qm")
    wrong = [(c, s) for c, table in THAI.items() for s in table if (c, s) not in known]
    assert wrong == []


def test_the_ts_file_is_up_to_date() -> None:
    assert (paths.i18n_dir() / "qt_th.ts").read_text(encoding="utf-8") == ts_text()


def test_standard_buttons_and_menus_are_thai(qtbot: QtBot) -> None:
    app = QtWidgets.QApplication.instance()
    tr = Translations(app)  # type: ignore[arg-type]
    try:
        assert tr.install("th")
        box = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(box)
        texts = {b.text() for b in box.buttons()}
        assert texts == {"ตกลง", "ยกเลิก"}
        yes = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, "t", "q",
                                    QtWidgets.QMessageBox.StandardButton.Yes
                                    | QtWidgets.QMessageBox.StandardButton.No)
        qtbot.addWidget(yes)
        assert {b.text().replace("&", "") for b in yes.buttons()} == {"ใช่ (Y)", "ไม่ใช่ (N)"}
        edit = QtWidgets.QLineEdit()
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        assert "คัดลอก (&C)" in [a.text().split("\t")[0] for a in menu.actions()]
        dialog = QtWidgets.QFileDialog(None, "t")
        dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = {w.text() for w in dialog.findChildren(QtWidgets.QLabel)}
        assert "ชื่อแฟ้ม (&N):" in labels
    finally:
        tr.install("en")
