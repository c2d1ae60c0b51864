"""Read queries behind the front ends' lists: ids in order, filtered and sorted in SQL.

A list first asks for the ids it shows (ordered on a key SQLite can compute,
filtered on one search text), then pages of rows for the ids in view, so a
workspace with tens of thousands of assessments never builds them all at once.
Writes live with their tables' own modules; nothing here changes the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from secity_desktop.core.score_terms import RULES_VERSION

if TYPE_CHECKING:
    import sqlite_utils

#: The stored score of each listed assessment (``store.stored_scores``): a row for another
#: framework or older rules does not join, so its key is NULL and the caller repairs it.
SCORE_JOIN = (
    " LEFT JOIN assessment_scores s ON s.assessment_id = a.id"
    f" AND s.framework_hash = a.framework_hash AND s.rules = {int(RULES_VERSION)}"
)
#: Sort keys read from the stored scores (the list joins them only when sorting by one).
SCORED_KEYS: dict[str, str] = {"total": "s.total", "answered": "s.answered"}

# Sort keys SQLite computes per assessment (column name → SQL expression).
ASSESSMENT_SORT_KEYS: dict[str, str] = {
    "municipality_th": "m.name_th",
    "municipality_en": "coalesce(nullif(m.name_en, ''), m.name_th)",
    "province_th": "p.name_th",
    "province_en": "p.name_en",
    "year": "a.year",
    "status": "a.status",
    "updated": "a.updated_at",
    **SCORED_KEYS,
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
    year: int | None = None,
) -> list[str]:
    """Assessment ids matching ``search`` (any of code, names, province, year, status)."""
    return [r[0] for r in _assessments(db, "a.id", search=search, order=order,
                                       descending=descending, province=province,
                                       statuses=statuses, year=year)]


ScoredId = tuple[str, bool, str, str]
"""(id, has a valid stored score, framework hash, updated_at): a list ordered on a stored
score, with what the caller needs to repair a missing one."""


def scored_assessment_ids(
    db: sqlite_utils.Database,
    *,
    search: str = "",
    order: str = "total",
    descending: bool = True,
    province: str | None = None,
    statuses: tuple[str, ...] = (),
    year: int | None = None,
) -> list[ScoredId]:
    """The selection ordered in SQL on a stored score (``SCORED_KEYS``)."""
    rows = _assessments(db, "a.id, s.assessment_id IS NOT NULL, a.framework_hash, a.updated_at",
                        search=search, order=order, descending=descending, province=province,
                        statuses=statuses, year=year)
    return [(str(r[0]), bool(r[1]), str(r[2]), str(r[3])) for r in rows]


def assessment_keys(
    db: sqlite_utils.Database,
    *,
    search: str = "",
    province: str | None = None,
    statuses: tuple[str, ...] = (),
    year: int | None = None,
) -> list[tuple[str, str, str]]:
    """(id, framework hash, updated_at) of the same selection, in one pass: bulk scoring's
    input when a list is ordered by its total (no second lookup per id)."""
    rows = _assessments(db, "a.id, a.framework_hash, a.updated_at", search=search,
                        province=province, statuses=statuses, year=year)
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def _assessments(
    db: sqlite_utils.Database,
    columns: str,
    *,
    search: str = "",
    order: str = "updated",
    descending: bool = True,
    province: str | None = None,
    statuses: tuple[str, ...] = (),
    year: int | None = None,
) -> list[tuple[Any, ...]]:
    key = ASSESSMENT_SORT_KEYS.get(order, ASSESSMENT_SORT_KEYS["updated"])
    scored = order in SCORED_KEYS or "s." in columns
    sql = (
        f"SELECT {columns} FROM assessments a JOIN municipalities m"
        " ON m.code = a.municipality_code"
        " JOIN provinces p ON p.code = m.province_code"
        f"{SCORE_JOIN if scored else ''} WHERE 1 = 1"
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
    if year is not None:
        sql += " AND a.year = ?"
        args.append(year)
    direction = "DESC" if descending else "ASC"
    sql += f" ORDER BY {key} {direction}, a.updated_at DESC, a.id"
    return [tuple(r) for r in db.execute(sql, args).fetchall()]


def review_ids(
    db: sqlite_utils.Database,
    *,
    statuses: tuple[str, ...],
    province: str | None = None,
    year: int | None = None,
    order: str = "updated",
    descending: bool = True,
    keys: bool = False,
) -> list[Any]:
    """A review queue's ids (or with ``keys`` (id, framework hash, updated_at) triples):
    statuses (and province, year) filtered and ordered in SQL. Ordered on a stored score
    (``SCORED_KEYS``), rows are ``ScoredId`` tuples."""
    key = REVIEW_SORT_KEYS.get(order, REVIEW_SORT_KEYS["updated"])
    scored = order in SCORED_KEYS
    columns = "a.id, a.framework_hash, a.updated_at" if keys else "a.id"
    if scored:
        columns = "a.id, s.assessment_id IS NOT NULL, a.framework_hash, a.updated_at"
    sql = (
        f"SELECT {columns} FROM assessments a JOIN municipalities m"
        f" ON m.code = a.municipality_code{SCORE_JOIN if scored else ''}"
        f" WHERE a.status IN ({','.join('?' * len(statuses))})"
    )
    args: list[Any] = list(statuses)
    if province:
        sql += " AND m.province_code = ?"
        args.append(province)
    if year is not None:
        sql += " AND a.year = ?"
        args.append(year)
    sql += f" ORDER BY {key} {'DESC' if descending else 'ASC'}, a.updated_at DESC, a.id"
    return [r[0] if len(r) == 1 else tuple(r) for r in db.execute(sql, args).fetchall()]


REVIEW_SORT_KEYS: dict[str, str] = {
    "municipality_th": "m.name_th",
    "municipality_en": "coalesce(nullif(m.name_en, ''), m.name_th)",
    "year": "a.year",
    "revision": "a.revision",
    "status": "a.status",
    "updated": "a.updated_at",
    **SCORED_KEYS,
}


def choice_ids(
    db: sqlite_utils.Database,
    *,
    search: str = "",
    year: int | None = None,
    province: str | None = None,
    status: str | None = None,
    limit: int = 200,
) -> list[str]:
    """A pick list's ids, newest edit first, at most ``limit`` (the chooser narrows by search)."""
    sql = (
        "SELECT a.id FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " JOIN provinces p ON p.code = m.province_code WHERE 1 = 1"
    )
    args: list[Any] = []
    if search.strip():
        sql += f" AND {_SEARCH_TEXT} LIKE ? ESCAPE '\\'"
        args.append(_like(search.strip()))
    for column, value in (("a.year", year), ("m.province_code", province), ("a.status", status)):
        if value is not None and value != "":
            sql += f" AND {column} = ?"
            args.append(value)
    sql += " ORDER BY a.updated_at DESC, a.id LIMIT ?"
    args.append(limit)
    return [r[0] for r in db.execute(sql, args).fetchall()]


def exists(db: sqlite_utils.Database, assessment_id: str) -> bool:
    return db.execute("SELECT 1 FROM assessments WHERE id = ?", [assessment_id]).fetchone() is not None


def answered_counts(db: sqlite_utils.Database, ids: list[str]) -> dict[str, int]:
    """Indicators with an effective level per assessment (an answer, or a standing override)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    sql = (
        "SELECT r.assessment_id, count(*) FROM responses r WHERE r.assessment_id IN"
        f" ({marks}) AND (r.level IS NOT NULL OR EXISTS (SELECT 1 FROM review_overrides o"
        " WHERE o.assessment_id = r.assessment_id AND o.indicator_code = r.indicator_code"
        " AND o.current = 1 AND o.level IS NOT NULL)) GROUP BY r.assessment_id"
    )
    return {str(r[0]): int(r[1]) for r in db.execute(sql, ids).fetchall()}


def unscored_keys(db: sqlite_utils.Database, year: int) -> list[tuple[str, str, str]]:
    """(id, framework hash, updated_at) of the year's assessments with no valid stored score:
    what the idle warmer repairs."""
    # NOT EXISTS and no ORDER BY: the year's index drives it (ordered by id, SQLite walked the
    # whole primary key: 8× slower nationally)
    sql = ("SELECT a.id, a.framework_hash, a.updated_at FROM assessments a WHERE a.year = ?"
           " AND NOT EXISTS (SELECT 1 FROM assessment_scores s WHERE s.assessment_id = a.id"
           f" AND s.framework_hash = a.framework_hash AND s.rules = {int(RULES_VERSION)})")
    return [(str(r[0]), str(r[1]), str(r[2])) for r in db.execute(sql, [year]).fetchall()]


def successor(db: sqlite_utils.Database, assessment_id: str) -> str | None:
    """The newest revision that names this one as the one it replaces, if any."""
    row = db.execute(
        "SELECT id FROM assessments WHERE supersedes = ? ORDER BY revision DESC LIMIT 1",
        [assessment_id],
    ).fetchone()
    return str(row[0]) if row else None


def import_history(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM imports ORDER BY id DESC"))
