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

from secity_desktop.store.assessments import (
    INSERT_ASSESSMENT,
    INSERT_BLOB,
    INSERT_EVIDENCE,
    INSERT_RESPONSE,
)
from secity_desktop.store.conflicts import INSERT_CONFLICT
from secity_desktop.store.revisions import INSERT_REVISION
from secity_desktop.store.stored_scores import insert_responses_queued

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
    conn.executemany(INSERT_ASSESSMENT, rows.assessments)
    insert_responses_queued(db, INSERT_RESPONSE, rows.responses)  # one queue entry an assessment
    conn.executemany(INSERT_BLOB, rows.blobs)
    conn.executemany(INSERT_EVIDENCE, rows.evidence)
    conn.executemany(INSERT_REVISION, rows.revisions)
    if rows.conflicts:
        conn.executemany(INSERT_CONFLICT, rows.conflicts)
