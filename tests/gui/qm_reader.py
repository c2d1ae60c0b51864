"""Read the (context, source) pairs of a compiled Qt catalogue (``.qm``), for checks.

The .qm layout (magic, then tagged sections; the messages section holds records of
tagged fields: 3 translation UTF-16, 6 source, 7 context, 8 comment, 1 end) is Qt
Linguist's; Qt ships no Thai ``qtbase`` catalogue, so our own ``i18n/qt_th.ts`` must
use exactly Qt's source texts, which this reads from a catalogue Qt does ship.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95,
               0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])
_FIELDS = {3: "tr", 6: "src", 7: "ctx", 8: "cmt"}


def messages(path: Path) -> set[tuple[str, str]]:
    data = path.read_bytes()
    assert data[:16] == MAGIC, path
    pos, out = 16, set()
    while pos < len(data):
        tag = data[pos]
        (length,) = struct.unpack(">I", data[pos + 1 : pos + 5])
        body, pos = data[pos + 5 : pos + 5 + length], pos + 5 + length
        if tag != 0x69:
            continue
        p, cur = 0, {}
        while p < len(body):
            t = body[p]
            p += 1
            if t == 1:
                out.add((cur.get("ctx", ""), cur.get("src", "")))
                cur = {}
            elif t in _FIELDS:
                (n,) = struct.unpack(">I", body[p : p + 4])
                p += 4
                n = 0 if n == 0xFFFFFFFF else n
                raw, p = body[p : p + n], p + n
                if t != 3:
                    cur[_FIELDS[t]] = raw.decode("utf-8", "replace")
            elif t == 5:
                p += 4
    return out
