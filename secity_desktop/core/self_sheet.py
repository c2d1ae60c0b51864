"""The self-assessment spreadsheet: what the department's online form gives, one row per indicator.

Columns (any order; Thai or English headers): indicator code, level, note. A
level is the level's value (``3``) or its label exactly as the framework writes
it (``ครบ``); an empty level means "not answered". Every bad row is listed with
its line and the file is refused whole (``core.reference.ImportRejected``), as
the register and past-results imports do. The template (``secity self
template``) writes these headers and one row per indicator.
"""

from __future__ import annotations

from dataclasses import dataclass

from secity_desktop.core.framework import Framework, Indicator
from secity_desktop.core.reference import RowProblem, Table, cell, map_headers

HEADERS = ("indicator_code", "level", "note")
"""The template's machine headers (first row); the Thai headers are accepted too."""

TITLE_HEADER = "indicator_title"
LEVELS_HEADER = "levels"

ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator_code", "indicator", "code", "รหัสตัวชี้วัด", "ตัวชี้วัด"),
    "level": ("level", "claimed_level", "ระดับ", "ระดับที่ประเมินตนเอง"),
    "note": ("note", "notes", "หมายเหตุ", "คำอธิบาย"),
}

MAX_NOTE = 4000


@dataclass(frozen=True)
class SheetRow:
    line: int
    indicator_code: str
    level: int | None
    note: str


def _level(indicator: Indicator, text: str) -> int | str | None:
    """The level value, None for empty, or the text itself when it names no level."""
    if not text:
        return None
    if text.lstrip("-").isdigit() and indicator.level(int(text)) is not None:
        return int(text)
    for lv in indicator.levels:
        if text in (lv.label_th, lv.label_en):
            return lv.value
    return text


def parse_self_sheet(table: Table, framework: Framework) -> tuple[list[SheetRow], list[RowProblem]]:
    """Rows of a self-assessment sheet checked against ``framework``; problems name lines."""
    cols = map_headers(table, ALIASES, ("indicator", "level"), "indicator_code, level, note")
    rows: list[SheetRow] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for line, raw in table.lines():
        code = cell(raw, cols, "indicator")
        indicator = framework.indicator(code)
        if indicator is None:
            problems.append(RowProblem(
                line, f"indicator {code!r} is not in framework {framework.version}",
                "self.row_unknown_indicator", {"indicator": code[:20]}, code[:20],
            ))
            continue
        if code in seen:
            problems.append(RowProblem(
                line, f"indicator {code} repeats line {seen[code]}", "self.row_repeats",
                {"indicator": code, "other": seen[code]}, code,
            ))
            continue
        seen[code] = line
        level = _level(indicator, cell(raw, cols, "level"))
        if isinstance(level, str):
            problems.append(RowProblem(
                line,
                f"level {level[:20]!r} is not on indicator {code}'s scale "
                f"({', '.join(str(lv.value) for lv in indicator.levels)})",
                "self.row_bad_level", {"indicator": code, "level": level[:20]}, code,
            ))
            continue
        note = cell(raw, cols, "note")
        if len(note) > MAX_NOTE:
            problems.append(RowProblem(
                line, f"the note of {code} is longer than {MAX_NOTE} characters",
                "self.row_note_long", {"indicator": code}, code,
            ))
            continue
        rows.append(SheetRow(line, code, level, note))
    if not rows and not problems:
        problems.append(RowProblem(1, "the file has no indicator rows", "self.row_none", {}))
    return rows, problems


def template_rows(framework: Framework) -> tuple[list[str], list[list[str]]]:
    """Headers and one empty row per indicator, with its title and levels as a hint."""
    headers = [HEADERS[0], TITLE_HEADER, LEVELS_HEADER, HEADERS[1], HEADERS[2]]
    rows = [
        [
            ind.code,
            ind.title_th,
            " / ".join(f"{lv.value} = {lv.label_th}" for lv in ind.levels),
            "",
            "",
        ]
        for ind in framework.indicators
    ]
    return headers, rows
