"""Byte-for-byte reproducible bundle zips, written atomically.

Signatures cover the zip bytes, so the same assessment must always produce the
same file: timestamps, permissions and order are fixed, and nothing from the
writer's machine leaks in. The file appears under its final name only once it is
complete (``secity_desktop.atomic``), so a crash or full disk never leaves a
half bundle that looks real.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

from secity_desktop import partfiles
from secity_desktop.atomic import AtomicFile
from secity_desktop.bundle.constants import (
    CHUNK_SIZE,
    STORED_EXTENSIONS,
    ZIP_FILE_MODE,
    ZIP_FIXED_DATE_TIME,
)
from secity_desktop.bundle.zipnames import NameRegistry, check_name
from secity_desktop.core.errors import BundleRejected, StoreError, ValidationError

_UNIX = 3  # ZIP "version made by" host system; fixed so Windows and Linux agree
_ZIP64_THRESHOLD = 0x7FFF_FFFF


def _method_for(name: str) -> int:
    """Deflating JPEGs or MP4s wastes field laptops' time for no gain."""
    suffix = os.path.splitext(name)[1].lower()
    return zipfile.ZIP_STORED if suffix in STORED_EXTENSIONS else zipfile.ZIP_DEFLATED


class DeterministicZipWriter:
    """Context manager: add entries in the order given; the bundle appears only on success.

    Callers sort entries themselves, since order is part of the signed bytes.
    Deflate uses zlib's default level (6).
    """

    def __init__(self, path: Path, max_name_len: int = 255) -> None:
        self._path = Path(path)
        self._max_name_len = max_name_len
        self._names = NameRegistry()
        self._file: AtomicFile | None = None
        self._zip: zipfile.ZipFile | None = None

    def __enter__(self) -> Self:
        try:
            self._file = AtomicFile(self._path)
        except OSError as exc:
            raise StoreError(f"cannot create a bundle in {self._path.parent}: {exc}",
                             code="outgoing.folder_unwritable", folder=str(self._path.parent)) from exc
        partfiles.hold(self._file.handle)  # a later sweep can tell a live writer from a killed one
        self._zip = zipfile.ZipFile(self._file.handle, "w", allowZip64=True)
        return self

    def _info(self, name: str, size: int, stored: bool | None = None) -> zipfile.ZipInfo:
        try:
            check_name(name, self._max_name_len)
            self._names.add(name)
        except BundleRejected as exc:
            raise ValidationError(f"cannot add this entry to a bundle: {exc}",
                                  code="outgoing.entry_refused") from exc
        info = zipfile.ZipInfo(name, date_time=ZIP_FIXED_DATE_TIME)
        info.create_system = _UNIX
        info.external_attr = ZIP_FILE_MODE << 16
        if stored is None:
            info.compress_type = _method_for(name)
        else:
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.file_size = size
        return info

    def _archive(self) -> zipfile.ZipFile:
        if self._zip is None:
            raise ValidationError("the bundle writer is not open; use it in a 'with' block",
                                  code="outgoing.writer_closed")
        return self._zip

    def add_bytes(self, name: str, data: bytes) -> None:
        """Add an in-memory entry (manifests, JSON)."""
        archive = self._archive()
        info = self._info(name, len(data))
        with archive.open(info, "w", force_zip64=len(data) > _ZIP64_THRESHOLD) as out:
            out.write(data)

    def add_file(
        self,
        name: str,
        source: Path,
        *,
        stored: bool | None = None,
        on_chunk: Callable[[bytes], None] | None = None,
    ) -> None:
        """Add a file from disk, streamed in chunks so large videos never sit in memory.

        ``stored`` overrides the choice by extension (content-addressed names have
        none); ``on_chunk`` sees each chunk (to hash it or count progress) and may
        raise to cancel.
        """
        archive = self._archive()
        try:
            with open(source, "rb") as src:
                size = os.fstat(src.fileno()).st_size
                info = self._info(name, size, stored)
                with archive.open(info, "w", force_zip64=size > _ZIP64_THRESHOLD) as out:
                    if on_chunk is None:
                        shutil.copyfileobj(src, out, CHUNK_SIZE)
                    else:
                        while chunk := src.read(CHUNK_SIZE):
                            on_chunk(chunk)
                            out.write(chunk)
        except OSError as exc:
            raise StoreError(f"cannot add {source} to the bundle: {exc.strerror or exc}",
                             code="outgoing.io_failure", file=Path(source).name) from exc

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._file is not None
        try:
            if exc_type is None:
                self._archive().close()
                self._file.commit()  # fsynced, then renamed over the target
                return
        except OSError as exc:
            self._discard()
            raise StoreError(
                f"cannot write the bundle {self._path}: {exc.strerror or exc}",
                code="bundle_write_failed", path=str(self._path),
            ) from exc
        except BaseException:
            self._discard()
            raise
        self._discard()

    def _discard(self) -> None:
        with contextlib.suppress(Exception):
            if self._zip is not None:
                self._zip.close()
        if self._file is not None:
            self._file.discard()
        self._zip = None
