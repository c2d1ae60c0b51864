"""Help › User guide: the guide names only what the running app has, and F1 finds the right page.

Windows are built offscreen for every role, in Thai (with the real catalogue)
and in English; the names a page lists in its front matter must be tabs (or
Sync pages) and buttons/menu items of a window for one of the page's roles,
and the page's prose must use them. Rename a tab or a button, or drop a
place, and this fails until the guide is brought up to date.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop import paths
from secity_desktop.core.lifecycle import Role
from secity_desktop.gui import common
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.help_viewer import HelpViewer, page_for, place_key, show_guide
from secity_desktop.gui.i18n import Translations
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.services import guide
from secity_desktop.services.workspace import init_workspace, open_workspace
from tests.gui.helpers import on_next_modal
from tests.reports.thai_helpers import poppler

ROLES = (Role.ASSESSOR, Role.MUNICIPALITY, Role.PROVINCE, Role.REGION, Role.NATIONAL)
SEP = guide.PATH_SEPARATOR
RAISE_WARNING = "This plugin does not support raise"  # offscreen only: show_guide raises the viewer


def _clean(text: str) -> str:
    """Menu/button text as a person reads it: no mnemonic, no "(&N)", no open count "(3)"."""
    text = re.sub(r"\s*\(&\w\)$", "", text).replace("&", "")
    return re.sub(r"\s*\(\d+\)$", "", text).strip()


def _window(tmp: Path, role: Role, lang: str) -> MainWindow:
    ws = open_workspace(tmp / f"{role.value}-{lang}")
    init_workspace(ws, role=role, province_code="50" if role is Role.PROVINCE else None,
                   user_name="tester",
                   municipality_code="5001" if role is Role.MUNICIPALITY else None)
    return MainWindow(ws, lang, cfg.Settings(tmp / f"{role.value}-{lang}.ini"), restore=False)


def _names(window: MainWindow) -> tuple[set[str], set[str]]:
    """(place paths, button and menu texts) the window shows."""
    places: set[str] = set()
    for i in range(window.places.count()):
        places.add(_clean(window.places.tabText(i)))
        window.places.widget(i)  # places are built on first show: build each one to read it
    sync = window.sync_place
    for i in range(sync.count()):
        places.add(_clean(window.places.tabText(window.places.indexOf(sync))) + SEP
                   + _clean(sync.tabText(i)))
    buttons = {_clean(b.text()) for b in window.findChildren(QtWidgets.QAbstractButton)}
    buttons |= {_clean(a.text()) for a in window.findChildren(QtGui.QAction)}
    return places, buttons - {""}


def _source_catalogue(folder: Path) -> QtCore.QTranslator:
    """A catalogue that translates every string to its English source text.

    Installed last, it is asked first, so an English window shows source text
    even if an earlier test left the Thai catalogue installed.
    """
    tree = ET.parse(paths.i18n_dir() / "secity_en.ts")
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or message.get("numerus") == "yes":
            continue
        translation.attrib.pop("type", None)
        translation.text = message.findtext("source")
    ts = folder / "source_en.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "source_en.qm"
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([exe, "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QtCore.QTranslator()
    assert translator.load(str(qm))
    return translator


@pytest.fixture(scope="module")
def windows(tmp_path_factory: pytest.TempPathFactory,
            qapp: QtWidgets.QApplication) -> Iterator[dict[tuple[str, str], tuple[set, set]]]:
    tmp = tmp_path_factory.mktemp("help")
    names: dict[tuple[str, str], tuple[set, set]] = {}
    tr = Translations(qapp)  # type: ignore[arg-type]
    source = _source_catalogue(tmp)
    for lang in guide.LANGUAGES:
        if lang == "th":
            tr.install("th")
        else:
            qapp.installTranslator(source)
        for role in ROLES:
            w = _window(tmp, role, lang)
            names[(role.value, lang)] = _names(w)
            w.close()
            w.ws.close()
            w.deleteLater()
        tr.uninstall()
        qapp.removeTranslator(source)
    yield names


@pytest.mark.parametrize("lang", guide.LANGUAGES)
def test_every_place_and_button_a_page_names_exists_for_its_roles(
    windows: dict[tuple[str, str], tuple[set, set]], lang: str
) -> None:
    assert "Help" not in windows[("assessor", "th")][1]  # the Thai catalogue really was used
    for page in guide.pages(lang):
        # roles without a window here (the municipality office, branch self) name nothing new
        walked = [r for r in page.roles if (r, lang) in windows]
        places = set().union(*(windows[(r, lang)][0] for r in walked))
        buttons = set().union(*(windows[(r, lang)][1] for r in walked))
        for place in page.places:
            assert place in places, f"{lang}/{page.name} names a place the app lacks: {place}"
            assert place.split(SEP)[-1] in page.body, f"{lang}/{page.name} never says {place}"
        for button in page.buttons:
            assert button in buttons, f"{lang}/{page.name} names a button the app lacks: {button}"
            assert button in page.body, f"{lang}/{page.name} never says {button}"


def test_the_guide_menu_item_is_there(windows: dict[tuple[str, str], tuple[set, set]]) -> None:
    assert "คู่มือการใช้งาน" in windows[("assessor", "th")][1]
    assert "User guide" in windows[("province", "en")][1]


@pytest.mark.parametrize("role", ROLES)
def test_every_place_has_its_own_page_for_f1(qtbot: QtBot, tmp_path: Path, role: Role) -> None:
    window = _window(tmp_path, role, "en")
    qtbot.addWidget(window)
    names = {p.name: p for p in guide.pages("en")}
    for i in range(window.places.count()):
        widget = window.places.widget(i)
        pages = [widget] if widget is not window.sync_place else [
            window.sync_place.widget(j) for j in range(window.sync_place.count())]
        for page in pages:
            if widget is window.sync_place:
                window.sync_place.setCurrentWidget(page)
            key = place_key(window, widget)
            assert key, f"{window.places.tabText(i)} has no place key"
            target = page_for(window, widget)
            name, _, anchor = target.partition("#")
            assert name != guide.HOME, f"F1 on {key} ({role.value}) only opens the contents"
            assert role.value in names[name].roles, f"F1 on {key} opens {name}, not for {role.value}"
            if anchor:
                assert anchor in guide.anchors(names[name])
    window.ws.close()


@pytest.mark.qt_log_ignore(RAISE_WARNING)
def test_f1_opens_the_page_for_the_current_place(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(tmp_path, Role.PROVINCE, "en")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.places.setCurrentWidget(window.review_place)
    qtbot.keyClick(window.places, QtCore.Qt.Key.Key_F1)
    viewer = window.guide_viewer
    assert viewer.isVisible()
    assert viewer.current_page() == "province-review"
    window.places.setCurrentWidget(window.sync_place)
    window.sync_place.setCurrentWidget(window.sync_place.conflicts_page)
    window.act_guide.trigger()
    assert window.guide_viewer is viewer  # one viewer, raised again
    assert viewer.browser.source().fragment() == "conflicts"
    assert "Conflicts" in viewer.browser.toPlainText()
    assert viewer.contents.currentItem().data(0, QtCore.Qt.ItemDataRole.UserRole) == "province-sync"
    viewer.close()
    window.ws.close()


def test_viewer_is_thai_by_default_follows_links_and_goes_back(qtbot: QtBot) -> None:
    viewer = HelpViewer()
    qtbot.addWidget(viewer)
    assert viewer.lang == "th"
    assert "คู่มือการใช้งาน SECity Desktop" in viewer.browser.toPlainText()
    assert not viewer.back_button.isEnabled()
    # a link as the page writes it, resolved against the page as a click resolves it
    viewer.browser.setSource(viewer.browser.source().resolved(QtCore.QUrl("assessor.md#send")))
    assert viewer.current_page() == "assessor"
    assert "ลงนามและส่งออก…" in viewer.browser.toPlainText()
    html = viewer.browser.toHtml()
    assert "assessor-send-th.png" in html
    image = viewer.browser.loadResource(
        QtGui.QTextDocument.ResourceType.ImageResource.value,
        viewer.browser.source().resolved(QtCore.QUrl("../img/assessor-send-th.png")),
    )
    assert image is not None and not QtGui.QImage.fromData(image).isNull()
    assert viewer.back_button.isEnabled()
    viewer.back_button.click()
    assert viewer.current_page() == "index"
    viewer.home_button.click()
    assert viewer.current_page() == "index"
    item = viewer.contents.topLevelItem(1).child(0)  # Field assessor › the assessor's day
    viewer.contents.itemClicked.emit(item, 0)
    assert viewer.current_page() == "assessor"


def test_viewer_in_english(qtbot: QtBot) -> None:
    viewer = HelpViewer("en")
    qtbot.addWidget(viewer)
    assert "SECity Desktop user guide" in viewer.browser.toPlainText()
    viewer.open_page("troubleshooting")
    assert "Wrong passphrase" in viewer.browser.toPlainText()


def test_print_button_writes_the_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    viewer = HelpViewer("en")
    qtbot.addWidget(viewer)
    out = tmp_path / "guide.pdf"
    with qtbot.waitSignal(viewer.pdf_written, timeout=120_000):
        viewer.save_pdf(out)
    assert out.read_bytes().startswith(b"%PDF")
    text = poppler("pdftotext", str(out), "-")  # the English guide, with its page footers
    assert "When something goes wrong" in text and "Page 2" in text
    assert str(out) in viewer.status.text()
    assert viewer.print_button.isEnabled()


@pytest.mark.qt_log_ignore(RAISE_WARNING)
def test_show_guide_opens_a_named_page(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(tmp_path, Role.ASSESSOR, "th")
    qtbot.addWidget(window)
    viewer = show_guide(window, "glossary")
    assert viewer.current_page() == "glossary"
    assert "ลายนิ้วมือกุญแจ" in viewer.browser.toPlainText()
    viewer.close()
    window.ws.close()


def test_a_missing_guide_is_explained_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(tmp_path, Role.ASSESSOR, "th")
    qtbot.addWidget(window)
    monkeypatch.setattr(guide, "guide_root", lambda: tmp_path / "no-guide-here")
    seen: list[str] = []

    def read_and_close(box: QtWidgets.QWidget) -> None:
        seen.append(common.plain_text(box))  # type: ignore[arg-type]
        box.accept()  # type: ignore[attr-defined]

    on_next_modal(read_and_close)
    assert show_guide(window) is None
    assert seen and "ไม่พบหน้าคู่มือ index" in seen[0]
    window.ws.close()
