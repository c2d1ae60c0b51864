"""Assessment, response and evidence rows: plain reads and writes, no rules.

Rules (who may edit, what gets audited) live in ``services.assessments``; this
module only knows the tables, so the GUI's table models and the CLI read the
same rows the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from secity_desktop.core.errors import NotFoundError
from secity_desktop.store.batch import in_rows

if TYPE_CHECKING:
    import sqlite_utils

    from secity_desktop.store.evidence_rows import Evidence, NewEvidence


def __getattr__(name: str) -> object:
    """``Evidence`` and ``NewEvidence`` (``store/evidence_rows.py``) load on first use: an
    edit (one ``secity assessment set``) reads no evidence rows and skips their classes."""
    if name in ("Evidence", "NewEvidence"):
        from secity_desktop.store import evidence_rows

        return getattr(evidence_rows, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        raise NotFoundError(f"no assessment with id {assessment_id!r}", code="assessment.unknown")
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


INSERT_ASSESSMENT = f"INSERT INTO assessments ({_A_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_RESPONSE = (
    "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at,"
    " updated_by) VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_BLOB = "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)"
"""The row inserts, shared with ``store.received_rows`` (an import's batched writes)."""


def insert(db: sqlite_utils.Database, a: Assessment) -> None:
    db.execute(
        INSERT_ASSESSMENT,
        [a.id, a.municipality_code, a.year, a.framework_hash, a.status, a.revision,
         a.supersedes, a.created_at, a.created_by, a.updated_at, a.updated_by],
    )


def exists(db: sqlite_utils.Database, assessment_id: str) -> bool:
    return db.execute("SELECT 1 FROM assessments WHERE id = ?", [assessment_id]).fetchone() is not None


def existing_ids(db: sqlite_utils.Database, ids: Iterable[str]) -> set[str]:
    return {str(r[0]) for r in in_rows(db, "SELECT id FROM assessments WHERE id IN ({marks})", list(ids))}


def chain(db: sqlite_utils.Database, assessment_id: str) -> list[Assessment]:
    """The row and every revision it supersedes, newest first; a missing link ends the
    chain, and an unknown id gives an empty one."""
    out: list[Assessment] = []
    seen: set[str] = set()
    cur: str | None = assessment_id
    while cur and cur not in seen:
        seen.add(cur)
        try:
            a = get(db, cur)
        except NotFoundError:
            break
        out.append(a)
        cur = a.supersedes
    return out


def supersedes_of(db: sqlite_utils.Database, assessment_id: str) -> str | None:
    """The revision this row replaces (None for a first revision or an unknown id)."""
    r = db.execute("SELECT supersedes FROM assessments WHERE id = ?", [assessment_id]).fetchone()
    return r[0] if r else None


def successor(db: sqlite_utils.Database, assessment_id: str) -> str | None:
    """A revision that supersedes this one, if there is one."""
    r = db.execute("SELECT id FROM assessments WHERE supersedes = ?", [assessment_id]).fetchone()
    return str(r[0]) if r else None


def successors(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, list[str]]:
    """Superseded id → the rows that supersede it (usually one; two is a fork)."""
    out: dict[str, list[str]] = {}
    for sup, rid in in_rows(
        db, "SELECT supersedes, id FROM assessments WHERE supersedes IN ({marks}) ORDER BY rowid",
        list(ids),
    ):
        out.setdefault(str(sup), []).append(str(rid))
    return out


def first_revisions(
    db: sqlite_utils.Database, keys: Iterable[tuple[str, int, str]]
) -> dict[tuple[str, int, str], list[str]]:
    """(municipality, year, framework) → the first revisions (no ``supersedes``) stored for it."""
    wanted = set(keys)
    out: dict[tuple[str, int, str], list[str]] = {}
    rows = in_rows(
        db,
        "SELECT municipality_code, year, framework_hash, id FROM assessments"
        " WHERE supersedes IS NULL AND municipality_code IN ({marks}) ORDER BY rowid",
        [k[0] for k in wanted],
    )
    for code, year, fw, rid in rows:
        key = (str(code), int(year), str(fw))  # type: ignore[call-overload]
        if key in wanted:
            out.setdefault(key, []).append(str(rid))
    return out


def latest_for(
    db: sqlite_utils.Database, municipality_code: str, year: int
) -> tuple[str, str] | None:
    """(id, status) of the assessment that stands for a municipality's year: highest
    revision, newest edit."""
    r = db.execute(
        "SELECT id, status FROM assessments WHERE municipality_code = ? AND year = ?"
        " ORDER BY revision DESC, updated_at DESC LIMIT 1",
        [municipality_code, year],
    ).fetchone()
    return (str(r[0]), str(r[1])) if r else None


def insert_responses(db: sqlite_utils.Database, assessment_id: str, rows: Iterable[Response]) -> None:
    db.conn.executemany(
        INSERT_RESPONSE,
        [(assessment_id, r.indicator_code, r.level, r.note, r.updated_at, r.updated_by)
         for r in rows],
    )


def copy_answers(db: sqlite_utils.Database, from_id: str, to_id: str) -> None:
    """Copy responses and linked evidence to a new revision row (the old row keeps its own)."""
    db.execute(
        "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at,"
        " updated_by) SELECT ?, indicator_code, level, note, updated_at, updated_by"
        " FROM responses WHERE assessment_id = ?",
        [to_id, from_id],
    )
    db.execute(
        "INSERT INTO evidence (assessment_id, indicator_code, sha256, original_name, mime,"
        " size, captured_at, gps_lat, gps_lon, added_at, added_by) SELECT ?,"
        " indicator_code, sha256, original_name, mime, size, captured_at, gps_lat,"
        " gps_lon, added_at, added_by FROM evidence WHERE assessment_id = ?"
        " AND removed_at IS NULL ORDER BY id",
        [to_id, from_id],
    )


def add_blobs(db: sqlite_utils.Database, blobs: Iterable[tuple[str, int]], at: str) -> None:
    """Record evidence files by hash and size (known ones are left as they are)."""
    db.conn.executemany(
        INSERT_BLOB,
        [(sha, size, at) for sha, size in blobs],
    )


INSERT_EVIDENCE = (
    "INSERT INTO evidence (assessment_id, indicator_code, sha256, original_name, mime, size,"
    " captured_at, gps_lat, gps_lon, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _evidence_args(assessment_id: str, e: NewEvidence) -> list[Any]:
    return [assessment_id, e.indicator_code, e.sha256, e.original_name, e.mime, e.size,
            e.captured_at, e.gps_lat, e.gps_lon, e.added_at, e.added_by]


def add_evidence(db: sqlite_utils.Database, assessment_id: str, e: NewEvidence) -> int:
    """Link one evidence file; returns the new evidence id."""
    return int(db.execute(INSERT_EVIDENCE, _evidence_args(assessment_id, e)).lastrowid or 0)


def add_evidence_many(
    db: sqlite_utils.Database, assessment_id: str, items: Iterable[NewEvidence]
) -> None:
    db.conn.executemany(INSERT_EVIDENCE, [_evidence_args(assessment_id, e) for e in items])


def remove_evidence(db: sqlite_utils.Database, evidence_id: int, at: str, by: str) -> None:
    """Unlink: the row stays with who removed it and when (the file stays too)."""
    db.execute(
        "UPDATE evidence SET removed_at = ?, removed_by = ? WHERE id = ?", [at, by, evidence_id]
    )


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
    from secity_desktop.store.evidence_rows import Evidence

    sql = f"SELECT {_E_COLS} FROM evidence WHERE assessment_id = ? AND removed_at IS NULL"
    args: list[Any] = [assessment_id]
    if indicator_code is not None:
        sql += " AND indicator_code = ?"
        args.append(indicator_code)
    return [Evidence(*r) for r in db.execute(sql + " ORDER BY id", args).fetchall()]


def evidence_item(db: sqlite_utils.Database, evidence_id: int) -> Evidence:
    from secity_desktop.store.evidence_rows import Evidence

    r = db.execute(
        f"SELECT {_E_COLS} FROM evidence WHERE id = ? AND removed_at IS NULL", [evidence_id]
    ).fetchone()
    if r is None:
        raise NotFoundError(f"no evidence with id {evidence_id}", code="evidence_file.unknown")
    return Evidence(*r)


def indicators_with_evidence(db: sqlite_utils.Database, assessment_id: str) -> set[str]:
    rows = db.execute(
        "SELECT DISTINCT indicator_code FROM evidence WHERE assessment_id = ? AND removed_at IS NULL",
        [assessment_id],
    ).fetchall()
    return {r[0] for r in rows}
