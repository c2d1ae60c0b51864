"""The About box: version, framework status in Thai and English, the licences, About Qt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop import __version__
from secity_desktop.core import framework as fw
from secity_desktop.gui.about import AboutDialog
from secity_desktop.gui.qt import QtWidgets


def test_about_shows_version_framework_and_licences(
    qtbot: QtBot, shipped_framework: fw.Framework, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = AboutDialog(shipped_framework, None, tmp_path / "w")
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert __version__ in summary and shipped_framework.version in summary
    assert "ฉบับร่าง" in summary and "provisional" in summary
    text = dialog.licences.toPlainText()
    for needle in ("MIT License", "GNU Lesser General Public License", "SIL Open Font License",
                   "reportlab", "pythainlp", "cryptography"):
        assert needle in text, needle
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "aboutQt", lambda parent: shown.append(parent))
    dialog.about_qt.click()
    assert shown == [dialog]
    support = json.loads(dialog.copy_support_information())
    assert support["version"] == __version__
    assert QtWidgets.QApplication.clipboard().text().startswith("{")
