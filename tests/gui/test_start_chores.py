"""What the app defers while its first window is built comes right after (branch start2).

``app.main`` pauses Python's cyclic garbage collector while the window is built; a moment
after it shows (``app.AFTER_START_MS``) the collector runs again. The log file is set up
before the window is built (it once waited too: ``gui/log_later.py``, removed once
``log.RotatingFile`` made the set-up cost ≈ 2 ms), so it holds every record, in order, at once.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop import app, log
from secity_desktop.core.lifecycle import Role
from secity_desktop.services import demo
from secity_desktop.services.workspace import init_workspace, open_workspace


def test_collector_comes_back_after_the_window_and_the_log_file_is_there_at_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(log.LOG_DIR_ENV, str(tmp_path / "logs"))
    ws = open_workspace(tmp_path / "ws")
    init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="tester")
    demo.seed(ws)
    ws.close()
    assert gc.isenabled()
    window = app.main(["--data-dir", str(tmp_path / "ws"), "--lang", "en"], exec_=False)
    qtbot.addWidget(window)
    try:
        assert not gc.isenabled()  # paused while the window was built
        log.get("test").info("logged while the collector is paused")
        for handler in logging.getLogger(log.ROOT).handlers:
            handler.flush()
        assert "while the collector is paused" in log.log_path().read_text("utf-8")  # at once
        qtbot.waitUntil(gc.isenabled, timeout=5_000)
        log.get("test").info("logged after")
        for handler in logging.getLogger(log.ROOT).handlers:
            handler.flush()
        text = log.log_path().read_text("utf-8")
        assert text.index("while the collector is paused") < text.index("logged after")
    finally:
        window._translations.uninstall()  # type: ignore[attr-defined]  # (no catalogue left behind)
        window.ws.close()
        log.shutdown()
        gc.enable()


def test_a_failing_start_turns_the_collector_back_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secity_desktop.services import workspace

    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(workspace, "open_workspace", broken)
    with pytest.raises(RuntimeError):
        app.main(["--data-dir", str(tmp_path / "ws"), "--lang", "en"], exec_=False)
    assert gc.isenabled()  # the pause ends with the start, whatever ended it
