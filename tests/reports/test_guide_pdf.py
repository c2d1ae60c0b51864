"""The guide's PDF: built by the Thai layer, Thai text extractable and broken only between words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pythainlp.tokenize import word_tokenize

from secity_desktop.core.errors import Cancelled
from secity_desktop.reports.guide_pdf import GuideChapter, GuideTexts, render_guide
from secity_desktop.services import guide
from tests.reports.thai_helpers import poppler, squash


@pytest.fixture(scope="module")
def thai_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("guide") / "คู่มือ.pdf"
    return out, guide.write_pdf(out, "th")


def _word_cuts(text: str) -> set[int]:
    cuts, pos = {0}, 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        pos += len(token)
        cuts.add(pos)
    return cuts


def test_thai_guide_has_every_chapter_on_numbered_pages(thai_pdf: tuple[Path, int]) -> None:
    out, pages = thai_pdf
    assert pages >= 15
    info = poppler("pdfinfo", str(out))
    assert re.search(rf"Pages:\s+{pages}\b", info)
    assert "Sarabun" in poppler("pdffonts", str(out))
    text = squash(poppler("pdftotext", str(out), "-"))
    for page in guide.pages("th"):
        assert squash(page.title) in text, page.title
    assert squash("สารบัญ") in text and squash(f"หน้า {pages}") in text
    # raw HTML anchors and Markdown syntax never reach the paper
    assert "<aname" not in text and "](" not in text and "**" not in text


def test_thai_paragraphs_break_only_between_words(thai_pdf: tuple[Path, int]) -> None:
    out, _ = thai_pdf
    lines = [ln.strip() for ln in poppler("pdftotext", str(out), "-").splitlines() if ln.strip()]
    glossary = next(p for p in guide.pages("th") if p.name == "glossary")
    paragraphs = [
        re.sub(r"[*`]", "", ln.removeprefix("- ")) for ln in glossary.body.splitlines()
        if ln.startswith("- ")
    ]
    checked = 0
    for para in paragraphs:
        flat = squash(para)
        # map positions in the space-free text back to the source text
        index = [i for i, ch in enumerate(para) if not ch.isspace()]
        cuts = _word_cuts(para)
        for line in lines:
            piece = squash(line.lstrip("•").strip())
            if len(piece) < 8 or piece == flat or piece not in flat:
                continue
            start = flat.index(piece)
            end = start + len(piece)
            if end < len(flat):  # a line that ends inside the paragraph ends at a word boundary
                assert index[end - 1] + 1 in cuts, f"mid-word break after {line!r}"
                checked += 1
    assert checked >= 3, "no wrapped glossary line was found to check"


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "never.pdf"
    chapter = GuideChapter("บท", "# หัวข้อ\n\nข้อความ\n", tmp_path)
    texts = GuideTexts("ชื่อ", "รอง", "สารบัญ", "ท้าย", "หน้า {n}")
    with pytest.raises(Cancelled):
        render_guide([chapter], out, texts, progress=lambda *_a: False)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_markdown_blocks_are_typeset(tmp_path: Path) -> None:
    body = (
        "# ชื่อบท\n\nย่อหน้า **ตัวหนา** และ *ตัวเอียง* กับ `code`\n\n"
        "1. ข้อแรก\n2. ข้อสอง\n   - ข้อย่อย\n\n| หัว | ค่า |\n|---|---|\n| ก | ข |\n\n"
        '<a name="x"></a>\n\n```\nsecity guide pdf\n```\n'
    )
    out = tmp_path / "blocks.pdf"
    render_guide([GuideChapter("บท", body, tmp_path)], out,
                 GuideTexts("ชื่อ", "รอง", "สารบัญ", "ท้าย", "หน้า {n}"))
    text = squash(poppler("pdftotext", str(out), "-"))
    for piece in ("ย่อหน้าตัวหนาและตัวเอียงกับcode", "1.ข้อแรก", "2.ข้อสอง", "ข้อย่อย", "หัวค่า",
                  "กข", "secityguidepdf"):
        assert piece in text, piece
