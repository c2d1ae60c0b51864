"""Writing tables to CSV and XLSX that open with readable Thai in Excel. No Qt.

- CSV is UTF-8 *with* a byte-order mark: without it Excel on Windows guesses the
  ANSI code page and shows Thai as mojibake.
- XLSX sets a Thai-capable font on every cell ("TH Sarabun New", the Thai
  government's standard font, falling back to whatever the machine has), a bold
  header, a frozen header row, an autofilter and column widths from the content.
  It is written in openpyxl's streaming mode so a national export of ~1 million
  response rows does not hold the whole sheet in memory.

The callers (``services.exports``) build the rows; this module only writes them.
"""

from __future__ import annotations

import contextlib
import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from secity_desktop.atomic import atomic_write
from secity_desktop.core.errors import StoreError

XLSX_FONT = "TH Sarabun New"
XLSX_FONT_SIZE = 14
MAX_WIDTH = 60


@dataclass
class Table:
    """A sheet: Thai headers, plain rows (str, int, float or None), and a sheet title."""

    title: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def display_width(text: str) -> int:
    """Columns a string takes: Thai vowel and tone marks above/below take no width."""
    return sum(
        0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text
    )


@contextlib.contextmanager
def _output(path: Path) -> Iterator[BinaryIO]:
    """The file appears whole or not at all (``secity_desktop.atomic``)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as out:
            yield out
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}",
                         code="report.write_failed", file=Path(path).name) from None


def write_csv(table: Table, path: Path) -> int:
    """Write UTF-8 with BOM; returns the number of data rows. The file appears whole or not at all."""
    with _output(path) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        w = csv.writer(out)
        w.writerow(table.headers)
        for row in table.rows:
            w.writerow(["" if v is None else v for v in row])
        out.flush()
        out.detach()  # the atomic writer closes the file itself
    return len(table.rows)


def _widths(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], sample: int = 2000
) -> list[float]:
    widths = [display_width(h) + 2 for h in headers]
    for n, row in enumerate(rows):
        if n >= sample:
            break
        for i, v in enumerate(row):
            if v is not None:
                widths[i] = max(widths[i], display_width(str(v)) + 2)
    # Thai at 14 pt in TH Sarabun New is narrower than Excel's default character unit.
    return [min(MAX_WIDTH, max(6.0, w * 0.9)) for w in widths]


def write_xlsx(tables: Sequence[Table] | Table, path: Path, *, font_name: str = XLSX_FONT) -> int:
    """Write one sheet per table; returns the number of data rows written in all."""
    # openpyxl costs ~110 ms to import; only an export pays it, not every app start
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    if isinstance(tables, Table):
        tables = [tables]
    wb = Workbook(write_only=True)
    body = Font(name=font_name, size=XLSX_FONT_SIZE)
    head = Font(name=font_name, size=XLSX_FONT_SIZE, bold=True)
    fill = PatternFill("solid", fgColor="E8EEF4")
    wrap = Alignment(vertical="top", wrap_text=False)
    total = 0
    for table in tables:
        ws = wb.create_sheet(table.title[:31])
        for i, w in enumerate(_widths(table.headers, table.rows), 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "A2"
        if table.headers:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"
        header = []
        for h in table.headers:
            c = WriteOnlyCell(ws, value=h)
            c.font, c.fill = head, fill
            header.append(c)
        ws.append(header)
        for row in table.rows:
            cells = []
            for v in row:
                c = WriteOnlyCell(ws, value=v)
                c.font, c.alignment = body, wrap
                if isinstance(v, float):
                    c.number_format = "0.00"
                cells.append(c)
            ws.append(cells)
        total += len(table.rows)
    with _output(path) as out:
        wb.save(out)
    return total
