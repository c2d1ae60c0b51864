"""Award texts as the department writes them: recognised ones coded, others kept verbatim."""

from __future__ import annotations

import pytest

from secity_desktop.core.past_results import Award, award_label, parse_award, parse_level


@pytest.mark.parametrize(
    ("text", "award"),
    [
        ("ระดับดีเยี่ยม", Award.EXCELLENT),
        ("ดีเยี่ยม", Award.EXCELLENT),
        ("ระดับดีมาก", Award.VERY_GOOD),
        ("ระดับดี", Award.GOOD),
        ("รางวัลชนะเลิศ", Award.WINNER),
        ("ชนะเลิศ", Award.WINNER),
        ("รองชนะเลิศอันดับ 1", Award.RUNNER_UP_1),
        ("รางวัลรองชนะเลิศ อันดับ ๑", Award.RUNNER_UP_1),
        ("รองชนะเลิศอันดับที่ 2", Award.RUNNER_UP_2),
        ("รองชนะเลิศ", Award.RUNNER_UP),
        ("ชมเชย", Award.HONOURABLE),
        ("รางวัลชมเชย", Award.HONOURABLE),
        ("รางวัลความมุ่งมั่นในการพัฒนาเมืองสู่ความน่าอยู่อย่างยั่งยืน", Award.COMMITMENT),
        ("รางวัลพิเศษด้านการจัดการขยะ", Award.OTHER),
        ("ระดับดีเลิศ", Award.OTHER),  # not "ระดับดี": exact, never a prefix
    ],
)
def test_award_codes(text: str, award: Award) -> None:
    assert parse_award(text) == award


def test_unknown_award_reads_as_written() -> None:
    assert award_label("other", "รางวัลพิเศษด้านน้ำ") == "รางวัลพิเศษด้านน้ำ"
    assert award_label("winner", "ชนะเลิศ") == "รางวัลชนะเลิศ"
    assert award_label("winner", "ชนะเลิศ", "en") == "Winner"


@pytest.mark.parametrize(
    ("text", "level"),
    [("ระดับพื้นที่", "area"), ("พื้นที่", "area"), ("area", "area"), ("ระดับประเทศ", "national"),
     ("National", "national"), ("จังหวัด", None)],
)
def test_levels(text: str, level: str | None) -> None:
    assert parse_level(text) == level
