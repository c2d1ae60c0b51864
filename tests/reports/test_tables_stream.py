"""Streaming CSV/XLSX writers: one-pass rows, sheets split at Excel's limit, cancel leaves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from secity_desktop.core.errors import Cancelled
from secity_desktop.reports.tables import Table, sheet_title, write_csv, write_xlsx


def _rows(n: int) -> Iterator[list[Any]]:
    for i in range(n):  # a generator: the writers must not need len() or a second pass
        yield [f"แถว {i}", i, i / 3, None]


def _table(n: int) -> Table:
    return Table("ผลรายตัวชี้วัด", ["ชื่อ", "ลำดับ", "ค่า", "ว่าง"], _rows(n), n)


def test_xlsx_splits_across_sheets_at_the_row_limit(tmp_path: Path) -> None:
    out = tmp_path / "split.xlsx"
    assert write_xlsx(_table(5), out, max_rows=3) == 5  # 2 data rows + header per sheet
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["ผลรายตัวชี้วัด", "ผลรายตัวชี้วัด (2)", "ผลรายตัวชี้วัด (3)"]
    values = []
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        assert rows[0] == ("ชื่อ", "ลำดับ", "ค่า", "ว่าง")  # every part has the header
        assert len(rows) <= 3 and ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:D{len(rows)}"
        values += [r[1] for r in rows[1:]]
    assert values == [0, 1, 2, 3, 4]
    cell = wb.worksheets[0]["C2"]
    assert cell.font.name == "TH Sarabun New" and cell.number_format == "0.00"
    assert wb.worksheets[0]["A1"].font.bold


def test_a_table_that_exactly_fills_a_sheet_makes_no_empty_one(tmp_path: Path) -> None:
    out = tmp_path / "full.xlsx"
    assert write_xlsx(_table(4), out, max_rows=3) == 4
    assert openpyxl.load_workbook(out).sheetnames == ["ผลรายตัวชี้วัด", "ผลรายตัวชี้วัด (2)"]


def test_sheet_titles_stay_within_excels_31_characters() -> None:
    long = "ก" * 40
    assert sheet_title(long, 1) == "ก" * 31
    assert sheet_title(long, 12) == "ก" * 26 + " (12)" and len(sheet_title(long, 12)) == 31


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cancel_leaves_no_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    with pytest.raises(Cancelled):
        if fmt == "csv":
            write_csv(_table(12_000), out, progress)
        else:
            write_xlsx(_table(12_000), out, progress=progress)
    assert seen == [(5000, 12_000)] and not out.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written temporary file either


def test_csv_progress_counts_rows(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    out = tmp_path / "p.csv"
    assert write_csv(_table(11_000), out, lambda d, t: seen.append((d, t)) or True) == 11_000
    assert seen == [(5000, 11_000), (10_000, 11_000), (11_000, 11_000)]
    lines = out.read_text("utf-8-sig").splitlines()
    assert len(lines) == 11_001 and lines[1] == "แถว 0,0,0.0,"


@pytest.mark.parametrize("values", [
    [""], [None], ["a,b"], ['say "hi"'], ["two\nlines"], ["\r"], [" lead", "trail "],
    ["ไทย", 12, 2.5, None, ""], ["", ""],
])
def test_csv_fields_join_into_the_row_csv_writer_writes(values: list[Any]) -> None:
    import csv
    import io

    from secity_desktop.reports.tables import csv_fields

    buf = io.StringIO()
    csv.writer(buf).writerow(["x", *values, "y"])  # the pieces sit inside a longer row
    assert (b"x," + csv_fields(values) + b",y\r\n") == buf.getvalue().encode("utf-8")


def test_xlsx_body_cells_plain_in_the_thai_default_font(tmp_path: Path) -> None:
    out = tmp_path / "plain.xlsx"
    write_xlsx(Table("t", ["a", "b", "c"], [["ไทย", "", 1.5]], 1), out)
    ws = openpyxl.load_workbook(out).active
    assert ws["A2"].font.name == "TH Sarabun New" and ws["A2"].font.size == 14
    assert ws["B2"].value is None  # an empty text is no cell
    assert ws["C2"].number_format == "0.00" and ws["C2"].font.name == "TH Sarabun New"
    assert ws["A1"].font.bold and ws["A2"].style == "Normal"
