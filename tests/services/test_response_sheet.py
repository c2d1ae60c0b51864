"""The responses export's fast CSV path writes exactly what csv.writer writes for its rows."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.core.errors import Cancelled
from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import format_datetime_th, parse_iso
from secity_desktop.services import response_sheet, sheet_dates
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.spreadsheets import build_table, export
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from tests.services.review_helpers import DATA, received

_ODD_NOTE = 'มี, จุลภาค "อัญประกาศ"\nและขึ้น\rบรรทัดใหม่'


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """Indicators 1.9, 1.10, 2.1: the store's order (by code as text) is not the framework's."""
    forms = tmp_path / "forms"
    forms.mkdir()
    text = (DATA / "mini_framework.toml").read_text("utf-8")
    text = text.replace('code = "1.1"', 'code = "1.9"').replace('code = "1.2"', 'code = "1.10"')
    (forms / "mini.toml").write_text(text, "utf-8")
    w = open_workspace(tmp_path / "prov", forms_dir=forms)
    init_workspace(w, role=Role.PROVINCE, province_code="50", user_name="reviewer")
    a = received(w, "5001", 2569, {"1.9": 2, "1.10": 5, "2.1": 4})
    b = received(w, "5002", 2569, {"1.10": 1})
    received(w, "1201", 2568, {"2.1": 0})
    rs = ReviewService(w)
    rs.start(a)
    rs.override(a, "2.1", 2, "หลักฐานไม่ครบ, ดูหน้า 3")
    with w.db.atomic():
        w.db.execute("UPDATE responses SET note = ?, updated_at = ? WHERE assessment_id = ?"
                     " AND indicator_code = '1.10'", [_ODD_NOTE, "2026-03-01T10:15:00.5+05:45", a])
        w.db.execute(  # rows the export must still carry: unanswered, and an unknown indicator
            "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at,"
            " updated_by) VALUES (?, '2.1', NULL, ' นำหน้าด้วยช่องว่าง', ?, 'ผู้ประเมิน'),"
            " (?, '0.0', 1, '', '2026-01-02T03:04:05+00:00', 'x')",
            [b, "2025-12-31T23:59:59.999999+00:00", b])
    yield w
    w.close()


def _csv_writer_bytes(w: Workspace, province: str | None = None) -> bytes:
    """What csv.writer writes for the table's rows as cell values (the XLSX path)."""
    table = build_table(w.db, "responses", province)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


@pytest.mark.parametrize("province", [None, "50"])
def test_fast_csv_is_what_csv_writer_writes(ws: Workspace, tmp_path: Path,
                                            province: str | None) -> None:
    out = tmp_path / "r.csv"
    n = export(ws, "csv", "responses", out, province=province)
    assert out.read_bytes() == _csv_writer_bytes(ws, province)
    assert n == (7 if province is None else 6)


@pytest.mark.parametrize("zone", ["Asia/Bangkok", "Asia/Kathmandu"])
def test_fast_csv_dates_in_whole_hour_and_other_zones(ws: Workspace, tmp_path: Path, zone: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Dates built from the hour's text plus the minute, and the slower path for a local
    zone whose offset is not whole hours, both give csv.writer's bytes."""
    if not hasattr(time, "tzset"):
        pytest.skip("no time.tzset on this platform")
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        _clear_date_caches()
        out = tmp_path / "r.csv"
        export(ws, "csv", "responses", out)
        assert out.read_bytes() == _csv_writer_bytes(ws)
    finally:
        monkeypatch.undo()
        time.tzset()
        _clear_date_caches()


def _clear_date_caches() -> None:
    sheet_dates._minutes.clear()
    sheet_dates._hours.clear()


def test_rows_in_framework_order_with_labels_overrides_and_dates(ws: Workspace,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    export(ws, "csv", "responses", out, province="50")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    head, body = rows[0], rows[1:]
    assert head == response_sheet.HEADERS
    by_town = [(r[1], r[5]) for r in body]
    # 5001: the framework's order, not the text order of the codes (1.10 < 1.9 as text);
    # 5002: its unknown indicator last
    assert by_town == [("5001", "1.9"), ("5001", "1.10"), ("5001", "2.1"),
                       ("5002", "1.10"), ("5002", "2.1"), ("5002", "0.0")]
    a21 = dict(zip(head, body[2], strict=True))
    assert (a21["ระดับที่ผู้ประเมินให้"], a21["คำอธิบายระดับ (ผู้ประเมิน)"]) == ("4", "สี่")
    assert (a21["ระดับที่ผู้พิจารณาให้"], a21["คำอธิบายระดับ (ผู้พิจารณา)"]) == ("2", "สอง")
    assert a21["เหตุผลการปรับระดับ"] == "หลักฐานไม่ครบ, ดูหน้า 3"
    assert a21["ผู้พิจารณา"] == "reviewer"
    a110 = dict(zip(head, body[1], strict=True))
    assert a110["หมายเหตุ"] == _ODD_NOTE and a110["ตัวชี้วัด"] == "ตัวชี้วัดสอง"
    assert a110["บันทึกเมื่อ"] == format_datetime_th(parse_iso("2026-03-01T10:15:00.5+05:45"))
    b21 = dict(zip(head, body[4], strict=True))
    assert (b21["ระดับที่ผู้ประเมินให้"], b21["คำอธิบายระดับ (ผู้ประเมิน)"]) == ("", "ยังไม่ได้ตอบ")
    assert b21["หมายเหตุ"] == " นำหน้าด้วยช่องว่าง" and b21["ระดับที่ผู้พิจารณาให้"] == ""
    assert dict(zip(head, body[5], strict=True))["ตัวชี้วัด"] == ""


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cancel_mid_export_leaves_no_file(ws: Workspace, tmp_path: Path, fmt: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled after the first batch was written: neither the file nor its temp part stays."""
    from secity_desktop.reports import tables
    from secity_desktop.services.front_ops import ExportSpreadsheet
    from secity_desktop.services.operations import run_inline

    monkeypatch.setattr(response_sheet, "BATCH", 2)
    monkeypatch.setattr(tables, "PROGRESS_EVERY", 2)
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[int] = []
    op = ExportSpreadsheet(ws, "responses", folder / f"r.{fmt}", None, None)
    with pytest.raises(Cancelled):
        run_inline(op, lambda done, total, _: seen.append(done) or len(seen) < 2)
    assert seen[0] >= 2 and len(seen) == 2  # rows were written before the cancel
    assert list(folder.iterdir()) == [] and op.snap is None


@pytest.mark.parametrize("zone", ["Asia/Bangkok", "Asia/Kathmandu", "Europe/London",
                                  "Australia/Lord_Howe", "America/St_Johns"])
def test_be_dates_by_the_hour_match_the_calendar(zone: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The hour shortcut gives what ``format_datetime_th`` gives, in any local zone, across
    daylight-saving changes and for half-hour offsets."""
    if not hasattr(time, "tzset"):
        pytest.skip("no time.tzset on this platform")
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        sheet_dates._minutes.clear()
        sheet_dates._hours.clear()
        stamps = [f"2026-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:07.123456{off}"
                  for m in (3, 4, 10) for d in (1, 5, 29) for h in (0, 1, 2, 14, 15, 16, 23)
                  for mi in (0, 29, 30, 59) for off in ("+00:00", "+07:00", "-03:30")]
        for s in stamps + stamps:  # the second pass reads the caches
            assert sheet_dates.be_datetime(s) == format_datetime_th(parse_iso(s)), s
        assert sheet_dates.be_datetime("2026-03-01T10:15:00") == format_datetime_th(
            parse_iso("2026-03-01T10:15:00"))
        assert sheet_dates.be_datetime(None) == "" and sheet_dates.be_datetime("") == ""
    finally:
        monkeypatch.undo()
        time.tzset()
        sheet_dates._minutes.clear()
        sheet_dates._hours.clear()
