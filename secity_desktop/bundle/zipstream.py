"""Reading one zip member while trusting none of its headers.

zipfile quietly stops at the declared size and trusts the local header; here
the real bytes are counted as they are inflated, so a member that expands past
what the central directory promised (a zip bomb, or a smuggled payload) is
refused mid-stream instead of filling the disk or memory.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from secity_desktop.bundle.constants import CHUNK_SIZE
from secity_desktop.core.errors import BundleRejected

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_MAGIC = b"PK\x03\x04"


class Entry(NamedTuple):
    """What the central directory claims about a member, checked against limits already.

    A named tuple (immutable, like the frozen dataclass it was): one is made per member of
    every bundle imported, and a tuple is the cheapest such record to build.
    """

    name: str
    raw_name: bytes
    method: int
    size: int
    compressed_size: int
    crc: int
    header_offset: int
    end_limit: int  # next member's header or the central directory: data must end before it


def _corrupt(entry: Entry, detail: str) -> BundleRejected:
    return BundleRejected("corrupt", f"entry {entry.name[:80]!r} is damaged: {detail}")


def locate_data(fh: BinaryIO, entry: Entry) -> int:
    """Offset of the member's data, after checking its local header agrees with the directory.

    The header and the name the directory gives are read in one call; a local name of
    another length is read again on its own, as it always was (the file may end inside it).
    """
    fh.seek(entry.header_offset)
    head = fh.read(_LOCAL_HEADER.size + len(entry.raw_name))
    if len(head) < _LOCAL_HEADER.size:
        raise BundleRejected("truncated", "the bundle file ends in the middle of an entry")
    magic, _, flags, method, _, _, _, _, _, name_len, extra_len = _LOCAL_HEADER.unpack_from(head)
    if magic != _LOCAL_MAGIC:
        raise _corrupt(entry, "local header missing")
    if flags & 0x41:
        raise BundleRejected("encrypted", "the bundle contains an encrypted entry")
    if method != entry.method:
        raise _corrupt(entry, "local header disagrees with the directory")
    if name_len == len(entry.raw_name):
        name = head[_LOCAL_HEADER.size:]
    else:
        fh.seek(entry.header_offset + _LOCAL_HEADER.size)
        name = fh.read(name_len)
    if name != entry.raw_name:
        raise _corrupt(entry, "local header disagrees with the directory")
    start = entry.header_offset + _LOCAL_HEADER.size + name_len + extra_len
    if start + entry.compressed_size > entry.end_limit:
        raise BundleRejected("zip_bomb", "bundle entries overlap each other")
    return start


def read_whole(fh: BinaryIO, entry: Entry, start: int) -> bytes | None:
    """A member that fits in one chunk, read and checked in one step — or ``None`` when it
    does not fit (the caller then streams it with :class:`EntryStream`).

    The same reads, inflation, checks, order of checks and refusals as ``EntryStream(…,
    check_crc=True).read()`` makes for such a member, without building the stream: one read
    of the stored bytes (a member whose stored and inflated bytes each fit in one chunk is
    read in one ``_read_raw``, inflated in one call), then the checks :meth:`EntryStream._fill`
    makes after it in turn (``tests/bundle/test_zipstream_whole.py`` holds both to the same
    answers on hostile members). For the small members every bundle holds: its manifest,
    signatures, revisions.
    """
    if entry.compressed_size > CHUNK_SIZE or entry.size >= CHUNK_SIZE:
        return None
    fh.seek(start)
    raw = fh.read(entry.compressed_size)
    if len(raw) != entry.compressed_size:
        raise BundleRejected("truncated", "the bundle file ends in the middle of an entry")
    if entry.method != zipfile.ZIP_DEFLATED:
        data = raw
    elif not raw:  # the stream's inflater is never fed: its compressed data ends early
        raise BundleRejected("truncated", "an entry's compressed data ends early")
    else:
        inflater = zlib.decompressobj(-15)
        try:
            data = inflater.decompress(raw, CHUNK_SIZE)
        except zlib.error as exc:
            raise _corrupt(entry, "invalid compressed data") from exc
    if len(data) > entry.size:
        raise BundleRejected(
            "zip_bomb", f"entry {entry.name[:80]!r} expands beyond its declared size")
    if entry.method == zipfile.ZIP_DEFLATED:
        if not inflater.eof:
            raise BundleRejected("truncated", "an entry's compressed data ends early")
        if inflater.unused_data:
            raise _corrupt(entry, "extra bytes after the compressed data")
    if len(data) != entry.size:
        raise BundleRejected("truncated", "an entry is shorter than its declared size")
    if zlib.crc32(data) != entry.crc:
        raise _corrupt(entry, "checksum mismatch")
    return data


class EntryStream(io.RawIOBase):
    """A readable member whose output is counted and CRC-checked as it goes."""

    def __init__(self, fh: BinaryIO, entry: Entry, *, check_crc: bool = True,
                 start: int | None = None) -> None:
        """``start``: where :func:`locate_data` found the data already (it checked the header)."""
        super().__init__()
        self._check_crc = check_crc
        self._fh = fh
        self._entry = entry
        self._pos = locate_data(fh, entry) if start is None else start
        self._left_in = entry.compressed_size
        self._inflater = zlib.decompressobj(-15) if entry.method == zipfile.ZIP_DEFLATED else None
        self._pending = memoryview(b"")
        self._produced = 0
        self._crc = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            self._fill()
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]  # a view: no copying of the rest
        return count

    def chunks(self) -> Iterator[bytes | memoryview]:
        """Each inflated chunk as produced, without the copy ``read()`` makes.

        A chunk is only valid until the next one is requested.
        """
        while True:
            while not self._pending and not self._done:
                self._fill()
            if not self._pending:
                return
            chunk, self._pending = self._pending, memoryview(b"")
            yield chunk

    def readall(self) -> bytes:
        """The rest of the member, joined from :meth:`chunks` as they are produced.

        Not ``read(CHUNK_SIZE)`` in a loop: each such call allocates (and zero-fills) a
        1 MiB buffer to copy into — twice for every small member (a manifest, a signature).
        Each chunk is its own bytes object, so keeping them until the join is safe.
        """
        return b"".join(list(self.chunks()))

    def _read_raw(self) -> bytes:
        want = min(CHUNK_SIZE, self._left_in)
        self._fh.seek(self._pos)
        chunk = self._fh.read(want)
        if len(chunk) != want:
            raise BundleRejected("truncated", "the bundle file ends in the middle of an entry")
        self._pos += want
        self._left_in -= want
        return chunk

    def _fill(self) -> None:
        if self._inflater is None:
            if self._left_in == 0:
                self._finish()
            else:
                self._accept(self._read_raw())
            return
        inflater = self._inflater
        try:
            if inflater.unconsumed_tail:
                out = inflater.decompress(inflater.unconsumed_tail, CHUNK_SIZE)
            elif inflater.eof:
                if inflater.unused_data or self._left_in:
                    raise _corrupt(self._entry, "extra bytes after the compressed data")
                self._finish()
                return
            elif self._left_in == 0:
                raise BundleRejected("truncated", "an entry's compressed data ends early")
            else:
                out = inflater.decompress(self._read_raw(), CHUNK_SIZE)
        except zlib.error as exc:
            raise _corrupt(self._entry, "invalid compressed data") from exc
        self._accept(out)

    def _accept(self, data: bytes) -> None:
        self._produced += len(data)
        if self._produced > self._entry.size:
            raise BundleRejected(
                "zip_bomb",
                f"entry {self._entry.name[:80]!r} expands beyond its declared size",
            )
        if self._check_crc:
            self._crc = zlib.crc32(data, self._crc)
        self._pending = memoryview(data)

    def _finish(self) -> None:
        if self._produced != self._entry.size:
            raise BundleRejected("truncated", "an entry is shorter than its declared size")
        if self._check_crc and self._crc != self._entry.crc:
            raise _corrupt(self._entry, "checksum mismatch")
        self._done = True
