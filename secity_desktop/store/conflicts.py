"""Import conflicts (``revision_conflicts``): two revisions claiming one place. SQL only.

Rows are flagged by the importer and settled by a person
(``services.conflicts``); the row keeps who chose which revision and why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils


_SQL = """
SELECT c.id, c.kind, a.municipality_code, m.name_th, a.year, c.supersedes,
       a.id, a.revision, a.status, ra.signer_fingerprint, ra.finalized_at,
       json_extract(ra.content, '$.assessor.name'),
       b.id, b.revision, b.status, rb.signer_fingerprint, rb.finalized_at,
       json_extract(rb.content, '$.assessor.name'),
       c.flagged_at, c.resolved_at, c.resolved_by, c.kept_id, c.resolution
FROM revision_conflicts c
JOIN assessments a ON a.id = c.assessment_id
JOIN assessments b ON b.id = c.other_id
JOIN municipalities m ON m.code = a.municipality_code
LEFT JOIN revisions ra ON ra.assessment_id = a.id
LEFT JOIN revisions rb ON rb.assessment_id = b.id
"""

#: SQL condition: the assessment ``a`` was not set aside when a person resolved a conflict.
#: A revision set aside never counts as "latest" (dashboards, coverage).
NOT_SET_ASIDE = (
    "NOT EXISTS (SELECT 1 FROM revision_conflicts c WHERE c.kept_id IS NOT NULL"
    " AND c.kept_id != a.id AND (c.assessment_id = a.id OR c.other_id = a.id))"
)


INSERT_CONFLICT = (
    "INSERT INTO revision_conflicts (assessment_id, other_id, supersedes, kind,"
    " import_id, flagged_at) VALUES (?, ?, ?, ?, ?, ?)"
)


def flag(
    db: sqlite_utils.Database,
    *,
    assessment_id: str,
    other_id: str,
    supersedes: str | None,
    kind: str,
    import_id: int,
    at: str,
) -> None:
    db.execute(
        INSERT_CONFLICT,
        [assessment_id, other_id, supersedes, kind, import_id, at],
    )


def rows(db: sqlite_utils.Database, *, include_resolved: bool = False) -> list[tuple[Any, ...]]:
    """Every conflict with both sides (see ``services.conflicts.Conflict``), oldest first."""
    sql = _SQL + ("" if include_resolved else " WHERE c.resolved_at IS NULL")
    return [tuple(r) for r in db.execute(sql + " ORDER BY c.id").fetchall()]


def row(db: sqlite_utils.Database, conflict_id: int) -> tuple[Any, ...] | None:
    r = db.execute(_SQL + " WHERE c.id = ?", [conflict_id]).fetchone()
    return tuple(r) if r else None


def resolve(
    db: sqlite_utils.Database, conflict_id: int, *, at: str, by: str, kept_id: str, reason: str
) -> None:
    db.execute(
        "UPDATE revision_conflicts SET resolved_at = ?, resolved_by = ?, kept_id = ?,"
        " resolution = ? WHERE id = ?",
        [at, by, kept_id, reason, conflict_id],
    )
