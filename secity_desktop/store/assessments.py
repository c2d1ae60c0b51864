"""Assessment, response and evidence rows: plain reads and writes, no rules.

Rules (who may edit, what gets audited) live in ``services.assessments``; this
module only knows the tables, so the GUI's table models and the CLI read the
same rows the same way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from secity_desktop.core.errors import NotFoundError


@dataclass(frozen=True)
class Assessment:
    id: str
    municipality_code: str
    year: int
    framework_hash: str
    status: str
    revision: int
    supersedes: str | None
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class Response:
    indicator_code: str
    level: int | None
    note: str
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class Evidence:
    id: int
    assessment_id: str
    indicator_code: str
    sha256: str
    original_name: str
    mime: str
    size: int
    captured_at: str | None
    gps_lat: float | None
    gps_lon: float | None
    added_at: str
    added_by: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


_A_COLS = (
    "id, municipality_code, year, framework_hash, status, revision, supersedes,"
    " created_at, created_by, updated_at, updated_by"
)
_E_COLS = (
    "id, assessment_id, indicator_code, sha256, original_name, mime, size, captured_at,"
    " gps_lat, gps_lon, added_at, added_by"
)


def get(db: sqlite_utils.Database, assessment_id: str) -> Assessment:
    r = db.execute(f"SELECT {_A_COLS} FROM assessments WHERE id = ?", [assessment_id]).fetchone()
    if r is None:
        raise NotFoundError(f"no assessment with id {assessment_id!r}")
    return Assessment(*r)


def find(
    db: sqlite_utils.Database, *, municipality_code: str, year: int, framework_hash: str
) -> Assessment | None:
    r = db.execute(
        f"SELECT {_A_COLS} FROM assessments WHERE municipality_code = ? AND year = ?"
        " AND framework_hash = ? ORDER BY revision DESC LIMIT 1",
        [municipality_code, year, framework_hash],
    ).fetchone()
    return Assessment(*r) if r else None


def insert(db: sqlite_utils.Database, a: Assessment) -> None:
    db["assessments"].insert(asdict(a))


def touch(db: sqlite_utils.Database, assessment_id: str, at: str, by: str) -> None:
    db.execute(
        "UPDATE assessments SET updated_at = ?, updated_by = ? WHERE id = ?",
        [at, by, assessment_id],
    )


def set_status(
    db: sqlite_utils.Database, assessment_id: str, status: str, at: str, by: str
) -> None:
    db.execute(
        "UPDATE assessments SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
        [status, at, by, assessment_id],
    )


def list_ids(
    db: sqlite_utils.Database,
    *,
    province: str | None = None,
    year: int | None = None,
    status: str | None = None,
) -> list[str]:
    sql = (
        "SELECT a.id FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " WHERE 1 = 1"
    )
    args: list[Any] = []
    if province:
        sql += " AND m.province_code = ?"
        args.append(province)
    if year is not None:
        sql += " AND a.year = ?"
        args.append(year)
    if status:
        sql += " AND a.status = ?"
        args.append(status)
    sql += " ORDER BY a.updated_at DESC"
    return [r[0] for r in db.execute(sql, args).fetchall()]


def summary_rows(db: sqlite_utils.Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    """What a list view shows per assessment, fetched for a page of ids in one query."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    sql = (
        "SELECT a.id, a.municipality_code, m.name_th, m.name_en, m.province_code, p.name_th,"
        " p.name_en, a.year, a.status, a.revision, a.framework_hash, a.updated_at"
        " FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        f" JOIN provinces p ON p.code = m.province_code WHERE a.id IN ({marks})"
    )
    keys = (
        "id",
        "municipality_code",
        "municipality_th",
        "municipality_en",
        "province_code",
        "province_th",
        "province_en",
        "year",
        "status",
        "revision",
        "framework_hash",
        "updated_at",
    )
    return {r[0]: dict(zip(keys, r, strict=True)) for r in db.execute(sql, ids).fetchall()}


def responses(db: sqlite_utils.Database, assessment_id: str) -> dict[str, Response]:
    rows = db.execute(
        "SELECT indicator_code, level, note, updated_at, updated_by FROM responses"
        " WHERE assessment_id = ?",
        [assessment_id],
    ).fetchall()
    return {r[0]: Response(*r) for r in rows}


def response(db: sqlite_utils.Database, assessment_id: str, code: str) -> Response | None:
    r = db.execute(
        "SELECT indicator_code, level, note, updated_at, updated_by FROM responses"
        " WHERE assessment_id = ? AND indicator_code = ?",
        [assessment_id, code],
    ).fetchone()
    return Response(*r) if r else None


def upsert_response(
    db: sqlite_utils.Database,
    assessment_id: str,
    code: str,
    level: int | None,
    note: str,
    at: str,
    by: str,
) -> None:
    db.execute(
        "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET"
        " level = excluded.level, note = excluded.note, updated_at = excluded.updated_at,"
        " updated_by = excluded.updated_by",
        [assessment_id, code, level, note, at, by],
    )


def evidence(
    db: sqlite_utils.Database, assessment_id: str, indicator_code: str | None = None
) -> list[Evidence]:
    sql = f"SELECT {_E_COLS} FROM evidence WHERE assessment_id = ? AND removed_at IS NULL"
    args: list[Any] = [assessment_id]
    if indicator_code is not None:
        sql += " AND indicator_code = ?"
        args.append(indicator_code)
    return [Evidence(*r) for r in db.execute(sql + " ORDER BY id", args).fetchall()]


def evidence_item(db: sqlite_utils.Database, evidence_id: int) -> Evidence:
    r = db.execute(
        f"SELECT {_E_COLS} FROM evidence WHERE id = ? AND removed_at IS NULL", [evidence_id]
    ).fetchone()
    if r is None:
        raise NotFoundError(f"no evidence with id {evidence_id}")
    return Evidence(*r)


def indicators_with_evidence(db: sqlite_utils.Database, assessment_id: str) -> set[str]:
    rows = db.execute(
        "SELECT DISTINCT indicator_code FROM evidence WHERE assessment_id = ? AND removed_at IS NULL",
        [assessment_id],
    ).fetchall()
    return {r[0] for r in rows}
