"""Rich-text Thai labels (bold names, coloured hints, links) break lines only at words.

Qt with libthai (Linux) adds breaks of its own inside Thai words ("ล่า|สุด"); the break
hints alone do not stop it. ``ThaiLabel`` therefore turns the hint where a line must end
into a ``<br>`` for rich text too, so every line Qt lays out already fits. These tests read
the lines Qt really laid out, from the label's own text document, at many widths.
"""

from __future__ import annotations

import html

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.core.thai_linebreak import ZWSP, word_boundaries
from secity_desktop.gui.fonts import load_fonts
from secity_desktop.gui.qt import Qt, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, rich_hints

NAME = "นางสาวสมศรี ใจดีมีสุข"
RICH = [
    # the editor's header: a big bold town name, the province, the year and who assessed
    ("<b style='font-size:15pt'>เทศบาลเมืองลำพูน</b> · จังหวัดลำพูน · "
     "ปีงบประมาณ 2569 · ผู้ประเมิน " + NAME + " · ปรับปรุงล่าสุดเมื่อวันที่ 27 พฤศจิกายน 2569"),
    # a claim: a bold head and a note with an escaped ampersand
    ("<b>ผลที่เทศบาลประเมินตนเองแตกต่างจากระดับที่เลือกไว้ที่นี่</b><br>"
     "หมายเหตุ: ข้อมูลปริมาณขยะมูลฝอย &amp; สิ่งปฏิกูลยังไม่ครบถ้วนตามที่กำหนดไว้ในครั้งถัดไป"),
    # a coloured hint with links, as in the score panel
    ("<b>ยังไม่ได้ตอบ</b> <a href='ind:1.1'>1.1</a>, <a href='ind:2.3'>2.3</a><br>"
     "<span style='color:#8a6d3b'>แนบหลักฐานเพิ่มเติมก่อนยืนยันว่ากรอกครบแล้วส่งข้อมูลล่าสุด</span>"),
]
WIDTHS = range(130, 420, 11)


def _fonts() -> None:
    load_fonts(QtWidgets.QApplication.instance())  # type: ignore[arg-type]


def _laid_out_lines(label: QtWidgets.QLabel) -> list[list[str]]:
    """Per paragraph, the lines Qt laid out (the label's own document, hints removed)."""
    docs = label.findChildren(QtGui.QTextDocument)
    assert len(docs) == 1, "a rich-text label lays out through one text document"
    out = []
    block = docs[0].begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        lines = [text[ln.textStart():ln.textStart() + ln.textLength()]
                 for ln in (layout.lineAt(i) for i in range(layout.lineCount()))]
        out.append([line.replace(ZWSP, "") for line in lines])
        block = block.next()
    return out


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _bad_breaks(label: QtWidgets.QLabel, keep: tuple[str, ...] = ()) -> list[str]:
    bad = []
    for lines in _laid_out_lines(label):
        paragraph = "".join(lines)
        plain = paragraph.replace("\u2028", " ")
        words = set(word_boundaries(plain))
        at = 0
        for line in lines[:-1]:
            at += len(line)
            before, after = plain[at - 1], plain[at]
            if before.isspace() or after.isspace() or not (_is_thai(before) or _is_thai(after)):
                continue
            inside_name = any(plain.find(k) < at < plain.find(k) + len(k) for k in keep if k in plain)
            if at not in words or inside_name:
                bad.append(f"{plain[max(0, at - 8):at]}|{plain[at:at + 8]}")
    return bad


@pytest.mark.parametrize("text", RICH, ids=["header", "claim", "hint"])
def test_rich_text_lines_break_only_at_thai_words(qtbot: QtBot, text: str) -> None:
    _fonts()
    label = ThaiLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(text, keep=(NAME,))
    qtbot.addWidget(label)
    label.show()
    bad: dict[int, list[str]] = {}
    several = 0
    for width in WIDTHS:
        label.resize(width, 400)
        QtWidgets.QApplication.processEvents()
        lines = _laid_out_lines(label)
        several += sum(len(p) for p in lines) > len(lines)
        found = _bad_breaks(label, keep=(NAME,))
        if found:
            bad[width] = found
    assert several >= 10, "the widths really wrap the text"
    assert bad == {}
    assert label.text() == text  # callers get back what they set


def test_hints_go_into_text_only_never_into_tags_or_entities() -> None:
    rich = ("<span style='color:#8a6d3b' title='ครั้งถัดไป'>ส่งข้อมูลในครั้งถัดไป</span>"
            " &amp; &nbsp;ล่าสุด &#3585;&#3634;&#3619; " + html.escape(NAME))
    hinted = rich_hints(rich, keep=(NAME,))
    assert hinted.replace(ZWSP, "") == rich
    assert "title='ครั้งถัดไป'" in hinted  # the attribute is untouched
    assert f"ครั้ง{ZWSP}ถัดไป" in hinted or f"ใน{ZWSP}ครั้ง" in hinted  # the text got hints
    assert "นางสาวสมศรี" in hinted and "ใจดีมีสุข" in hinted  # a kept name's words stay whole
    for entity in ("&amp;", "&nbsp;", "&#3585;", "&#3634;", "&#3619;"):
        assert entity in hinted
