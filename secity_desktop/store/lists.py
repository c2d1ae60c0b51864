"""Read queries behind the front ends' lists: ids in order, filtered and sorted in SQL.

A list first asks for the ids it shows (ordered on a key SQLite can compute,
filtered on one search text), then pages of rows for the ids in view, so a
workspace with tens of thousands of assessments never builds them all at once.
Writes live with their tables' own modules; nothing here changes the store.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

# Sort keys SQLite computes per assessment (column name → SQL expression).
ASSESSMENT_SORT_KEYS: dict[str, str] = {
    "municipality_th": "m.name_th",
    "municipality_en": "coalesce(nullif(m.name_en, ''), m.name_th)",
    "province_th": "p.name_th",
    "province_en": "p.name_en",
    "year": "a.year",
    "status": "a.status",
    "updated": "a.updated_at",
    "answered": (
        "(SELECT count(*) FROM responses r WHERE r.assessment_id = a.id AND r.level IS NOT NULL)"
    ),
}

_SEARCH_TEXT = (
    "lower(a.municipality_code || ' ' || m.name_th || ' ' || m.name_en || ' ' || m.province_code"
    " || ' ' || p.name_th || ' ' || p.name_en || ' ' || a.year || ' ' || a.status)"
)


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def assessment_ids(
    db: sqlite_utils.Database,
    *,
    search: str = "",
    order: str = "updated",
    descending: bool = True,
    province: str | None = None,
    statuses: tuple[str, ...] = (),
) -> list[str]:
    """Assessment ids matching ``search`` (any of code, names, province, year, status)."""
    key = ASSESSMENT_SORT_KEYS.get(order, ASSESSMENT_SORT_KEYS["updated"])
    sql = (
        "SELECT a.id FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " JOIN provinces p ON p.code = m.province_code WHERE 1 = 1"
    )
    args: list[Any] = []
    if search.strip():
        sql += f" AND {_SEARCH_TEXT} LIKE ? ESCAPE '\\'"
        args.append(_like(search.strip()))
    if province:
        sql += " AND m.province_code = ?"
        args.append(province)
    if statuses:
        sql += f" AND a.status IN ({','.join('?' * len(statuses))})"
        args.extend(statuses)
    direction = "DESC" if descending else "ASC"
    sql += f" ORDER BY {key} {direction}, a.updated_at DESC, a.id"
    return [r[0] for r in db.execute(sql, args).fetchall()]


def successor(db: sqlite_utils.Database, assessment_id: str) -> str | None:
    """The newest revision that names this one as the one it replaces, if any."""
    row = db.execute(
        "SELECT id FROM assessments WHERE supersedes = ? ORDER BY revision DESC LIMIT 1",
        [assessment_id],
    ).fetchone()
    return str(row[0]) if row else None


def import_history(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM imports ORDER BY id DESC"))
