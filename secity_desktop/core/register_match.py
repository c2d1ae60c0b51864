"""Matching a register file against the register we hold: the rules, without the store.

A record is one local government for its whole life: its primary code never
changes (signed assessments name it), other codes that name it are aliases, and
its name and form may change. A file row finds its record

1. by a person's settlement of that line (a record's code, ``new`` or ``skip``);
2. by code — the record's own code, its department code or a former one;
3. by name key (form family + base name) within the province, narrowed by the
   district when both sides give one, among records no code row claimed;
4. otherwise it is added — unless the row is a เทศบาล and an unclaimed อบต. of
   the same base name exists in the province (an อบต. upgraded to a เทศบาล, or
   another body): then it is *ambiguous* and a person settles it.

Several candidates are ambiguous too; nothing is ever guessed. Every row ends
as add, update, same, ambiguous, refused or skip, with its reasons, and the
plan can be applied only when nothing is refused or ambiguous.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from secity_desktop import digests
from secity_desktop.core.localgov import (
    FAMILY,
    MUNICIPAL,
    MUNICIPALITY_TYPE_LABELS,
    MunicipalityType,
    compact,
    name_key,
)
from secity_desktop.core.reference import RegisterRow, RowProblem

NEW = "new"
SKIP = "skip"
_TIER = {MunicipalityType.TAMBON: 1, MunicipalityType.MUEANG: 2, MunicipalityType.NAKHON: 3}


class Outcome(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SAME = "same"
    AMBIGUOUS = "ambiguous"
    REFUSED = "refused"
    SKIP = "skip"


@dataclass(frozen=True)
class Record:
    """A register record as the matcher sees it."""

    code: str
    official_code: str | None
    name_th: str
    name_en: str
    type: str
    province_code: str
    district: str = ""
    is_seat: bool = False
    past_types: frozenset[str] = frozenset()  # every form it has had (type history)

    @functools.cached_property
    def key(self) -> tuple[str, str]:
        return name_key(self.type, self.name_th)


@dataclass(frozen=True)
class Reason:
    """Why a row is refused or ambiguous, or a note on an update: stable code, params, English."""

    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    field: str  # name_th, name_en, type, official_code, district, is_seat
    old: str
    new: str


@dataclass
class RowPlan:
    line: int
    outcome: Outcome
    label: str  # the name as the file writes it (and the province)
    row: RegisterRow | None = None
    record: str | None = None  # the matched or new record's code
    matched_by: str = ""  # code, name, settled
    changes: list[Change] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        r = self.row
        return {
            "line": self.line,
            "outcome": self.outcome.value,
            "written": self.label,
            "name_th": r.name_th if r else None,
            "type": r.type.value if r else None,
            "province_code": r.province_code if r else None,
            "file_code": r.code if r else None,
            "record": self.record,
            "matched_by": self.matched_by,
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in self.changes],
            "candidates": self.candidates,
            "reasons": [{"code": x.code, "message": x.message, **x.params} for x in self.reasons],
        }


class RegisterIndex:
    """Every way a record can be found: codes and aliases, name keys within a province."""

    def __init__(self, records: Iterable[Record], aliases: Mapping[str, str]) -> None:
        self.records = {r.code: r for r in records}
        self.by_code: dict[str, str] = {}
        self.by_key: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        self.by_past_key: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        self.by_base: dict[tuple[str, str], list[str]] = defaultdict(list)
        for alias, code in aliases.items():
            self.by_code[alias] = code
        for r in self.records.values():
            if r.official_code:
                self.by_code[r.official_code] = r.code
            self.by_code[r.code] = r.code
            family, base = r.key
            self.by_key[(r.province_code, family, base)].append(r.code)
            self.by_base[(r.province_code, base)].append(r.code)
            for past in {FAMILY[MunicipalityType(t)] for t in r.past_types} - {family}:
                self.by_past_key[(r.province_code, past, base)].append(r.code)

    def resolve(self, code: str) -> str | None:
        return self.by_code.get(code.strip())

    def by_name(self, province: str, key: tuple[str, str], *, past: bool = False) -> list[str]:
        found = list(self.by_key.get((province, *key), ()))
        if past:
            found += [c for c in self.by_past_key.get((province, *key), ()) if c not in found]
        return found


def district_ok(index: RegisterIndex, code: str, district: str) -> bool:
    theirs = index.records[code].district
    return not district or not theirs or compact(theirs) == compact(district)


def _reason(what: str, message: str, **params: Any) -> Reason:
    return Reason(what, message, params)


def _describe(index: RegisterIndex, codes: Iterable[str]) -> str:
    return ", ".join(f"{c} {index.records[c].name_th}" for c in codes)


def _changes(rec: Record, row: RegisterRow) -> list[Change]:
    out = []
    if row.name_th != rec.name_th:
        out.append(Change("name_th", rec.name_th, row.name_th))
    if row.name_en and row.name_en != rec.name_en:
        out.append(Change("name_en", rec.name_en, row.name_en))
    if row.type.value != rec.type:
        out.append(Change("type", rec.type, row.type.value))
    if row.code and row.code != rec.official_code and not (row.code == rec.code and rec.official_code):
        out.append(Change("official_code", rec.official_code or "", row.code))
    if row.district and compact(row.district) != compact(rec.district):
        out.append(Change("district", rec.district, row.district))
    if row.seat is not None and row.seat != rec.is_seat:
        out.append(Change("is_seat", str(int(rec.is_seat)), str(int(row.seat))))
    return out


def plan_register(
    rows: list[RegisterRow],
    problems: list[RowProblem],
    index: RegisterIndex,
    settle: Mapping[int, str] | None = None,
) -> list[RowPlan]:
    """One plan row per file line, in line order (see the module docstring for the rules)."""
    settle = dict(settle or {})
    plans: dict[int, RowPlan] = {}
    for p in problems:
        plan = plans.setdefault(p.line, RowPlan(p.line, Outcome.REFUSED, p.label))
        plan.reasons.append(Reason(p.code, p.message, p.params))
    claimed: dict[str, int] = {}  # record → the line that claimed it

    def label(row: RegisterRow) -> str:
        return f"{row.written} ({row.province_code})"

    def match(row: RegisterRow, code: str, how: str) -> None:
        plan = plans[row.line] = RowPlan(row.line, Outcome.SAME, label(row), row, code, how)
        if code in claimed:
            plan.outcome = Outcome.REFUSED
            plan.reasons.append(_reason("row.same_record", f"names the same record ({code}) as line {claimed[code]}", record=code, other=claimed[code]))
            return
        claimed[code] = row.line
        rec = index.records[code]
        plan.changes = _changes(rec, row)
        if plan.changes:
            plan.outcome = Outcome.UPDATE
        new_t, old_t = row.type, MunicipalityType(rec.type)
        if _TIER.get(new_t, 0) and _TIER.get(new_t, 0) < _TIER.get(old_t, 0):
            plan.reasons.append(_reason("row.type_downgrade", f"the file lists it as {MUNICIPALITY_TYPE_LABELS[new_t][0]}, lower than {MUNICIPALITY_TYPE_LABELS[old_t][0]}: is the list older?", type=MUNICIPALITY_TYPE_LABELS[new_t][0]))
        twins = [
            c for c in index.by_name(rec.province_code, rec.key)
            if c != code and district_ok(index, c, row.district or rec.district)
        ]
        if twins and how == "code":
            # a record made twice by the import before the register (schema 7): said, not merged
            plan.reasons.append(_reason("row.twin_record", f"the register also holds {_describe(index, twins)} under this name: the same body listed twice?", records=twins))

    def ambiguous(row: RegisterRow, candidates: list[str], reason: Reason) -> None:
        plans[row.line] = RowPlan(row.line, Outcome.AMBIGUOUS, label(row), row, None, "", [], candidates, [reason])

    def refuse(row: RegisterRow, reason: Reason) -> None:
        plans[row.line] = RowPlan(row.line, Outcome.REFUSED, label(row), row, reasons=[reason])

    pending: list[RegisterRow] = []
    # 1–2: settled lines and code matches claim their records first
    for row in rows:
        choice = settle.pop(row.line, None)
        if choice is not None:
            if choice == SKIP:
                plans[row.line] = RowPlan(row.line, Outcome.SKIP, label(row), row, matched_by="settled")
            elif choice == NEW:
                # "new" settles doubt; it never makes a second record of one the row plainly names
                same = [index.resolve(row.code)] if row.code and index.resolve(row.code) else [
                    c for c in index.by_name(row.province_code, row.key)
                    if district_ok(index, c, row.district)
                ]
                if len(same) == 1:
                    refuse(row, _reason("row.settle_new_matches", f"settled as new, but it is {_describe(index, same)}", record=same[0]))
                else:
                    plans[row.line] = RowPlan(row.line, Outcome.ADD, label(row), row, matched_by="settled")
            else:
                code = index.resolve(choice)
                if code is None:
                    refuse(row, _reason("row.settle_unknown", f"settled as {choice}, which is not in the register", record=choice))
                elif index.records[code].province_code != row.province_code:
                    refuse(row, _reason("row.settle_other_province", f"settled as {choice}, which is in province {index.records[code].province_code}", record=choice, province=index.records[code].province_code))
                else:
                    match(row, code, "settled")
            continue
        code = index.resolve(row.code) if row.code else None
        if code is None:
            pending.append(row)
            continue
        rec = index.records[code]
        if rec.province_code != row.province_code:
            refuse(row, _reason("row.code_other_province", f"code {row.code} is {rec.name_th} in province {rec.province_code}, not {row.province_code}", code=row.code, name=rec.name_th, province=rec.province_code))
            continue
        if rec.key != row.key:
            others = [c for c in index.by_name(row.province_code, row.key) if c != code and district_ok(index, c, row.district)]
            if others:
                ambiguous(row, [code, *others], _reason("row.code_and_name_differ", f"the code names {_describe(index, [code])} but the name matches {_describe(index, others)}", records=[code, *others]))
                continue
        match(row, code, "code")
    for line in settle:
        plans.setdefault(line, RowPlan(line, Outcome.REFUSED, "", reasons=[_reason("row.settle_no_row", f"line {line} is not a row of the file", other=line)]))

    # 3: name keys within the province, among records no code claimed
    wanted: dict[int, list[str]] = {}
    for row in pending:
        wanted[row.line] = [
            c for c in index.by_name(row.province_code, row.key)
            if c not in claimed and district_ok(index, c, row.district)
        ]
    sole: dict[str, list[int]] = defaultdict(list)
    for line, cands in wanted.items():
        if len(cands) == 1:
            sole[cands[0]].append(line)
    added: list[RegisterRow] = []
    for row in pending:
        cands = wanted[row.line]
        if len(cands) > 1:
            ambiguous(row, cands, _reason("row.several_records", f"several records have this name: {_describe(index, cands)}", records=cands))
        elif len(cands) == 1 and len(sole[cands[0]]) > 1:
            others = [n for n in sole[cands[0]] if n != row.line]
            ambiguous(row, cands, _reason("row.several_rows", f"lines {', '.join(map(str, others))} also match {_describe(index, cands)}", lines=others))
        elif len(cands) == 1:
            match(row, cands[0], "name")
        else:
            added.append(row)

    # 4: a เทศบาล with no record may be an อบต. upgraded; otherwise a new record
    seen: dict[tuple[str, str, str, str], int] = {}
    for row in added:
        if row.key[0] == MUNICIPAL:
            sao = [
                c for c in index.by_name(row.province_code, ("sao", row.key[1]))
                if c not in claimed and district_ok(index, c, row.district)
            ]
            if sao:
                ambiguous(row, sao, _reason("row.maybe_upgraded", f"no เทศบาล of this name, but {_describe(index, sao)} is: upgraded, or another body?", records=sao))
                continue
        ident = (row.province_code, *row.key, compact(row.district))
        if ident in seen and not row.code:
            refuse(row, _reason("row.same_name", f"the same name as line {seen[ident]} in this province: give the code or the district", other=seen[ident]))
            continue
        seen.setdefault(ident, row.line)
        plans[row.line] = RowPlan(row.line, Outcome.ADD, label(row), row)
    _check_seats(plans, index)
    return [plans[k] for k in sorted(plans)]


def _check_seats(plans: dict[int, RowPlan], index: RegisterIndex) -> None:
    """One seat town per province after the import: blame the rows that would add a second."""
    seats: dict[str, set[str]] = defaultdict(set)
    for r in index.records.values():
        if r.is_seat:
            seats[r.province_code].add(r.code)
    setters: dict[str, list[RowPlan]] = defaultdict(list)
    for plan in plans.values():
        row = plan.row
        if row is None or row.seat is None or plan.outcome not in (Outcome.ADD, Outcome.UPDATE, Outcome.SAME):
            continue
        ident = plan.record or f"line:{plan.line}"
        if row.seat:
            seats[row.province_code].add(ident)
            if not (plan.record and index.records[plan.record].is_seat):
                setters[row.province_code].append(plan)
        else:
            seats[row.province_code].discard(ident)
    for province, plans_ in setters.items():
        if len(seats[province]) > 1:
            for plan in plans_:
                plan.outcome = Outcome.REFUSED
                plan.reasons.append(_reason("row.seat_twice", f"province {province} would have two seat towns", province=province))


def summary(plans: list[RowPlan]) -> dict[str, int]:
    counts = {o.value: 0 for o in Outcome}
    for p in plans:
        counts[p.outcome.value] += 1
    return counts


def new_local_code(province: str, key: tuple[str, str], district: str, taken: set[str]) -> str:
    """A code for a record the file gives none, the same in every workspace that imports it.

    ``L`` + province + 8 hex digits of the name key (and the district when the key alone is
    taken): two offices importing the same code-less list give a body the same code, so a
    bundle between them names the same record — a running number would depend on the order.
    """
    for parts in ((key[0], key[1]), (key[0], key[1], compact(district))):
        digest = digests.sha256("|".join((province, *parts)).encode("utf-8")).hexdigest()
        code = f"L{province}-{digest[:8]}"
        if code not in taken:
            return code
    n = 2
    while f"{code}-{n}" in taken:
        n += 1
    return f"{code}-{n}"
