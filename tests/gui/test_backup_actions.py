"""File menu backup, verify and restore; the quiet daily backup and its notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui.main_window import MainWindow
from secity_desktop.services import backup as backup_mod
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import backup as store_backup


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    AssessmentService(ws).new("5001", 2569)
    w = MainWindow(ws, "th")
    qtbot.addWidget(w)
    return w


def test_menu_backup_verify_restore(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    actions = window.backup_actions  # type: ignore[attr-defined]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert texts.index(actions.act_backup.text()) < texts.index(window.act_quit.text())
    told: list[str] = []
    monkeypatch.setattr(actions, "inform", told.append)
    monkeypatch.setattr(actions, "ask_save", lambda: tmp_path / "gui.secbackup")
    actions.act_backup.trigger()
    qtbot.waitUntil(lambda: not actions.running, timeout=20_000)
    assert (tmp_path / "gui.secbackup").is_file() and "gui.secbackup" in told[-1]
    monkeypatch.setattr(actions, "ask_open", lambda: tmp_path / "gui.secbackup")
    actions.act_verify.trigger()
    qtbot.waitUntil(lambda: not actions.running, timeout=20_000)
    assert "every hash matches" in told[-1]
    monkeypatch.setattr(actions, "ask_folder", lambda: tmp_path / "restored")
    asked: list[str] = []
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(actions, "ask_yes", lambda text: asked.append(text) or True)
    monkeypatch.setattr(actions, "start_process", lambda prog, args: started.append((prog, args)) or True)
    window.show()
    actions.act_restore.trigger()
    qtbot.waitUntil(lambda: not actions.running, timeout=20_000)
    assert "1 assessments" in asked[-1] and (tmp_path / "restored" / "secity.sqlite3").is_file()
    # "open it now": the same app starts on the restored folder, and this window closes
    assert started and started[-1][1][-2:] == ["--data-dir", str(tmp_path / "restored")]
    assert not window.isVisible()


def test_refusal_is_shown_in_thai(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    actions = window.backup_actions  # type: ignore[attr-defined]
    shown: list[str] = []
    monkeypatch.setattr(actions, "refuse", lambda exc: shown.append(actions.describe(exc)))
    monkeypatch.setattr(actions, "ask_save", lambda: tmp_path / "gui.secbackup")
    monkeypatch.setattr(backup_mod, "free_space", lambda _f: 1000)
    actions.act_backup.trigger()
    qtbot.waitUntil(lambda: not actions.running, timeout=20_000)
    assert shown and "พื้นที่ว่าง" in shown[0]
    assert not (tmp_path / "gui.secbackup").exists()


def test_daily_backup_runs_quietly_and_a_skip_shows_a_notice(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actions = window.backup_actions  # type: ignore[attr-defined]
    window.ws.set_setting("backup.folder", str(tmp_path / "daily"))
    monkeypatch.setattr(backup_mod, "free_space", lambda _f: 1000)
    actions.daily()
    qtbot.waitUntil(lambda: not actions.running, timeout=20_000)
    assert not actions.notice_label.isHidden()
    assert "ข้ามการสำรองข้อมูลประจำวัน" in actions.notice_label.text()
    monkeypatch.undo()
    actions.daily()
    qtbot.waitUntil(lambda: not actions.running, timeout=20_000)
    assert len(list((tmp_path / "daily").glob("secity-daily-*.secbackup"))) == 1
    assert actions.notice_label.isHidden() and store_backup.notice(window.ws.db) is None
