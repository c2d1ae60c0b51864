"""Writing tables to CSV and XLSX that open with readable Thai in Excel. No Qt.

- CSV is UTF-8 *with* a byte-order mark: without it Excel on Windows guesses the
  ANSI code page and shows Thai as mojibake.
- XLSX sets a Thai-capable font on every cell ("TH Sarabun New", the Thai
  government's standard font, falling back to whatever the machine has), a bold
  header, a frozen header row, an autofilter and column widths from the content.

Both are written row by row: a table's rows may be a one-pass generator reading a
SQL cursor, so a national export of ~2.7 million response rows never holds the
table in memory (openpyxl's write-only mode streams each row to a temporary file).
Body cells carry no style of their own: the workbook's default (Normal) font is set
to the Thai one, so a row's plain values go to openpyxl as plain values (it reuses
one cell object for them and skips empty ones); only numbers get a "0.00" format
and only the header a named style. openpyxl hashes a cell's style objects on every
assignment — 41 % of a national XLSX with a Font per cell, still ≈ 15 % with one
named style per cell (docs/exports.md).

Excel shows at most 1,048,576 rows per sheet. A table with more rows continues on
a second sheet named ``<title> (2)`` with the same header (docs/exports.md) rather
than being refused: the person asked for the data, and CSV stays one file.

The callers (``services.spreadsheets``) build the rows; this module only writes them.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from secity_desktop.atomic import atomic_write
from secity_desktop.core.errors import Cancelled, StoreError

XLSX_FONT = "TH Sarabun New"
XLSX_FONT_SIZE = 14
XLSX_MAX_ROWS = 1_048_576
"""Excel's rows per sheet, the header included."""
MAX_WIDTH = 60
PROGRESS_EVERY = 5000

RowProgress = Callable[[int, int], bool]
"""(rows written, rows expected) → False to stop; the writer then raises ``Cancelled``."""


@dataclass
class Table:
    """A sheet: Thai headers, plain rows (str, int, float or None), and a sheet title.

    ``rows`` may be a list or a one-pass iterator; ``expected`` is how many rows the
    caller expects (for progress only; 0 when unknown).
    """

    title: str
    headers: list[str]
    rows: Iterable[Sequence[Any]] = field(default_factory=list)
    expected: int = 0
    csv_batches: Callable[[], Iterable[tuple[int, bytes]]] | None = None
    """Optional: the same rows already CSV-encoded, as (rows, UTF-8 bytes) batches — a
    table with millions of repetitive rows formats its repeated pieces once
    (:func:`csv_fields`); :func:`write_csv` then writes these instead of ``rows``."""


def csv_fields(values: Sequence[Any]) -> bytes:
    """``values`` as ``csv.writer`` writes them inside a row (comma-separated, quoted where the
    csv module quotes), UTF-8, without the line end. Each field is quoted by its own content,
    so pieces made here join with ``,`` into exactly the row ``csv.writer`` would write."""
    buf = io.StringIO()
    # a closing field makes even a lone empty value a field among others (a row of one empty
    # field alone is written as "")
    # the default dialect, line end included: which characters force quotes depends on it
    csv.writer(buf).writerow([*values, "."])
    return buf.getvalue()[:-4].encode("utf-8")  # less ",.\r\n"


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


def _ticker(progress: RowProgress | None, expected: int) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if progress is not None and progress(done, max(expected, done)) is False:
            raise Cancelled("cancelled; nothing was written", code="cancelled")

    return tick


def write_csv(table: Table, path: Path, progress: RowProgress | None = None) -> int:
    """Write UTF-8 with BOM; returns the number of data rows. The file appears whole or not at
    all (a cancel or a failure leaves nothing).

    Rows are formatted a batch at a time into memory by ``csv.writer`` and encoded once per
    batch: a text wrapper over the file would run Python's ``utf-8-sig`` codec on every row."""
    tick = _ticker(progress, table.expected)
    n = 0
    with _output(path) as raw:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(table.headers)
        raw.write(codecs.BOM_UTF8 + buf.getvalue().encode("utf-8"))
        if table.csv_batches is not None:
            for count, data in table.csv_batches():
                raw.write(data)
                n += count
                tick(n)
            return n
        rows = iter(table.rows)
        while chunk := list(itertools.islice(rows, PROGRESS_EVERY)):
            buf.seek(0)
            buf.truncate()
            w.writerows(chunk)  # csv writes None as ""
            raw.write(buf.getvalue().encode("utf-8"))
            n += len(chunk)
            tick(n)
    return n


def _widths(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[float]:
    widths = [display_width(h) + 2 for h in headers]
    seen: set[tuple[int, Any]] = set()  # level descriptions and names repeat: measure each once
    for row in rows:
        for i, v in enumerate(row):
            if v is not None and (i, v) not in seen:
                seen.add((i, v))
                widths[i] = max(widths[i], display_width(str(v)) + 2)
    # Thai at 14 pt in TH Sarabun New is narrower than Excel's default character unit.
    return [min(MAX_WIDTH, max(6.0, w * 0.9)) for w in widths]


def sheet_title(title: str, part: int) -> str:
    """Sheet names are at most 31 characters; later parts say which they are: ``ผล (2)``."""
    if part == 1:
        return title[:31]
    suffix = f" ({part})"
    return title[: 31 - len(suffix)] + suffix


def write_xlsx(
    tables: Sequence[Table] | Table,
    path: Path,
    *,
    font_name: str = XLSX_FONT,
    progress: RowProgress | None = None,
    max_rows: int = XLSX_MAX_ROWS,
) -> int:
    """Write one sheet per table (more when a table passes ``max_rows``, header included);
    returns the number of data rows written in all."""
    # openpyxl costs ~110 ms to import; only an export pays it, not every app start
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    if isinstance(tables, Table):
        tables = [tables]
    if max_rows < 2:
        raise ValueError("a sheet needs room for its header and one row")
    wb = Workbook(write_only=True)
    _body_font(wb, Font(name=font_name, size=XLSX_FONT_SIZE))
    head = NamedStyle("secity_head", font=Font(name=font_name, size=XLSX_FONT_SIZE, bold=True),
                      fill=PatternFill("solid", fgColor="E8EEF4"),
                      alignment=Alignment(vertical="top", wrap_text=False))
    wb.add_named_style(head)
    try:
        total = _fill(wb, tables, _ticker(progress, sum(t.expected for t in tables)), max_rows)
    except BaseException:
        _abandon(wb)
        raise
    with _output(path) as out:
        wb.save(out)
    return total


def _body_font(wb: Any, font: Any) -> None:
    """Make ``font`` the workbook's default (its Normal style and the cell format every
    unstyled cell uses), so body cells need no style of their own: openpyxl then reuses one
    cell object for a row's plain values and skips empty ones. openpyxl has no public call
    for this; the test of a plain cell's font read back guards it."""
    from openpyxl.utils.indexed_list import IndexedList

    wb._fonts = IndexedList([font])
    wb._named_styles["Normal"].font = font


def _abandon(wb: Any) -> None:
    """A cancelled or failed workbook: close each sheet's stream and remove its temporary file
    now, not at exit (openpyxl keeps no public way to drop a write-only workbook)."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if ws._rows is not None:
                ws._rows.close()
        writer = ws._writer
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(OSError):
                os.remove(writer.out)


def _number(ws: Any, value: float) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = "0.00"
    return cell


def _fill(wb: Any, tables: Sequence[Table], tick: Callable[[int], None], max_rows: int) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    total = 0
    for table in tables:
        rows = iter(table.rows)
        sample = list(itertools.islice(rows, 2000))
        widths = _widths(table.headers, sample)
        rows = itertools.chain(sample, rows)
        part = 0
        more = True
        while more:
            part += 1
            ws = wb.create_sheet(sheet_title(table.title, part))
            for i, w in enumerate(widths, 1):
                ws.column_dimensions[get_column_letter(i)].width = w
            ws.freeze_panes = "A2"
            header = []
            for h in table.headers:
                c = WriteOnlyCell(ws, value=h)
                c.style = "secity_head"
                header.append(c)
            ws.append(header)
            written = 0
            more = False
            for row in rows:
                # an empty text is no cell at all (openpyxl skips None, not "")
                ws.append([_number(ws, v) if type(v) is float else (None if v == "" else v)
                           for v in row])
                written += 1
                total += 1
                if total % PROGRESS_EVERY == 0:
                    tick(total)
                if written == max_rows - 1:
                    # another sheet only if a row remains (peek one and put it back)
                    nxt = next(rows, None)
                    if nxt is not None:
                        rows = itertools.chain([nxt], rows)
                        more = True
                    break
            if table.headers:  # written after the rows in write-only mode
                ws.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{written + 1}"
    tick(total)
    return total
