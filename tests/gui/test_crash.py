"""Kill the editor with SIGKILL mid-typing: the store must be whole and hold every commit."""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.core.lifecycle import Role
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import init_workspace, open_workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from secity_desktop.store.database import DB_NAME
from tests.gui.typist import TEXT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]


def test_sigkill_mid_typing_keeps_every_commit(tmp_path: Path) -> None:
    data = tmp_path / "ws"
    ws = open_workspace(data)
    init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="tester")
    aid = AssessmentService(ws).new("5001", 2569).id
    ws.close()

    env = {**os.environ, "PYTHONPATH": str(paths.project_root()), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("typist.py")),
            str(data),
            aid,
            str(tmp_path / "s.ini"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    committed = 0
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    reader = threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True)  # type: ignore[union-attr]
    reader.start()
    try:
        # Kill after the second note commit: typing goes on, the next commit may be in flight.
        note_commits = 0
        deadline = time.monotonic() + 90
        while note_commits < 2 and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if proc.poll() is not None:
                    break
                continue
            if line.startswith("saved") and int(line.split()[1]) > 0:
                committed = max(committed, int(line.split()[1]))
                note_commits += 1
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    # Commits reported before the kill signal was sent, and any that raced it, are all durable.
    while not lines.empty():
        line = lines.get()
        if line.startswith("saved"):
            committed = max(committed, int(line.split()[1]))
    assert proc.returncode == -signal.SIGKILL
    assert committed > 0, "the typist never reported a note commit"

    raw = sqlite3.connect(data / DB_NAME)  # a plain connection first: no app code in between
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    ws = open_workspace(data)
    try:
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert audit.verify_chain(ws.db) is None
        r = repo.response(ws.db, aid, "1.1")
        assert r is not None and r.level == 3
        assert TEXT.startswith(r.note)
        assert len(r.note) >= committed
    finally:
        ws.close()
