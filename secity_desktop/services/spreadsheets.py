"""Assessments, responses and the audit trail as tables with Thai headers and BE dates.

Rows are fetched in bulk (one query per table, scores from ``bulk_scores``) so a
national export does not run one query per assessment. Scores are the effective
ones (reviewer overrides applied); the responses table shows both the
assessor's and the reviewer's level. Dates are Buddhist Era, local time.

Every table is streamed: its rows are generated from SQL cursors as the writer asks
for them (assessments read and scored 5,000 at a time; the responses table, 2.7 M
rows for the nation, built in ``services.response_sheet`` from cached pieces), so
memory stays flat at any size. The ``ExportSpreadsheet`` operation
(``services.front_ops``) reads through a snapshot connection
(``store.sheets.snapshot``) so its worker thread never touches the workspace's own
connection. BE dates come from ``services.sheet_dates`` (cached by minute and hour).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.lifecycle import STATUS_LABELS
from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS
from secity_desktop.core.scoring import tier_for
from secity_desktop.reports.tables import RowProgress, Table, write_csv, write_xlsx
from secity_desktop.services.bulk_scores import BulkScorer
from secity_desktop.services.response_sheet import responses_table
from secity_desktop.services.sheet_dates import be_datetime
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import sheets
from secity_desktop.store.frameworks import FrameworkRepo

if TYPE_CHECKING:
    import sqlite_utils

WHAT = ("assessments", "responses", "audit")
FORMATS = ("csv", "xlsx")

ACTION_TH = {
    "assessment.create": "สร้างแบบประเมิน",
    "response.set": "บันทึกระดับคะแนน",
    "evidence.add": "แนบหลักฐาน",
    "evidence.remove": "ถอนหลักฐาน",
    "status.change": "เปลี่ยนสถานะ",
    "review.start": "เริ่มพิจารณา",
    "review.approve": "อนุมัติ",
    "review.return": "ส่งกลับแก้ไข",
    "review.comment": "ความเห็นผู้พิจารณา",
    "review.override": "ผู้พิจารณาปรับระดับคะแนน",
    "review.override_withdraw": "ผู้พิจารณาถอนการปรับระดับ",
    "review.reopen": "เปิดพิจารณาใหม่ (ฉบับแก้ไขหลังอนุมัติ)",
    "review.resubmit": "ได้รับฉบับแก้ไข",
    "modeltown.set": "เลือกเมืองต้นแบบ",
}


_STATUS_TH = {s.value: labels[0] for s, labels in STATUS_LABELS.items()}
_TYPE_TH = {t.value: labels[0] for t, labels in MUNICIPALITY_TYPE_LABELS.items()}


def assessments_table(
    db: sqlite_utils.Database, frameworks: FrameworkRepo, province: str | None = None,
    year: int | None = None,
) -> Table:
    """One row per assessment, scored a chunk of 5,000 at a time (memory stays flat)."""
    scorer = BulkScorer(db, frameworks, repair=False)  # a snapshot connection: read only
    comp_titles: dict[str, str] = {}
    for h in sheets.framework_hashes(db, province, year) or [frameworks.current().hash]:
        for c in frameworks.get(h).components:
            comp_titles.setdefault(c.code, c.title_th)
    headers = [
        "รหัสการประเมิน",
        "รหัสเทศบาล",
        "ชื่อเทศบาล",
        "ประเภทเทศบาล",
        "จังหวัด",
        "ปีงบประมาณ (พ.ศ.)",
        "ฉบับที่",
        "สถานะ",
        *(f"องค์ประกอบที่ {c} {t}" for c, t in comp_titles.items()),
        "คะแนนรวม",
        "ระดับผลการประเมิน",
        "สร้างเมื่อ",
        "แก้ไขล่าสุดเมื่อ",
        "แก้ไขล่าสุดโดย",
    ]

    def generate() -> Iterator[list[Any]]:
        for chunk in sheets.assessment_rows(db, province, year):
            scores = scorer.scores((r[0], r[8], r[10]) for r in chunk)
            scorer.forget()
            yield from rows(chunk, scores)

    def rows(chunk: list[tuple[Any, ...]], scores: dict[str, dict[str, float]],
             ) -> Iterator[list[Any]]:
        for aid, code, name, typ, prov, y, rev, st, fw_hash, created, updated, by in chunk:
            comps = scores.get(aid, {})
            total = sum(comps.values())
            tier = tier_for(frameworks.get(fw_hash), total)
            yield [
                aid,
                code,
                name,
                _TYPE_TH[typ],
                prov,
                y,
                rev,
                _STATUS_TH.get(st, st),
                *(round(comps[c], 2) if c in comps else None for c in comp_titles),
                round(total, 2),
                tier.label_th if tier else "ต่ำกว่าเกณฑ์",
                be_datetime(created),
                be_datetime(updated),
                by,
            ]

    return Table("การประเมิน", headers, generate(),
                 sheets.count_assessments(db, province, year))


def audit_table(
    db: sqlite_utils.Database, frameworks: FrameworkRepo, province: str | None = None,
    year: int | None = None,
) -> Table:
    headers = [
        "ลำดับ",
        "วันเวลา",
        "เวลา (ISO 8601, UTC)",
        "ผู้ดำเนินการ",
        "การดำเนินการ",
        "รหัสการดำเนินการ",
        "รหัสการประเมิน",
        "เทศบาล",
        "รายการ",
        "ค่าเดิม",
        "ค่าใหม่",
        "เหตุผล",
    ]

    def text(v: str | None) -> str:
        if v is None:
            return ""
        value = json.loads(v)
        return (
            value
            if isinstance(value, str)
            else json.dumps(value, ensure_ascii=False, sort_keys=True)
        )

    def generate() -> Iterator[list[Any]]:
        for seq, at, actor, action, aid, muni, target, old, new, reason in sheets.audit_rows(
            db, province, year
        ):
            yield [
                seq,
                be_datetime(at),
                at,
                actor,
                ACTION_TH.get(action, action),
                action,
                aid or "",
                muni or "",
                target or "",
                text(old),
                text(new),
                reason or "",
            ]

    return Table("บันทึกการตรวจสอบ", headers, generate(), sheets.count_audit(db, province, year))


BUILDERS: dict[
    str, Callable[[sqlite_utils.Database, FrameworkRepo, str | None, int | None], Table]
] = {
    "assessments": assessments_table,
    "responses": responses_table,
    "audit": audit_table,
}


def check_choice(fmt: str, what: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError(f"unknown export format {fmt!r}; use csv or xlsx",
                              code="spreadsheet.bad_format", format=fmt)
    if what not in BUILDERS:
        raise ValidationError(f"cannot export {what!r}; use one of {', '.join(WHAT)}",
                              code="spreadsheet.bad_table", what=what, choices=", ".join(WHAT))


def build_table(
    db: sqlite_utils.Database, what: str, province: str | None = None, year: int | None = None
) -> Table:
    """The table over ``db`` (the workspace's connection, or a ``sheets.snapshot`` of it):
    its rows are generated as the writer reads them, on the thread that owns ``db``."""
    check_choice("csv", what)
    return BUILDERS[what](db, FrameworkRepo(db), province, year)


def write_table(
    table: Table, fmt: str, path: Path, progress: RowProgress | None = None, *,
    max_rows: int | None = None,
) -> int:
    """Write the file, pulling the rows through; returns the number of data rows."""
    check_choice(fmt, "assessments")
    if fmt == "csv":
        return write_csv(table, path, progress)
    if max_rows is None:
        return write_xlsx(table, path, progress=progress)
    return write_xlsx(table, path, progress=progress, max_rows=max_rows)


def export(
    ws: Workspace,
    fmt: str,
    what: str,
    path: Path,
    *,
    province: str | None = None,
    year: int | None = None,
    progress: RowProgress | None = None,
) -> int:
    """Write one table to ``path``; returns the number of data rows."""
    check_choice(fmt, what)
    return write_table(build_table(ws.db, what, province, year), fmt, path, progress)
