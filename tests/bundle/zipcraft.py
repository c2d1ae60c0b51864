"""Hand-built hostile zips for the safe-zip tests (patching raw header bytes)."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from collections.abc import Iterable

LOCAL = b"PK\x03\x04"
CENTRAL = b"PK\x01\x02"
# field -> (offset in local header, offset in central header, struct format)
FIELDS = {
    "flags": (6, 8, "<H"),
    "method": (8, 10, "<H"),
    "crc": (14, 16, "<I"),
    "csize": (18, 20, "<I"),
    "size": (22, 24, "<I"),
    "offset": (None, 42, "<I"),
}


def build(
    entries: Iterable[tuple[str | zipfile.ZipInfo, bytes]],
    method: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on duplicate names; that is the point
        with zipfile.ZipFile(buf, "w", compression=method) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return buf.getvalue()


def _positions(data: bytes, magic: bytes) -> list[int]:
    out, start = [], 0
    while (i := data.find(magic, start)) >= 0:
        out.append(i)
        start = i + 1
    return out


def patch(data: bytes, index: int, field: str, value: int, local: bool = True) -> bytes:
    """Set ``field`` of the index-th entry in the central header (and local header)."""
    loc_off, cen_off, fmt = FIELDS[field]
    buf = bytearray(data)
    cen = _positions(data, CENTRAL)[index]
    struct.pack_into(fmt, buf, cen + cen_off, value)
    if local and loc_off is not None:
        loc = _positions(data, LOCAL)[index]
        struct.pack_into(fmt, buf, loc + loc_off, value)
    return bytes(buf)


def read_field(data: bytes, index: int, field: str) -> int:
    _, cen_off, fmt = FIELDS[field]
    cen = _positions(data, CENTRAL)[index]
    value: int = struct.unpack_from(fmt, data, cen + cen_off)[0]
    return value
