"""Group commit of ``secity assessment set --stdin`` (docs/cli-batch.md): a refused edit in
the middle of a group undoes only itself, and a result printed is a result on disk — even
when the process is killed mid-stream."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.cli.main import main
from secity_desktop.core.errors import SecityError
from secity_desktop.services.audit_trail import AuditTrailService
from secity_desktop.services.edit_groups import EditGroups
from secity_desktop.services.workspace import open_workspace


@pytest.fixture
def ws_and_id(tmp_path: Path) -> tuple[Path, str]:
    d = tmp_path / "ws"
    assert main(["--data-dir", str(d), "init", "--name", "ผู้ประเมิน ทดสอบ"]) == 0
    assert main(["--data-dir", str(d), "assessment", "new", "--municipality", "5001",
                 "--year", "2569", "--json"]) == 0
    ws = open_workspace(d, create=False)
    try:
        aid = ws.db.execute("SELECT id FROM assessments").fetchone()[0]
    finally:
        ws.close()
    return d, aid


def _events(d: Path) -> list[tuple[str, str]]:
    ws = open_workspace(d, create=False)
    try:
        return [(r[0], r[1]) for r in ws.db.execute(
            "SELECT target, new FROM audit WHERE action = 'response.set' ORDER BY seq")]
    finally:
        ws.close()


def test_a_refusal_mid_group_undoes_only_itself(ws_and_id: tuple[Path, str]) -> None:
    d, aid = ws_and_id
    ws = open_workspace(d, create=False)
    try:
        groups = EditGroups(ws)
        refused: list[str] = []
        with groups.group():  # one commit for all five
            groups.set_response(aid, "1.1", 2, "ก")
            for bad in [(aid, "1.2", 99), ("no-such-id", "1.1", 1), (aid, "9.9", 1)]:
                try:
                    groups.set_response(*bad)
                except SecityError as exc:
                    refused.append(exc.code)
            groups.set_response(aid, "1.3", 4)
            groups.set_response(aid, "1.1", 3)  # a second edit of the same indicator
        assert refused == ["response.level_off_scale", "assessment.unknown",
                           "response.no_indicator"]
        levels = dict(ws.db.execute(
            "SELECT indicator_code, level FROM responses WHERE assessment_id = ?", [aid]))
        assert levels == {"1.1": 3, "1.3": 4}
        report = AuditTrailService(ws).verify()
        assert report.ok
    finally:
        ws.close()
    events = _events(d)  # one audit event per applied edit, in order, as single sets give
    assert [t for t, _ in events] == ["1.1", "1.3", "1.1"]
    assert [json.loads(n)["level"] for _, n in events] == [2, 4, 3]


def test_a_bug_mid_group_rolls_back_only_the_unanswered_group(
    ws_and_id: tuple[Path, str],
) -> None:
    d, aid = ws_and_id
    ws = open_workspace(d, create=False)
    try:
        groups = EditGroups(ws)
        with groups.group():
            groups.set_response(aid, "1.1", 2)
        with pytest.raises(RuntimeError), groups.group():
            groups.set_response(aid, "1.2", 2)
            raise RuntimeError("a bug after an applied edit")
        levels = dict(ws.db.execute(
            "SELECT indicator_code, level FROM responses WHERE assessment_id = ?", [aid]))
        assert levels == {"1.1": 2}
    finally:
        ws.close()


def test_killed_mid_stream_every_printed_result_is_saved(ws_and_id: tuple[Path, str]) -> None:
    d, aid = ws_and_id
    codes = [f"{c}.{i}" for c, i in [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2)]]
    child = subprocess.Popen(
        [sys.executable, "-m", "secity_desktop.cli.main", "--data-dir", str(d), "assessment",
         "set", "--stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        cwd=paths.project_root(), env={**os.environ, "PYTHONPATH": str(paths.project_root())},
    )
    assert child.stdin is not None and child.stdout is not None
    stop = threading.Event()

    def feed() -> None:  # an endless stream; every line a different note, so each is an edit
        n = 0
        try:
            while not stop.is_set():
                n += 1
                line = {"id": aid, "indicator": codes[n % 5], "level": 1 + n % 3,
                        "note": f"n{n}"}
                if n % 97 == 0:  # refused lines mixed in
                    line["level"] = 99
                child.stdin.write((json.dumps(line) + "\n").encode())
                if n % 50 == 0:
                    child.stdin.flush()
                    time.sleep(0.001)
        except (BrokenPipeError, OSError, ValueError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    printed: list[dict[str, object]] = []
    deadline = time.monotonic() + 120
    while len(printed) < 400 and time.monotonic() < deadline:
        raw = child.stdout.readline()
        if not raw:
            break
        printed.append(json.loads(raw))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stop.set()
    for raw in child.stdout.read().splitlines():  # whatever it wrote before dying
        with contextlib.suppress(ValueError):  # a line cut by the kill acknowledges nothing
            printed.append(json.loads(raw))
    writer.join(5)
    assert len(printed) >= 400, "the batch did not get going"
    assert any(not r["ok"] for r in printed) and any(r["ok"] for r in printed)
    saved = {json.loads(n)["note"] for _, n in _events(d)}
    acknowledged = {f"n{r['line']}" for r in printed if r["ok"]}
    assert acknowledged <= saved  # every printed ok is on disk
    ws = open_workspace(d, create=False)
    try:
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert AuditTrailService(ws).verify().ok
    finally:
        ws.close()
