"""Whole-file writes that either fully happen or leave the old file alone.

A key file or bundle half-written by a crash or full disk would be worse than
none: the user might delete the only good copy trusting the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` so ``path`` never exists with other permissions or partial content.

    mkstemp creates the temp file 0600 from the start, so a private key is never
    readable by others even for an instant.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
