from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.tokenize import word_tokenize
from thai_helpers import CERT, MARKS, MIXED

from secity_desktop.core.thai_linebreak import SPACE_RUN, Line, break_lines, grapheme_bounds
from secity_desktop.reports.runs import Run
from secity_desktop.reports.styled import StyledText


def measure_for(text: str, size: float = 16) -> StyledText:
    return StyledText([Run(text)], "Sarabun", size)


def newmm_cuts(text: str) -> set[int]:
    """Word boundaries from tokenizing the whole text at once, independent of the breaker."""
    cuts = {0}
    pos = 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        pos += len(token)
        cuts.add(pos)
    return cuts


def starts_with_mark(text: str, pos: int) -> bool:
    return pos < len(text) and (
        unicodedata.category(text[pos]).startswith("M") or text[pos] == "\u0e33"
    )


def test_long_thai_breaks_only_at_newmm_words() -> None:
    text = " ".join([CERT] * 4 + [MARKS, MIXED])
    styled = measure_for(text)
    cuts = newmm_cuts(text)
    for width in (120.0, 200.0, 300.0, 451.0):
        lines = break_lines(text, width, styled.measure)
        assert len(lines) > 2
        for line in lines:
            assert line.start in cuts and line.end in cuts, text[line.start : line.end]
            assert styled.measure(line.start, line.end) <= width + 1e-9


def test_lines_use_the_width() -> None:
    text = CERT * 3
    styled = measure_for(text)
    lines = break_lines(text, 300, styled.measure)
    # greedy: every soft line is too full to take the next word
    for line, nxt in itertools.pairwise(lines):
        next_word_end = min(c for c in newmm_cuts(text) if c > nxt.start)
        assert styled.measure(line.start, next_word_end) > 300


def test_overlong_word_is_split_between_clusters() -> None:
    text = "ก้ำ" * 40 + "ที่นี่" * 10
    styled = measure_for(text)
    lines = break_lines(text, 60, styled.measure)
    assert len(lines) > 3
    for line in lines:
        assert not starts_with_mark(text, line.start)
        assert styled.measure(line.start, line.end) <= 60


def test_hard_breaks_and_zwsp() -> None:
    text = "บรรทัดแรก\nบรรทัด\u200bสอง\n\nสุดท้าย"
    styled = measure_for(text)
    lines = break_lines(text, 1000, styled.measure)
    assert [text[ln.start : ln.end] for ln in lines] == [
        "บรรทัดแรก",
        "บรรทัด\u200bสอง",
        "",
        "สุดท้าย",
    ]
    assert all(ln.hard for ln in lines)
    narrow = break_lines("ไม่มี\u200bช่องว่าง", 35, measure_for("ไม่มี\u200bช่องว่าง").measure)
    assert next(ln.end for ln in narrow) == 5


def test_no_break_inside_numbers_or_before_closing_punctuation() -> None:
    text = "คะแนน (ร้อยละ 87.5%) ปี ๒๕๖๙ ต่างๆ"
    styled = measure_for(text)
    for width in range(30, 300, 7):
        for line in break_lines(text, width, styled.measure):
            chunk = text[line.start : line.end]
            assert not chunk.startswith((")", "%", ".", "ๆ")), chunk
            assert not chunk.endswith("("), chunk


def test_grapheme_bounds_keep_marks_and_leading_vowels() -> None:
    text = "เกี๋ยวน้ำ"
    bounds = grapheme_bounds(text, 0, len(text))
    pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
    assert pieces == ["เกี๋", "ย", "ว", "น้ำ"]


THAI = [chr(c) for c in range(0x0E01, 0x0E2F)] + list("ะาำิีึืุูเแโใไ็่้๊๋์ๆ๐๑๒")
LATIN = list("abcXYZ019.,()%-")
alphabet = st.sampled_from([*THAI, *THAI, *LATIN, " ", " ", "\n", "\u200b"])


def _check(text: str, width: float, lines: list[Line], styled: StyledText) -> None:
    pos = 0
    rebuilt = []
    for line in lines:
        assert pos <= line.start <= line.end
        gap = text[pos : line.start]
        assert SPACE_RUN.fullmatch(gap) or gap == "", repr(gap)
        if line.start == pos > 0 and not SPACE_RUN.match(text[pos - 1]):
            # a cut inside a chunk must not separate a mark from its base
            assert not starts_with_mark(text, line.start)
        rebuilt.append(text[line.start : line.end])
        pos = line.end
        wide = styled.measure(line.start, line.end) > width + 1e-9
        if wide:
            assert len(grapheme_bounds(text, line.start, line.end)) == 2, text[
                line.start : line.end
            ]
    tail = text[pos:]
    assert SPACE_RUN.fullmatch(tail) or tail == ""
    squeezed = SPACE_RUN.sub("", text)
    assert SPACE_RUN.sub("", "".join(rebuilt)) == squeezed


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet, max_size=120), st.floats(min_value=4, max_value=400))
def test_breaker_properties(text: str, width: float) -> None:
    styled = measure_for(text)
    lines = break_lines(text, width, styled.measure)
    _check(text, width, lines, styled)
