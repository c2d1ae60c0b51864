"""The user guide as a printable PDF, typeset by the project's own Thai layer.

The guide's Markdown is parsed with markdown-it-py (CommonMark plus tables)
and walked into platypus flowables: every piece of text becomes a
:class:`~secity_desktop.reports.thai_text.ThaiParagraph`, so Thai is shaped
by HarfBuzz and broken at word boundaries exactly as in the certificates.
Each chapter (one guide page) starts on a new page; a contents page with page
numbers comes first, found by building twice (the first pass records where
each chapter landed). Raw HTML (the anchors the in-app viewer jumps to) is
skipped; links print as their text.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from secity_desktop.reports.common import (
    GREEN,
    LIGHT_GREEN,
    LIGHT_GREY,
    atomic_output,
    page_footer,
    set_metadata,
    styles,
    table_style,
)
from secity_desktop.reports.thai_text import ThaiParagraph

MARGIN = 56.0
Progress = Callable[[int, int, str], bool]


@dataclass(frozen=True)
class GuideChapter:
    """One guide page: its title (for the contents), Markdown body, and the folder it lives in."""

    title: str
    body: str
    folder: Path


@dataclass(frozen=True)
class GuideTexts:
    """The words around the chapters, in the guide's language."""

    title: str
    subtitle: str
    contents: str
    footer: str
    page: str  # "หน้า {n}" / "Page {n}"


class _ChapterMark(Flowable):
    """Zero-size marker: tells the document which page a chapter starts on."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _GuideDoc(SimpleDocTemplate):
    def __init__(self, target: object, **kw: object) -> None:
        super().__init__(target, **kw)  # type: ignore[arg-type]
        self.chapter_pages: dict[int, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _ChapterMark):
            self.chapter_pages[flowable.index] = self.page


def _markup(children: list[Token]) -> str:
    """Inline tokens as ThaiParagraph markup (``<b>``, ``<i>``, ``<br/>``, escaped text)."""
    out: list[str] = []
    for t in children:
        if t.type in ("text", "code_inline"):
            out.append(html.escape(t.content, quote=False))
        elif t.type == "strong_open":
            out.append("<b>")
        elif t.type == "strong_close":
            out.append("</b>")
        elif t.type == "em_open":
            out.append("<i>")
        elif t.type == "em_close":
            out.append("</i>")
        elif t.type == "softbreak":
            out.append(" ")
        elif t.type == "hardbreak":
            out.append("<br/>")
        elif t.type == "image":
            out.append(html.escape(t.content, quote=False))
    return "".join(out).strip()


class _Walker:
    """Turns one chapter's token stream into flowables."""

    def __init__(self, chapter: GuideChapter, width: float, draft: bool = False) -> None:
        self.chapter = chapter
        self.width = width
        self.draft = draft  # the page-finding pass: pictures as blanks of the same size
        self.st = styles()
        body = self.st["body"]
        self.heading = {
            1: ParagraphStyle("g_h1", self.st["h1"], fontSize=19, leading=28, spaceAfter=8),
            2: self.st["h1"],
            3: self.st["h2"],
        }
        self.para = ParagraphStyle("g_body", body, fontSize=11.5, leading=18, spaceAfter=6)
        self.item = ParagraphStyle("g_item", self.para, spaceAfter=2)
        self.cell = self.st["cell"]
        self.cell_bold = self.st["cell_bold"]
        self.caption = ParagraphStyle("g_caption", self.st["small"], spaceAfter=8)

    def run(self, tokens: list[Token]) -> list[Flowable]:
        out, _ = self._block(tokens, 0, None)
        return out

    def _block(self, tokens: list[Token], i: int, stop: str | None) -> tuple[list[Flowable], int]:
        out: list[Flowable] = []
        while i < len(tokens):
            t = tokens[i]
            if stop is not None and t.type == stop:
                return out, i + 1
            if t.type == "heading_open":
                level = min(int(t.tag[1]), 3)
                text = _markup(tokens[i + 1].children or [])
                out.append(ThaiParagraph(text, self.heading[level]))
                i += 3
            elif t.type == "paragraph_open":
                out.extend(self._paragraph(tokens[i + 1], t.hidden))
                i += 3
            elif t.type in ("bullet_list_open", "ordered_list_open"):
                items, i = self._list(tokens, i)
                out.append(items)
            elif t.type == "table_open":
                table, i = self._table(tokens, i)
                out.extend([Spacer(1, 4), table, Spacer(1, 10)])
            elif t.type in ("fence", "code_block"):
                out.append(ThaiParagraph(html.escape(t.content.rstrip(), quote=False).replace(
                    "\n", "<br/>"), self.st["small"]))
                i += 1
            else:  # html_block (anchors), hr and anything unknown: nothing to print
                i += 1
        return out, i

    def _paragraph(self, inline: Token, tight: bool) -> list[Flowable]:
        children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
        if len(children) == 1 and children[0].type == "image":
            return self._image(children[0])
        style = self.item if tight else self.para
        text = _markup(inline.children or [])
        return [ThaiParagraph(text, style)] if text else []

    def _image(self, token: Token) -> list[Flowable]:
        path = (self.chapter.folder / str(token.attrGet("src") or "")).resolve()
        with PILImage.open(path) as img:
            w, h = img.size
        scale = min(self.width / w, 1.0)
        picture: Flowable = (Spacer(w * scale, h * scale) if self.draft
                             else Image(str(path), width=w * scale, height=h * scale))
        framed = Table([[picture]], style=table_style([
            ("BOX", (0, 0), (-1, -1), 0.6, LIGHT_GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        caption = _markup([token])
        parts: list[Flowable] = [Spacer(1, 4), framed]
        if caption:
            parts.append(ThaiParagraph(caption, self.caption))
        return [KeepTogether(parts)]

    def _list(self, tokens: list[Token], i: int) -> tuple[Flowable, int]:
        opener = tokens[i]
        ordered = opener.type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        i += 1
        items: list[ListItem] = []
        while tokens[i].type != close:
            content, i = self._block(tokens, i + 1, "list_item_close")
            items.append(ListItem(content))
        start = int(opener.attrGet("start") or 1) if ordered else None
        flow = ListFlowable(
            items,
            bulletType="1" if ordered else "bullet",
            bulletFormat="%s." if ordered else None,
            start=start if ordered else "•",
            bulletFontName="Sarabun",
            bulletFontSize=self.para.fontSize,
            leftIndent=18,
            bulletDedent=14,
            spaceAfter=6,
        )
        return flow, i + 1

    def _table(self, tokens: list[Token], i: int) -> tuple[Flowable, int]:
        rows: list[list[Flowable]] = []
        row: list[Flowable] = []
        chars: dict[int, int] = {}  # text per column, to share the width by need
        header = False
        i += 1
        while tokens[i].type != "table_close":
            t = tokens[i]
            if t.type == "thead_open":
                header = True
            elif t.type == "tbody_open":
                header = False
            elif t.type == "tr_open":
                row = []
            elif t.type == "tr_close":
                rows.append(row)
            elif t.type == "inline":
                style = self.cell_bold if header else self.cell
                chars[len(row)] = chars.get(len(row), 0) + len(t.content)
                row.append(ThaiParagraph(_markup(t.children or []), style))
            i += 1
        cols = max(len(r) for r in rows)
        need = [max(chars.get(c, 0), 1) ** 0.5 for c in range(cols)]
        widths = [self.width * n / sum(need) for n in need]
        table = Table(rows, colWidths=widths, repeatRows=1, style=table_style([
            ("GRID", (0, 0), (-1, -1), 0.5, LIGHT_GREY),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREEN),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        return table, i + 1


def _story(
    chapters: list[GuideChapter], texts: GuideTexts, pages: dict[int, int], width: float,
    progress: Progress, draft: bool,
) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        Spacer(1, 120),
        ThaiParagraph(texts.title, ParagraphStyle("g_title", st["title"], fontSize=26, leading=38)),
        Spacer(1, 10),
        ThaiParagraph(texts.subtitle, st["subtitle"]),
        PageBreak(),
        ThaiParagraph(texts.contents, st["h1"]),
    ]
    toc_style = ParagraphStyle("g_toc", st["body"], fontSize=12, leading=20)
    toc_num = ParagraphStyle("g_toc_n", toc_style, alignment=2)
    rows = [
        [ThaiParagraph(html.escape(c.title, quote=False), toc_style),
         ThaiParagraph(str(pages.get(n, "")), toc_num)]
        for n, c in enumerate(chapters)
    ]
    story.append(Table(rows, colWidths=[width - 50, 50], style=table_style([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GREY),
        ("TEXTCOLOR", (0, 0), (-1, -1), GREEN),
    ])))
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    for n, chapter in enumerate(chapters):
        if not progress(n, len(chapters), chapter.title):
            from secity_desktop.core.errors import Cancelled

            raise Cancelled("the guide PDF was cancelled", code="cancelled")
        story.append(PageBreak())
        story.append(_ChapterMark(n))
        story.extend(_Walker(chapter, width, draft).run(md.parse(chapter.body)))
    return story


def render_guide(
    chapters: list[GuideChapter], out: Path, texts: GuideTexts, progress: Progress | None = None
) -> int:
    """Write the guide to ``out`` (atomically); returns the number of pages."""
    out = Path(out)
    width = A4[0] - 2 * MARGIN
    n = len(chapters)

    def build(target: object, pages: dict[int, int], step: int) -> _GuideDoc:
        doc = _GuideDoc(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,  # type: ignore[arg-type]
                        topMargin=MARGIN, bottomMargin=MARGIN + 8, title=texts.title)

        def decorate(canvas, document) -> None:  # type: ignore[no-untyped-def]
            set_metadata(canvas, texts.title, texts.subtitle)
            if document.page > 1:
                page_footer(canvas, A4[0], MARGIN, texts.footer, texts.page.format(n=document.page))

        def tick(done: int, _total: int, text: str) -> bool:
            return progress is None or progress(step * n + done, 2 * n, text)

        doc.build(_story(chapters, texts, pages, width, tick, draft=step == 0),
                  onFirstPage=decorate, onLaterPages=decorate)
        return doc

    # Pictures go in as binary Flate streams: reportlab's default ASCII85 wrapping is done in
    # pure Python when its C accelerator is missing and cost most of the time (30 screenshots).
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        first = build(io.BytesIO(), {}, 0)  # where each chapter lands, for the contents page
        with atomic_output(out) as tmp:
            final = build(str(tmp), dict(first.chapter_pages), 1)
    finally:
        rl_config.useA85 = a85
    return int(final.page)
