"""Translations: every Thai string filled, placeholders intact, catalogues current, Thai loads."""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop import paths
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.i18n import Translations, compiled_catalogue
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.preferences import PreferencesDialog
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.services.workspace import Workspace

TS_TH = paths.i18n_dir() / "secity_th.ts"
TS_EN = paths.i18n_dir() / "secity_en.ts"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))  # type: ignore[misc]
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def fields(text: str) -> set[str]:
    """The ``{name}`` placeholders of a str.format template (Electrum's check)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_thai_message_is_translated_with_the_same_fields() -> None:
    problems = []
    found = messages(TS_TH)
    assert len(found) > 100
    for ctx, source, tr in found:
        kind = tr.get("type")
        if kind in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
            problems.append(f"{ctx}: {source!r} is not translated")
        elif fields(tr.text or "") != fields(source):
            problems.append(f"{ctx}: {source!r} → {tr.text!r} has different {{fields}}")
    assert problems == []


def test_english_catalogue_has_the_same_messages() -> None:
    th = {(c, s) for c, s, _ in messages(TS_TH)}
    en = {(c, s) for c, s, _ in messages(TS_EN)}
    assert th == en


@pytest.mark.skipif(
    not shutil.which("pyside6-lupdate")
    and not Path(sys.executable).with_name("pyside6-lupdate").exists(),
    reason="no lupdate",
)
def test_catalogue_is_current_with_the_sources(tmp_path: Path) -> None:
    """Fails when a visible string was added or changed without scripts/update_translations.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "upd", paths.project_root() / "scripts" / "update_translations.py"
    )
    assert spec and spec.loader
    upd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(upd)
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [*upd.lupdate(), "-no-obsolete", "-locations", "none", *upd.sources(), "-ts", str(fresh)],
        cwd=paths.project_root(),
        check=True,
        capture_output=True,
    )
    assert {(c, s) for c, s, _ in messages(fresh)} == {(c, s) for c, s, _ in messages(TS_TH)}


@pytest.fixture
def thai(qapp: QtWidgets.QApplication) -> Iterator[Translations]:
    t = Translations(qapp)
    assert t.install("th")
    yield t
    t.uninstall()


def test_thai_catalogue_compiles_and_loads(thai: Translations, tmp_path: Path) -> None:
    assert compiled_catalogue("th", tmp_path) is not None
    assert QtCore.QCoreApplication.translate("MainWindow", "Assessments") == "แบบประเมิน"
    assert QtCore.QCoreApplication.translate("Buttons", "Cancel") == "ยกเลิก"


def test_main_window_in_thai(
    qtbot: QtBot, ws: Workspace, thai: Translations, tmp_path: Path
) -> None:
    w = MainWindow(ws, "th", cfg.Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    titles = [w.menuBar().actions()[i].text() for i in range(4)]
    assert titles[0].startswith("แฟ้ม")
    assert w.act_new.text().startswith("สร้างแบบประเมินใหม่")
    assert "Ctrl+N" in w.act_new.toolTip()


def test_language_preference_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    s = cfg.Settings(tmp_path / "s.ini")
    assert s.get(cfg.LANGUAGE) == "th"  # Thai by default
    dialog = PreferencesDialog(s)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert cfg.Settings(tmp_path / "s.ini").get(cfg.LANGUAGE) == "en"


def test_app_start_uses_the_language_preference(qtbot: QtBot, tmp_path: Path) -> None:
    from secity_desktop.app import main

    cfg.Settings().set(cfg.LANGUAGE, "en")
    window = main(["--data-dir", str(tmp_path / "w")], exec_=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert window.lang == "en"
        assert window.places.tabText(0) == "Assessments"
    finally:
        window.close()
        window._translations.uninstall()  # type: ignore[attr-defined]
        window.ws.close()


def test_settings_reject_bad_values_and_keep_window_state_apart(tmp_path: Path) -> None:
    s = cfg.Settings(tmp_path / "s.ini")
    with pytest.raises(ValueError):
        s.set(cfg.LANGUAGE, "fr")
    s.set(cfg.LANGUAGE, "en")
    s.set_state(cfg.GEOMETRY, QtCore.QByteArray(b"xyz"))
    s.sync()
    text = (tmp_path / "s.ini").read_text()
    assert "[window]" in text and "[preferences]" in text


def test_a_changed_catalogue_is_recompiled_whatever_its_file_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from secity_desktop import paths

    src = tmp_path / "i18n"
    src.mkdir()
    ts = src / "secity_th.ts"
    ts.write_bytes((paths.i18n_dir() / "secity_th.ts").read_bytes())
    monkeypatch.setattr(paths, "i18n_dir", lambda: src)
    first = compiled_catalogue("th", tmp_path / "cache")
    assert first is not None and first.exists()
    ts.write_text(ts.read_text("utf-8").replace("แบบประเมิน", "แบบประเมินใหม่", 1), "utf-8")
    os.utime(ts, (1, 1))  # older than the cached copy: time alone would serve it stale
    second = compiled_catalogue("th", tmp_path / "cache")
    assert second is not None and second != first and not first.exists()


def test_frozen_layout_loads_the_shipped_thai_catalogue_without_lrelease(
    qapp: QtWidgets.QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frozen app ships only ``i18n/*.qm`` (older or newer than anything) and no lrelease."""
    from secity_desktop.services import ui_catalogue

    built = ui_catalogue.copy_compiled(TS_TH, tmp_path / "build")
    bundle = tmp_path / "_internal"
    (bundle / "i18n").mkdir(parents=True)
    shipped = bundle / "i18n" / "secity_th.qm"
    shipped.write_bytes(built.read_bytes())
    os_time = 1_000_000  # far older than any source file: time must not matter
    import os

    os.utime(shipped, (os_time, os_time))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(ui_catalogue, "qt_tool", lambda name: None)
    monkeypatch.setattr(ui_catalogue, "compile_ts", lambda *a: pytest.fail("compiled in a frozen app"))
    assert compiled_catalogue("th", tmp_path / "cache") == shipped
    t = Translations(qapp)
    try:
        assert t.install("th")
        assert QtCore.QCoreApplication.translate("MainWindow", "Assessments") == "แบบประเมิน"
    finally:
        t.uninstall()
    assert ui_catalogue.qm_message_count(shipped) == len(messages(TS_TH))


def test_source_run_finds_lrelease_through_the_package_not_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secity_desktop.services import ui_catalogue

    monkeypatch.setenv("PATH", "")
    tool = ui_catalogue.qt_tool("lrelease")
    assert tool is not None and Path(tool[0]).exists()
    assert compiled_catalogue("th", tmp_path / "cache") is not None
