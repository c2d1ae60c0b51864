"""Summing component scores for many assessments in one SQL pass. SQL only.

The arithmetic (``services.bulk_scores``) reduces each framework to one
coefficient and offset per indicator; this module keeps those terms in small
in-memory temp tables and lets SQLite sum ``coef × (level − low)`` per
assessment and component over the responses table itself (a ``WITHOUT ROWID`` table
ordered by assessment and indicator, schema 9: one range of pages per assessment).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


TermRow = tuple[str, int, float, int]
"""(indicator code, component index, coefficient, lowest level)."""


def prepare(db: sqlite_utils.Database) -> None:
    """Create this connection's temp tables (kept in memory: an on-disk temp file cost ~40 ms
    for 2,500 ids)."""
    if not db.conn.in_transaction:  # SQLite refuses to change it inside one
        db.execute("PRAGMA temp_store = MEMORY")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS score_ids (id TEXT PRIMARY KEY, fw TEXT)")
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS score_terms (fw TEXT, code TEXT, comp INTEGER,"
        " coef REAL, low INTEGER, PRIMARY KEY (fw, code)) WITHOUT ROWID"
    )


def load_terms(db: sqlite_utils.Database, fw_hash: str, rows: Sequence[TermRow]) -> None:
    """Replace one framework's terms (component indexes depend on the pass's column order)."""
    db.execute("DELETE FROM temp.score_terms WHERE fw = ?", [fw_hash])
    db.conn.executemany(
        "INSERT INTO temp.score_terms VALUES (?, ?, ?, ?, ?)",
        [(fw_hash, code, comp, coef, low) for code, comp, coef, low in rows],
    )


def score_pass(
    db: sqlite_utils.Database, picks: Sequence[tuple[str, str]], components: int
) -> tuple[list[tuple[object, ...]], list[tuple[str, str, int, int | None]]]:
    """For (assessment id, framework hash) picks: the per-component sums of the assessor's
    levels — rows of (id, sum for component 0, 1, …) — and every standing reviewer override
    among them as (id, indicator, override level, assessor's level or None)."""
    db.execute("DELETE FROM temp.score_ids")
    db.conn.executemany("INSERT INTO temp.score_ids VALUES (?, ?)", list(picks))
    cols = ", ".join(
        f"TOTAL(CASE t.comp WHEN {n} THEN t.coef * (r.level - t.low) END)"
        for n in range(components)
    )
    # CROSS JOIN fixes the loop order, and no WHERE on r.level (TOTAL skips NULLs):
    # otherwise SQLite may build a Bloom filter over every response row.
    sums = db.execute(
        f"SELECT s.id, {cols} FROM temp.score_ids s"
        " CROSS JOIN responses r ON r.assessment_id = s.id"
        " CROSS JOIN temp.score_terms t ON t.fw = s.fw AND t.code = r.indicator_code"
        " GROUP BY s.id"
    ).fetchall()
    overrides = db.execute(
        "SELECT o.assessment_id, o.indicator_code, o.level, r.level FROM review_overrides o"
        " JOIN temp.score_ids s ON s.id = o.assessment_id"
        " LEFT JOIN responses r ON r.assessment_id = o.assessment_id"
        " AND r.indicator_code = o.indicator_code"
        " WHERE o.current = 1 AND o.level IS NOT NULL"
    ).fetchall()
    db.execute("DELETE FROM temp.score_ids")
    return [tuple(r) for r in sums], [tuple(r) for r in overrides]  # type: ignore[misc]
