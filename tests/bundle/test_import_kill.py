"""An import killed at any moment leaves the store as it was before or after, never between.

And no file behind: the parts a killed import wrote into the evidence folders, and the blobs it
renamed into place before its rows committed, are swept when the workspace is next opened
(store/blob_staging.py), so every evidence file left is one a row refers to.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from secity_desktop import paths
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.workspace import open_workspace
from secity_desktop.store import audit
from tests.bundle import flow
from tests.bundle.test_bundle_fuzz import content

pytestmark = pytest.mark.slow
BUNDLES = 24


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("kill")
    a = flow.assessor(root / "a")
    files = []
    munis = [m for (m,) in a.db.execute("SELECT code FROM municipalities WHERE province_code = '50'")]
    for n in range(BUNDLES):
        aid = flow.complete(a, muni=munis[n % len(munis)], year=2560 + n // len(munis),
                            evidence_every=3, tag=str(n))
        flow.finalize(a, aid)
        files.append(flow.export(a, [aid], root / f"b{n:02}.secbundle"))
    public = Identity(a).info().public_line
    a.close()
    ref = flow.province(root / "ref")
    from secity_desktop.services.trust import TrustService

    TrustService(ref).add(public, actor="t")
    empty = content(ref)
    assert ImportService(ref).import_files(files).ok
    full = content(ref)
    ref.close()
    yield {"root": root, "files": files, "public": public, "empty": empty, "full": full}


def _office(material: dict[str, Any], name: str) -> Path:
    from secity_desktop.services.trust import TrustService

    ws = flow.province(material["root"] / name)
    TrustService(ws).add(material["public"], actor="t")
    ws.close()
    return material["root"] / name


def _start(data_dir: Path, files: list[Path]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "secity_desktop.cli.main", "--data-dir", str(data_dir),
         "bundle", "import", *map(str, files)],
        env={**os.environ, "PYTHONPATH": str(paths.project_root())},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _stray_files(ws: Any) -> list[str]:
    """Files in the evidence folders that no row refers to (parts, orphans), and stage folders."""
    held = {s for (s,) in ws.db.execute("SELECT sha256 FROM blobs")}
    root = ws.blobs.root
    stray = [str(p.relative_to(root)) for p in root.glob("??/*") if p.name not in held]
    return stray + [str(p.relative_to(root)) for p in (root / "tmp").glob("stage-*")]


def _check(material: dict[str, Any], data_dir: Path) -> str:
    ws = open_workspace(data_dir, create=False)  # sweeps what a killed import left
    try:
        assert _stray_files(ws) == [], "a killed import left files nothing refers to"
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert audit.verify_chain(ws.db) is None
        now = content(ws)
        assert now in (material["empty"], material["full"]), "store is between before and after"
        for sha, data in now["blobs"]:
            assert data is not None, f"evidence {sha} referenced but missing"
        return "before" if now == material["empty"] else "after"
    finally:
        ws.close()


def _wait_for(pred: Any, proc: subprocess.Popen[bytes], limit: float = 60.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if pred():
            return True
        time.sleep(0.002)
    return False


def _journal_says(stage_root: Path, word: str) -> bool:
    for log in stage_root.glob("stage-*/parts.log"):
        try:
            if word in log.read_text("ascii", errors="replace"):
                return True
        except OSError:
            continue
    return False


@pytest.mark.parametrize(
    "when", ["staging", "placing", "db-write", "delay-0", "delay-1", "delay-2", "delay-3"])
def test_sigkill_leaves_before_or_after(material: dict[str, Any], when: str) -> None:
    data_dir = _office(material, f"office-{when}")
    proc = _start(data_dir, material["files"])
    stage_root = data_dir / "evidence" / "tmp"
    wal = data_dir / "secity.sqlite3-wal"
    evidence = data_dir / "evidence"
    if when == "staging":  # mid-verification: evidence being written as parts
        _wait_for(lambda: any(evidence.glob("??/*.part")), proc)
    elif when == "placing":  # applying: parts being renamed into place, rows not committed
        _wait_for(lambda: _journal_says(stage_root, "placed "), proc)
    elif when == "db-write":  # the transaction has started writing
        start = wal.stat().st_size if wal.exists() else 0
        _wait_for(lambda: wal.exists() and wal.stat().st_size > start, proc)
    else:
        time.sleep(0.2 * int(when[-1]))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    killed = proc.wait(timeout=60) == -signal.SIGKILL
    state = _check(material, data_dir)
    print(f"{when}: killed={killed} state={state}")
    # and the interrupted import can simply be run again
    rerun = _start(data_dir, material["files"])
    assert rerun.wait(timeout=120) == 0
    assert _check(material, data_dir) == "after"
