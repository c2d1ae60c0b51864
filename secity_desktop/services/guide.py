"""The user guide shipped with the app: its pages, what each names, which page F1 opens.

The guide is Markdown under ``docs/guide/<lang>/`` (found through
:func:`secity_desktop.paths.guide_dir`, so a frozen build finds it too). Each
page starts with a TOML front matter between ``+++`` lines that says, in a
form a test can check, which roles it is for, which places (and Sync pages)
and buttons it names, in the page's own language, and which screenshots it
shows. Keeping that list beside the prose is what lets the suite fail when the
app changes under the guide (tests/gui/test_help.py).

No Qt here: the help viewer, the PDF renderer and the CLI all read pages
through this module.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secity_desktop import paths
from secity_desktop.core.errors import NotFoundError, ValidationError
from secity_desktop.core.lifecycle import Role
from secity_desktop.services.operations import Operation, Progress

LANGUAGES = ("th", "en")
FENCE = "+++"
PATH_SEPARATOR = " › "  # "รับ–ส่งข้อมูล › รับ (นำเข้า)": a Sync page inside its place
HOME = "index"
ALL_ROLES = tuple(r.value for r in Role)

# F1: place key (see gui/help_viewer.py) -> page[#anchor], per role ("*" for any role).
PLACE_PAGES: dict[str, dict[str, str]] = {
    "assessments": {"assessor": "assessor", "municipality": "municipality#fill",
                    "*": "province-review"},
    "municipalities": {"*": "places"},
    "framework": {"*": "places"},
    "sync": {"assessor": "assessor#send", "municipality": "municipality#send",
             "province": "province-sync", "*": "offices"},
    "sync/export": {"municipality": "municipality#send", "*": "assessor#send"},
    "sync/import": {"assessor": "assessor#return", "province": "province-sync#import",
                    "*": "offices#import"},
    "sync/trust": {"assessor": "first-start#keys", "municipality": "municipality#keys",
                   "province": "province-sync#enrol",
                   "*": "offices#enrol"},
    "sync/key": {"*": "first-start#keys"},
    "sync/send": {"*": "province-sync#send"},
    "sync/conflicts": {"province": "province-sync#conflicts", "*": "offices#import"},
    "sync/history": {"*": "troubleshooting"},
    "review": {"*": "province-review"},
    "dashboard": {"*": "province-review#dashboard"},
    "coverage": {"*": "offices#coverage"},
    "progress": {"*": "province-review#progress"},
    "reports": {"assessor": "assessor#report", "municipality": "municipality#report",
                "*": "province-review#reports"},
}


@dataclass(frozen=True)
class GuidePage:
    """One Markdown page and what its front matter says it names."""

    name: str
    lang: str
    path: Path
    title: str
    order: int
    roles: tuple[str, ...]
    places: tuple[str, ...]
    buttons: tuple[str, ...]
    screenshots: tuple[str, ...]
    body: str

    def images(self) -> list[str]:
        """Image sources the body shows, in order (relative to the page)."""
        return [src for kind, src in _refs(self.body) if kind == "image"]

    def links(self) -> list[str]:
        """Link targets in the body (other pages, anchors)."""
        return [src for kind, src in _refs(self.body) if kind == "link"]


def guide_root() -> Path:
    return paths.guide_dir()


def image_dir() -> Path:
    return guide_root() / "img"


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """``(front matter, Markdown body)``; a page without front matter has an empty one."""
    if not text.startswith(FENCE + "\n"):
        return {}, text
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end < 0:
        raise ValidationError("guide page front matter is not closed", code="guide_front_matter")
    try:
        meta = tomllib.loads(text[len(FENCE) + 1 : end])
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(
            f"guide page front matter is not TOML: {exc}", code="guide_front_matter"
        ) from None
    return meta, text[end + len(FENCE) + 2 :]


def read_page(path: Path, lang: str) -> GuidePage:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))

    def strings(key: str) -> tuple[str, ...]:
        return tuple(str(v) for v in meta.get(key, ()))  # type: ignore[attr-defined]

    return GuidePage(
        name=path.stem,
        lang=lang,
        path=path,
        title=str(meta.get("title", path.stem)),
        order=int(meta.get("order", 99)),  # type: ignore[call-overload]
        roles=strings("roles") or ALL_ROLES,
        places=strings("places"),
        buttons=strings("buttons"),
        screenshots=strings("screenshots"),
        body=body,
    )


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else LANGUAGES[0]


def pages(lang: str = "th") -> list[GuidePage]:
    """Every page of the guide in ``lang``, in reading order."""
    folder = guide_root() / _lang(lang)
    found = [read_page(p, _lang(lang)) for p in sorted(folder.glob("*.md"))]
    return sorted(found, key=lambda p: (p.order, p.name))


def page_path(name: str, lang: str = "th") -> Path:
    """The file of page ``name`` (an ``#anchor`` is ignored)."""
    path = guide_root() / _lang(lang) / f"{name.split('#', 1)[0]}.md"
    if not path.is_file():
        raise NotFoundError(f"no guide page {name!r} in {lang}", code="guide_page", page=name)
    return path


def page_for_place(place: str, role: Role | str) -> str:
    """The page (``name`` or ``name#anchor``) F1 opens for a place, or the home page."""
    by_role = PLACE_PAGES.get(place) or PLACE_PAGES.get(place.split("/", 1)[0]) or {}
    key = role.value if isinstance(role, Role) else str(role)
    return by_role.get(key) or by_role.get("*") or HOME


def anchors(page: GuidePage) -> set[str]:
    """Anchor names the page defines with ``<a id="…"></a>``."""
    return set(re.findall(r'<a (?:id|name)="([^"]+)"', page.body))


def _refs(body: str) -> list[tuple[str, str]]:
    """``("image"|"link", target)`` for every image and link in a Markdown body."""
    from markdown_it import MarkdownIt

    out: list[tuple[str, str]] = []
    for token in MarkdownIt("commonmark").parse(body):
        for child in token.children or ():
            if child.type == "image":
                out.append(("image", str(child.attrGet("src") or "")))
            elif child.type == "link_open":
                out.append(("link", str(child.attrGet("href") or "")))
    return out


def page_html(page: GuidePage) -> str:
    """The page body as HTML for the in-app viewer (anchors kept, so F1 can jump to a task)."""
    return str(_markdown().render(page.body))


@functools.cache
def _markdown() -> Any:
    """The Markdown renderer, imported when a page is first shown (not on the start path)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")

PDF_TEXTS = {
    "th": ("คู่มือการใช้งาน SECity Desktop", "โครงการเมืองสิ่งแวดล้อมยั่งยืน · รุ่น {version} · {date}",
           "สารบัญ", "คู่มือการใช้งาน SECity Desktop", "หน้า {n}"),
    "en": ("SECity Desktop user guide", "Sustainable Environment City programme · version {version} · {date}",
           "Contents", "SECity Desktop user guide", "Page {n}"),
}


def write_pdf(
    out: Path, lang: str = "th", progress: Callable[[int, int, str], bool] | None = None
) -> int:
    """Print the whole guide in ``lang`` to ``out`` with the Thai PDF layer; returns its page count."""
    import datetime as dt

    from secity_desktop import __version__
    from secity_desktop.core.thai_calendar import format_date_th
    from secity_desktop.reports.guide_pdf import GuideChapter, GuideTexts, render_guide

    lang = _lang(lang)
    today = dt.date.today()
    date = format_date_th(today) if lang == "th" else today.isoformat()
    title, subtitle, contents, footer, page = PDF_TEXTS[lang]
    texts = GuideTexts(title, subtitle.format(version=__version__, date=date), contents, footer,
                       page)
    chapters = [GuideChapter(p.title, p.body, p.path.parent) for p in pages(lang)]
    return render_guide(chapters, Path(out), texts, progress)


class GuidePdfOperation(Operation[int]):
    """The printable guide as an operation: the PDF is typeset off the GUI thread (no store)."""

    title = "writing the guide PDF"

    def __init__(self, out: Path, lang: str = "th") -> None:
        self.out = Path(out)
        self.lang = lang
        self.pages = 0

    def work(self, progress: Progress) -> None:
        self.pages = write_pdf(self.out, self.lang, progress)

    def finish(self) -> int:
        return self.pages
