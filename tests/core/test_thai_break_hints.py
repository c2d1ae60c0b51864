"""Break hints: a ZWSP at each Thai word boundary, never inside a word or a cluster."""

from __future__ import annotations

from secity_desktop.core.thai_linebreak import (
    ZWSP,
    break_opportunities,
    grapheme_bounds,
    strip_break_hints,
    with_break_hints,
)


def test_hints_sit_between_words_not_inside_them() -> None:
    assert with_break_hints("ครั้งถัดไป").split(ZWSP) == ["ครั้ง", "ถัดไป"]
    assert "ถัด" + ZWSP + "ไป" not in with_break_hints("ครั้งถัดไป")


def test_text_without_thai_is_unchanged() -> None:
    for text in ("SECity Desktop 1.0", "certificate_lamphun_2569.pdf", "", "SHA256:abc+/="):
        assert with_break_hints(text) == text


def test_hints_round_trip_and_respect_clusters() -> None:
    text = "ยืนยันว่ากรอกครบแล้วส่งข้อมูลที่หน้ารับส่งข้อมูล (ระดับดีเยี่ยม) ๒๕๖๙"
    hinted = with_break_hints(text)
    assert strip_break_hints(hinted) == text
    clusters = set(grapheme_bounds(text, 0, len(text)))
    for cut in break_opportunities(text):
        assert cut in clusters, text[cut - 2 : cut + 2]
        assert text[cut - 1] != "(" and text[cut] != ")"


def test_existing_spaces_are_not_doubled() -> None:
    hinted = with_break_hints("ส่งกลับ แก้ไข")
    assert " " + ZWSP not in hinted and ZWSP + " " not in hinted
