"""Assessments, responses and the audit trail as tables with Thai headers and BE dates.

Rows are fetched in bulk (one query per table, scores from ``bulk_scores``) so a
national export does not run one query per assessment. Scores are the effective
ones (reviewer overrides applied); the responses table shows both the
assessor's and the reviewer's level. Dates are Buddhist Era, local time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.core.scoring import tier_for
from secity_desktop.core.thai_calendar import format_datetime_th, parse_iso
from secity_desktop.reports.tables import Table, write_csv, write_xlsx
from secity_desktop.services.bulk_scores import BulkScorer
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import sheets

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


def be_datetime(iso: str | None) -> str:
    return format_datetime_th(parse_iso(iso)) if iso else ""


def _status_th(s: str) -> str:
    labels = STATUS_LABELS.get(Status(s)) if s in {x.value for x in Status} else None
    return labels[0] if labels else s


def _type_th(t: str) -> str:
    return MUNICIPALITY_TYPE_LABELS[MunicipalityType(t)][0]


def assessments_table(ws: Workspace, province: str | None = None, year: int | None = None) -> Table:
    rows = sheets.assessment_rows(ws.db, province, year)
    scorer = BulkScorer(ws.db, ws.frameworks)
    scores = scorer.scores((r[0], r[8], r[10]) for r in rows)
    comp_titles: dict[str, str] = {}
    for h in sorted({r[8] for r in rows}) or [ws.frameworks.current().hash]:
        for c in ws.frameworks.get(h).components:
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
    out = []
    for aid, code, name, typ, prov, y, rev, st, fw_hash, created, updated, by in rows:
        comps = scores.get(aid, {})
        total = sum(comps.values())
        tier = tier_for(ws.frameworks.get(fw_hash), total)
        out.append(
            [
                aid,
                code,
                name,
                _type_th(typ),
                prov,
                y,
                rev,
                _status_th(st),
                *(round(comps[c], 2) if c in comps else None for c in comp_titles),
                round(total, 2),
                tier.label_th if tier else "ต่ำกว่าเกณฑ์",
                be_datetime(created),
                be_datetime(updated),
                by,
            ]
        )
    return Table("การประเมิน", headers, out)


def responses_table(ws: Workspace, province: str | None = None, year: int | None = None) -> Table:
    headers = [
        "รหัสการประเมิน",
        "รหัสเทศบาล",
        "ชื่อเทศบาล",
        "ปีงบประมาณ (พ.ศ.)",
        "ฉบับที่",
        "รหัสตัวชี้วัด",
        "ตัวชี้วัด",
        "ระดับที่ผู้ประเมินให้",
        "คำอธิบายระดับ (ผู้ประเมิน)",
        "ระดับที่ผู้พิจารณาให้",
        "คำอธิบายระดับ (ผู้พิจารณา)",
        "เหตุผลการปรับระดับ",
        "ผู้พิจารณา",
        "หมายเหตุ",
        "บันทึกเมื่อ",
        "บันทึกโดย",
    ]
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for r in sheets.response_rows(ws.db, province, year):
        grouped.setdefault(r[0], []).append(r)
    out = []
    for items in grouped.values():
        fw = ws.frameworks.get(items[0][5])
        order = {i.code: n for n, i in enumerate(fw.indicators)}
        for r in sorted(items, key=lambda x: order.get(x[6], len(order))):
            aid, code, name, y, rev, _, ind_code, level, note, at, by, o_level, o_reason, o_by = r
            ind = fw.indicator(ind_code)

            def label(v: int | None, ind: Any = ind) -> str:
                lv = ind.level(v) if ind is not None and v is not None else None
                return lv.label_th if lv else ""

            out.append(
                [
                    aid,
                    code,
                    name,
                    y,
                    rev,
                    ind_code,
                    ind.title_th if ind else "",
                    level,
                    label(level) if level is not None else "ยังไม่ได้ตอบ",
                    o_level,
                    label(o_level),
                    o_reason or "",
                    o_by or "",
                    note,
                    be_datetime(at),
                    by,
                ]
            )
    return Table("ผลรายตัวชี้วัด", headers, out)


def audit_table(ws: Workspace, province: str | None = None, year: int | None = None) -> Table:
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

    out = [
        [
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
        for seq, at, actor, action, aid, muni, target, old, new, reason in sheets.audit_rows(
            ws.db, province, year
        )
    ]
    return Table("บันทึกการตรวจสอบ", headers, out)


BUILDERS: dict[str, Callable[[Workspace, str | None, int | None], Table]] = {
    "assessments": assessments_table,
    "responses": responses_table,
    "audit": audit_table,
}


def build_table(
    ws: Workspace, what: str, province: str | None = None, year: int | None = None
) -> Table:
    """Read the rows (on the thread that owns the store)."""
    if what not in BUILDERS:
        raise ValidationError(f"cannot export {what!r}; use one of {', '.join(WHAT)}",
                              code="outgoing.bad_table", what=what)
    return BUILDERS[what](ws, province, year)


def write_table(table: Table, fmt: str, path: Path) -> int:
    """Write the file (no store access, so it may run on a worker thread)."""
    if fmt not in FORMATS:
        raise ValidationError(f"unknown export format {fmt!r}; use csv or xlsx",
                              code="outgoing.bad_format", format=fmt)
    return write_csv(table, path) if fmt == "csv" else write_xlsx(table, path)


def export(
    ws: Workspace,
    fmt: str,
    what: str,
    path: Path,
    *,
    province: str | None = None,
    year: int | None = None,
) -> int:
    """Write one table to ``path``; returns the number of data rows."""
    if fmt not in FORMATS:
        raise ValidationError(f"unknown export format {fmt!r}; use csv or xlsx",
                              code="outgoing.bad_format", format=fmt)
    return write_table(build_table(ws, what, province, year), fmt, path)
