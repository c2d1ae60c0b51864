"""The shipped user guide stays whole: same pages in Thai and English, every picture and link real.

What the pages name in the running GUI is checked in tests/gui/test_help.py;
here only the files themselves (no Qt).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.core.errors import NotFoundError, ValidationError
from secity_desktop.core.lifecycle import Role
from secity_desktop.services import guide

LANGS = guide.LANGUAGES


def _stem(shot: str, lang: str) -> str:
    assert shot.endswith(f"-{lang}.png"), f"{shot}: screenshots are named <what>-{lang}.png"
    return shot.removesuffix(f"-{lang}.png")


def test_guide_is_found_through_paths() -> None:
    assert guide.guide_root() == paths.guide_dir()
    for lang in LANGS:
        assert (paths.guide_dir() / lang / f"{guide.HOME}.md").is_file()


def test_thai_and_english_have_the_same_pages_and_structure() -> None:
    th = {p.name: p for p in guide.pages("th")}
    en = {p.name: p for p in guide.pages("en")}
    assert th.keys() == en.keys()
    assert len(th) >= 8
    assert [p.name for p in guide.pages("th")] == [p.name for p in guide.pages("en")]
    for name, t in th.items():
        e = en[name]
        assert t.roles == e.roles, name
        assert [_stem(s, "th") for s in t.screenshots] == [_stem(s, "en") for s in e.screenshots]
        assert guide.anchors(t) == guide.anchors(e), name
        assert len(t.places) == len(e.places), name
        assert len(t.buttons) == len(e.buttons), name
        assert t.title != name and e.title != name, f"{name} has no title"


@pytest.mark.parametrize("lang", LANGS)
def test_every_screenshot_exists_and_is_listed(lang: str) -> None:
    for page in guide.pages(lang):
        shown = [Path(src).name for src in page.images()]
        assert sorted(shown) == sorted(page.screenshots), f"{lang}/{page.name}: front matter vs body"
        for src in page.images():
            path = (page.path.parent / src).resolve()
            assert path.is_file(), f"{lang}/{page.name} shows a missing screenshot {src}"
            assert path.parent == guide.image_dir().resolve()


def test_no_screenshot_is_left_unused_and_the_set_stays_small() -> None:
    used = {s for lang in LANGS for p in guide.pages(lang) for s in p.screenshots}
    files = {p.name for p in guide.image_dir().glob("*.png")}
    assert files == used, f"unused: {sorted(files - used)}"
    total = sum(p.stat().st_size for p in guide.image_dir().glob("*.png"))
    assert total < 6 * 1024 * 1024


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_leads_to_a_page_and_anchor(lang: str) -> None:
    by_name = {p.name: p for p in guide.pages(lang)}
    for page in by_name.values():
        for href in page.links():
            assert "://" not in href, f"{lang}/{page.name} links outside the guide: {href}"
            target, _, anchor = href.partition("#")
            name = Path(target).stem if target else page.name
            assert name in by_name, f"{lang}/{page.name} links to a missing page {href}"
            if anchor:
                assert anchor in guide.anchors(by_name[name]), f"{lang}/{page.name}: {href}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_f1_target_exists(lang: str) -> None:
    by_name = {p.name: p for p in guide.pages(lang)}
    for place, by_role in guide.PLACE_PAGES.items():
        for role, target in by_role.items():
            name, _, anchor = target.partition("#")
            assert name in by_name, f"F1 {place}/{role} -> missing page {name}"
            if anchor:
                assert anchor in guide.anchors(by_name[name]), f"F1 {place}/{role} -> {target}"


def test_page_for_place_picks_the_role_then_any_then_home() -> None:
    assert guide.page_for_place("assessments", Role.ASSESSOR) == "assessor"
    assert guide.page_for_place("assessments", Role.PROVINCE) == "province-review"
    assert guide.page_for_place("sync/import", "province") == "province-sync#import"
    assert guide.page_for_place("sync/nothing-like-this", Role.NATIONAL) == "offices"
    assert guide.page_for_place("", Role.ASSESSOR) == guide.HOME


def test_front_matter_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text('+++\ntitle = "x\n+++\n# x\n', encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        guide.read_page(bad, "th")
    assert err.value.code == "guide_front_matter"
    open_ended = tmp_path / "open.md"
    open_ended.write_text('+++\ntitle = "x"\n# x\n', encoding="utf-8")
    with pytest.raises(ValidationError):
        guide.read_page(open_ended, "th")
    plain = tmp_path / "plain.md"
    plain.write_text("# just text\n", encoding="utf-8")
    page = guide.read_page(plain, "en")
    assert page.title == "plain" and page.roles == guide.ALL_ROLES and page.body == "# just text\n"
    with pytest.raises(NotFoundError) as missing:
        guide.page_path("no-such-page", "th")
    assert missing.value.code == "guide_page"


def test_html_keeps_anchors_and_images() -> None:
    page = next(p for p in guide.pages("th") if p.name == "assessor")
    html = guide.page_html(page)
    assert '<a name="send"></a>' in html
    assert '<img src="../img/assessments-th.png"' in html
