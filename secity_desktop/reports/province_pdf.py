"""The province summary: every municipality of a province for one year, ranked.

Municipalities without an assessment are listed too (unranked, "—"), so the
coverage figure and the table agree and nobody is silently left out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.reports.common import (
    AMBER,
    AMBER_LINE,
    GOLD,
    LIGHT_GREEN,
    LIGHT_GREY,
    atomic_output,
    page_footer,
    styles,
    table_style,
)
from secity_desktop.reports.data import DASH, ProvinceSummaryData, or_dash
from secity_desktop.reports.thai_text import ThaiParagraph

MARGIN = 16 * mm


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _story(d: ProvinceSummaryData) -> list[Flowable]:
    s = styles()
    width = A4[0] - 2 * MARGIN - 12

    def p(text: str, style: str = "body") -> ThaiParagraph:
        return ThaiParagraph(text, s[style])

    out: list[Flowable] = [
        p("สรุปผลการประเมินเมืองสิ่งแวดล้อมยั่งยืนระดับจังหวัด", "title"),
        p(f"จังหวัด{_esc(d.province_th)} · ประจำปีงบประมาณ พ.ศ. {d.year}", "subtitle"),
        Spacer(1, 8),
    ]
    if d.provisional:
        box = Table(
            [
                [
                    p(
                        "<b>เกณฑ์ฉบับร่างชั่วคราว</b> — การประเมินในสรุปนี้ใช้เกณฑ์ร่างที่ไม่ใช่เกณฑ์"
                        "ทางการของกรม ผลคะแนนจึงใช้เพื่อการทดลองเท่านั้น",
                        "warn",
                    )
                ]
            ],
            colWidths=[width],
        )
        box.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), AMBER),
                    ("BOX", (0, 0), (-1, -1), 0.8, AMBER_LINE),
                ]
            )
        )
        out += [box, Spacer(1, 6)]
    tiers = " · ".join(f"{_esc(k)} {v} แห่ง" for k, v in d.tier_counts) or DASH
    facts = [
        (
            "ความครอบคลุม",
            f"ประเมินแล้ว {d.assessed} จาก {len(d.rows)} เทศบาล (ร้อยละ {d.coverage:.1f})",
        ),
        ("อนุมัติแล้ว", f"{d.approved} แห่ง"),
        ("ผลตามระดับ", tiers),
        ("เมืองต้นแบบ", or_dash(d.model_town_th)),
        ("เกณฑ์ที่ใช้", ", ".join(d.framework_versions) or DASH),
        ("วันที่จัดทำ", format_date_th(d.generated)),
    ]
    info = Table(
        [
            [p(_esc(k), "cell_bold"), p(_esc(v) if k != "ผลตามระดับ" else v, "cell")]
            for k, v in facts
        ],
        colWidths=[40 * mm, width - 40 * mm],
    )
    info.setStyle(
        table_style(
            [("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GREY), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    out += [info, Spacer(1, 10)]

    head = ["ลำดับ", "รหัส", "เทศบาล", "ประเภท", "คะแนนรวม", "ผลการประเมิน", "สถานะ", "ตอบแล้ว"]
    rows: list[list[object]] = [[p(h, "cell_bold") for h in head]]
    model_rows: list[int] = []
    rank = 0
    for r in d.rows:
        if r.assessed:
            rank += 1
        name = _esc(r.municipality_th) + (" <b>(เมืองต้นแบบ)</b>" if r.model_town else "")
        if r.model_town:
            model_rows.append(len(rows))
        rows.append(
            [
                p(str(rank) if r.assessed else DASH, "cell"),
                p(r.municipality_code, "cell"),
                p(name, "cell"),
                p(_esc(r.type_th), "cell"),
                p(f"{r.total:.2f}" if r.total is not None else DASH, "cell"),
                p(_esc(or_dash(r.tier_th)) if r.assessed else DASH, "cell"),
                p(_esc(or_dash(r.status_th)) if r.assessed else "ยังไม่ประเมิน", "cell"),
                p(f"{r.answered}/{r.count}" if r.assessed else DASH, "cell"),
            ]
        )
    # Fixed widths measured for the bold headers (no header word is split); the name takes the rest.
    fixed = [32, 32, None, 42, 56, 60, 66, 44]
    name_w = width - sum(w for w in fixed if w)
    table = Table(rows, colWidths=[w if w else name_w for w in fixed], repeatRows=1)
    cmds: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREEN),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in model_rows:
        cmds.append(("BOX", (0, i), (-1, i), 1.0, GOLD))
    table.setStyle(table_style(cmds))
    out.append(table)
    if not d.rows:
        out.append(p(f"{DASH} ไม่มีรายชื่อเทศบาลของจังหวัดนี้ในฐานข้อมูล", "small"))
    return out


def render_province_summary(data: ProvinceSummaryData, out: Path) -> Path:
    left = f"สรุปผลจังหวัด{data.province_th} ปี {data.year}" + (
        " · เกณฑ์ร่างชั่วคราว" if data.provisional else ""
    )

    def on_page(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        page_footer(canvas, A4[0], MARGIN, left, f"หน้า {doc.page}")

    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 6,
            initialFontName="Sarabun",
            title=f"สรุปผลการประเมินจังหวัด{data.province_th} {data.year}",
            subject="SECity province summary",
            creator="SECity Desktop",
            author="SECity Desktop",
        )
        doc.build(_story(data), onFirstPage=on_page, onLaterPages=on_page)
    return Path(out)
