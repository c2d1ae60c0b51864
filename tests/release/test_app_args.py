"""The GUI's own arguments: a .secbundle path (the installer's file association), --smoke-test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.app import main
from secity_desktop.gui.main_window import MainWindow


def test_a_bundle_argument_opens_the_import_page_with_it(qtbot: QtBot, tmp_path: Path) -> None:
    bundle = tmp_path / "สมชาย-2569.secbundle"
    bundle.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    window = main(["--data-dir", str(tmp_path / "w"), str(bundle)], exec_=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert window.places.currentWidget() is window.sync_place
        assert window.sync_place.currentWidget() is window.sync_place.import_page
        assert window.sync_place.import_page.files == [bundle.resolve()]
    finally:
        window.close()
        window._translations.uninstall()  # type: ignore[attr-defined]
        window.ws.close()


def test_smoke_test_reports_the_thai_window_and_quits(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "smoke.json"
    monkeypatch.setenv("SECITY_SMOKE_TEST_OUT", str(out))
    assert main(["--data-dir", str(tmp_path / "w"), "--smoke-test"]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["thai_catalogue"] and data["sample"] == "แบบประเมิน"
    assert data["places"][0] == "แบบประเมิน" and data["licence_chars"] > 1000
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == data
