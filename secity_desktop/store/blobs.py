"""Content-addressed evidence files beside the database.

Files are named by SHA-256 (``evidence/ab/abcdef…``) so the same photo added
twice is stored once, a bundle can reference evidence by hash, and a damaged
file is detectable. Writes go through ``secity_desktop.atomic`` (a temp file
in ``evidence/tmp``, renamed into place only when complete and fsynced): a
crash never leaves a half file under a real name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from secity_desktop import digests
from secity_desktop.atomic import AtomicFile, copy_file_atomic
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
        return Path(self.file_for(sha256))

    def file_for(self, sha256: str) -> str:
        """:meth:`path_for` as a string (an import asks for thousands: no ``Path`` objects)."""
        if not _SHA256.fullmatch(sha256):
            raise StoreError(f"not a SHA-256 evidence id: {sha256!r}", code="evidence_file.bad_id")
        return os.path.join(self.root, sha256[:2], sha256)

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def _tmp(self) -> AtomicFile:
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        # 0600 like the evidence files always were: the store is the workspace owner's
        return AtomicFile(folder=tmp_dir, mode=0o600)

    def put_stream(
        self,
        src: BinaryIO,
        total: int = 0,
        progress: Progress | None = None,
        expect_sha256: str | None = None,
    ) -> tuple[str, int]:
        """Copy a stream in, hashing as it goes; returns (sha256, size).

        The bytes go to a temp file (``secity_desktop.atomic``) whose final name — the
        hash — is known only at the end; it is fsynced and renamed into place, or
        removed on failure or cancel.
        """
        try:
            tmp = self._tmp()
        except OSError as exc:
            raise StoreError(f"cannot store evidence: {exc.strerror or exc}",
                             code="evidence_file.store_failed") from None
        digest = digests.sha256()
        size = 0
        try:
            out = tmp.handle
            while chunk := src.read(CHUNK):
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
                if progress is not None and progress(size, total) is False:
                    raise Cancelled("copy cancelled; nothing was added", code="cancelled")
            sha = digest.hexdigest()
            if expect_sha256 is not None and sha != expect_sha256:
                raise StoreError(f"evidence content does not match its hash {expect_sha256[:12]}…",
                                 code="evidence_file.hash_mismatch")
            final = self.path_for(sha)
            if final.is_file() and final.stat().st_size == size:
                tmp.discard()  # already held: the same bytes under the same name
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                tmp.commit(final)
            return sha, size
        except OSError as exc:
            tmp.discard()
            raise disk_error(exc, "evidence", self.root) from None
        except BaseException:
            tmp.discard()
            raise

    def put_file(self, path: Path, progress: Progress | None = None) -> tuple[str, int]:
        try:
            total = path.stat().st_size
            src = path.open("rb")
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror or exc}",
                             code="file_unreadable", file=Path(path).name) from None
        with src:
            return self.put_stream(src, total, progress)

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        import io

        return self.put_stream(io.BytesIO(data), len(data))

    def copy_out(self, sha256: str, dest: Path) -> None:
        copy_file_atomic(self.path_for(sha256), dest)
