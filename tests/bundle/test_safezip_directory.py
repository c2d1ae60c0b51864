"""The plain directory reader answers exactly as zipfile does, or steps aside.

``bundle/safezip._plain_directory`` reads the central directory of a plain zip (every bundle
the app writes) in one pass instead of letting ``zipfile`` parse it (issue 11, branch impcpu).
It must give the very records zipfile gives for the same bytes, or ``None`` so zipfile reads
them as before. Here valid zips and damaged ones — each way a directory can lie, plus a few
thousand seeded byte flips in the directory and end record — are read both ways: the same
entries, or the same refusal.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

import pytest

from secity_desktop.bundle import safezip
from secity_desktop.bundle.safezip import open_bundle_zip
from secity_desktop.core.errors import BundleRejected
from tests.bundle import zipcraft


def _zip(entries: list[tuple[str, bytes]], *, comment: bytes = b"", method: int = zipfile.ZIP_DEFLATED,
         extra: bytes = b"") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.compress_type = method
            info.extra = extra
            z.writestr(info, data)
        z.comment = comment
    return buf.getvalue()


BASE = [("manifest.json", b'{"a": 1}'), ("evidence/" + "ab" * 32, b"x" * 3000),
        ("revisions/r.json", b"{}" * 100)]


def _answer(data: bytes, *, plain: bool, tmp_path: Path) -> object:
    path = tmp_path / "z.secbundle"
    path.write_bytes(data)
    saved = safezip._plain_directory
    if not plain:
        safezip._plain_directory = lambda fh: None  # zipfile reads every directory
    try:
        with open_bundle_zip(path) as z:
            return ("ok", dict(z._entries))
    except BundleRejected as exc:
        return ("refused", exc.reason, str(exc))
    finally:
        safezip._plain_directory = saved


def _both(data: bytes, tmp_path: Path) -> object:
    fast = _answer(data, plain=True, tmp_path=tmp_path)
    assert fast == _answer(data, plain=False, tmp_path=tmp_path)
    return fast


def _eocd(data: bytes) -> int:
    return data.rindex(b"PK\x05\x06")


def _cd(data: bytes) -> int:
    return struct.unpack_from("<L", data, _eocd(data) + 16)[0]


def _cases() -> list[bytes]:
    good = _zip(BASE)
    eocd, cd = _eocd(good), _cd(good)
    out = [
        good,
        _zip(BASE, method=zipfile.ZIP_STORED),
        _zip([("ชื่อ/ไฟล์.json", b"{}")]),  # a UTF-8 name (flagged)
        _zip(BASE, comment=b"a comment"),
        _zip(BASE, extra=b"\x99\x99\x02\x00ab"),
        b"prefix" + good,  # prepended bytes: zipfile shifts every offset
        good + b"suffix",
        good[:-1],
        good[:eocd],
        good[:cd] + good[eocd:],  # no central directory
        good[cd:],
        b"PK\x05\x06" + b"\x00" * 18,  # an empty zip
        b"",
        b"PK\x03\x04",
        zipcraft.build([("a.txt", b"x")]),
        zipcraft.build([("a\x00b.txt", b"x")]),
        zipcraft.build([("a.txt", b"x"), ("a.txt", b"y")]),
        zipcraft.build([("../up.txt", b"x")]),
    ]
    # the entry count, the directory's size and offset, disk numbers: each one off
    for field, delta in ((8, 1), (10, 1), (10, -1), (12, 1), (12, -1), (16, 1), (16, -1),
                         (4, 1), (6, 1)):
        fmt = "<H" if field < 12 else "<L"
        value = struct.unpack_from(fmt, good, eocd + field)[0]
        bad = bytearray(good)
        struct.pack_into(fmt, bad, eocd + field, (value + delta) % (1 << (16 if fmt == "<H" else 32)))
        out.append(bytes(bad))
    # a central header's fields: flags (UTF-8 bit on a non-UTF-8 name), version, lengths
    for offset, value in ((6, 64), (6, 63), (8, 0x800), (8, 0x801), (28, 200), (30, 4),
                          (32, 3), (10, 12), (10, 99)):
        bad = bytearray(good)
        struct.pack_into("<B" if offset == 6 else "<H", bad, cd + offset, value)
        out.append(bytes(bad))
    name_at = cd + 46
    bad = bytearray(good)
    bad[name_at] = 0xE9  # a non-ASCII byte in an unflagged name (cp437 for zipfile)
    out.append(bytes(bad))
    bad[cd + 8:cd + 10] = struct.pack("<H", 0x800)  # the same, flagged UTF-8: invalid
    out.append(bytes(bad))
    # a zip64 end-of-directory locator just before the end record
    out.append(good[:eocd] + b"PK\x06\x07" + b"\x00" * 16 + good[eocd:])
    return out


def test_every_crafted_directory_reads_alike(tmp_path: Path) -> None:
    answers = [_both(data, tmp_path) for data in _cases()]
    assert answers[0][0] == "ok"
    assert sum(1 for a in answers if a[0] == "refused") >= 10


@pytest.mark.parametrize("seed", range(4))
def test_byte_flips_in_the_directory_read_alike(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    good = _zip(BASE, method=zipfile.ZIP_STORED if seed % 2 else zipfile.ZIP_DEFLATED)
    start = _cd(good)
    kinds: set[str] = set()
    for _ in range(400):
        bad = bytearray(good)
        for _flip in range(rng.choice((1, 1, 2, 3))):
            bad[rng.randrange(start, len(good))] = rng.randrange(256)
        kinds.add(str(_both(bytes(bad), tmp_path)[0]))
    assert kinds == {"ok", "refused"}


def test_the_plain_reader_reads_what_the_app_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "z.secbundle"
    path.write_bytes(_zip(BASE))

    def no(*_a: object, **_k: object) -> None:
        raise AssertionError("zipfile parsed a plain directory")

    monkeypatch.setattr(safezip.zipfile, "ZipFile", no)
    with open_bundle_zip(path) as z:
        assert z.names() == [n for n, _d in BASE]


def test_an_empty_zip_opens_empty_and_is_refused_as_a_bundle(tmp_path: Path) -> None:
    """Found by the tests above: an empty zip raised ValueError (a crash, not a refusal)."""
    from secity_desktop.bundle.read import verify_bundle

    path = tmp_path / "empty.secbundle"
    path.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    with open_bundle_zip(path) as z:
        assert z.names() == []
    with pytest.raises(BundleRejected) as info:
        verify_bundle(path, [])
    assert info.value.reason == "missing_entry"
