"""Leftovers of killed work are swept at the next start or export, live work is left alone."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from secity_desktop import partfiles
from secity_desktop.services import housekeeping
from secity_desktop.services.workspace import open_workspace


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_killed_imports_staging_is_removed_at_next_start(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w")
    root = ws.blobs.root / "tmp"
    dead = housekeeping.new_stage(root)
    (dead / OWNER_FILE).write_text(json.dumps({"pid": _dead_pid(), "host": __import__("socket").gethostname()}))
    (dead / "0").mkdir()
    (dead / "0" / ("a" * 64)).write_bytes(b"x" * 100_000)
    live = housekeeping.new_stage(root)  # ours: this process is alive
    ws.close()
    ws = open_workspace(tmp_path / "w")
    try:
        assert not dead.exists() and live.exists()
    finally:
        ws.close()


OWNER_FILE = housekeeping.OWNER


def test_stage_without_owner_goes_after_a_day(tmp_path: Path) -> None:
    stage = tmp_path / "stage-old"
    stage.mkdir()
    assert not housekeeping.stage_abandoned(stage)
    import time

    assert housekeeping.stage_abandoned(stage, now=time.time() + 2 * 86_400)


@pytest.mark.skipif(sys.platform == "win32", reason="flock: Windows refuses the delete instead")
def test_abandoned_part_files_are_swept_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / ".secity-x-1.secbundle.ab12cd34.part"
    dead.write_bytes(b"x" * 1000)
    fd, live_name = tempfile.mkstemp(prefix=".mine.secbundle.", suffix=".part", dir=tmp_path)
    import os

    live = os.fdopen(fd, "wb")
    partfiles.hold(live)
    other = tmp_path / "notes.part"  # not ours: never touched
    other.write_text("keep")
    try:
        cleaned = housekeeping.clean_target(tmp_path)
        assert cleaned.paths == [dead] and cleaned.bytes == 1000
        assert Path(live_name).exists() and other.exists()
    finally:
        live.close()
    assert housekeeping.clean_target(tmp_path).paths == [Path(live_name)]


def test_next_export_sweeps_a_killed_exports_part(tmp_path: Path) -> None:
    from tests.bundle import flow

    a = flow.assessor(tmp_path / "a")
    try:
        aid = flow.complete(a, evidence_every=5)
        flow.finalize(a, aid)
        usb = tmp_path / "usb"
        usb.mkdir()
        leftover = usb / ".secity-abc-2026.secbundle.k1ll3d00.part"
        leftover.write_bytes(b"x" * 353_000)
        written = flow.export(a, [aid], usb)
        assert not leftover.exists() and [p.name for p in usb.iterdir()] == [written.name]
    finally:
        a.close()


def test_a_stage_that_cannot_be_marked_is_not_left_behind(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(OSError):
        housekeeping.new_stage(tmp_path / "tmp")
    assert list((tmp_path / "tmp").iterdir()) == []
