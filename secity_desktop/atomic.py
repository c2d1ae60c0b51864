"""Whole-file writes that either fully happen or leave the old file alone — the only
implementation in the app.

A key file, bundle, PDF, spreadsheet or evidence copy half-written by a crash or a
full disk would be worse than none: someone might delete the only good copy
trusting the new one, or print a truncated certificate. Every file the app writes
for people goes through here:

* the bytes go to a temp file **in the target's own folder** (so the final rename
  never crosses file systems), named ``.<name>.<random>.part`` — hidden, and
  obviously unfinished to anyone who sees it;
* on success the file is flushed and fsynced, given its permissions, and renamed
  over the target in one step (``os.replace``);
* on any failure — an exception, a cancel — the temp file is removed and the
  target, if it existed, is untouched.

The temp file is created 0600 (``mkstemp``), so a private key is never readable by
others even for an instant; ``mode`` is applied just before the rename.

Forms, by what the writer needs:

* :func:`write_bytes_atomic` — bytes already in memory (keys, small JSON);
* :func:`atomic_write` — a context manager yielding a binary file handle, for
  streamed writes (zip bundles, spreadsheets, PDFs);
* :func:`atomic_path` — a context manager yielding a temp *path*, for libraries that
  insist on opening the file themselves;
* :func:`copy_file_atomic` — copy a file in chunks;
* :class:`AtomicFile` — the object under all of them, for a writer whose final name
  is known only at the end (evidence named by the hash of its bytes).

Errors are ``OSError`` as the OS raised them; each caller turns them into the
refusal that fits its work (``KeyFileError``, ``StoreError``, ``ReportError``).

A target that cannot be replaced because another program holds it open (on
Windows, a PDF still open in a viewer: ``PermissionError``, "the process cannot
access the file") becomes :class:`TargetInUseError`, one line a person can act on,
with its Thai text under ``file_in_use`` in ``i18n/messages_th.toml``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from secity_desktop.core.errors import SecityError

CHUNK = 1024 * 1024
PART_SUFFIX = ".part"


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


class AtomicFile:
    """A temp file that becomes ``target`` on :meth:`commit`, or vanishes on :meth:`discard`.

    ``folder`` is where the temp file lives (default: the target's folder); it must be
    on the same file system as the final target.
    """

    def __init__(
        self, target: Path | None = None, *, folder: Path | None = None, mode: int = 0o644
    ) -> None:
        if target is None and folder is None:
            raise ValueError("an atomic file needs a target or a folder")
        self.target = Path(target) if target is not None else None
        self.mode = mode
        where = Path(folder) if folder is not None else self.target.parent  # type: ignore[union-attr]
        # a long (Thai) name plus the random part must stay within the file system's limit
        name = self.target.name[:64] if self.target is not None else "file"
        import tempfile  # here, not at the top: the store imports this module on every command

        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=PART_SUFFIX, dir=where)
        self.tmp = Path(tmp)
        self.handle: BinaryIO = os.fdopen(fd, "w+b")
        self.done = False

    def commit(self, target: Path | None = None) -> Path:
        """Make the bytes durable and move them to ``target`` (or the one given at creation)."""
        final = Path(target) if target is not None else self.target
        if final is None:
            raise ValueError("commit() needs the final path")
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.chmod(self.tmp, self.mode)
            replace_target(self.tmp, final)
        except BaseException:
            self.discard()
            raise
        self.done = True
        return final

    def discard(self) -> None:
        """Close and remove the temp file (never raises); the target is left as it was."""
        with contextlib.suppress(OSError, ValueError):
            self.handle.close()
        if not self.done:
            with contextlib.suppress(FileNotFoundError, OSError):
                os.unlink(self.tmp)
        self.done = True


@contextlib.contextmanager
def atomic_write(path: Path, mode: int = 0o644) -> Iterator[BinaryIO]:
    """Yield a binary handle; ``path`` gets the bytes only if the block ends normally."""
    f = AtomicFile(Path(path), mode=mode)
    try:
        yield f.handle
    except BaseException:
        f.discard()
        raise
    f.commit()


@contextlib.contextmanager
def atomic_path(path: Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temp path in ``path``'s folder for a library to write; renamed on success."""
    f = AtomicFile(Path(path), mode=mode)
    f.handle.close()  # the library opens the path itself
    try:
        yield f.tmp
        with open(f.tmp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(f.tmp, mode)
        replace_target(f.tmp, path)
        f.done = True
    finally:
        f.discard()


def write_bytes_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` so ``path`` never exists with other permissions or partial content."""
    with atomic_write(path, mode) as out:
        out.write(data)


def copy_file_atomic(src: Path, dest: Path, mode: int = 0o644) -> None:
    """Copy ``src`` to ``dest``; ``dest`` appears only when the whole copy is on disk."""
    import shutil

    with open(src, "rb") as inp, atomic_write(dest, mode) as out:
        shutil.copyfileobj(inp, out, CHUNK)
