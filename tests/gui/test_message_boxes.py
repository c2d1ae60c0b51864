"""Every message box goes through ``gui/common``: Thai broken at words, Thai buttons.

Qt's static ``QMessageBox.warning(...)`` and friends show the text as given: no break hints
(a long Thai line does not wrap at words where Qt has no libthai, as on Windows) and, where
Qt has libthai, its dictionary may split a word inside the box. The helpers break the lines
at our word boundaries themselves so that Qt finds nothing left to break.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop import paths
from secity_desktop.core.thai_linebreak import ZWSP, break_opportunities
from secity_desktop.gui import common
from secity_desktop.gui.fonts import load_fonts
from secity_desktop.gui.i18n import Translations
from secity_desktop.gui.qt import QtGui, QtWidgets

#: Qt's static message-box functions: each shows its text without our break hints.
STATIC = {"warning", "information", "question", "critical", "about"}
LONG = ("ยังไม่มีกุญแจลงนามของสำนักงานนี้ ให้สร้างกุญแจที่หน้ารับส่งข้อมูล กุญแจลงนามของสำนักงาน "
        "แล้วมอบกุญแจสาธารณะให้ผู้ประเมินของท่าน ข้อมูลจะส่งได้ในครั้งถัดไปที่หน้ารับส่งข้อมูล")


def direct_calls(root: Path) -> list[str]:
    """``file:line`` of each ``QMessageBox.<static>(...)`` call outside ``gui/common.py``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "common.py" and path.parent.name == "gui":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in STATIC
                    and isinstance(node.func.value, (ast.Attribute, ast.Name))
                    and "QMessageBox" in ast.unparse(node.func.value)):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_message_box_bypasses_the_helpers() -> None:
    assert direct_calls(paths.project_root() / "secity_desktop") == []


def test_the_check_sees_a_direct_call(tmp_path: Path) -> None:
    (tmp_path / "place.py").write_text(
        "def f(self):\n    QtWidgets.QMessageBox.information(self, 't', 'x')\n"
        "    QMessageBox.question(self, 't', 'x')\n    QtWidgets.QMessageBox.aboutQt(self)\n",
        "utf-8")
    assert direct_calls(tmp_path) == ["place.py:2", "place.py:3"]


def _shown(qtbot: QtBot, show: object) -> QtWidgets.QMessageBox:
    """Run ``show`` and return its box as Qt laid it out (shown, then closed)."""
    boxes: list[QtWidgets.QMessageBox] = []

    def look(box: QtWidgets.QMessageBox) -> None:
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        boxes.append(box)
        box.hide()

    mp = pytest.MonkeyPatch()
    mp.setattr(common, "show_box", look)
    try:
        show()  # type: ignore[operator]
    finally:
        mp.undo()
    assert len(boxes) == 1
    return boxes[0]


@pytest.mark.parametrize("kind", ["warn", "inform", "fail", "ask", "confirm"])
def test_a_long_thai_message_is_broken_at_words_before_qt_wraps_it(
        qtbot: QtBot, kind: str) -> None:
    load_fonts(QtWidgets.QApplication.instance())  # type: ignore[arg-type]
    show = {"warn": lambda: common.warn(None, "t", LONG),
            "inform": lambda: common.inform(None, "t", LONG),
            "fail": lambda: common.fail(None, "t", LONG),
            "ask": lambda: common.ask(None, "t", LONG),
            "confirm": lambda: common.confirm(None, "t", LONG, "ตกลง")}[kind]
    box = _shown(qtbot, show)
    assert common.plain_text(box) == LONG
    label = box.findChild(QtWidgets.QLabel, "qt_msgbox_label")
    lines = label.text().split("\n")
    assert len(lines) > 1
    # every line ends where a word ends (our breaks, or a space) ...
    ours = set(break_opportunities(LONG))
    at = 0
    for line in lines[:-1]:
        at += len(line.replace(ZWSP, ""))
        while at < len(LONG) and LONG[at] == " ":
            at += 1  # a space the break replaced
        assert at in ours or LONG[at - 1] == " " or LONG[at] == " ", line
    # ... and fits the label, so Qt (with or without libthai) breaks nowhere else
    metrics = QtGui.QFontMetrics(label.font())
    assert all(metrics.horizontalAdvance(line) <= label.contentsRect().width() for line in lines)
    assert not label.wordWrap()  # Qt saw lines that already fit its soft limit


def test_ask_has_thai_yes_and_no_and_says_which_was_pressed(qtbot: QtBot) -> None:
    tr = Translations(QtWidgets.QApplication.instance())  # type: ignore[arg-type]
    mp = pytest.MonkeyPatch()
    try:
        assert tr.install("th")
        texts: list[set[str]] = []
        for pick, expected in ((QtWidgets.QMessageBox.StandardButton.Yes, True),
                               (QtWidgets.QMessageBox.StandardButton.No, False)):
            def press(box: QtWidgets.QMessageBox, pick=pick) -> object:  # type: ignore[no-untyped-def]
                texts.append({b.text().replace("&", "") for b in box.buttons()})
                return box.button(pick)
            mp.setattr(common, "show_box", press)
            assert common.ask(None, "t", "เขียนชุดข้อมูลส่งกลับตอนนี้หรือไม่") is expected
        assert texts[0] == {"ใช่ (Y)", "ไม่ใช่ (N)"}
        told: list[str] = []
        mp.setattr(common, "show_box", lambda box: told.append(box.buttons()[0].text()))
        common.inform(None, "t", "เสร็จแล้ว")
        assert told == ["ตกลง"]
    finally:
        mp.undo()
        tr.install("en")


def test_a_place_s_message_box_goes_through_the_helper(qtbot: QtBot, tmp_path: Path) -> None:
    """The Send page's "no key yet" notice (a direct ``QMessageBox.information`` before)."""
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.workspace import init_workspace, open_workspace

    ws = open_workspace(tmp_path / "ws")
    init_workspace(ws, role=Role.PROVINCE, province_code="50")
    try:
        from secity_desktop.gui.main_window import MainWindow

        window = MainWindow(ws, "en")
        qtbot.addWidget(window)
        seen: list[str] = []
        mp = pytest.MonkeyPatch()
        mp.setattr(common, "show_box", lambda box: seen.append(common.plain_text(box)))
        try:
            place = window.review_place
            assert place is not None and place.writer is not None
            assert not place.writer.ensure_key()
        finally:
            mp.undo()
        assert seen and "signing key" in seen[0]
    finally:
        ws.close()
