"""Half-written ``.part`` files: telling a live writer's from a killed one's.

Bundles and backups are written to a hidden ``.<name>.XXXXXXXX.part`` beside
the target and renamed when complete, so a crash never leaves a half file
under a real name — but a killed process leaves the ``.part`` (hundreds of MB
on a USB stick). Before writing into a folder, and at start-up, the app removes
the ones no live writer holds:

* POSIX: the writer holds an exclusive ``flock`` on its open ``.part`` for its
  whole life (:func:`hold`); the kernel drops it when the process dies, so a
  ``.part`` we can lock is abandoned. On file systems without ``flock`` the
  file counts as abandoned only after :data:`IDLE_SECONDS` without a write.
* Windows: a file another process has open cannot be deleted (Python opens
  without ``FILE_SHARE_DELETE``), so the delete itself is the test.

Top-level (like ``paths`` and ``atomic``) because the zip writer in ``bundle/``
holds the lock and ``services/housekeeping`` sweeps.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path
from typing import IO, Any

#: Our writers' temp names: ``.<target name ending .secbundle/.secbackup>.<random>[.db].part``
PART_NAME = re.compile(r"^\..+\.sec(bundle|backup)\.[A-Za-z0-9_]+(\.db)?\.part$")
IDLE_SECONDS = 15 * 60

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def hold(handle: IO[Any]) -> None:
    """Mark an open ``.part`` as being written by this process (until it is closed)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def abandoned(path: Path) -> bool:
    """True when no live writer holds ``path`` (see the module notes for how it is told)."""
    if fcntl is None:
        return True  # Windows: the caller's unlink fails if it is in use
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # no flock on this file system: fall back to idleness
        try:
            return time.time() - os.fstat(fd).st_mtime > IDLE_SECONDS
        except OSError:
            return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def sweep(folder: Path) -> list[tuple[Path, int]]:
    """Delete abandoned writers' ``.part`` files in ``folder``; returns (path, bytes) freed."""
    removed: list[tuple[Path, int]] = []
    try:
        candidates = [p for p in folder.iterdir() if PART_NAME.match(p.name)]
    except OSError:
        return removed
    for path in candidates:
        try:
            size = path.stat().st_size
            if path.is_file() and abandoned(path):
                path.unlink()
                removed.append((path, size))
        except OSError:  # in use (Windows), vanished, or not ours to delete
            continue
    return removed
