"""Loading many rows at once: one ``executemany`` per table inside the caller's transaction.

The national scale (7,850 local governments × 10 fiscal years ≈ 2.7 million
responses) is reached by upward imports over years; the benchmarks and data
migrations need the same rows in seconds, written through the store's own
column lists rather than hand-written SQL in every script. Rows are named
tuples, so millions of them cost no more than plain tuples. Rules are not
checked here: callers hand in rows that the services would have produced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple
from typing import TYPE_CHECKING, NamedTuple

from secity_desktop.store.assessments import Assessment

if TYPE_CHECKING:
    import sqlite_utils


class MunicipalityRecord(NamedTuple):
    code: str
    name_th: str
    name_en: str
    type: str
    province_code: str
    is_seat: bool
    source: str


class ResponseRecord(NamedTuple):
    assessment_id: str
    indicator_code: str
    level: int | None
    note: str
    updated_at: str
    updated_by: str


class DecisionRecord(NamedTuple):
    id: str
    assessment_id: str
    revision: int
    action: str
    old_status: str
    new_status: str
    comment: str
    author: str
    at: str


class ModelTownRecord(NamedTuple):
    id: str
    province_code: str
    year: int
    municipality_code: str
    assessment_id: str | None
    reason: str
    chosen_by: str
    chosen_at: str


def replace_municipalities(db: sqlite_utils.Database, rows: Iterable[MunicipalityRecord]) -> int:
    """The whole register replaced (a bench or a fresh national store; nothing refers to it)."""
    for table in ("municipality_codes", "municipality_types", "municipalities"):
        db.execute(f"DELETE FROM {table}")
    cur = db.conn.executemany(
        "INSERT INTO municipalities (code, name_th, name_en, type, province_code, is_seat, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((*r[:5], int(r.is_seat), r.source) for r in rows),
    )
    return cur.rowcount


def add_assessments(db: sqlite_utils.Database, rows: Iterable[Assessment]) -> int:
    cur = db.conn.executemany(
        "INSERT INTO assessments (id, municipality_code, year, framework_hash, status, revision,"
        " supersedes, created_at, created_by, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (astuple(a) for a in rows),
    )
    return cur.rowcount


def add_responses(db: sqlite_utils.Database, rows: Iterable[ResponseRecord]) -> int:
    """Rows in (assessment, indicator) order load fastest and pack the table's pages full
    (``responses`` is a WITHOUT ROWID table on that key since schema 9)."""
    cur = db.conn.executemany(
        "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at,"
        " updated_by) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    return cur.rowcount


def add_decisions(db: sqlite_utils.Database, rows: Iterable[DecisionRecord]) -> int:
    cur = db.conn.executemany(
        "INSERT INTO review_decisions (id, assessment_id, revision, action, old_status,"
        " new_status, comment, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return cur.rowcount


def add_model_towns(db: sqlite_utils.Database, rows: Iterable[ModelTownRecord]) -> int:
    cur = db.conn.executemany(
        "INSERT INTO model_towns (id, province_code, year, municipality_code, assessment_id,"
        " reason, chosen_by, chosen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return cur.rowcount


def analyse(db: sqlite_utils.Database) -> None:
    """Refresh the planner's statistics after a bulk load (list queries choose indexes by them)."""
    db.execute("ANALYZE")


def compact(db: sqlite_utils.Database) -> None:
    """Repack every table and index after a bulk load (outside any transaction).

    Even rows in key order leave a WITHOUT ROWID table's pages ≈ 89 % full, and indexes on
    random ids (UUIDs) less; ``VACUUM`` rewrites them full: the national bench store goes
    from 304 to ≈ 275 MB."""
    db.execute("VACUUM")
