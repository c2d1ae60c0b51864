"""A small member read in one step answers exactly as the stream reads it (branch impdocs).

``zipstream.read_whole`` (used by ``SafeZip.read_small`` for the manifest, signatures and
revisions) replaces ``EntryStream(…).read()`` for members that fit in one chunk, and
``locate_data`` reads the local header and name in one call. Hostile members — flipped,
cut, padded, lying about their sizes or checksum — are read both ways: the same bytes, or
the same refusal with the same reason and message.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable

import pytest

from secity_desktop.bundle import zipstream
from secity_desktop.bundle.zipstream import Entry, EntryStream, locate_data, read_whole
from secity_desktop.core.errors import BundleRejected

NAME = "revisions/12345678-1234-1234-1234-123456789abc.json"
PAYLOADS = [b"", b"x", b'{"a":"' + "สมชาย".encode() * 40 + b'"}', bytes(range(256)) * 20]


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _member(name: bytes, method: int, stored: bytes, *, name_len: int | None = None,
            flags: int = 0x800, local_method: int | None = None) -> bytes:
    header = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, flags,
                         method if local_method is None else local_method, 0, 0, 0, 0, 0,
                         len(name) if name_len is None else name_len, 0)
    return header + name + stored


def _outcome(fn: Callable[[], object]) -> object:
    try:
        return ("ok", fn())
    except BundleRejected as exc:
        return ("refused", exc.reason, str(exc))


def _stream(data: bytes, entry: Entry) -> object:
    def read() -> bytes:
        fh = io.BytesIO(data)
        start = locate_data(fh, entry)
        with EntryStream(fh, entry, check_crc=True, start=start) as s:
            return s.read()
    return _outcome(read)


def _whole(data: bytes, entry: Entry) -> object:
    def read() -> bytes:
        fh = io.BytesIO(data)
        out = read_whole(fh, entry, locate_data(fh, entry))
        assert out is not None
        return out
    return _outcome(read)


def _cases() -> list[tuple[bytes, Entry]]:
    rng = random.Random(5)
    raw = NAME.encode()
    out: list[tuple[bytes, Entry]] = []
    for payload in PAYLOADS:
        for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            stored = payload if method == zipfile.ZIP_STORED else _deflate(payload)
            crc, size = zlib.crc32(payload), len(payload)
            variants = [
                (stored, size, len(stored), crc),
                (stored, size + 1, len(stored), crc),  # declared longer
                (stored, max(size - 1, 0), len(stored), crc),  # declared shorter: a bomb
                (stored, size, len(stored), crc ^ 1),  # checksum
                (stored + b"junk", size, len(stored) + 4, crc),  # bytes after the data
                (stored[:-1], size, len(stored) - 1 if stored else 0, crc),  # cut short
                (stored, size, len(stored) + 7, crc),  # the file ends inside the member
                (stored, size, max(len(stored) - 3, 0), crc),  # declared fewer stored bytes
                (b"", size, 0, crc),
                (b"\xff\xff\xff" + stored, size, len(stored) + 3, crc),  # not deflate
            ]
            for k in range(12):  # seeded byte flips in the stored bytes
                bad = bytearray(stored or b"\x00")
                for _ in range(rng.choice((1, 2))):
                    bad[rng.randrange(len(bad))] ^= 1 << rng.randrange(8)
                variants.append((bytes(bad), size, len(bad), crc if k % 2 else zlib.crc32(bytes(bad))))
            for body, usize, csize, ccrc in variants:
                data = _member(raw, method, body)
                end = len(data) + 40  # room for a directory after the member
                out.append((data + b"\x00" * 40, Entry(NAME, raw, method, usize, csize, ccrc, 0, end)))
                out.append((data, Entry(NAME, raw, method, usize, csize, ccrc, 0, end)))  # no room
    return out


def test_small_members_read_alike() -> None:
    cases = _cases()
    answers = [(_stream(d, e), _whole(d, e)) for d, e in cases]
    assert all(a == b for a, b in answers)
    kinds = {a[1] if a[0] == "refused" else "ok" for a, _ in answers}
    assert {"ok", "zip_bomb", "truncated", "corrupt"} <= kinds


def test_members_that_do_not_fit_one_chunk_are_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipstream, "CHUNK_SIZE", 64)
    payload = bytes(range(256))
    for method, stored in ((zipfile.ZIP_STORED, payload), (zipfile.ZIP_DEFLATED, _deflate(payload * 4))):
        entry = Entry(NAME, NAME.encode(), method, len(payload), len(stored), zlib.crc32(payload), 0, 10**6)
        assert read_whole(io.BytesIO(_member(NAME.encode(), method, stored)), entry, 30 + len(NAME)) is None


def _old_locate(fh: io.BytesIO, entry: Entry) -> int:
    """locate_data as it was before branch impdocs (two reads)."""
    local = struct.Struct("<4sHHHHHIIIHH")
    fh.seek(entry.header_offset)
    header = fh.read(local.size)
    if len(header) != local.size:
        raise BundleRejected("truncated", "the bundle file ends in the middle of an entry")
    magic, _, flags, method, _, _, _, _, _, name_len, extra_len = local.unpack(header)
    if magic != b"PK\x03\x04":
        raise zipstream._corrupt(entry, "local header missing")
    if flags & 0x41:
        raise BundleRejected("encrypted", "the bundle contains an encrypted entry")
    if method != entry.method or fh.read(name_len) != entry.raw_name:
        raise zipstream._corrupt(entry, "local header disagrees with the directory")
    start = entry.header_offset + local.size + name_len + extra_len
    if start + entry.compressed_size > entry.end_limit:
        raise BundleRejected("zip_bomb", "bundle entries overlap each other")
    return start


def test_local_headers_are_checked_as_before() -> None:
    rng = random.Random(9)
    raw = NAME.encode()
    good = _member(raw, zipfile.ZIP_DEFLATED, _deflate(b"abc"))
    datas = [good, good[:29], good[:30], good[:40], good[:30 + len(raw)],
             _member(raw, 8, b"", name_len=len(raw) + 5),  # a longer local name: file ends in it
             _member(raw, 8, b"abcde", name_len=len(raw) + 5),
             _member(raw, 8, b"", name_len=len(raw) - 1),
             _member(raw, 8, b"x", local_method=0), _member(raw, 8, b"x", flags=0x801),
             _member(raw[:-1] + b"X", 8, b"x")]
    for _ in range(300):
        bad = bytearray(good)
        for _f in range(rng.choice((1, 2))):
            bad[rng.randrange(30 + len(raw))] = rng.randrange(256)
        datas.append(bytes(bad))
    seen = set()
    for data in datas:
        for csize, end in ((5, 10**6), (5, 40), (0, len(data))):
            entry = Entry(NAME, raw, zipfile.ZIP_DEFLATED, 3, csize, 0, 0, end)
            old = _outcome(lambda d=data, e=entry: _old_locate(io.BytesIO(d), e))
            new = _outcome(lambda d=data, e=entry: locate_data(io.BytesIO(d), e))
            assert old == new
            seen.add(old[1] if old[0] == "refused" else "ok")
    assert {"ok", "truncated", "corrupt", "encrypted", "zip_bomb"} <= seen
