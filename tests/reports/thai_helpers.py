"""Sample texts, PDF building and poppler calls shared by the Thai typesetting tests.

A plain module (imported by name; tests/ has no packages) rather than conftest,
so tests can import the helpers explicitly.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, SimpleDocTemplate

CERT = (
    "เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่าเทศบาลนครเชียงใหม่ได้ผ่านการประเมิน"
    "เมืองสิ่งแวดล้อมยั่งยืน ระดับดีเยี่ยม ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
)
MARKS = "ผู้ใหญ่ ปู่ย่า น้ำ กระทู้ ฟื้นฟู ที่นี่ ญี่ปุ่น ป่ำ เป๊ะ จ๋า สำนักงาน ก๊วยเตี๋ยว"
MIXED = "เทศบาลตำบลบ้านใหม่ scored 87.5% ในปี 2026 (พ.ศ. 2569) ได้คะแนนรวม ๙๒ คะแนน"

FRAME_MARGIN = 72.0


def body_style(**overrides: object) -> ParagraphStyle:
    base: dict[str, object] = {"fontName": "Sarabun", "fontSize": 16, "leading": 24}
    base.update(overrides)
    return ParagraphStyle("thai-body", **base)


def build_pdf(path: Path, story: Sequence[Flowable]) -> Path:
    """A4 with one-inch margins and Sarabun as the canvas's initial font (no Helvetica)."""
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=FRAME_MARGIN,
        rightMargin=FRAME_MARGIN,
        topMargin=FRAME_MARGIN,
        bottomMargin=FRAME_MARGIN,
        initialFontName="Sarabun",
    )
    doc.build(list(story))
    return path


def frame_width() -> float:
    return A4[0] - 2 * FRAME_MARGIN - 12  # SimpleDocTemplate frames pad 6 pt each side


def need_poppler(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} (poppler-utils) not installed")
    return exe


def poppler(tool: str, *args: str) -> str:
    exe = need_poppler(tool)
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def squash(text: str) -> str:
    """Whitespace-free form, so extraction and source compare regardless of layout."""
    return re.sub(r"\s+", "", text)
