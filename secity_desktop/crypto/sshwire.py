"""The few SSH wire-format pieces SSHSIG needs (uint32 and length-prefixed strings).

cryptography has no SSHSIG support, so the container is assembled here; every
read is bounds-checked because signatures arrive from outside.
"""

from __future__ import annotations

import struct


class WireError(ValueError):
    """Malformed wire data; callers turn it into a user-facing refusal."""


def string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def uint32(value: int) -> bytes:
    return struct.pack(">I", value)


class Reader:
    """Sequential reader that refuses to run past the end or leave bytes unread."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def raw(self, count: int) -> bytes:
        end = self._pos + count
        if count < 0 or end > len(self._data):
            raise WireError("data ends early")
        chunk = self._data[self._pos : end]
        self._pos = end
        return chunk

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.raw(4))[0]
        return value

    def string(self) -> bytes:
        """A length-prefixed string (what ``raw(uint32())`` reads, in one step: it is most reads)."""
        data, pos = self._data, self._pos
        if pos + 4 > len(data):
            raise WireError("data ends early")
        end = pos + 4 + int.from_bytes(data[pos:pos + 4], "big")
        if end > len(data):
            raise WireError("data ends early")
        self._pos = end
        return data[pos + 4:end]

    def finish(self) -> None:
        if self._pos != len(self._data):
            raise WireError("unexpected trailing data")
