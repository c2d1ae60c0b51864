"""Which assessment stands for a municipality (and year): the dashboard's and coverage's picks.

SQL only. The latest assessment of a municipality for a year is its highest
revision, then its newest edit; a revision a person set aside when resolving
an import conflict never stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from secity_desktop.core.score_terms import RULES_VERSION
from secity_desktop.store.conflicts import NOT_SET_ASIDE

if TYPE_CHECKING:  # sqlite-utils stays off the CLI's start path (migrations import this)
    import sqlite_utils

Pick = tuple[str, str, str, int, int, str, str]
"""(assessment id, framework hash, municipality, year, revision, status, updated_at)."""

_PICK = """
SELECT id, fw, municipality_code, year, revision, status, updated_at FROM (
  SELECT a.id AS id, a.framework_hash AS fw, a.municipality_code, a.year, a.revision, a.status,
         a.updated_at,
         ROW_NUMBER() OVER (PARTITION BY a.municipality_code{by_year}
                            ORDER BY a.year DESC, a.revision DESC, a.updated_at DESC) AS rn
  FROM assessments a JOIN municipalities m ON m.code = a.municipality_code
  WHERE {where}
) WHERE rn = 1"""


def _set_aside(db: sqlite_utils.Database) -> list[str]:
    """The condition leaving out set-aside revisions — only when a person has set one aside:
    checking two conflict indexes for each of 15,700 rows was ≈ 40 % of a national pick."""
    found = db.execute(
        "SELECT 1 FROM revision_conflicts WHERE kept_id IS NOT NULL LIMIT 1").fetchone()
    return [NOT_SET_ASIDE] if found else ["1 = 1"]


def window_picks(
    db: sqlite_utils.Database, province: str | None, years: tuple[int, ...], mtype: str | None
) -> list[Pick]:
    """``picks`` the way schema 13 and earlier found them: a window query over every
    assessment. Kept as the reference the stored ``standings`` are tested (and benched)
    against."""
    parts, args = _set_aside(db), []  # type: ignore[var-annotated]
    if province:
        parts.append("m.province_code = ?")
        args.append(province)
    if years:
        parts.append(f"a.year IN ({','.join('?' * len(years))})")
        args.extend(years)
    if mtype:
        parts.append("m.type = ?")
        args.append(mtype)
    sql = _PICK.format(where=" AND ".join(parts), by_year=", a.year" if years else "")
    return [tuple(r) for r in db.execute(sql, args).fetchall()]  # type: ignore[misc]


def standing_from(years: tuple[int, ...]) -> tuple[str, list[Any]]:
    """The FROM source of standing rows (``st``: municipality_code, year, assessment_id) for
    ``years`` — or, with none, each municipality's latest year (SQLite takes the bare
    ``assessment_id`` from the row holding ``MAX(year)``), in primary-key order."""
    if years:
        return (f"(SELECT municipality_code, year, assessment_id FROM standings"
                f" WHERE year IN ({','.join('?' * len(years))}))"), list(years)
    return ("(SELECT municipality_code, MAX(year) AS year, assessment_id FROM standings"
            " GROUP BY municipality_code)"), []


def _filters(province: str | None, mtype: str | None) -> tuple[str, str, list[Any]]:
    parts, args = [], []  # type: ignore[var-annotated]
    if province:
        parts.append("m.province_code = ?")
        args.append(province)
    if mtype:
        parts.append("m.type = ?")
        args.append(mtype)
    register = " JOIN municipalities m ON m.code = st.municipality_code" if parts else ""
    return register, " AND ".join(parts) or "1 = 1", args


def picks(
    db: sqlite_utils.Database, province: str | None, years: tuple[int, ...], mtype: str | None
) -> list[Pick]:
    """The standing assessment per municipality and year of ``years`` — or, with no years,
    each municipality's latest year only. Read from ``standings`` (schema 14)."""
    source, args = standing_from(years)
    register, where, more = _filters(province, mtype)
    sql = ("SELECT a.id, a.framework_hash, a.municipality_code, a.year, a.revision, a.status,"
           f" a.updated_at FROM {source} st{register}"
           f" JOIN assessments a ON a.id = st.assessment_id WHERE {where}")
    return [tuple(r) for r in db.execute(sql, args + more).fetchall()]  # type: ignore[misc]


ScoredPick = tuple[str, str, str, int, int, str, str, float | None, str | None]
"""A ``Pick`` and its stored score: total and component text (``store.stored_scores``), or
None twice when no valid row is stored (the caller computes and repairs it)."""


def scored_picks(
    db: sqlite_utils.Database, province: str | None, years: tuple[int, ...], mtype: str | None
) -> list[ScoredPick]:
    """``picks`` with each pick's stored score read in the same query."""
    source, args = standing_from(years)
    register, where, more = _filters(province, mtype)
    sql = ("SELECT a.id, a.framework_hash, a.municipality_code, a.year, a.revision, a.status,"
           f" a.updated_at, s.total, s.components FROM {source} st{register}"
           " JOIN assessments a ON a.id = st.assessment_id"
           " LEFT JOIN assessment_scores s ON s.assessment_id = a.id"
           f" AND s.framework_hash = a.framework_hash AND s.rules = {int(RULES_VERSION)}"
           f" WHERE {where}")
    return [tuple(r) for r in db.execute(sql, args + more).fetchall()]  # type: ignore[misc]


# --- the stored standings (schema step 14) ------------------------------------------------

def _restand(m: str, y: str) -> str:
    """Trigger body: recompute the standing assessment of municipality ``m`` in year ``y``
    (SQL expressions) — a lookup on ``assessments_place_year``, a few rows at most."""
    return (
        f"DELETE FROM standings WHERE year = {y} AND municipality_code = {m};"
        " INSERT INTO standings (municipality_code, year, assessment_id, status)"
        " SELECT a.municipality_code, a.year, a.id, a.status FROM assessments a"
        f" WHERE a.municipality_code = {m} AND a.year = {y} AND {NOT_SET_ASIDE}"
        " ORDER BY a.revision DESC, a.updated_at DESC LIMIT 1;"
    )


def _of(aid: str) -> tuple[str, str]:
    return (f"(SELECT municipality_code FROM assessments WHERE id = {aid})",
            f"(SELECT year FROM assessments WHERE id = {aid})")


def schema_sql() -> list[str]:
    """``standings`` (the assessment standing for each municipality and year, and its
    status: schema 15) and the triggers that keep it true on every write to
    ``assessments`` or ``revision_conflicts`` — whatever path writes, in the same
    statement (docs/dashboard.md, "Speed")."""
    out = [
        """CREATE TABLE standings (
            municipality_code TEXT NOT NULL, year INTEGER NOT NULL,
            assessment_id TEXT NOT NULL, status TEXT,
            PRIMARY KEY (municipality_code, year)) WITHOUT ROWID""",
        *trigger_sql(),
    ]
    return out


TRIGGERS = ("standings_ins", "standings_del", "standings_upd", "standings_conflicts_ins",
            "standings_conflicts_upd", "standings_conflicts_del")


def trigger_sql() -> list[str]:
    """The triggers of ``schema_sql`` (a status change re-reads the standing too)."""
    out = [
        "CREATE TRIGGER standings_ins AFTER INSERT ON assessments BEGIN "
        + _restand("NEW.municipality_code", "NEW.year") + " END",
        "CREATE TRIGGER standings_del AFTER DELETE ON assessments BEGIN "
        + _restand("OLD.municipality_code", "OLD.year") + " END",
        # every edit moves updated_at, which orders equal revisions: one small lookup an edit
        "CREATE TRIGGER standings_upd AFTER UPDATE OF municipality_code, year, revision,"
        " updated_at, status ON assessments BEGIN "
        + _restand("OLD.municipality_code", "OLD.year")
        + _restand("NEW.municipality_code", "NEW.year") + " END",
    ]
    sides = ("assessment_id", "other_id", "kept_id")
    for name, when, rows in (
        ("ins", "AFTER INSERT", ("NEW",)),
        ("upd", "AFTER UPDATE OF assessment_id, other_id, kept_id", ("OLD", "NEW")),
        ("del", "AFTER DELETE", ("OLD",)),
    ):
        body = "".join(_restand(*_of(f"{r}.{c}")) for r in rows for c in sides)
        out.append(f"CREATE TRIGGER standings_conflicts_{name} {when} ON revision_conflicts"
                   f" BEGIN {body} END")
    return out


def fill(db: sqlite_utils.Database) -> None:
    """Store every municipality's and year's standing assessment (one window query)."""
    db.execute("DELETE FROM standings")
    db.execute(
        "INSERT INTO standings (municipality_code, year, assessment_id, status)"
        " SELECT municipality_code, year, id, status FROM ("
        " SELECT a.id, a.municipality_code, a.year, a.status, ROW_NUMBER() OVER (PARTITION BY"
        " a.municipality_code, a.year ORDER BY a.revision DESC, a.updated_at DESC) AS rn"
        f" FROM assessments a WHERE {NOT_SET_ASIDE}) WHERE rn = 1"
    )


def add_status(db: sqlite_utils.Database) -> None:
    """Schema step 15: a step-14 ``standings`` gains each standing assessment's status (the
    Progress and Coverage places count approvals without reading 78,500 assessment rows),
    and the triggers that keep it. A store whose step 14 ran with this release has the
    column already; either way the triggers are made anew and every status filled."""
    columns = {r[1] for r in db.execute("PRAGMA table_info(standings)").fetchall()}
    if "status" not in columns:
        db.execute("ALTER TABLE standings ADD COLUMN status TEXT")
    for name in TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in trigger_sql():
        db.execute(sql)
    db.execute("UPDATE standings SET status ="
               " (SELECT a.status FROM assessments a WHERE a.id = standings.assessment_id)")


def statuses(db: sqlite_utils.Database, year: int) -> dict[str, str | None]:
    """Municipality → the status of its standing assessment in ``year`` (one table read)."""
    return {str(r[0]): r[1] for r in db.execute(
        "SELECT municipality_code, status FROM standings WHERE year = ?", [year]).fetchall()}


def picks_of(db: sqlite_utils.Database, year: int, codes: list[str]) -> list[Pick]:
    """``picks`` for ``year`` of the municipalities named only (a few seat and model towns)."""
    from secity_desktop.store.batch import in_rows

    sql = ("SELECT a.id, a.framework_hash, a.municipality_code, a.year, a.revision, a.status,"
           " a.updated_at FROM standings st JOIN assessments a ON a.id = st.assessment_id"
           " WHERE st.municipality_code IN ({marks}) AND st.year = ?")
    return [tuple(r) for r in in_rows(db, sql, codes, [year])]  # type: ignore[misc]


def per_year(db: sqlite_utils.Database, municipality_code: str) -> list[tuple[Any, ...]]:
    """(id, framework hash, year, revision, status, updated_at) of a municipality's latest
    assessment in each year, oldest year first."""
    sql = (
        "SELECT a.id, a.framework_hash, a.year, a.revision, a.status, a.updated_at"
        " FROM standings st JOIN assessments a ON a.id = st.assessment_id"
        " WHERE st.municipality_code = ? ORDER BY st.year"
    )
    return [tuple(r) for r in db.execute(sql, [municipality_code]).fetchall()]


def years(db: sqlite_utils.Database, province: str | None = None) -> list[int]:
    """Fiscal years that have any assessment (in a province), newest first."""
    if not province:
        return [int(r[0]) for r in db.execute(
            "SELECT DISTINCT year FROM assessments INDEXED BY assessments_year ORDER BY 1 DESC")]
    sql = ("SELECT DISTINCT st.year FROM standings st JOIN municipalities m"
           " ON m.code = st.municipality_code WHERE m.province_code = ? ORDER BY 1 DESC")
    return [int(r[0]) for r in db.execute(sql, [province])]
