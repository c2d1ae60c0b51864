"""Whole-file writes that either fully happen or leave the old file alone.

A key file or bundle half-written by a crash or full disk would be worse than
none: the user might delete the only good copy trusting the new one.

Every finished output (PDF, bundle, spreadsheet, key) is moved over its target by
:func:`replace_target`. On Windows a PDF still open in a viewer cannot be
replaced (``PermissionError``, "the process cannot access the file"): that
becomes :class:`TargetInUseError`, one line a person can act on, with its Thai
text under ``file_in_use`` in ``i18n/messages_th.toml``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from secity_desktop.core.errors import SecityError


class TargetInUseError(SecityError):
    """The output file is open in another program (a PDF viewer) or may not be written."""

    default_code = "file_in_use"


def replace_target(tmp: str | os.PathLike[str], path: str | os.PathLike[str]) -> None:
    """``os.replace(tmp, path)``, saying plainly when ``path`` is locked by another program."""
    try:
        os.replace(tmp, path)
    except PermissionError:
        raise TargetInUseError(
            f"cannot write {path}: the file is open in another program (a PDF viewer?) "
            "or the folder is read-only; close it and try again",
            code="file_in_use",
            path=str(path),
        ) from None


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
        replace_target(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
