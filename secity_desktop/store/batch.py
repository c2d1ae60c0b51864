"""Looking many keys up at once: one ``IN (…)`` query per few hundred keys.

An import plans hundreds of revisions and a dashboard pages thousands of rows;
one query per key would be the slow part, and SQLite caps the number of bound
parameters, so long key lists are cut into chunks it accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


CHUNK = 500


def in_rows(
    db: sqlite_utils.Database, sql: str, keys: Sequence[object], extra: Sequence[object] = ()
) -> list[tuple[object, ...]]:
    """Rows of ``sql`` — which holds one ``IN ({marks})`` — over ``keys``, chunk by chunk.

    ``extra`` are parameters bound after the keys in every chunk.
    """
    keys = list(dict.fromkeys(keys))
    out: list[tuple[object, ...]] = []
    for n in range(0, len(keys), CHUNK):
        part = keys[n : n + CHUNK]
        out += db.execute(sql.format(marks=",".join("?" * len(part))), [*part, *extra]).fetchall()
    return out
