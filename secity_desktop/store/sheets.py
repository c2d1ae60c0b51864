"""Rows for the spreadsheet exports (assessments, responses, audit trail). SQL only.

One query per table, filtered by province and fiscal year, so a national
export does not run one query per assessment. ``services.spreadsheets``
turns the rows into Thai tables.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils


def _filter(province: str | None, year: int | None) -> tuple[str, list[Any]]:
    where, args = " WHERE 1 = 1", []  # type: ignore[var-annotated]
    if province:
        where += " AND m.province_code = ?"
        args.append(province)
    if year is not None:
        where += " AND a.year = ?"
        args.append(year)
    return where, args


def assessment_rows(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> list[tuple[Any, ...]]:
    """(id, municipality, name, type, province name, year, revision, status, framework hash,
    created_at, updated_at, updated_by)."""
    where, args = _filter(province, year)
    sql = (
        "SELECT a.id, a.municipality_code, m.name_th, m.type, p.name_th, a.year, a.revision,"
        " a.status, a.framework_hash, a.created_at, a.updated_at, a.updated_by"
        " FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " JOIN provinces p ON p.code = m.province_code"
        + where
        + " ORDER BY a.year, m.province_code, a.municipality_code, a.revision"
    )
    return [tuple(r) for r in db.execute(sql, args).fetchall()]


def response_rows(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> list[tuple[Any, ...]]:
    """(id, municipality, name, year, revision, framework hash, indicator, level, note,
    updated_at, updated_by, override level, override reason, override author)."""
    where, args = _filter(province, year)
    sql = (
        "SELECT a.id, a.municipality_code, m.name_th, a.year, a.revision, a.framework_hash,"
        " r.indicator_code, r.level, r.note, r.updated_at, r.updated_by,"
        " o.level, o.reason, o.author"
        " FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " JOIN responses r ON r.assessment_id = a.id"
        " LEFT JOIN review_overrides o ON o.assessment_id = a.id"
        " AND o.indicator_code = r.indicator_code AND o.current = 1 AND o.level IS NOT NULL"
        + where
        + " ORDER BY a.year, a.municipality_code, a.revision, a.id"
    )
    return [tuple(r) for r in db.execute(sql, args).fetchall()]


def audit_rows(
    db: sqlite_utils.Database, province: str | None, year: int | None
) -> list[tuple[Any, ...]]:
    """(seq, at, actor, action, assessment id, municipality name, target, old JSON, new JSON,
    reason); with a filter, only events about assessments that match it."""
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
    return [tuple(r) for r in db.execute(sql, args).fetchall()]
