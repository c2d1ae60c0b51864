"""Build the Thai typesetting sample PDF used for the docs screenshot and for eyeballing changes.

Automated tests prove extraction and widths, but only looking shows whether
tone marks collide or clusters render as boxes, so every change to the
typesetting layer should be checked with this page.

Usage: ``PYTHONPATH=. python tools/thai_sample_pdf.py out.pdf [out.png]``
(the PNG needs ``pdftoppm`` from poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from secity_desktop.reports.fonts import register_fonts
from secity_desktop.reports.thai_text import ThaiParagraph

CERT = (
    "เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่าเทศบาลนครเชียงใหม่ได้ผ่านการประเมิน"
    "เมืองสิ่งแวดล้อมยั่งยืน ระดับดีเยี่ยม ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
)
MARKS = "ผู้ใหญ่ ปู่ย่า น้ำ กระทู้ ฟื้นฟู ที่นี่ ญี่ปุ่น ป่ำ เป๊ะ จ๋า สำนักงาน ก๊วยเตี๋ยว"


def build(out: Path) -> None:
    register_fonts()
    body = ParagraphStyle("body", fontName="Sarabun", fontSize=16, leading=24, spaceAfter=8)
    title = ParagraphStyle(
        "title", parent=body, fontName="Sarabun-Bold", fontSize=22, leading=32, alignment=TA_CENTER
    )
    story = [
        ThaiParagraph("เกียรติบัตรเมืองสิ่งแวดล้อมยั่งยืน ๒๕๖๙", title),
        ThaiParagraph(" ".join([CERT] * 3), body),
        ThaiParagraph(f"<b>วรรณยุกต์และสระ:</b> {MARKS} {MARKS}", body),
        ThaiParagraph(
            "Mixed: เทศบาลตำบลบ้านใหม่ scored 87.5% ในปี 2026 (พ.ศ. 2569) ได้คะแนนรวม ๙๒ คะแนน",
            body,
        ),
        ThaiParagraph("คำยาวมากเกินบรรทัด" + "ก้ำ" * 60, body),
        ThaiParagraph(f"{CERT} {CERT}", ParagraphStyle("justified", body, alignment=TA_JUSTIFY)),
    ]
    doc = SimpleDocTemplate(str(out), pagesize=A4, initialFontName="Sarabun")
    doc.build(story)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__)
        return 2
    pdf = Path(argv[1])
    build(pdf)
    if len(argv) == 3:
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            print("pdftoppm not found; install poppler-utils", file=sys.stderr)
            return 1
        png = Path(argv[2])
        prefix = png.with_suffix("")
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                "100",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
