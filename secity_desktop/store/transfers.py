"""What was exported and imported, where and when: ``exports``, ``export_items``, ``imports``.

SQL only. "Not yet sent" and "sent to …" in the send screens are read from
here, and so is the history the CLI and the GUI show.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils



def record_export(
    db: sqlite_utils.Database,
    *,
    at: str,
    by: str,
    path: str,
    file_sha256: str,
    size: int,
    revisions: int,
    kind: str,
    assessment_ids: Sequence[str],
    encrypted_to: Sequence[str] | None = None,
) -> int:
    """One exported bundle and the assessments it carried; returns the export's id.

    ``encrypted_to``: fingerprints of the keys that can open it; None for an unencrypted one.
    """
    cur = db.execute(
        "INSERT INTO exports (at, by, path, file_sha256, size, revisions, kind, encrypted_to)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [at, by, path, file_sha256, size, revisions, kind,
         None if encrypted_to is None else json.dumps(list(encrypted_to))],
    )
    export_id = int(cur.lastrowid or 0)
    db.conn.executemany(
        "INSERT INTO export_items (export_id, assessment_id) VALUES (?, ?)",
        [(export_id, i) for i in dict.fromkeys(assessment_ids)],
    )
    return export_id


def export_history(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every export, newest first, each with the ids of the assessments it carried."""
    rows = list(db.query("SELECT * FROM exports ORDER BY id DESC"))
    for r in rows:
        r["assessments"] = [
            str(x[0]) for x in db.execute(
                "SELECT assessment_id FROM export_items WHERE export_id = ?", [r["id"]]
            ).fetchall()
        ]
    return rows


@dataclass(frozen=True)
class ImportRecord:
    file_name: str
    file_sha256: str
    size: int
    result: str  # "applied", "nothing_new" or "rejected"
    kind: str = "field"
    sender_fingerprint: str | None = None
    sender_name: str | None = None
    reason: str | None = None
    message: str | None = None
    added: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: int = 0
    quarantine_path: str | None = None


def record_import(db: sqlite_utils.Database, r: ImportRecord, at: str, by: str) -> int:
    cur = db.execute(
        "INSERT INTO imports (at, by, file_name, file_sha256, size, sender_fingerprint,"
        " sender_name, result, reason, message, added, updated, skipped, conflicts,"
        " quarantine_path, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [at, by, r.file_name, r.file_sha256, r.size, r.sender_fingerprint, r.sender_name,
         r.result, r.reason, r.message, r.added, r.updated, r.skipped, r.conflicts,
         r.quarantine_path, r.kind],
    )
    return int(cur.lastrowid or 0)


def import_history(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM imports ORDER BY id DESC"))


def field_candidates(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    """Revisions signed here, oldest first: (id, municipality, name, year, revision,
    finalized_at, evidence bytes, field exports that carried it, newest such file)."""
    sql = (
        "SELECT r.assessment_id, a.municipality_code, m.name_th, a.year, a.revision,"
        " r.finalized_at,"
        " (SELECT coalesce(sum(e.size), 0) FROM (SELECT DISTINCT sha256, size FROM evidence"
        "   WHERE assessment_id = a.id AND removed_at IS NULL) e),"
        " (SELECT count(*) FROM export_items x JOIN exports xe ON xe.id = x.export_id"
        "   WHERE x.assessment_id = a.id AND xe.kind = 'field'),"
        " (SELECT x2.path FROM exports x2 JOIN export_items i2 ON i2.export_id = x2.id"
        "   WHERE i2.assessment_id = a.id AND x2.kind = 'field' ORDER BY x2.id DESC LIMIT 1)"
        " FROM revisions r JOIN assessments a ON a.id = r.assessment_id"
        " JOIN municipalities m ON m.code = a.municipality_code WHERE r.source = 'local'"
        " ORDER BY r.finalized_at"
    )
    return [tuple(r) for r in db.execute(sql).fetchall()]


def office_candidates(
    db: sqlite_utils.Database, kind: str, status: str, province: str, year: int | None
) -> list[tuple[Any, ...]]:
    """Signed assessments of a province in one status: (id, municipality, name, year,
    revision, status, bundles of ``kind`` that carried it)."""
    sql = (
        "SELECT a.id, a.municipality_code, m.name_th, a.year, a.revision, a.status,"
        " (SELECT count(*) FROM export_items i JOIN exports x ON x.id = i.export_id"
        "   WHERE i.assessment_id = a.id AND x.kind = ?)"
        " FROM assessments a JOIN municipalities m ON m.code = a.municipality_code"
        " JOIN revisions r ON r.assessment_id = a.id"
        " WHERE a.status = ? AND m.province_code = ?"
    )
    args: list[object] = [kind, status, province]
    if year is not None:
        sql += " AND a.year = ?"
        args.append(year)
    return [tuple(r) for r in db.execute(sql + " ORDER BY a.year, m.code", args).fetchall()]
