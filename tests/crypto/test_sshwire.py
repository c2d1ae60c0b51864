"""``sshwire.Reader.string`` reads exactly what ``raw(uint32())`` read, and refuses alike (impcpu)."""

from __future__ import annotations

import random

from secity_desktop.crypto import sshwire


def _two_step(data: bytes) -> list[object]:
    reader, out = sshwire.Reader(data), []
    try:
        while True:
            out.append(reader.raw(reader.uint32()))
    except sshwire.WireError as exc:
        out.append(str(exc))
    return out


def _one_step(data: bytes) -> list[object]:
    reader, out = sshwire.Reader(data), []
    try:
        while True:
            out.append(reader.string())
    except sshwire.WireError as exc:
        out.append(str(exc))
    return out


def test_string_reads_as_raw_of_uint32_on_any_bytes() -> None:
    rng = random.Random(11)
    cases = [b"", b"\x00", b"\x00\x00\x00", b"\x00\x00\x00\x00", b"\xff\xff\xff\xff",
             sshwire.string(b"abc") + sshwire.string(b""), sshwire.string(b"x" * 300)[:-1]]
    for _ in range(500):
        cases.append(b"".join(sshwire.string(rng.randbytes(rng.randrange(6)))
                              for _ in range(rng.randrange(4)))
                     + rng.randbytes(rng.randrange(6)))
    for data in cases:
        assert _one_step(data) == _two_step(data)
