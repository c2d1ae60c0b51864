"""End-to-end: build real PDFs and read them back with poppler."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from thai_helpers import CERT, MARKS, MIXED, body_style, build_pdf, frame_width, poppler, squash

from secity_desktop.reports.thai_text import ThaiParagraph, draw_line, text_width

PARAGRAPHS = [CERT * 3, "<b>ผลการประเมิน:</b> " + MARKS + " " + MARKS, MIXED, CERT + " " + CERT]


def _story() -> list[ThaiParagraph]:
    styles = [body_style(), body_style(), body_style(alignment=TA_RIGHT)]
    styles.append(body_style(alignment=TA_JUSTIFY))
    return [ThaiParagraph(text, style) for text, style in zip(PARAGRAPHS, styles, strict=True)]


def _plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def test_fonts_embedded_no_type3_or_base14(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "fonts.pdf", _story())
    rows = poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert rows, "no fonts listed"
    names = [row.split()[0] for row in rows]
    assert any(name.endswith("+Sarabun-Regular") for name in names)
    assert any(name.endswith("+Sarabun-Bold") for name in names)
    for row in rows:
        assert "Type 3" not in row, row
        assert row.split()[-5] == "yes", f"not embedded: {row}"


def test_text_extracts_back_in_order(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "extract.pdf", _story())
    extracted = poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    assert "\u200b" not in extracted
    assert "\ufffd" not in extracted
    assert not re.search("[\ue000-\uf8ff]", extracted), "private-use glyph codes leaked"
    assert squash(extracted) == squash("".join(_plain(p) for p in PARAGRAPHS))


def test_layout_lines_match_breaker_and_fit(tmp_path: Path) -> None:
    paragraph = ThaiParagraph(CERT * 4, body_style())
    pdf = build_pdf(tmp_path / "layout.pdf", [paragraph])
    extracted = [ln.strip() for ln in poppler("pdftotext", "-layout", str(pdf), "-").splitlines()]
    extracted = [ln for ln in extracted if ln]
    expected = [paragraph.text[ln.start : ln.end] for ln in paragraph.lines]
    assert [squash(ln) for ln in extracted] == [squash(ln) for ln in expected]
    limit = frame_width()
    for line in expected:
        assert text_width(line, "Sarabun", 16) <= limit


def test_drawn_words_stay_inside_frame(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "bbox.pdf", _story())
    html = poppler("pdftotext", "-bbox", str(pdf), "-")
    right_edge = A4[0] - 72 - 6
    xmaxes = [float(x) for x in re.findall(r'xMax="([0-9.]+)"', html)]
    assert xmaxes
    assert max(xmaxes) <= right_edge + 0.5


def test_paragraph_splits_across_pages(tmp_path: Path) -> None:
    text = " ".join([CERT] * 60)
    pdf = build_pdf(tmp_path / "pages.pdf", [ThaiParagraph(text, body_style())])
    info = poppler("pdfinfo", str(pdf))
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    extracted = poppler("pdftotext", str(pdf), "-")
    assert squash(extracted) == squash(text)


def test_draw_line_alignment_and_extraction(tmp_path: Path) -> None:
    pdf = tmp_path / "cert.pdf"
    canvas = Canvas(str(pdf), pagesize=A4, initialFontName="Sarabun")
    title = "เกียรติบัตร <b>ดีเยี่ยม</b> น้ำใจ"
    centre = A4[0] / 2
    width = draw_line(canvas, centre, 700, title, "Sarabun", 28, "center")
    draw_line(canvas, 500, 600, MIXED, "Sarabun", 12, "right")
    canvas.showPage()
    canvas.save()
    extracted = poppler("pdftotext", str(pdf), "-")
    assert squash("เกียรติบัตร ดีเยี่ยม น้ำใจ") in squash(extracted)
    assert squash(MIXED) in squash(extracted)
    html = poppler("pdftotext", "-bbox", str(pdf), "-")
    # ActualText makes each drawn line one extracted "word" spanning its glyphs.
    boxes = re.findall(r'xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)"', html)
    assert len(boxes) == 2
    assert abs(float(boxes[0][0]) - (centre - width / 2)) < 0.5
    assert abs(float(boxes[0][1]) - (centre + width / 2)) < 0.5
    assert abs(float(boxes[1][1]) - 500) < 0.5


def test_centred_title_and_zwsp_not_drawn(tmp_path: Path) -> None:
    para = ThaiParagraph("เมือง\u200bสิ่งแวดล้อม\u200bยั่งยืน", body_style(alignment=TA_CENTER))
    pdf = build_pdf(tmp_path / "zwsp.pdf", [para])
    extracted = poppler("pdftotext", str(pdf), "-").strip()
    assert extracted == "เมืองสิ่งแวดล้อมยั่งยืน"


def test_split_keeps_promised_height() -> None:
    para = ThaiParagraph(" ".join([CERT] * 10), body_style(alignment=TA_JUSTIFY))
    width = frame_width()
    _, full = para.wrap(width, 10_000)
    head, tail = para.split(width, 5 * 24 + 3)
    assert head.wrap(width, 10_000)[1] == 5 * 24
    assert squash(head.text + tail.text) == squash(para.text)
    assert tail.wrap(width, 10_000)[1] <= full - 5 * 24 + 24
    assert para.split(width, 10) == []
    assert para.split(width, full) == [para]


def test_raw_text_mode_keeps_angle_brackets(tmp_path: Path) -> None:
    para = ThaiParagraph("ค่า <b> ต้องไม่หาย & 5 < 6", body_style(), markup=False)
    pdf = build_pdf(tmp_path / "raw.pdf", [para])
    assert squash(poppler("pdftotext", str(pdf), "-")) == squash("ค่า <b> ต้องไม่หาย & 5 < 6")


def test_sample_page_builds(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    try:
        import thai_sample_pdf
    finally:
        sys.path.pop(0)
    pdf = tmp_path / "sample.pdf"
    thai_sample_pdf.build(pdf)
    text = squash(poppler("pdftotext", str(pdf), "-"))
    assert squash(thai_sample_pdf.MARKS) in text
