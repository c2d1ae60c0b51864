"""The rows of many received revisions, written in a few ``executemany`` calls.

What ``services/import_writes.receive`` writes for one revision (the assessment row, its
responses, the evidence files by hash, the evidence links, the signed revision and a
conflict flag), gathered for every revision of an import and written table by table, in
the order the one-by-one path writes them: each table gets the same rows in the same
order, so the same row ids (issue 11, branch import2; docs/bundle-format.md, *Applying*).
The statements are the repositories' own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from secity_desktop.store.assessments import _A_COLS, _NEW_EVIDENCE
from secity_desktop.store.revisions import _COLS as _REVISION_COLS

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class ReceivedRows:
    """Row tuples, in the order the revisions were received."""

    assessments: list[tuple[Any, ...]] = field(default_factory=list)
    responses: list[tuple[Any, ...]] = field(default_factory=list)
    blobs: list[tuple[Any, ...]] = field(default_factory=list)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)
    revisions: list[tuple[Any, ...]] = field(default_factory=list)
    conflicts: list[tuple[Any, ...]] = field(default_factory=list)


def write_received(db: sqlite_utils.Database, rows: ReceivedRows) -> None:
    """Write them (inside the import's transaction): parents before the rows that refer to them."""
    conn = db.conn
    conn.executemany(
        f"INSERT INTO assessments ({_A_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.assessments,
    )
    conn.executemany(
        "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at,"
        " updated_by) VALUES (?, ?, ?, ?, ?, ?)",
        rows.responses,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)", rows.blobs
    )
    conn.executemany(_NEW_EVIDENCE, rows.evidence)
    conn.executemany(
        f"INSERT INTO revisions ({_REVISION_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows.revisions
    )
    if rows.conflicts:
        conn.executemany(
            "INSERT INTO revision_conflicts (assessment_id, other_id, supersedes, kind,"
            " import_id, flagged_at) VALUES (?, ?, ?, ?, ?, ?)",
            rows.conflicts,
        )
