"""Exports read back: Thai headers, BE dates, effective scores, BOM, fonts, frozen header."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from secity_desktop.core.errors import ValidationError
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.spreadsheets import export
from secity_desktop.services.workspace import Workspace
from tests.services.review_helpers import province_ws, received


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    a = received(w, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    received(w, "5002", 2569, {"1.1": 1})
    received(w, "1201", 2569, {"1.1": 1})  # another province
    rs = ReviewService(w)
    rs.start(a)
    rs.override(a, "2.1", 2, "หลักฐานไม่ครบ")
    rs.approve(a, "ผ่าน")
    yield w
    w.close()


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


def test_assessments_csv(prov: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert export(prov, "csv", "assessments", out, province="50", year=2569) == 2
    rows = _csv(out)
    head = rows[0]
    assert head[:3] == ["รหัสการประเมิน", "รหัสเทศบาล", "ชื่อเทศบาล"]
    assert "คะแนนรวม" in head and "ระดับผลการประเมิน" in head and "ปีงบประมาณ (พ.ศ.)" in head
    assert any(h.startswith("องค์ประกอบที่ 1") for h in head)
    rec = dict(zip(head, rows[1], strict=True))
    assert rec["ชื่อเทศบาล"] == "เทศบาลนครเชียงใหม่"
    assert rec["สถานะ"] == "อนุมัติแล้ว" and rec["ปีงบประมาณ (พ.ศ.)"] == "2569"
    assert float(rec["คะแนนรวม"]) == pytest.approx(70.0)  # the reviewer's level counts
    assert rec["ระดับผลการประเมิน"] == "ดี"
    assert "2569" in rec["แก้ไขล่าสุดเมื่อ"] and "2026" not in rec["แก้ไขล่าสุดเมื่อ"]
    assert rec["ประเภทเทศบาล"] == "เทศบาลนคร"


def test_responses_xlsx(prov: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    n = export(prov, "xlsx", "responses", out, province="50")
    assert n == 4
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.title == "ผลรายตัวชี้วัด"
    assert ws.freeze_panes == "A2"
    head = [c.value for c in ws[1]]
    assert "ระดับที่ผู้ประเมินให้" in head and "ระดับที่ผู้พิจารณาให้" in head
    assert ws["A1"].font.bold and ws["A1"].font.name == "TH Sarabun New"
    assert ws["A2"].font.name == "TH Sarabun New"
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    r21 = next(r for r in rows if r["รหัสตัวชี้วัด"] == "2.1")
    assert (r21["ระดับที่ผู้ประเมินให้"], r21["ระดับที่ผู้พิจารณาให้"]) == (4, 2)
    assert r21["คำอธิบายระดับ (ผู้ประเมิน)"] == "สี่" and r21["คำอธิบายระดับ (ผู้พิจารณา)"] == "สอง"
    assert r21["เหตุผลการปรับระดับ"] == "หลักฐานไม่ครบ"
    assert "2569" in r21["บันทึกเมื่อ"]
    assert ws.column_dimensions["G"].width >= 8


def test_audit_both_formats(prov: Workspace, tmp_path: Path) -> None:
    export(prov, "xlsx", "audit", tmp_path / "audit.xlsx")
    export(prov, "csv", "audit", tmp_path / "audit.csv", province="50")
    rows = _csv(tmp_path / "audit.csv")
    assert rows[0][:5] == ["ลำดับ", "วันเวลา", "เวลา (ISO 8601, UTC)", "ผู้ดำเนินการ", "การดำเนินการ"]
    actions = [r[4] for r in rows[1:]]
    assert "ผู้พิจารณาปรับระดับคะแนน" in actions and "อนุมัติ" in actions
    override = next(r for r in rows[1:] if r[5] == "review.override")
    assert override[-1] == "หลักฐานไม่ครบ" and "2569" in override[1]
    assert all(r[7] != "เทศบาลนครนนทบุรี" for r in rows[1:])  # province filter
    wb = openpyxl.load_workbook(tmp_path / "audit.xlsx")
    # Unfiltered, it also holds Nonthaburi's two events (create, one response).
    assert wb.active.max_row == len(rows) + 2


def test_bad_choices_refused(prov: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="use csv or xlsx"):
        export(prov, "pdf", "audit", tmp_path / "x")
    with pytest.raises(ValidationError, match="cannot export 'people'"):
        export(prov, "csv", "people", tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_operation_streams_through_a_snapshot_and_splits_sheets(
    prov: Workspace, tmp_path: Path
) -> None:
    """The GUI's operation: rows read through its own snapshot, Excel's limit injected small."""
    from secity_desktop.services.front_ops import ExportSpreadsheet
    from secity_desktop.services.operations import run_inline

    out = tmp_path / "r.xlsx"
    seen: list[tuple[int, int, str]] = []
    op = ExportSpreadsheet(prov, "responses", out, "50", None, max_rows=3)
    assert run_inline(op, lambda d, t, s: seen.append((d, t, s)) or True) == 4
    assert op.snap is None  # the snapshot connection was closed in finish
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["ผลรายตัวชี้วัด", "ผลรายตัวชี้วัด (2)"]
    codes = [r[5] for ws in wb.worksheets for r in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == ["1.1", "1.1", "1.2", "2.1"]
    assert seen[-1][0] == 4 and seen[-1][1] >= 4  # rows done of rows expected


def test_operation_cancel_leaves_nothing(prov: Workspace, tmp_path: Path) -> None:
    from secity_desktop.core.errors import Cancelled
    from secity_desktop.services.front_ops import ExportSpreadsheet
    from secity_desktop.services.operations import run_inline

    out = tmp_path / "a.csv"
    op = ExportSpreadsheet(prov, "audit", out, None, None)
    with pytest.raises(Cancelled):
        run_inline(op, lambda d, t, s: False)
    assert not out.exists() and op.snap is None
    _note(prov)  # the workspace is still writable after the snapshot is gone


def _note(ws: Workspace) -> None:
    from secity_desktop.store import audit

    with ws.db.atomic():
        audit.append(ws.db, actor="test", action="review.comment", new="หลังเริ่มส่งออก")


def test_snapshot_does_not_see_later_edits(prov: Workspace, tmp_path: Path) -> None:
    from secity_desktop.services.spreadsheets import build_table, write_table
    from secity_desktop.store import sheets

    snap = sheets.snapshot(prov.db)
    try:
        before = sum(1 for _ in sheets.audit_rows(snap, None, None))
        _note(prov)
        assert sum(1 for _ in sheets.audit_rows(prov.db, None, None)) == before + 1
        n = write_table(build_table(snap, "audit"), "csv", tmp_path / "a.csv")
        assert n == before
    finally:
        sheets.close_snapshot(prov.db, snap)
