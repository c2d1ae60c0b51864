"""The signing-key buttons do what they say, and signing without a key says where to make one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui import common
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.transfer.dialogs import unlock_key
from secity_desktop.gui.transfer.key_page import KeyPage
from secity_desktop.services.identity import Identity
from secity_desktop.services.workspace import Workspace


def test_export_public_key_button_writes_the_key(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity = Identity(ws)
    identity.create_key(b"a long enough passphrase")
    page = KeyPage(identity, lambda *_: None)
    qtbot.addWidget(page)
    target = tmp_path / "me.pub"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    page.export_button.click()  # clicked(bool) must not become the target path
    assert target.read_text("utf-8").strip() == identity.info().public_line


def test_signing_without_a_key_asks_nothing_and_says_where(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(common, "show_box", lambda box: shown.append(common.plain_text(box)))
    asked: list[str] = []
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    key = unlock_key(parent, Identity(ws), lambda _p, prompt, *_: asked.append(prompt), "sign")
    assert key is None and asked == []
    assert shown and "กุญแจลงนาม" in shown[0]
