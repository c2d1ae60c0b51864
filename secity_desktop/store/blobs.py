"""Content-addressed evidence files beside the database.

Files are named by SHA-256 (``evidence/ab/abcdef…``) so the same photo added
twice is stored once, a bundle can reference evidence by hash, and a damaged
file is detectable. Writes go to a temp file in the same folder and are
renamed into place only when complete and fsynced: a crash never leaves a
half file under a real name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from secity_desktop.core.errors import Cancelled, StoreError
from secity_desktop.core.io_errors import disk_error

CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")
Progress = Callable[[int, int], bool]
"""Called with (bytes done, bytes total); return False to cancel."""


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise StoreError(f"not a SHA-256 evidence id: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def _tmp(self) -> tuple[int, str]:
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(dir=tmp_dir, prefix="in-")

    def put_stream(
        self,
        src: BinaryIO,
        total: int = 0,
        progress: Progress | None = None,
        expect_sha256: str | None = None,
    ) -> tuple[str, int]:
        """Copy a stream in, hashing as it goes; returns (sha256, size)."""
        fd, tmp = self._tmp()
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := src.read(CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    if progress is not None and progress(size, total) is False:
                        raise Cancelled("copy cancelled; nothing was added")
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expect_sha256 is not None and sha != expect_sha256:
                raise StoreError(f"evidence content does not match its hash {expect_sha256[:12]}…")
            final = self.path_for(sha)
            if final.is_file() and final.stat().st_size == size:
                os.unlink(tmp)
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
            return sha, size
        except OSError as exc:
            _silent_unlink(tmp)
            raise disk_error(exc, "evidence", self.root) from None
        except BaseException:
            _silent_unlink(tmp)
            raise

    def put_file(self, path: Path, progress: Progress | None = None) -> tuple[str, int]:
        try:
            total = path.stat().st_size
            src = path.open("rb")
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
        with src:
            return self.put_stream(src, total, progress)

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        import io

        return self.put_stream(io.BytesIO(data), len(data))

    def copy_out(self, sha256: str, dest: Path) -> None:
        shutil.copyfile(self.path_for(sha256), dest)


def _silent_unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
