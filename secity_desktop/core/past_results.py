"""Past results: the awards and tiers of earlier years, as the department writes them.

Award texts vary from file to file (``ระดับดีเยี่ยม``, ``ดีเยี่ยม``, ``รางวัลชนะเลิศ``,
``รองชนะเลิศ อันดับ ๑`` …). Recognised ones get a stable code; anything else is
kept verbatim under ``other`` — a past result is never dropped because we do
not know its wording. Rows are matched to the register like register rows
(code, then name within the province, never guessed), but a past result may
name a body by a form it had then (an อบต. since upgraded), so former forms
count too. Pure rules: no store, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from secity_desktop.core.localgov import (
    FAMILY,
    SINGLE_BODY,
    clean,
    compact,
    parse_municipality_type,
    parse_name,
)
from secity_desktop.core.reference import (
    Provinces,
    RowProblem,
    Table,
    cell,
    district_name,
    labelled,
    map_headers,
    valid_code,
)
from secity_desktop.core.register_match import SKIP, Reason, RegisterIndex, district_ok
from secity_desktop.core.thai_calendar import is_plausible_be_year


class Award(StrEnum):
    EXCELLENT = "excellent"  # ระดับดีเยี่ยม
    VERY_GOOD = "very_good"  # ระดับดีมาก
    GOOD = "good"  # ระดับดี
    WINNER = "winner"  # รางวัลชนะเลิศ
    RUNNER_UP = "runner_up"  # รองชนะเลิศ (no rank given)
    RUNNER_UP_1 = "runner_up_1"  # รองชนะเลิศอันดับ 1
    RUNNER_UP_2 = "runner_up_2"  # รองชนะเลิศอันดับ 2
    RUNNER_UP_3 = "runner_up_3"  # รองชนะเลิศอันดับ 3
    HONOURABLE = "honourable"  # ชมเชย
    COMMITMENT = "commitment"  # รางวัลความมุ่งมั่นในการพัฒนาเมืองสู่ความน่าอยู่อย่างยั่งยืน
    OTHER = "other"  # kept verbatim


AWARD_LABELS: dict[Award, tuple[str, str]] = {
    Award.EXCELLENT: ("ระดับดีเยี่ยม", "Excellent"),
    Award.VERY_GOOD: ("ระดับดีมาก", "Very good"),
    Award.GOOD: ("ระดับดี", "Good"),
    Award.WINNER: ("รางวัลชนะเลิศ", "Winner"),
    Award.RUNNER_UP: ("รางวัลรองชนะเลิศ", "Runner-up"),
    Award.RUNNER_UP_1: ("รางวัลรองชนะเลิศอันดับ 1", "First runner-up"),
    Award.RUNNER_UP_2: ("รางวัลรองชนะเลิศอันดับ 2", "Second runner-up"),
    Award.RUNNER_UP_3: ("รางวัลรองชนะเลิศอันดับ 3", "Third runner-up"),
    Award.HONOURABLE: ("รางวัลชมเชย", "Honourable mention"),
    Award.COMMITMENT: (
        "รางวัลความมุ่งมั่นในการพัฒนาเมืองสู่ความน่าอยู่อย่างยั่งยืน",
        "Commitment to a liveable, sustainable city",
    ),
    Award.OTHER: ("อื่น ๆ", "Other"),
}

LEVELS: dict[str, tuple[str, str]] = {
    "area": ("ระดับพื้นที่", "Area level"),
    "national": ("ระดับประเทศ", "National level"),
}
_LEVEL_WORDS = {
    compact(w): level
    for level, words in {
        "area": ("area", "ระดับพื้นที่", "พื้นที่", "ระดับภาค", "ภาค", "regional"),
        "national": ("national", "ระดับประเทศ", "ประเทศ", "ระดับชาติ", "ชาติ"),
    }.items()
    for w in words
}
_TIERS = {"ดีเยี่ยม": Award.EXCELLENT, "ดีมาก": Award.VERY_GOOD, "ดี": Award.GOOD}
_RUNNER_UP = re.compile(r"^รองชนะเลิศ(?:อันดับ(?:ที่)?([1-3]))?$")
_RANKS = {None: Award.RUNNER_UP, "1": Award.RUNNER_UP_1, "2": Award.RUNNER_UP_2, "3": Award.RUNNER_UP_3}

HISTORY_HEADERS: dict[str, tuple[str, ...]] = {
    "year": ("year", "fiscal_year", "ปี", "ปีงบประมาณ", "พ.ศ.", "ปี พ.ศ."),
    "province": ("province_code", "province", "จังหวัด", "รหัสจังหวัด"),
    "code": ("code", "municipality_code", "รหัส", "รหัส อปท.", "รหัส อปท", "รหัสอปท"),
    "name": ("name", "name_th", "ชื่อ", "ชื่อ อปท.", "ชื่อ อปท", "ชื่อเทศบาล", "เทศบาล", "องค์กรปกครองส่วนท้องถิ่น"),
    "type": ("type", "ประเภท", "ประเภท อปท."),
    "district": ("district", "อำเภอ"),
    "award": ("award", "result", "tier", "รางวัล", "ผลการประเมิน", "ผลรางวัล", "ระดับรางวัล", "รางวัลที่ได้รับ"),
    "level": ("level", "ระดับ", "ระดับการประกวด", "ระดับการประเมิน"),
}


def award_key(text: str) -> str:
    """The award text without spacing, dots or Thai digits: two spellings of one award agree."""
    return compact(text)


def parse_award(text: str) -> Award:
    """The award's code; ``other`` for a wording we do not know (the caller keeps the text)."""
    t = award_key(text).removeprefix("รางวัล")
    if t.startswith("ความมุ่งมั่น"):
        return Award.COMMITMENT
    if t in ("ชนะเลิศ",):
        return Award.WINNER
    if t in ("ชมเชย",):
        return Award.HONOURABLE
    m = _RUNNER_UP.match(t)
    if m:
        return _RANKS[m.group(1)]
    return _TIERS.get(t.removeprefix("ระดับ"), Award.OTHER)


def parse_level(text: str) -> str | None:
    return _LEVEL_WORDS.get(compact(text))


def award_label(code: str, text: str, lang: str = "th") -> str:
    """How a stored result reads: the recognised label, or the department's own words."""
    try:
        award = Award(code)
    except ValueError:
        return text
    if award == Award.OTHER:
        return text
    return AWARD_LABELS[award][0 if lang == "th" else 1]


@dataclass(frozen=True)
class HistoryRow:
    line: int
    year: int
    province_code: str
    code: str | None
    written: str  # the name as written (may be empty when the code says it)
    family: str | None
    base: str
    district: str
    award: Award
    award_text: str  # verbatim (tidied)
    level: str

    @property
    def award_key(self) -> str:
        return award_key(self.award_text)


def _problem(line: int, what: str, message: str, **params: Any) -> RowProblem:
    return RowProblem(line, message, f"row.{what}", params)


def parse_history(
    table: Table, provinces: Provinces, default_level: str | None = None
) -> tuple[list[HistoryRow], list[RowProblem]]:
    cols = map_headers(
        table,
        HISTORY_HEADERS,
        ("year", "province", "award"),
        "ปีงบประมาณ, จังหวัด, ชื่อ (or รหัส), รางวัล, ระดับ",
    )
    out: list[HistoryRow] = []
    problems: list[RowProblem] = []
    for n, row in table.lines():
        errs: list[RowProblem] = []
        year_text, prov = cell(row, cols, "year"), cell(row, cols, "province")
        code, written = cell(row, cols, "code") or None, cell(row, cols, "name")
        award_text, level_text = clean(cell(row, cols, "award")), cell(row, cols, "level")
        try:
            year = int(compact(year_text))
        except ValueError:
            year = 0
        if not is_plausible_be_year(year):
            hint = " (a Christian Era year? add 543)" if 1957 <= year <= 2157 else ""
            errs.append(_problem(n, "bad_year", f"year {year_text!r} is not a Buddhist Era year{hint}", year=year_text))
        pcode = provinces.resolve(prov) if prov else None
        if pcode is None:
            errs.append(_problem(n, "unknown_province", f"unknown province {prov!r}", province=prov))
        if code is not None and not valid_code(code):
            errs.append(_problem(n, "bad_code", f"bad code {code!r}", code=code))
        if not code and not written:
            errs.append(_problem(n, "name_empty", "neither a name nor a code"))
        if not award_text:
            errs.append(_problem(n, "award_empty", "the award is empty"))
        level = parse_level(level_text) if level_text else default_level
        if level is None:
            what = repr(level_text) if level_text else "missing"
            errs.append(_problem(n, "bad_level", f"level {what}: use ระดับพื้นที่ (area) or ระดับประเทศ (national)", level=level_text))
        parsed = parse_name(written)
        stated = parse_municipality_type(cell(row, cols, "type")) if cell(row, cols, "type") else None
        form = stated or parsed.form
        family = FAMILY[form] if form is not None else parsed.family
        if errs:
            problems.extend(labelled(errs, " ".join(x for x in (written or code or "", prov) if x)))
            continue
        assert pcode is not None and level is not None
        out.append(
            HistoryRow(
                n, year, pcode, code, written, family,
                "" if form in SINGLE_BODY else compact(parsed.base),
                district_name(cell(row, cols, "district")),
                parse_award(award_text), award_text, level,
            )
        )
    return out, problems


@dataclass
class HistoryPlan:
    line: int
    outcome: str  # add, same, ambiguous, refused, skip
    label: str
    row: HistoryRow | None = None
    record: str | None = None
    candidates: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        r = self.row
        return {
            "line": self.line,
            "outcome": self.outcome,
            "written": self.label,
            "record": self.record,
            "year": r.year if r else None,
            "level": r.level if r else None,
            "award": r.award.value if r else None,
            "award_text": r.award_text if r else None,
            "candidates": self.candidates,
            "reasons": [{"code": x.code, "message": x.message, **x.params} for x in self.reasons],
        }


def plan_history(
    rows: list[HistoryRow],
    problems: list[RowProblem],
    index: RegisterIndex,
    known: set[tuple[str, int, str, str]],
    settle: Mapping[int, str] | None = None,
) -> list[HistoryPlan]:
    """Each row: matched and new (add), already recorded (same), ambiguous, refused or skipped.

    ``known`` holds (record, year, level, award key) of the results already stored.
    """
    settle = dict(settle or {})
    plans: dict[int, HistoryPlan] = {}
    for p in problems:
        plan = plans.setdefault(p.line, HistoryPlan(p.line, "refused", p.label))
        plan.reasons.append(Reason(p.code, p.message, p.params))
    in_file: dict[tuple[str, int, str, str], int] = {}
    for row in rows:
        label = f"{row.written or row.code} ({row.province_code})"
        choice = settle.pop(row.line, None)
        cands: list[str]
        if choice == SKIP:
            plans[row.line] = HistoryPlan(row.line, "skip", label, row)
            continue
        if choice is not None:
            found = index.resolve(choice)
            cands = [found] if found else []
            if not cands:
                plans[row.line] = HistoryPlan(row.line, "refused", label, row, reasons=[Reason("row.settle_unknown", f"settled as {choice}, which is not in the register", {"record": choice})])
                continue
        elif row.code and index.resolve(row.code):
            cands = [str(index.resolve(row.code))]
        elif not row.base and row.family not in ("bangkok", "pattaya"):
            cands = []  # a code the register does not know, and no name
        elif row.family is not None:
            cands = index.by_name(row.province_code, (row.family, row.base), past=True)
        else:
            cands = list(index.by_base.get((row.province_code, row.base), ()))
        cands = [c for c in cands if district_ok(index, c, row.district)]
        wrong = [c for c in cands if index.records[c].province_code != row.province_code]
        if wrong:
            rec = index.records[wrong[0]]
            plans[row.line] = HistoryPlan(row.line, "refused", label, row, reasons=[Reason("row.code_other_province", f"{rec.code} is {rec.name_th} in province {rec.province_code}, not {row.province_code}", {"code": rec.code, "name": rec.name_th, "province": rec.province_code})])
        elif not cands:
            plans[row.line] = HistoryPlan(row.line, "refused", label, row, reasons=[Reason("row.not_in_register", f"no local government {row.written or row.code} in province {row.province_code}; import the register first", {"name": row.written or row.code, "province": row.province_code})])
        elif len(cands) > 1:
            names = ", ".join(f"{c} {index.records[c].name_th}" for c in cands)
            plans[row.line] = HistoryPlan(row.line, "ambiguous", label, row, candidates=cands, reasons=[Reason("row.several_records", f"several records have this name: {names}", {"records": cands})])
        else:
            ident = (cands[0], row.year, row.level, row.award_key)
            if ident in known:
                plans[row.line] = HistoryPlan(row.line, "same", label, row, cands[0])
            elif ident in in_file:
                plans[row.line] = HistoryPlan(row.line, "same", label, row, cands[0], reasons=[Reason("row.repeats", f"repeats line {in_file[ident]}", {"other": in_file[ident]})])
            else:
                in_file[ident] = row.line
                plans[row.line] = HistoryPlan(row.line, "add", label, row, cands[0])
    for line in settle:
        plans.setdefault(line, HistoryPlan(line, "refused", "", reasons=[Reason("row.settle_no_row", f"line {line} is not a row of the file", {"other": line})]))
    return [plans[k] for k in sorted(plans)]
