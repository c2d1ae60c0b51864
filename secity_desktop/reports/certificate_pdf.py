"""The model-town certificate: A4 landscape, vector border and seal, signed QR code.

Everything is drawn directly on the canvas (no platypus): a certificate is a
fixed composition of centred lines, each shrunk to fit rather than wrapped.
The signed payload is drawn as a vector QR code and also stored in the PDF's
Keywords, so ``secity certificate verify --pdf`` needs no QR decoder.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from secity_desktop.core.key_window import instant
from secity_desktop.core.thai_calendar import certificate_date_th, format_date_th, thai_digits
from secity_desktop.reports.certificate_template import CertificateTemplate
from secity_desktop.reports.common import CREATOR, GOLD, GREEN, GREY, atomic_output
from secity_desktop.reports.data import CertificateData
from secity_desktop.reports.fonts import register_fonts
from secity_desktop.reports.thai_text import draw_line, text_width

PAGE = landscape(A4)
THAI_TIME = dt.timezone(dt.timedelta(hours=7))
QR_SIZE = 125.0  # points (~44 mm): a version 17–18 code (with the key window) keeps modules ≥ 0.45 mm
QR_ERROR = "m"
SPECIMEN_RED = colors.Color(0.75, 0.1, 0.1, alpha=0.16)

Progress = Callable[[int, int], bool]


def qr_code(payload: str) -> segno.QRCode:
    return segno.make(payload, error=QR_ERROR, micro=False, boost_error=False)


def _values(d: CertificateData, tpl: CertificateTemplate, digits: str) -> dict[str, str]:
    values = {
        "municipality": d.municipality_th,
        "province": d.province_th,
        "tier": d.tier_th,
        "year": str(d.year),
        "date": certificate_date_th(d.issued, digits=digits),
        "certificate_id": d.certificate_id,
        "agency": "",
        "department": "",
        "signatory_name": "",
        "signatory_position": "",
    }
    values["agency"] = d.agency_th or tpl.default("agency", values)
    values["department"] = tpl.default("department", values)
    values["signatory_name"] = d.signatory_name or tpl.default("signatory_name", values)
    values["signatory_position"] = d.signatory_position or tpl.default("signatory_position", values)
    return values


def _fit(
    c: Canvas, y: float, text: str, font: str, size: float, max_w: float, min_size: float = 10
) -> None:
    """Centre a line, shrinking it until it fits: names vary from 8 to 40 characters."""
    if not text.strip():
        return
    while size > min_size and text_width(text, font, size) > max_w:
        size -= 0.5
    draw_line(c, PAGE[0] / 2, y, text, font, size, "center")


def _border(c: Canvas) -> None:
    w, h = PAGE
    c.saveState()
    c.setStrokeColor(GOLD)
    c.setLineWidth(3)
    c.rect(18, 18, w - 36, h - 36)
    c.setLineWidth(0.8)
    c.rect(25, 25, w - 50, h - 50)
    c.setStrokeColor(GREEN)
    c.setLineWidth(0.5)
    c.rect(30, 30, w - 60, h - 60)
    # a band of small diamonds between the gold lines, and a rosette in each corner
    c.setFillColor(GOLD)
    step = 14.0
    for x0, x1, y in ((40, w - 40, 21.5), (40, w - 40, h - 21.5)):
        n = int((x1 - x0) / step)
        for i in range(n + 1):
            _diamond(c, x0 + i * (x1 - x0) / n, y, 1.6)
    for y0, y1, x in ((40, h - 40, 21.5), (40, h - 40, w - 21.5)):
        n = int((y1 - y0) / step)
        for i in range(n + 1):
            _diamond(c, x, y0 + i * (y1 - y0) / n, 1.6)
    for cx, cy in ((30, 30), (w - 30, 30), (30, h - 30), (w - 30, h - 30)):
        c.setFillColor(colors.white)
        c.setStrokeColor(GOLD)
        c.setLineWidth(0.8)
        c.circle(cx, cy, 9, stroke=1, fill=1)
        _rosette(c, cx, cy, 8, 8, GOLD)
    c.restoreState()


def _diamond(c: Canvas, x: float, y: float, r: float) -> None:
    p = c.beginPath()
    p.moveTo(x, y + r)
    p.lineTo(x + r, y)
    p.lineTo(x, y - r)
    p.lineTo(x - r, y)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def _rosette(
    c: Canvas, cx: float, cy: float, radius: float, petals: int, color: colors.Color
) -> None:
    """Pointed petals around a centre: an ornament, deliberately no emblem."""
    c.saveState()
    c.setFillColor(color)
    for i in range(petals):
        a = 2 * math.pi * i / petals
        half = math.pi / petals * 0.55
        tip = (cx + radius * math.cos(a), cy + radius * math.sin(a))
        left = (cx + radius * 0.45 * math.cos(a - half), cy + radius * 0.45 * math.sin(a - half))
        right = (cx + radius * 0.45 * math.cos(a + half), cy + radius * 0.45 * math.sin(a + half))
        p = c.beginPath()
        p.moveTo(cx, cy)
        p.lineTo(*left)
        p.lineTo(*tip)
        p.lineTo(*right)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def _seal(c: Canvas, cx: float, cy: float) -> None:
    """A vector seal placeholder where an office would put its emblem (none is shipped)."""
    c.saveState()
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.4)
    c.circle(cx, cy, 32, stroke=1, fill=0)
    c.setLineWidth(0.6)
    c.circle(cx, cy, 28, stroke=1, fill=0)
    c.setStrokeColor(GREEN)
    c.circle(cx, cy, 12, stroke=1, fill=0)
    _rosette(c, cx, cy, 26, 16, GOLD)
    c.setFillColor(colors.white)
    c.circle(cx, cy, 10, stroke=0, fill=1)
    _rosette(c, cx, cy, 9, 8, GREEN)
    c.restoreState()


def draw_qr(c: Canvas, payload: str, x: float, y: float, size: float) -> int:
    """Draw the QR as one filled vector path (crisp at any zoom); returns its version.

    The path is written as raw operators inside q/Q: a version-15 code has
    ~700 runs of dark modules, and formatting them here is several times
    faster than reportlab's per-number path API.
    """
    qr = qr_code(payload)
    matrix = [list(row) for row in qr.matrix_iter(scale=1, border=4)]
    module = size / len(matrix)
    ops = ["q", "1 g", f"{x:.3f} {y:.3f} {size:.3f} {size:.3f} re f", "0 g"]
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * module
        col = 0
        while col < len(row):
            if row[col]:
                start = col
                while col < len(row) and row[col]:
                    col += 1
                ops.append(
                    f"{x + start * module:.3f} {top:.3f} {(col - start) * module:.3f} {module:.3f} re"
                )
            else:
                col += 1
    ops.append("f Q")
    c.addLiteral("\n".join(ops))
    return int(qr.version)


def draw_certificate(
    c: Canvas, d: CertificateData, tpl: CertificateTemplate, *, thai_numerals: bool | None = None
) -> None:
    """One certificate on the current page of ``c``."""
    use_thai = tpl.thai_digits if thai_numerals is None else thai_numerals
    values = _values(d, tpl, "thai" if use_thai else "arabic")

    def line(key: str) -> str:
        text = tpl.fill(key, values)
        return thai_digits(text) if use_thai else text

    w, h = PAGE
    text_w = w - 220
    _border(c)
    _seal(c, w / 2, h - 80)
    c.setFillColor(colors.black)
    _fit(c, h - 146, line("agency"), "Sarabun-Bold", 20, text_w)
    _fit(c, h - 169, line("department"), "Sarabun", 16, text_w)
    c.setFillColor(GREEN)
    _fit(c, h - 224, line("title"), "Sarabun-Bold", 38, text_w)
    c.setFillColor(colors.black)
    _fit(c, h - 258, line("preamble"), "Sarabun", 18, text_w)
    c.setFillColor(GREEN)
    _fit(c, h - 298, line("recipient"), "Sarabun-Bold", 34, text_w, 18)
    c.setFillColor(colors.black)
    _fit(c, h - 324, line("recipient_detail"), "Sarabun", 18, text_w)
    _fit(c, h - 357, line("achievement"), "Sarabun-Bold", 22, text_w)
    _fit(c, h - 385, line("year_line"), "Sarabun", 18, text_w)
    _fit(c, h - 412, line("blessing"), "Sarabun", 16, text_w)
    _fit(c, h - 439, line("given"), "Sarabun", 16, text_w)
    # signature block
    c.setStrokeColor(GREY)
    c.setDash(1, 2)
    c.line(w / 2 - 110, 118, w / 2 + 110, 118)
    c.setDash()
    _fit(c, 100, line("signatory_name"), "Sarabun", 16, 300)
    _fit(c, 80, line("signatory_position"), "Sarabun", 16, 340)
    # verification corner
    c.setFillColor(GREY)
    number = tpl.fill("number", values)  # the id stays in ASCII digits: it is what people type
    draw_line(c, w - 44, 44, number, "Sarabun", 9, "right")
    for i, text in enumerate(key_lines(d, "thai" if use_thai else "arabic")):
        draw_line(c, w - 44, 58 + 11 * i, text, "Sarabun", 7.5, "right")
    if d.payload:
        draw_qr(c, d.payload, 44, 52, QR_SIZE)
        c.setFillColor(GREY)
        draw_line(c, 44 + QR_SIZE / 2, 42, line("verify_caption"), "Sarabun", 8, "center")
    else:
        _specimen(c, line("specimen"))


def _local_date(stamp: str, digits: str) -> str:
    """The date in Thailand (a certificate's date does not move with the printing laptop)."""
    return format_date_th(instant(stamp).astimezone(THAI_TIME).date(), digits=digits)


def key_lines(d: CertificateData, digits: str = "arabic") -> list[str]:
    """The signing key and its validity window, printed above the number (bottom line first).

    The same facts are inside the signed QR code (docs/certificates.md); printed so a
    person can read which key signed and from when to when it counted, in BE dates.
    The fingerprint stays in ASCII: it is compared character by character.
    """
    if not (d.payload and d.signer_fingerprint and d.signed_at and d.key_valid_from):
        return []
    until = (f"ถึง {_local_date(d.key_valid_until, digits)}" if d.key_valid_until
             else "และยังใช้ได้ขณะลงนาม")
    window = (f"ลงนามเมื่อ {_local_date(d.signed_at, digits)} · กุญแจใช้ได้ตั้งแต่ "
              f"{_local_date(d.key_valid_from, digits)} {until}")
    return [window, f"กุญแจลงนาม {d.signer_fingerprint}"]


def _specimen(c: Canvas, caption: str) -> None:
    w, h = PAGE
    c.saveState()
    c.setFillColor(colors.Color(0.75, 0.1, 0.1))
    draw_line(c, 44, 44, caption, "Sarabun-Bold", 11)
    c.setFillColor(SPECIMEN_RED)
    c.translate(w / 2, h / 2)
    c.rotate(20)
    draw_line(c, 0, -24, "ตัวอย่าง · SPECIMEN", "Sarabun-Bold", 64, "center")
    c.restoreState()


def _metadata(c: Canvas, items: Sequence[CertificateData]) -> None:
    first = items[0]
    c.setTitle(
        f"เกียรติบัตร {first.municipality_th} {first.year}"
        if len(items) == 1
        else f"เกียรติบัตร {len(items)} ฉบับ"
    )
    c.setSubject("SECity model-town certificate")
    c.setCreator(CREATOR)
    c.setAuthor(CREATOR)
    payloads = [d.payload for d in items if d.payload]
    if payloads:
        # Verification without a QR decoder reads the payload back from here.
        c.setKeywords(" ".join(payloads))


def render_certificate(
    data: CertificateData,
    out: Path,
    template: CertificateTemplate | None = None,
    *,
    thai_numerals: bool | None = None,
) -> Path:
    register_fonts()  # before the Canvas: its preamble looks up the initial font
    tpl = template or CertificateTemplate.load()
    with atomic_output(out) as tmp:
        c = Canvas(str(tmp), pagesize=PAGE, initialFontName="Sarabun")
        _metadata(c, [data])
        draw_certificate(c, data, tpl, thai_numerals=thai_numerals)
        c.showPage()
        c.save()
    return Path(out)


class _Stop(Exception):
    pass


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False


def file_name(d: CertificateData) -> str:
    return f"certificate-{d.year}-{d.municipality_code}.pdf"


def render_certificates(
    items: Sequence[CertificateData],
    out: Path,
    template: CertificateTemplate | None = None,
    *,
    thai_numerals: bool | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Render many certificates: one file each into a folder, or all pages into one ``.pdf``.

    ``progress(done, total)`` is called after each certificate; returning False
    stops the batch. Files already finished are kept (each is complete, written
    atomically); a combined file is written only when every page is done.
    """
    register_fonts()
    tpl = template or CertificateTemplate.load()
    result = BatchResult(total=len(items))
    out = Path(out)
    if out.suffix.lower() == ".pdf":
        if not items:
            return result
        try:
            with atomic_output(out) as tmp:
                c = Canvas(str(tmp), pagesize=PAGE, initialFontName="Sarabun")
                _metadata(c, items)
                for done, d in enumerate(items, start=1):
                    draw_certificate(c, d, tpl, thai_numerals=thai_numerals)
                    c.showPage()
                    if progress is not None and progress(done, len(items)) is False:
                        raise _Stop
                c.save()
        except _Stop:  # atomic_output drops the temp file: no half-printed batch under `out`
            result.cancelled = True
            return result
        result.written.append(out)
        return result
    out.mkdir(parents=True, exist_ok=True)
    for done, d in enumerate(items, start=1):
        result.written.append(
            render_certificate(d, out / file_name(d), tpl, thai_numerals=thai_numerals)
        )
        if progress is not None and progress(done, len(items)) is False:
            result.cancelled = done < len(items)
            break
    return result
