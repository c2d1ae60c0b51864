"""The assessment report: one municipality's scores, every indicator and its evidence.

Built with platypus on A4 portrait. The provisional status of the framework is
stated in a box on the first page and in every page footer, because a score
under a draft framework must never be read as an official result.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from secity_desktop.core.errors import Cancelled
from secity_desktop.core.thai_calendar import format_date_th, parse_iso
from secity_desktop.reports.charts import Bar, BarChart
from secity_desktop.reports.common import (
    AMBER,
    AMBER_LINE,
    GOLD,
    GREEN,
    LIGHT_GREEN,
    LIGHT_GREY,
    atomic_output,
    human_size,
    page_footer,
    styles,
    table_style,
)
from secity_desktop.reports.data import (
    DASH,
    EvidenceEntry,
    IndicatorEntry,
    ReportData,
    ReviewEntry,
    or_dash,
)
from secity_desktop.reports.thai_text import ThaiParagraph
from secity_desktop.reports.thumbnails import thumbnail_for

Progress = Callable[[int, int], bool]
MARGIN = 18 * mm
THUMB_W = 30 * mm
THUMBS_PER_ROW = 5


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _thumbnails(
    data: ReportData, progress: Progress | None
) -> dict[str, tuple[bytes, float, float]]:
    """Decode every image once (by hash) before layout, so cancel works before any PDF work.

    Pillow releases the GIL while decoding, so a few threads cut the wait on
    reports with many photos roughly by the number of cores.
    """
    images = {e.sha256: e for i in data.indicators for e in i.evidence if e.is_image and e.path}
    out: dict[str, tuple[bytes, float, float]] = {}
    total = len(images)
    if not total:
        return out
    pool = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1, total))
    try:
        futures = {
            pool.submit(thumbnail_for, sha, ev.path): sha  # type: ignore[arg-type]
            for sha, ev in images.items()
        }
        for done, future in enumerate(as_completed(futures), start=1):
            jpeg = future.result()
            if jpeg is not None:
                out[futures[future]] = (jpeg, *_jpeg_size(jpeg))
            if progress is not None and progress(done, total) is False:
                raise Cancelled("report cancelled; no file was written", code="cancelled")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return out


def _jpeg_size(jpeg: bytes) -> tuple[float, float]:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(jpeg)) as img:
        return float(img.width), float(img.height)


class _Doc:
    def __init__(self, data: ReportData, thumbs: dict[str, tuple[bytes, float, float]]) -> None:
        self.d = data
        self.s = styles()
        self.thumbs = thumbs
        self.width = A4[0] - 2 * MARGIN - 12

    def p(self, text: str, style: str = "body") -> ThaiParagraph:
        return ThaiParagraph(text, self.s[style])

    def story(self) -> list[Flowable]:
        d = self.d
        out: list[Flowable] = [
            self.p("รายงานผลการประเมินเมืองสิ่งแวดล้อมยั่งยืน", "title"),
            self.p(
                f"{_esc(d.municipality_th)} จังหวัด{_esc(d.province_th)}"
                f" · ประจำปีงบประมาณ พ.ศ. {d.year}",
                "subtitle",
            ),
            Spacer(1, 8),
            self._framework_box(),
            Spacer(1, 8),
            self._info_table(),
            Spacer(1, 6),
            self.p("ผลคะแนน", "h1"),
            self._score_line(),
            Spacer(1, 4),
            self._component_table(),
            Spacer(1, 8),
            self._chart(),
            *self._claim(),
            self.p("ผลการพิจารณาของสำนักงาน", "h1"),
            *self._review(d.review),
        ]
        for comp in d.components:
            out.append(CondPageBreak(80))
            out.append(self.p(f"องค์ประกอบที่ {comp.code} {_esc(comp.title_th)}", "h1"))
            for ind in (i for i in d.indicators if i.component_code == comp.code):
                out.extend(self._indicator(ind))
        return out

    # --- first page ------------------------------------------------------
    def _framework_box(self) -> Flowable:
        d = self.d
        if d.provisional:
            text = (
                f"<b>เกณฑ์ฉบับร่างชั่วคราว (provisional)</b> — รายงานนี้ใช้ "
                f"{_esc(d.framework_title_th)} รุ่น {_esc(d.framework_version)} ซึ่งเป็นร่างที่จัดทำขึ้น"
                "จากคำอธิบายองค์ประกอบ ไม่ใช่ถ้อยคำหรือเกณฑ์คะแนนทางการของกรม"
                " ผลคะแนนจึงใช้เพื่อการทดลองและเตรียมความพร้อมเท่านั้น"
            )
            bg, line = AMBER, AMBER_LINE
        else:
            text = (
                f"เกณฑ์ที่ใช้: {_esc(d.framework_title_th)} รุ่น {_esc(d.framework_version)}"
                f" (สถานะ: {_esc(d.framework_status)})"
            )
            bg, line = LIGHT_GREEN, GREEN
        t = Table([[self.p(text, "warn")]], colWidths=[self.width])
        t.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), bg),
                    ("BOX", (0, 0), (-1, -1), 0.8, line),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return t

    def _info_table(self) -> Flowable:
        d = self.d
        rows = [
            (
                "เทศบาล",
                f"{d.municipality_th} (รหัส {d.municipality_code})"
                + (f" — {d.municipality_en}" if d.municipality_en else ""),
            ),
            ("จังหวัด", d.province_th),
            ("ปีงบประมาณ", f"พ.ศ. {d.year}"),
            ("ผู้ประเมิน", or_dash(d.assessor)),
            ("สถานะ", f"{d.status_th} (ฉบับที่ {d.revision})"),
            ("ลายมือชื่อดิจิทัลของผู้ประเมิน", or_dash(d.signer_fingerprint)),
            (
                "เกณฑ์การประเมิน",
                f"{d.framework_title_th} รุ่น {d.framework_version}"
                f" ({'ร่างชั่วคราว' if d.provisional else d.framework_status})",
            ),
            ("รหัสการประเมิน", d.assessment_id),
            ("วันที่จัดทำรายงาน", format_date_th(d.generated)),
        ]
        if d.demo:
            rows.append(("หมายเหตุ", "ข้อมูลสาธิต ไม่ใช่ผลการประเมินจริง"))
        t = Table(
            [[self.p(_esc(k), "cell_bold"), self.p(_esc(v), "cell")] for k, v in rows],
            colWidths=[54 * mm, self.width - 54 * mm],
        )
        t.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GREY),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return t

    def _score_line(self) -> Flowable:
        d = self.d
        tier = f"<b>{_esc(d.tier_th)}</b>" if d.tier_th else "ยังไม่ถึงเกณฑ์ระดับใด"
        return self.p(
            f"คะแนนรวม <b>{d.total:.2f}</b> จาก 100 คะแนน · ผลการประเมิน {tier}"
            f" · ประเมินแล้ว {d.answered} จาก {d.count} ตัวชี้วัด"
        )

    def _component_table(self) -> Flowable:
        head = ["องค์ประกอบ", "ตัวชี้วัดที่ประเมิน", "คะแนน", "ร้อยละ"]
        rows: list[list[object]] = [[self.p(h, "cell_bold") for h in head]]
        for c in self.d.components:
            rows.append(
                [
                    self.p(f"{c.code}. {_esc(c.title_th)}", "cell"),
                    self.p(f"{c.answered}/{c.count}", "cell"),
                    self.p(f"{c.score:.2f} / {c.weight:g}", "cell"),
                    self.p(f"{c.percent:.1f}", "cell"),
                ]
            )
        rows.append(
            [
                self.p("รวม", "cell_bold"),
                self.p(f"{self.d.answered}/{self.d.count}", "cell_bold"),
                self.p(f"{self.d.total:.2f} / 100", "cell_bold"),
                self.p(f"{self.d.total:.1f}", "cell_bold"),
            ]
        )
        w = self.width
        t = Table(rows, colWidths=[w * 0.52, w * 0.18, w * 0.18, w * 0.12], repeatRows=1)
        t.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREEN),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GREY),
                    ("LINEABOVE", (0, -1), (-1, -1), 0.8, GREEN),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return t

    def _chart(self) -> Flowable:
        bars = [
            Bar(
                f"{c.code}. {c.title_th}", c.score, c.weight, f"{c.score:.2f} / {c.weight:g}", GREEN
            )
            for c in self.d.components
        ]
        bars.append(Bar("คะแนนรวม", self.d.total, 100, f"{self.d.total:.2f} / 100", GOLD))
        return BarChart(bars)

    def _claim(self) -> list[Flowable]:
        """The municipality's self-assessment beside the verified score, per component."""
        c = self.d.claim
        if c is None:
            return []
        out: list[Flowable] = [
            CondPageBreak(120),
            self.p("การประเมินตนเองของเทศบาลเทียบกับผลการตรวจประเมิน", "h1"),
            self.p(f"ที่มา: {_esc(c.source_th)}", "small"),
        ]
        if not c.comparable:
            out.append(self.p("การประเมินตนเองใช้เกณฑ์ต่างรุ่นกัน จึงแสดงไว้โดยไม่เปรียบเทียบ", "alert"))
            return out
        gap = c.claimed_total - c.verified_total
        out.append(self.p(
            f"เทศบาลประเมินตนเอง <b>{c.claimed_total:.2f}</b> คะแนน · ผลตรวจประเมิน"
            f" <b>{c.verified_total:.2f}</b> คะแนน · ต่างกัน <b>{gap:+.2f}</b> ·"
            f" ระดับไม่ตรงกัน <b>{c.disagreements}</b> ตัวชี้วัด"
        ))
        head = ["องค์ประกอบ", "ประเมินตนเอง", "ตรวจประเมิน", "ต่างกัน", "ไม่ตรงกัน"]
        rows: list[list[object]] = [[self.p(h, "cell_bold") for h in head]]
        for comp in c.components:
            rows.append([
                self.p(f"{comp.code}. {_esc(comp.title_th)}", "cell"),
                self.p(f"{comp.claimed:.2f} / {comp.weight:g}", "cell"),
                self.p(f"{comp.verified:.2f} / {comp.weight:g}", "cell"),
                self.p(f"{comp.claimed - comp.verified:+.2f}", "cell"),
                self.p(str(comp.disagreements), "cell"),
            ])
        w = self.width
        t = Table(rows, colWidths=[w * 0.44, w * 0.15, w * 0.15, w * 0.13, w * 0.13], repeatRows=1)
        t.setStyle(table_style([
            ("BACKGROUND", (0, 0), (-1, 0), AMBER),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        out.extend([Spacer(1, 4), t, Spacer(1, 8)])
        return out

    def _claim_line(self, ind: IndicatorEntry) -> list[Flowable]:
        c = self.d.claim
        if c is None:
            return []
        claimed = c.levels.get(ind.code)
        text = f"<b>เทศบาลประเมินตนเอง:</b> {'ไม่ได้ตอบ' if claimed is None else f'ระดับ {claimed}'}"
        note = c.notes.get(ind.code)
        if note:
            text += f" — {_esc(note)}"
        disagrees = c.comparable and None not in (claimed, ind.level) and claimed != ind.level
        if disagrees:
            text += f" <b>(ไม่ตรงกับผลตรวจประเมิน ระดับ {ind.level})</b>"
        return [self.p(text, "alert" if disagrees else "cell")]

    def _review(self, entries: tuple[ReviewEntry, ...]) -> list[Flowable]:
        if not entries:
            return [self.p(f"{DASH} (ยังไม่มีการพิจารณา)", "small")]
        return [self.p(_review_text(e), "cell") for e in entries]

    # --- indicators ------------------------------------------------------
    def _indicator(self, ind: IndicatorEntry) -> list[Flowable]:
        head = self.p(f"{_esc(ind.code)} {_esc(ind.title_th)}", "h2")
        if ind.level is None:
            level = "<b>ระดับ:</b> ยังไม่ได้ประเมิน"
            criterion = DASH
        else:
            level = f"<b>ระดับ {ind.level}</b> (ช่วง {ind.min_level}–{ind.max_level})"
            if ind.overridden:
                level += f" ปรับโดยผู้พิจารณา จากระดับ {or_dash(ind.assessor_level)} ของผู้ประเมิน"
            criterion = _esc(ind.criterion_th) or DASH
        lines: list[Flowable] = [head, self.p(f"{level} — {criterion}", "cell")]
        lines.extend(self._claim_line(ind))
        if ind.evidence_missing:
            lines.append(self.p("<b>ขาดหลักฐานประกอบ</b> ตัวชี้วัดนี้ต้องมีหลักฐาน", "alert"))
        block: list[Flowable] = [KeepTogether(lines)]
        if ind.note:
            block.append(self.p(f"<b>หมายเหตุ:</b> {_esc(ind.note)}", "cell"))
        block.extend(self._evidence(ind.evidence))
        for e in ind.review:
            block.append(self.p(_review_text(e), "cell"))
        block.append(Spacer(1, 4))
        return block

    def _evidence(self, items: tuple[EvidenceEntry, ...]) -> list[Flowable]:
        if not items:
            return [self.p(f"<b>หลักฐาน:</b> {DASH}", "small")]
        pictures = [e for e in items if e.sha256 in self.thumbs]
        others = [e for e in items if e.sha256 not in self.thumbs]
        out: list[Flowable] = []
        if pictures:
            cells = [self._thumb_cell(e) for e in pictures]
            rows = [cells[i : i + THUMBS_PER_ROW] for i in range(0, len(cells), THUMBS_PER_ROW)]
            rows[-1] += [""] * (THUMBS_PER_ROW - len(rows[-1]))
            col = self.width / THUMBS_PER_ROW
            t = Table(rows, colWidths=[col] * THUMBS_PER_ROW, hAlign="LEFT")
            t.setStyle(
                table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 2),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ]
                )
            )
            out.append(t)
        if others:
            listed = ", ".join(f"{_esc(e.name)} ({human_size(e.size)})" for e in others)
            out.append(self.p(f"<b>เอกสารหลักฐาน:</b> {listed}", "small"))
        return out

    def _thumb_cell(self, e: EvidenceEntry) -> list[Flowable]:
        jpeg, w, h = self.thumbs[e.sha256]
        scale = min(THUMB_W / w, THUMB_W / h)
        img = Image(io.BytesIO(jpeg), width=w * scale, height=h * scale)
        img.hAlign = "LEFT"
        return [img, ThaiParagraph(_esc(_short(e.name, 28)), self.s["small"])]


def _short(name: str, n: int) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


def _when_th(at: str) -> str:
    """A stored UTC time as a Thai reader expects it: local date, Buddhist Era year."""
    try:
        moment = parse_iso(at)
    except ValueError:
        return at[:10]
    local = moment.astimezone() if moment.tzinfo else moment
    return format_date_th(local.date(), short=True)


def _review_text(e: ReviewEntry) -> str:
    when = _when_th(e.at)
    who = _esc(e.author) or DASH
    if e.kind == "override":
        target = f"ตัวชี้วัด {_esc(e.indicator_code or '')} " if e.indicator_code else ""
        return (
            f"<b>ปรับระดับโดยผู้พิจารณา:</b> {target}จาก {or_dash(e.old_level)} เป็น "
            f"{or_dash(e.new_level)} — เหตุผล: {_esc(e.text) or DASH} ({who}, {when})"
        )
    if e.kind == "decision":
        return f"<b>ผลการพิจารณา:</b> {_esc(e.text)} ({who}, {when})"
    target = f" ตัวชี้วัด {_esc(e.indicator_code)}" if e.indicator_code else ""
    return f"<b>ความเห็น{target}:</b> {_esc(e.text)} ({who}, {when})"


def render_assessment_report(
    data: ReportData, out: Path, *, progress: Progress | None = None
) -> Path:
    """Write the report to ``out`` (atomically); ``progress`` sees thumbnail work and may cancel."""
    thumbs = _thumbnails(data, progress)
    doc_model = _Doc(data, thumbs)
    footer_left = (
        f"รายงานการประเมิน {data.municipality_th} ปี {data.year}"
        + (" · เกณฑ์ร่างชั่วคราว" if data.provisional else "")
        + f" · {data.assessment_id[:8]}"
    )

    def on_page(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        page_footer(canvas, A4[0], MARGIN, footer_left, f"หน้า {doc.page}")

    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 6,
            initialFontName="Sarabun",
            title=f"รายงานผลการประเมิน {data.municipality_th} {data.year}",
            subject="SECity assessment report",
            creator="SECity Desktop",
            author="SECity Desktop",
        )
        doc.build(doc_model.story(), onFirstPage=on_page, onLaterPages=on_page)
    return Path(out)
