"""Rows for the spreadsheet exports (assessments, responses, audit trail). SQL only.

One query per table, filtered by province and fiscal year, so a national
export does not run one query per assessment. ``services.spreadsheets``
turns the rows into Thai tables.

Exports stream: the response and audit rows come from a cursor a chunk at a
time, read through a *snapshot* — a second connection (only ever read through) to the same
file holding one read transaction (WAL lets it read while the app writes). The
snapshot is opened on the caller's thread when the export is prepared, so the
file shows the store as it was then; the worker thread reads only the snapshot,
never the workspace's own connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import sqlite_utils

CHUNK = 5000


def snapshot(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """A second connection (our code only reads through it) to ``db``'s file with its read transaction begun (close it)."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    if not path:  # an in-memory store (tests): there is no file to open twice
        return db
    conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
    return sqlite_utils.Database(conn)


def close_snapshot(db: sqlite_utils.Database, snap: sqlite_utils.Database) -> None:
    if snap is not db:
        snap.conn.close()


def _filter(province: str | None, year: int | None) -> tuple[str, list[Any]]:
    where, args = " WHERE 1 = 1", []  # type: ignore[var-annotated]
    if province:
        where += " AND m.province_code = ?"
        args.append(province)
    if year is not None:
        where += " AND a.year = ?"
        args.append(year)
    return where, args


def _stream(cur: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while chunk := cur.fetchmany(CHUNK):
        yield from chunk


def assessment_rows(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> Iterator[list[tuple[Any, ...]]]:
    """(id, municipality, name, type, province name, year, revision, status, framework hash,
    created_at, updated_at, updated_by), streamed as lists of up to :data:`CHUNK` rows (the
    export scores one list at a time)."""
    where, args = _filter(province, year)
    sql = (
        "SELECT a.id, a.municipality_code, m.name_th, m.type, p.name_th, a.year, a.revision,"
        " a.status, a.framework_hash, a.created_at, a.updated_at, a.updated_by"
        " FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " JOIN provinces p ON p.code = m.province_code"
        + where
        + " ORDER BY a.year, m.province_code, a.municipality_code, a.revision"
    )
    cur = db.execute(sql, args)
    while chunk := cur.fetchmany(CHUNK):
        yield [tuple(r) for r in chunk]


def count_assessments(db: sqlite_utils.Database, province: str | None, year: int | None) -> int:
    where, args = _filter(province, year)
    sql = ("SELECT count(*) FROM assessments a JOIN municipalities m"
           " ON m.code = a.municipality_code" + where)
    return int(db.execute(sql, args).fetchone()[0])


def framework_hashes(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> list[str]:
    """The frameworks the chosen assessments name, sorted."""
    where, args = _filter(province, year)
    sql = ("SELECT DISTINCT a.framework_hash FROM assessments a JOIN municipalities m"
           " ON m.code = a.municipality_code" + where + " ORDER BY 1")
    return [str(r[0]) for r in db.execute(sql, args)]


def response_rows(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> Iterator[tuple[Any, ...]]:
    """(id, municipality, name, year, revision, framework hash, indicator, level, note,
    updated_at, updated_by), streamed, one assessment's rows together, assessments in
    (year, municipality, revision) order — the order of the ``assessments_year`` index, so
    SQLite sorts nothing."""
    where, args = _filter(province, year)
    sql = (
        "SELECT a.id, a.municipality_code, m.name_th, a.year, a.revision, a.framework_hash,"
        " r.indicator_code, r.level, r.note, r.updated_at, r.updated_by"
        " FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " JOIN responses r ON r.assessment_id = a.id"
        + where
        + " ORDER BY a.year, a.municipality_code, a.revision"
    )
    return _stream(db.execute(sql, args))


_RESPONSE_ORDER = " ORDER BY a.year, a.municipality_code, a.revision, a.rowid"
"""The ``assessments_year`` index's order (the rowid ends each index entry): SQLite sorts
nothing, and the two queries below walk the assessments in exactly the same order."""


def response_heads(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> Iterator[tuple[Any, ...]]:
    """(assessment rowid, id, municipality, name, year, revision, framework hash), streamed
    in the same order as :func:`response_cells`, read beside it: each response row then
    carries only its assessment's rowid (an int) instead of five repeated columns, and no
    table of all assessments is held."""
    where, args = _filter(province, year)
    sql = (
        "SELECT a.rowid, a.id, a.municipality_code, m.name_th, a.year, a.revision,"
        " a.framework_hash FROM assessments a JOIN municipalities m"
        " ON m.code = a.municipality_code" + where + _RESPONSE_ORDER
    )
    return _stream(db.execute(sql, args))


def response_cells(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> Iterator[tuple[Any, ...]]:
    """(assessment rowid, indicator, level, note, updated_at, updated_by), streamed in the
    ``assessments_year`` index's order: SQLite walks that index and reads each assessment's
    rows from the ``responses`` primary key, so one assessment's rows come together, by
    indicator code."""
    where, args = _filter(province, year)
    join_m = " JOIN municipalities m ON m.code = a.municipality_code" if province else ""
    sql = (
        "SELECT a.rowid, r.indicator_code, r.level, r.note, r.updated_at, r.updated_by"
        " FROM assessments a" + join_m + " JOIN responses r ON r.assessment_id = a.id"
        + where + _RESPONSE_ORDER
    )
    cur = db.execute(sql, args)
    cur.arraysize = CHUNK
    return _stream(cur)


def standing_overrides(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> dict[tuple[str, str], tuple[int, str, str]]:
    """{(assessment id, indicator): (reviewer's level, reason, reviewer)} for the standing
    overrides that set a level — few (a person writes each), so one dict instead of a join
    probed for each of millions of response rows."""
    where, args = _filter(province, year)
    sql = (
        "SELECT o.assessment_id, o.indicator_code, o.level, o.reason, o.author"
        " FROM review_overrides o JOIN assessments a ON a.id = o.assessment_id"
        " JOIN municipalities m ON m.code = a.municipality_code"
        + where + " AND o.current = 1 AND o.level IS NOT NULL"
    )
    return {(r[0], r[1]): (r[2], r[3], r[4]) for r in db.execute(sql, args)}


def audit_rows(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> Iterator[tuple[Any, ...]]:
    """(seq, at, actor, action, assessment id, municipality name, target, old JSON, new JSON,
    reason), streamed; with a filter, only events about assessments that match it."""
    where, args = _filter(province, year)
    if province or year is not None:
        sql = (
            "SELECT e.seq, e.at, e.actor, e.action, e.assessment_id, m.name_th, e.target, e.old,"
            " e.new, e.reason FROM audit e JOIN assessments a ON a.id = e.assessment_id"
            " JOIN municipalities m ON m.code = a.municipality_code" + where + " ORDER BY e.seq"
        )
    else:
        sql = (
            "SELECT e.seq, e.at, e.actor, e.action, e.assessment_id, m.name_th, e.target, e.old,"
            " e.new, e.reason FROM audit e LEFT JOIN assessments a ON a.id = e.assessment_id"
            " LEFT JOIN municipalities m ON m.code = a.municipality_code ORDER BY e.seq"
        )
    return _stream(db.execute(sql, args))


def count_audit(db: sqlite_utils.Database, province: str | None, year: int | None) -> int:
    where, args = _filter(province, year)
    if province or year is not None:
        sql = ("SELECT count(*) FROM audit e JOIN assessments a ON a.id = e.assessment_id"
               " JOIN municipalities m ON m.code = a.municipality_code" + where)
    else:
        sql = "SELECT count(*) FROM audit"
    return int(db.execute(sql, args).fetchone()[0])
