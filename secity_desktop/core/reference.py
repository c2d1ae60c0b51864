"""Reference files read and validated: the register of local governments, row by row.

The department publishes its lists as CSV or XLSX with Thai headers, often
without codes and with abbreviated names (``ทต.พนม``), and changes them every
year. The reader accepts Thai or English headers, resolves provinces by code or
name, recognises every form of local government in the name or a type column,
and reports every bad row by its line number with a stable code (so the GUI
can say it in Thai). Whether a file with bad rows may change anything is the
caller's rule: imports refuse it whole (:class:`ImportRejected`), because half
a list is worse than last year's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secity_desktop import digests
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.localgov import (
    FAMILY,
    MUNICIPALITY_TYPE_LABELS,
    SINGLE_BODY,
    MunicipalityType,
    clean,
    compact,
    full_name,
    parse_municipality_type,
    parse_name,
)

MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_REPORTED = 20

REGISTER_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("code", "รหัส", "รหัส อปท.", "รหัสอปท", "รหัส อปท", "รหัสองค์กรปกครองส่วนท้องถิ่น"),
    "name_th": ("name_th", "ชื่อ", "ชื่อ อปท.", "ชื่อภาษาไทย", "ชื่อเทศบาล", "ชื่อ อปท", "ชื่อองค์กรปกครองส่วนท้องถิ่น"),
    "name_en": ("name_en", "ชื่อภาษาอังกฤษ", "english name", "name"),
    "type": ("type", "ประเภท", "ประเภท อปท.", "ประเภทเทศบาล", "ประเภท อปท", "รูปแบบ"),
    "province": ("province_code", "province", "จังหวัด", "รหัสจังหวัด"),
    "district": ("district", "อำเภอ", "amphoe"),
    "is_seat": ("is_seat", "เมืองศูนย์กลางจังหวัด", "seat"),
    "since": ("type_since", "since", "วันที่เปลี่ยนแปลงฐานะ", "วันที่ยกฐานะ", "ยกฐานะเมื่อ"),
}
_TRUE = {"1", "true", "yes", "y", "ใช่", "✓", "x"}
_FALSE = {"0", "false", "no", "n", "ไม่ใช่", "-"}


@dataclass(frozen=True)
class RowProblem:
    """One reason a row cannot be used: English text, a stable code and its params."""

    line: int
    message: str
    code: str = "row.invalid"
    params: Mapping[str, Any] = field(default_factory=dict)
    label: str = ""  # what the row names, as written, so a person can find it


class ImportRejected(ValidationError):
    """A file with bad rows: nothing was changed, every bad line is listed."""

    def __init__(self, source: str, problems: list[RowProblem], total_bad: int) -> None:
        lines = "; ".join(f"line {p.line}: {p.message}" for p in problems[:MAX_REPORTED])
        more = f" (and {total_bad - MAX_REPORTED} more)" if total_bad > MAX_REPORTED else ""
        super().__init__(
            f"{source}: rejected, nothing was changed — {lines}{more}",
            code="import_rejected",
            file=Path(source).name,
            count=total_bad,
            first_line=problems[0].line if problems else 0,
        )
        self.problems = problems


@dataclass(frozen=True)
class Table:
    """A spreadsheet's first sheet as text, with where it came from."""

    name: str
    sha256: str
    header: list[str]
    rows: list[list[str]]  # row i is line i + 2 of the file

    def lines(self) -> Iterator[tuple[int, list[str]]]:
        for n, row in enumerate(self.rows, start=2):
            if any(c.strip() for c in row if c):
                yield n, row


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def read_table(path: Path) -> Table:
    """Header and rows of a CSV or the first sheet of an XLSX, read once (and hashed)."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ValidationError(
                f"{path}: file is too large ({size} bytes)", code="file_too_large", file=path.name, size=size
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            f"{path}: cannot read the file ({exc.strerror})", code="file_unreadable", file=path.name
        ) from None
    sha = digests.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, rows = _xlsx_rows(path, data)
    elif suffix in (".csv", ".txt"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                f"{path}: not UTF-8 text; save the CSV as UTF-8", code="file_not_utf8", file=path.name
            ) from None
        found = list(csv.reader(io.StringIO(text)))
        if not found:
            raise ValidationError(f"{path}: the file is empty", code="file_empty", file=path.name)
        header, rows = found[0], found[1:]
    else:
        raise ValidationError(
            f"{path}: expected a .csv or .xlsx file", code="file_not_table", file=path.name
        )
    return Table(path.name, sha, header, rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _xlsx_rows(path: Path, data: bytes) -> tuple[list[str], list[list[str]]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(
            f"{path}: not a readable XLSX workbook ({exc})", code="file_not_xlsx", file=path.name
        ) from None
    try:
        ws = wb.worksheets[0]
        values = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    if not values:
        raise ValidationError(f"{path}: the first sheet is empty", code="file_empty", file=path.name)
    return values[0], values[1:]


def map_headers(
    table: Table, aliases: Mapping[str, tuple[str, ...]], required: tuple[str, ...], hint: str
) -> dict[str, int]:
    """Column index per field; refuse a file that lacks a required column."""
    norm = [h.strip().lower() for h in table.header]
    found: dict[str, int] = {}
    for key, names in aliases.items():
        for alias in names:
            if alias.lower() in norm:
                found[key] = norm.index(alias.lower())
                break
    missing = [k for k in required if k not in found]
    if missing:
        raise ValidationError(
            f"{table.name}: missing column(s) {', '.join(missing)}; expected headers such as {hint}",
            code="file_missing_columns",
            file=table.name,
            columns=missing,
        )
    return found


def cell(row: list[str], cols: Mapping[str, int], key: str) -> str:
    idx = cols.get(key)
    return row[idx].strip() if idx is not None and idx < len(row) and row[idx] else ""


class Provinces:
    """Province codes and names, for resolving what a file writes (``50``, ``เชียงใหม่``, ``จ.เชียงใหม่``)."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        self.codes = {code for code, _, _ in rows}
        self._by_name: dict[str, str] = {}
        for code, name_th, name_en in rows:
            self._by_name[compact(name_th)] = code
            self._by_name[compact(name_en)] = code
        if "10" in self.codes:
            for alias in ("กรุงเทพฯ", "กทม.", "กรุงเทพ"):
                self._by_name[compact(alias)] = "10"

    def resolve(self, text: str) -> str | None:
        t = text.strip()
        if t in self.codes:
            return t
        key = compact(t)
        for prefix in ("จังหวัด", "จ"):
            if key.startswith(prefix) and key[len(prefix) :] in self._by_name:
                return self._by_name[key[len(prefix) :]]
        return self._by_name.get(key)


def parse_day(text: str) -> dt.date | None:
    """``2024-10-31`` or ``31/10/2567`` (a year above 2400 is Buddhist Era); None if not a date."""
    t = text.strip()[:10]
    try:
        if "-" in t:
            y, m, d = (int(x) for x in t.split("-"))
        else:
            d, m, y = (int(x) for x in t.split("/"))
        return dt.date(y - 543 if y > 2400 else y, m, d)
    except ValueError:
        return None


def parse_flag(text: str) -> bool | None:
    """True/False for a yes/no cell; None when empty. Raises ValueError for anything else."""
    t = text.strip().lower()
    if not t:
        return None
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise ValueError(t)


@dataclass(frozen=True)
class RegisterRow:
    """One valid row of a register file, its name in full and its type decided."""

    line: int
    code: str | None
    written: str  # the name as the file writes it
    name_th: str  # in full
    type: MunicipalityType
    province_code: str
    key: tuple[str, str]  # (family, base) — see core.localgov.name_key
    district: str = ""
    name_en: str = ""
    seat: bool | None = None  # None: the file does not say
    since: str | None = None  # ISO date the type took effect, if the file says


def _problem(line: int, what: str, message: str, **params: Any) -> RowProblem:
    return RowProblem(line, message, f"row.{what}", params)


def labelled(problems: list[RowProblem], label: str) -> list[RowProblem]:
    return [RowProblem(p.line, p.message, p.code, p.params, label) for p in problems]


_DISTRICT_PREFIX = re.compile(r"^(?:อำเภอ|อ\s*\.|เขต)\s*")


def district_name(text: str) -> str:
    """A district without its ``อำเภอ``/``อ.`` prefix: ``อ.เมืองเชียงใหม่`` → ``เมืองเชียงใหม่``."""
    return _DISTRICT_PREFIX.sub("", clean(text)).strip()


def valid_code(code: str) -> bool:
    return 0 < len(code) <= 16 and code.replace("-", "").isalnum() and code.isascii()


def parse_register(table: Table, provinces: Provinces) -> tuple[list[RegisterRow], list[RowProblem]]:
    """Every row of a register file, valid ones and refused ones (with line, code and reason)."""
    cols = map_headers(
        table,
        REGISTER_HEADERS,
        ("name_th", "province"),
        "ชื่อ, จังหวัด (and รหัส, ประเภท, อำเภอ if you have them)",
    )
    out: list[RegisterRow] = []
    problems: list[RowProblem] = []
    seen_codes: dict[str, int] = {}
    for n, row in table.lines():
        errs: list[RowProblem] = []
        code = cell(row, cols, "code") or None
        written, raw_type = cell(row, cols, "name_th"), cell(row, cols, "type")
        prov = cell(row, cols, "province")
        if code is not None and not valid_code(code):
            errs.append(_problem(n, "bad_code", f"bad code {code!r}", code=code))
        elif code is not None and code in seen_codes:
            errs.append(_problem(n, "code_repeats", f"code {code} repeats line {seen_codes[code]}", code=code, other=seen_codes[code]))
        parsed = parse_name(written)
        stated = parse_municipality_type(raw_type) if raw_type else None
        if not written:
            errs.append(_problem(n, "name_empty", "name is empty"))
        elif raw_type and stated is None:
            errs.append(_problem(n, "unknown_type", f"unknown type {raw_type!r} (use อบจ., เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต., กรุงเทพมหานคร or เมืองพัทยา)", type=raw_type))
        mtype = stated or parsed.form
        if written and mtype is None and not (raw_type and stated is None):
            errs.append(_problem(n, "type_unknown", f"cannot tell the type of {written!r}: add a type column or write the form in the name", name=written))
        elif stated is not None and (
            (parsed.form is not None and parsed.form != stated)
            or (parsed.municipal and FAMILY[stated] != "municipal")
        ):
            said = MUNICIPALITY_TYPE_LABELS[stated][0]
            errs.append(_problem(n, "type_mismatch", f"the name {written!r} and the type {said} disagree", name=written, type=said))
        elif mtype is not None and mtype not in SINGLE_BODY and written and not parsed.base:
            errs.append(_problem(n, "name_empty", "name is empty"))
        pcode = provinces.resolve(prov) if prov else None
        if pcode is None:
            errs.append(_problem(n, "unknown_province", f"unknown province {prov!r}", province=prov))
        elif mtype in SINGLE_BODY and SINGLE_BODY[mtype] != pcode:
            errs.append(_problem(n, "wrong_province_for_type", f"{MUNICIPALITY_TYPE_LABELS[mtype][0]} is in province {SINGLE_BODY[mtype]}, not {pcode}", province=pcode))
        elif pcode == SINGLE_BODY[MunicipalityType.BANGKOK] and mtype is not None and mtype != MunicipalityType.BANGKOK:
            errs.append(_problem(n, "bangkok_only", "province 10 has one local government, กรุงเทพมหานคร"))
        try:
            seat = parse_flag(cell(row, cols, "is_seat"))
        except ValueError as exc:
            seat = None
            errs.append(_problem(n, "bad_flag", f"seat must be 1 or 0, not {exc.args[0]!r}", value=exc.args[0]))
        since_text = cell(row, cols, "since")
        since = parse_day(since_text) if since_text else None
        if since_text and since is None:
            errs.append(_problem(n, "bad_date", f"bad date {since_text!r} (use 2024-10-31 or 31/10/2567)", value=since_text))
        if errs:
            problems.extend(labelled(errs, " ".join(x for x in (written, prov) if x)))
            continue
        assert mtype is not None and pcode is not None
        if code is not None:
            seen_codes[code] = n
        name = full_name(mtype, parsed.base)
        out.append(
            RegisterRow(
                line=n,
                code=code,
                written=written,
                name_th=name,
                type=mtype,
                province_code=pcode,
                key=(FAMILY[mtype], "" if mtype in SINGLE_BODY else compact(parsed.base)),
                district=district_name(cell(row, cols, "district")),
                name_en=cell(row, cols, "name_en"),
                seat=seat,
                since=since.isoformat() if since else None,
            )
        )
    if not out and not problems:
        raise ValidationError(f"{table.name}: no rows found", code="file_no_rows", file=table.name)
    return out, problems
