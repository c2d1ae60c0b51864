"""Reference data (provinces, regional offices, municipalities) read and validated.

The department publishes its municipality list as CSV or XLSX with Thai
headers and changes it every year, so the reader accepts Thai or English
headers, resolves provinces by code or name, and reports every bad row by its
line number. A file with any bad row is rejected whole: half a list is worse
than last year's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.localgov import MunicipalityType, parse_municipality_type

MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_REPORTED = 20

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("code", "รหัส", "รหัส อปท.", "รหัสอปท", "รหัส อปท", "รหัสองค์กรปกครองส่วนท้องถิ่น"),
    "name_th": ("name_th", "ชื่อ", "ชื่อ อปท.", "ชื่อภาษาไทย", "ชื่อเทศบาล", "ชื่อ อปท"),
    "name_en": ("name_en", "ชื่อภาษาอังกฤษ", "english name", "name"),
    "type": ("type", "ประเภท", "ประเภท อปท.", "ประเภทเทศบาล"),
    "province": ("province_code", "province", "จังหวัด", "รหัสจังหวัด"),
    "is_seat": ("is_seat", "เมืองศูนย์กลางจังหวัด", "seat"),
}


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    name_th: str
    name_en: str
    type: MunicipalityType
    province_code: str
    is_seat: bool
    source: str


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str


class ImportRejected(ValidationError):
    def __init__(self, source: str, problems: list[RowProblem], total_bad: int) -> None:
        lines = "; ".join(f"line {p.line}: {p.message}" for p in problems[:MAX_REPORTED])
        more = f" (and {total_bad - MAX_REPORTED} more)" if total_bad > MAX_REPORTED else ""
        super().__init__(f"{source}: rejected, nothing was changed — {lines}{more}")
        self.problems = problems


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def _table_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV or the first sheet of an XLSX, as text."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(f"{path}: cannot read the file ({exc.strerror})") from None
    if size > MAX_IMPORT_BYTES:
        raise ValidationError(f"{path}: file is too large ({size} bytes)")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if suffix not in (".csv", ".txt"):
        raise ValidationError(f"{path}: expected a .csv or .xlsx file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ValidationError(f"{path}: the file is empty")
    return rows[0], rows[1:]


def _xlsx_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    import zipfile

    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(f"{path}: not a readable XLSX workbook ({exc})") from None
    try:
        ws = wb.worksheets[0]
        values = [
            ["" if v is None else str(v).strip() for v in row]
            for row in ws.iter_rows(values_only=True)
        ]
    finally:
        wb.close()
    if not values:
        raise ValidationError(f"{path}: the first sheet is empty")
    return values[0], values[1:]


def _map_headers(source: str, header: list[str]) -> dict[str, int]:
    norm = [h.strip().lower() for h in header]
    found: dict[str, int] = {}
    for key, aliases in HEADER_ALIASES.items():
        for alias in aliases:
            if alias.lower() in norm:
                found[key] = norm.index(alias.lower())
                break
    missing = [k for k in ("code", "name_th", "type", "province") if k not in found]
    if missing:
        raise ValidationError(
            f"{source}: missing column(s) {', '.join(missing)}; expected headers such as "
            "รหัส, ชื่อ, ประเภท, จังหวัด (or code, name_th, type, province_code)"
        )
    return found


def parse_municipalities(
    path: Path, provinces_by_name: Mapping[str, str], province_codes: Iterable[str], source: str
) -> list[MunicipalityRow]:
    """Validate every row; raise ImportRejected listing bad lines, or return all rows."""
    header, rows = _table_rows(path)
    cols = _map_headers(str(path), header)
    codes = set(province_codes)
    out: list[MunicipalityRow] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}

    def cell(row: list[str], key: str) -> str:
        idx = cols.get(key)
        return row[idx].strip() if idx is not None and idx < len(row) and row[idx] else ""

    for n, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row if c):
            continue
        code, name_th = cell(row, "code"), cell(row, "name_th")
        raw_type, prov = cell(row, "type"), cell(row, "province")
        errs = []
        if not code or len(code) > 16 or not code.replace("-", "").isalnum():
            errs.append(f"bad code {code!r}")
        elif code in seen:
            errs.append(f"code {code} repeats line {seen[code]}")
        if not name_th:
            errs.append("name is empty")
        mtype = parse_municipality_type(raw_type)
        if mtype is None:
            errs.append(f"unknown type {raw_type!r} (use นคร, เมือง or ตำบล)")
        pcode = prov if prov in codes else provinces_by_name.get(prov.removeprefix("จังหวัด").strip())
        if pcode is None:
            errs.append(f"unknown province {prov!r}")
        if errs:
            problems.append(RowProblem(n, ", ".join(errs)))
            continue
        seen[code] = n
        assert mtype is not None and pcode is not None
        seat = cell(row, "is_seat").lower() in ("1", "true", "yes", "ใช่", "y")
        out.append(MunicipalityRow(code, name_th, cell(row, "name_en"), mtype, pcode, seat, source))
    if problems:
        raise ImportRejected(str(path), problems, len(problems))
    if not out:
        raise ValidationError(f"{path}: no municipality rows found")
    return out
