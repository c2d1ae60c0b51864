"""Progress over the years as a Thai PDF: a municipality, a province, or the nation.

Renders the values of ``core.trend`` (the read model ``services.trend`` builds):
a chart drawn with canvas primitives (``line_chart``), a table per fiscal year in
Buddhist Era years, framework breaks marked in both, and past awards or the
most improved towns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.core.trend import MunicipalityTrend, ProgressTrend
from secity_desktop.reports.common import (
    LIGHT_GREEN,
    LIGHT_GREY,
    atomic_output,
    page_footer,
    styles,
    table_style,
)
from secity_desktop.reports.data import DASH
from secity_desktop.reports.line_chart import PALETTE, Guide, LineChart, Series
from secity_desktop.reports.thai_text import ThaiParagraph

MARGIN = 16 * mm
STATUS_TH = {
    "draft": "ร่าง", "signed": "ลงนามแล้ว", "received": "รับแล้ว", "under_review": "กำลังพิจารณา",
    "returned": "ส่งกลับแก้ไข", "approved": "อนุมัติแล้ว",
}
LEVEL_TH = {"area": "ระดับพื้นที่", "national": "ระดับประเทศ"}
LINK_TH = {"mapped": "เทียบผ่านตารางเทียบเกณฑ์", "break": "เปลี่ยนเกณฑ์ ไม่นำมาเทียบ"}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows: list[list[object]], widths: list[float]) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREEN),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def _num(v: float | None, sign: bool = False) -> str:
    if v is None:
        return DASH
    return f"{v:+.2f}" if sign else f"{v:.2f}"


def municipality_story(t: MunicipalityTrend, generated: dt.date) -> list[Flowable]:
    s = styles()
    width = A4[0] - 2 * MARGIN - 12

    def p(text: str, style: str = "cell") -> ThaiParagraph:
        return ThaiParagraph(text, s[style])

    seat = " (เมืองศูนย์กลางจังหวัด)" if t.is_seat else ""
    out: list[Flowable] = [
        p("ผลการประเมินเมืองสิ่งแวดล้อมยั่งยืนตลอดหลายปี", "title"),
        p(f"{_esc(t.name_th)}{seat} · จังหวัด{_esc(t.province_th)} · รหัส {t.code}", "subtitle"),
        p(f"จัดทำเมื่อ {format_date_th(generated)}", "small"),
        Spacer(1, 8),
    ]
    if not t.years:
        out.append(p("ยังไม่มีผลการประเมินของเทศบาลนี้ในพื้นที่ทำงาน", "body"))
    else:
        years = [y.year for y in t.years]
        out += [p("คะแนนรวมและองค์ประกอบรายปี (พ.ศ.)", "h1"), LineChart(
            years,
            [Series("คะแนนรวม", [y.total for y in t.years], PALETTE[0], 2.4)],
            maximum=100, breaks=t.breaks,
            guides=[Guide(tr.min_total, tr.label_th) for tr in t.tiers],
        ), Spacer(1, 6)]
        top = max((c.weight for c in t.components), default=25)
        out += [LineChart(
            years,
            [Series(f"องค์ประกอบ {c.code} {c.title_th}",
                    [y.components.get(c.code) for y in t.years], PALETTE[(n + 1) % len(PALETTE)])
             for n, c in enumerate(t.components)],
            maximum=top, breaks=t.breaks, height=140,
        ), Spacer(1, 8)]
        versions = list(dict.fromkeys(y.framework for y in t.years))
        out.append(p("เกณฑ์ที่ใช้: " + _esc(", ".join(versions)), "small"))
        several = len(versions) > 1
        head = ["ปี พ.ศ.", "คะแนน", "เปลี่ยน", "ระดับ",
                *[f"องค์ฯ {c.code}" for c in t.components], "สถานะ",
                *(["เกณฑ์"] if several else [])]
        rows: list[list[object]] = [[p(h, "cell_bold") for h in head]]
        for y in t.years:
            note = LINK_TH.get(y.link, "")
            rows.append([
                p(str(y.year)), p(_num(y.total)), p(_num(y.change, sign=True)),
                p(_esc(y.tier_th or DASH)),
                *[p(_num(y.components.get(c.code))) for c in t.components],
                p(STATUS_TH.get(y.status, y.status)),
                *([p(_esc(y.framework.split(" ", 1)[-1]) + (f"<br/><b>{note}</b>" if note else ""))]
                  if several else []),
            ])
        n = len(t.components)
        fixed = [44, 46, 46, 64] + [44] * n
        rest = width - sum(fixed)
        out.append(_table(rows, [*fixed, *([rest / 2, rest / 2] if several else [rest])]))
        if t.breaks:
            out.append(p("เส้นประสีแดง: ปีที่ใช้เกณฑ์ต่างฉบับกันโดยไม่มีตารางเทียบที่ประกาศไว้"
                         " จึงไม่นำคะแนนมาเทียบกับปีก่อนหน้า", "small"))
    out += [p("ผลรางวัลในอดีต", "h1")]
    if t.awards:
        rows = [[p(h, "cell_bold") for h in ("ปี พ.ศ.", "ระดับ", "รางวัล", "ตามที่บันทึก")]]
        for a in t.awards:
            rows.append([p(str(a.year)), p(LEVEL_TH.get(a.level, a.level)), p(_esc(a.label_th)),
                         p(_esc(a.award_text))])
        out.append(_table(rows, [40, 70, (width - 110) / 2, (width - 110) / 2]))
    else:
        out.append(p("ไม่มีผลรางวัลในอดีตที่บันทึกไว้", "small"))
    return out


def progress_story(t: ProgressTrend, generated: dt.date) -> list[Flowable]:
    s = styles()
    width = A4[0] - 2 * MARGIN - 12

    def p(text: str, style: str = "cell") -> ThaiParagraph:
        return ThaiParagraph(text, s[style])

    national = t.province_code is None
    where = "ระดับประเทศ" if national else f"จังหวัด{_esc(t.province_th)}"
    out: list[Flowable] = [
        p("ความก้าวหน้าสู่เป้าหมายเมืองสิ่งแวดล้อมยั่งยืน", "title"),
        p(where, "subtitle"),
        p(f"จัดทำเมื่อ {format_date_th(generated)}", "small"),
        Spacer(1, 8),
    ]
    if not t.years:
        out.append(p("ยังไม่มีผลการประเมินในพื้นที่ทำงานนี้", "body"))
        return out
    years = [y.year for y in t.years]
    out += [p("ความครอบคลุมรายปี (ร้อยละของ อปท. ในทะเบียน)", "h1"), LineChart(
        years,
        [Series("ประเมินแล้ว", [y.coverage for y in t.years], PALETTE[0], 2.2),
         Series("อนุมัติแล้ว", [100.0 * y.approved / y.municipalities if y.municipalities else 0
                                for y in t.years], PALETTE[1])],
        maximum=100, height=130,
    )]
    if national:
        provinces = max((y.provinces for y in t.years), default=76)
        out += [p("จังหวัดที่เมืองศูนย์กลางผ่านเกณฑ์ และจังหวัดที่มีเมืองต้นแบบ", "h1"), LineChart(
            years,
            [Series("เมืองศูนย์กลางผ่านเกณฑ์", [float(y.seats_with_tier) for y in t.years],
                    PALETTE[0], 2.2),
             Series("มีเมืองต้นแบบ", [float(y.model_towns) for y in t.years], PALETTE[2])],
            maximum=float(provinces), height=130, guides=[Guide(provinces, "เป้าหมาย")],
        )]
        head = ["ปี พ.ศ.", "ประเมินแล้ว", "ร้อยละ", "อนุมัติ",
                *[f"ศูนย์กลาง{tr.label_th}" for tr in t.tiers], "เมืองต้นแบบ"]
        rows: list[list[object]] = [[p(h, "cell_bold") for h in head]]
        for y in t.years:
            rows.append([p(str(y.year)), p(f"{y.assessed}/{y.municipalities}"),
                         p(f"{y.coverage:.1f}"), p(str(y.approved)),
                         *[p(str(y.seat_tiers.get(tr.code, 0))) for tr in t.tiers],
                         p(f"{y.model_towns}/{y.provinces}")])
        fixed = [40, 78, 40, 44]
        rest = (width - sum(fixed)) / (len(t.tiers) + 1)
        out.append(_table(rows, [*fixed, *[rest] * (len(t.tiers) + 1)]))
    else:
        seat = _esc(t.seat_th or DASH)
        out += [p(f"คะแนนของเมืองศูนย์กลางจังหวัด ({seat})", "h1"), LineChart(
            years, [Series("คะแนนรวม (ผลที่อนุมัติ)", [y.seat_total for y in t.years], PALETTE[0],
                           2.2)],
            maximum=100, height=120,
        )]
        head = ["ปี พ.ศ.", "ประเมินแล้ว", "ร้อยละ", "อนุมัติ", "เมืองศูนย์กลาง", "เมืองต้นแบบ"]
        rows = [[p(h, "cell_bold") for h in head]]
        for y in t.years:
            rows.append([p(str(y.year)), p(f"{y.assessed}/{y.municipalities}"),
                         p(f"{y.coverage:.1f}"), p(str(y.approved)),
                         p(_esc(y.seat_tier_th or DASH)), p(_esc(y.model_town_th or DASH))])
        fixed = [40, 70, 40, 44, 80]
        out.append(_table(rows, [*fixed, width - sum(fixed)]))
    out.append(p(f"เทศบาลที่พัฒนาขึ้นมากที่สุด ({t.improved_from}–{t.improved_to})"
                 if t.improved_from else "เทศบาลที่พัฒนาขึ้นมากที่สุด", "h1"))
    if t.improved:
        rows = [[p(h, "cell_bold") for h in
                 ("ลำดับ", "รหัส", "ชื่อ", f"ปี {t.improved_from}", f"ปี {t.improved_to}",
                  "เพิ่มขึ้น")]]
        for n, r in enumerate(t.improved, 1):
            mark = " *" if r.link == "mapped" else ""
            rows.append([p(str(n)), p(r.code), p(_esc(r.name_th) + mark), p(_num(r.from_total)),
                         p(_num(r.to_total)), p(_num(r.change, sign=True))])
        fixed = [34, 56, None, 50, 50, 54]
        name_w = width - sum(w for w in fixed if w)
        out.append(_table(rows, [w if w else name_w for w in fixed]))
        if any(r.link == "mapped" for r in t.improved):
            out.append(p("* เทียบคะแนนต่างฉบับเกณฑ์ผ่านตารางเทียบเกณฑ์ที่ประกาศไว้", "small"))
    else:
        out.append(p("ยังเทียบไม่ได้ (ต้องมีผลที่อนุมัติแล้วอย่างน้อยสองปี)", "small"))
    if t.not_comparable:
        out.append(p(f"ไม่นำมาเทียบ {t.not_comparable} แห่ง เพราะใช้เกณฑ์ต่างฉบับกัน"
                     "โดยไม่มีตารางเทียบ", "small"))
    out.append(p("ผู้ประเมินแล้วนับจากผลการประเมินล่าสุดของแต่ละปี ส่วนจำนวน อปท."
                 " ใช้ทะเบียนปัจจุบัน เมืองศูนย์กลางนับเฉพาะผลที่อนุมัติแล้ว", "small"))
    return out


def render_trend(data: MunicipalityTrend | ProgressTrend, out: Path,
                 generated: dt.date | None = None) -> Path:
    day = generated or dt.date.today()
    if isinstance(data, MunicipalityTrend):
        story, title = municipality_story(data, day), f"ผลการประเมินหลายปี {data.name_th}"
    elif data.province_code:
        story, title = progress_story(data, day), f"ความก้าวหน้าจังหวัด{data.province_th}"
    else:
        story, title = progress_story(data, day), "ความก้าวหน้าระดับประเทศ"

    def on_page(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        page_footer(canvas, A4[0], MARGIN, title, f"หน้า {doc.page}")

    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN + 6, initialFontName="Sarabun", title=title,
            subject="SECity progress over the years", creator="SECity Desktop",
            author="SECity Desktop",
        )
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return Path(out)
