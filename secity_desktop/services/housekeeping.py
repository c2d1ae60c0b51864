"""Leftovers of killed work, removed at the next start or export.

A killed import leaves its stage folder (``evidence/tmp/stage-*``) and the
evidence parts it names in its journal (``evidence/<ab>/<sha>.stage-…-<n>.part``,
written straight into their final folders: store/blob_staging.py) — and, when
killed while applying, blobs renamed into place whose rows never committed;
a killed evidence copy leaves an ``in-*`` temp file; a killed export or backup leaves a hidden ``.part`` on its target. None
of them is ever referred to — blobs appear under their real names only when
complete — so they are pure waste, but they must not be taken from a process
that is still using them (a second window, the CLI beside the GUI).

* Staging folders carry ``owner.json`` (pid, host): abandoned when that
  process is gone on this host, or when nothing in them changed for a day.
  Sweeping one deletes the parts its journal lists and, given the store
  (``drop``), the blobs it placed that no row refers to (under the store's
  write lock); without the store such a stage waits for a sweep that has it.
* ``in-*`` temp files: abandoned after an hour without a write (a copy in
  progress writes every few milliseconds).
* ``.part`` files: see :mod:`secity_desktop.partfiles` (a lock the writer holds).

``clean_at_start`` runs whenever a workspace is opened; ``clean_target``
before every export or backup into a folder.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop import partfiles
from secity_desktop.store import blob_staging
from secity_desktop.store.blobs import BlobStore

if TYPE_CHECKING:
    from secity_desktop.services.workspace import Workspace

log = logging.getLogger("secity.housekeeping")

OWNER = "owner.json"
STAGE_PREFIX = "stage-"
STAGE_IDLE = 24 * 3600
TEMP_IDLE = 3600


@dataclass
class Cleaned:
    paths: list[Path] = field(default_factory=list)
    bytes: int = 0

    def add(self, path: Path, size: int) -> None:
        self.paths.append(path)
        self.bytes += size


def new_stage(root: Path) -> Path:
    """A fresh staging folder under ``root``, marked with this process as its owner."""
    import socket  # (here, not at the top: ≈ 4 ms of a GUI start, which only sweeps)

    root.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=root, prefix=STAGE_PREFIX))
    owner = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
    try:
        (stage / OWNER).write_text(json.dumps(owner), "utf-8")
    except BaseException:  # a full disk: leave no half-made stage behind
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return stage


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _newest_change(folder: Path) -> float:
    newest = folder.stat().st_mtime
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            newest = max(newest, path.stat().st_mtime)
    return newest


def _tree_size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file():
                total += path.stat().st_size
    return total


def stage_abandoned(stage: Path, now: float | None = None) -> bool:
    import socket

    now = time.time() if now is None else now
    try:
        owner = json.loads((stage / OWNER).read_text("utf-8"))
        pid, host = int(owner["pid"]), str(owner["host"])
    except (OSError, ValueError, KeyError, TypeError):
        pid, host = 0, ""
    if host == socket.gethostname() and pid and not pid_alive(pid):
        return True
    try:
        return now - _newest_change(stage) > STAGE_IDLE
    except OSError:
        return False


Drop = Callable[[list[str]], object]
"""Delete those of these blobs no row refers to (``store.blob_staging.drop_unreferenced``)."""


def drop_for(ws: Workspace) -> Drop:
    return lambda shas: blob_staging.drop_unreferenced(ws.db, ws.blobs, shas)


def clean_staging(tmp_root: Path, now: float | None = None, drop: Drop | None = None) -> Cleaned:
    """Remove abandoned ``stage-*`` folders (and what their journals list) and ``in-*`` files.

    ``tmp_root`` is ``evidence/tmp``; the parts a stage's journal names live in the
    evidence folder above it.
    """
    now = time.time() if now is None else now
    blobs = BlobStore(tmp_root.parent)
    done = Cleaned()
    try:
        children = list(tmp_root.iterdir())
    except OSError:
        return done
    for child in children:
        try:
            if child.is_dir() and child.name.startswith(STAGE_PREFIX):
                if stage_abandoned(child, now):
                    freed, finished = blob_staging.sweep(child, blobs, drop)
                    if not finished:  # placed blobs to judge, and no store here: later
                        continue
                    size = _tree_size(child) + freed
                    shutil.rmtree(child)
                    done.add(child, size)
            elif child.is_file() and child.name.startswith("in-"):
                st = child.stat()
                if now - st.st_mtime > TEMP_IDLE:
                    child.unlink()
                    done.add(child, st.st_size)
        except (OSError, sqlite3.Error):  # locked by another window, say: the next sweep
            continue
    return done


def clean_target(folder: Path) -> Cleaned:
    """Abandoned ``.part`` files of bundles and backups in ``folder`` (an export's target)."""
    done = Cleaned()
    for path, size in partfiles.sweep(folder):
        done.add(path, size)
    if done.paths:
        log.info("removed %d abandoned .part file(s), %d bytes, in %s",
                 len(done.paths), done.bytes, folder)
    return done


def clean_at_start(ws: Workspace) -> Cleaned:
    """What killed imports, copies and automatic backups left in the workspace folder."""
    done = clean_staging(ws.blobs.root / "tmp", drop=drop_for(ws))
    if done.paths:
        log.info("removed %d abandoned staging item(s), %d bytes, in %s",
                 len(done.paths), done.bytes, ws.blobs.root / "tmp")
    custom = ws.setting("backup.folder")  # services/backup_auto.FOLDER_KEY
    folders = {ws.data_dir / "backups", ws.data_dir / "backups" / "daily"}
    if custom:
        folders.add(Path(custom).expanduser())
    for folder in sorted(folders):
        extra = clean_target(folder)
        done.paths += extra.paths
        done.bytes += extra.bytes
    return done
