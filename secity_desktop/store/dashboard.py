"""The dashboard's read model in SQL: ranked municipality codes, a page of rows, the summary.

Every municipality matching the province and type filters, joined to its standing
assessment for the year (``standings``, schema 14: a primary-key lookup per town, no
window query) and that assessment's stored score (``assessment_scores``, schema 13), and
— when a year is chosen — the previous year's standing total for the change column.
The GUI keeps only the ordered codes (7,850 nationally) and reads rows 100 at a time;
the ranking (competition ranking by total among the shown rows), the order, the coverage
counts, the tier counts and the component averages are all SQL. docs/dashboard.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from secity_desktop.core.score_terms import RULES_VERSION

if TYPE_CHECKING:  # sqlite-utils stays off the CLI's start path (migrations import this)
    import sqlite_utils

#: Columns of one base row, in order (``rows`` returns them).
COLUMNS = (
    "code", "name_th", "name_en", "type", "province_code", "is_seat",
    "aid", "fw", "year", "revision", "status", "updated_at", "total", "tier", "components",
    "prev_aid", "prev_fw", "prev_stamp", "prev_total",
)
#: The snapshot's columns: ``COLUMNS`` but the assessment's revision and edit time, which
#: only the page on show needs (:func:`rows` reads them from ``assessments``).
SNAPSHOT = tuple(c for c in COLUMNS if c not in ("revision", "updated_at"))
_BIG = "1e18"
RANK = f"COALESCE(rnk, {_BIG})"
NOT_ASSESSED = "none"


def _base(province: str | None, year: int | None, mtype: str | None) -> tuple[str, list[Any]]:
    """The ``base`` CTE: one row per municipality of the filters, with its standing.

    Two lookups a town, not four: the standing (``standings``: assessment, status) and its
    stored score (``assessment_scores``, which names the framework it was scored with). The
    assessment row itself is read only for a standing without a stored score (its framework)
    and for the page on show (revision and edit time: :func:`rows`). A stored score always
    belongs to the assessment's current framework: the trigger that changes an assessment's
    framework deletes its stored row in the same statement (``store.stored_scores``), so the
    former ``s.framework_hash = a.framework_hash`` check read 7,850 assessment rows for
    nothing; the scoring rules' version is still checked here.
    """
    rules = int(RULES_VERSION)
    args: list[Any] = []
    if year is not None:
        standing = "LEFT JOIN standings st ON st.year = ? AND st.municipality_code = m.code"
        args.append(year)
    else:  # each municipality's latest year: the bare columns come from the MAX(year) row
        standing = ("LEFT JOIN (SELECT municipality_code, MAX(year) AS year, assessment_id,"
                    " status FROM standings GROUP BY municipality_code) st"
                    " ON st.municipality_code = m.code")
    where, more = ["1 = 1"], []
    if province:
        where.append("m.province_code = ?")
        more.append(province)
    if mtype:
        where.append("m.type = ?")
        more.append(mtype)
    sql = (
        "base AS (SELECT m.code, m.name_th, m.name_en, m.type, m.province_code, m.is_seat,"
        " st.assessment_id AS aid,"
        # COALESCE stops at its first non-NULL argument: the lookup runs only without a score
        " COALESCE(s.framework_hash, (SELECT a.framework_hash FROM assessments a"
        " WHERE a.id = st.assessment_id)) AS fw,"
        " st.year, st.status, s.total, s.tier, s.components,"
        " NULL AS prev_aid, NULL AS prev_fw, NULL AS prev_stamp, NULL AS prev_total"
        f" FROM municipalities m {standing}"
        " LEFT JOIN assessment_scores s ON s.assessment_id = st.assessment_id"
        f" AND s.rules = {rules}"
        f" WHERE {' AND '.join(where)})"
    )
    return sql, args + more


def _shown(status: str | None) -> tuple[str, list[Any]]:
    if status is None:
        return "", []
    return " WHERE COALESCE(status, ?) = ?", [NOT_ASSESSED, status]


def component_expr(positions: dict[str, int]) -> str:
    """A component's stored score (NULL when absent) from the comma-separated text: its
    position in each framework's component order, by framework hash."""
    if not positions:
        return "NULL"
    whens = " ".join(f"WHEN '{h}' THEN json_extract('[' || components || ']', '$[{i}]')"
                     for h, i in positions.items() if h.isalnum())
    return f"(CASE fw {whens} END)" if whens else "NULL"


def sort_expr(key: str, positions: dict[str, int] | None = None) -> str:
    """The SQL key of a dashboard sort (``services.dashboard.SORT_KEYS`` or ``c:CODE``),
    with absent values where the Python order put them (no rank last, no total first)."""
    return {
        "rank": RANK,
        "total": f"COALESCE(total, -{_BIG})",
        "name": "name_th",
        "code": "code",
        "status": "COALESCE(status, '')",
        "change": f"COALESCE(total - prev_total, -{_BIG})",
    }.get(key) or f"COALESCE({component_expr(positions or {})}, -{_BIG})"


def snapshot(
    db: sqlite_utils.Database, table: str, *, province: str | None, year: int | None,
    mtype: str | None,
) -> int:
    """Write the base rows of the filters (the previous year's columns NULL) into the
    connection's in-memory temp table ``table`` and return how many. The join runs once per
    refresh; ranking, each re-sort, the summary and every page then read this small table —
    and agree with each other even if a write lands meanwhile (the next refresh sees it)."""
    if not table.isidentifier():
        raise ValueError(f"not a table name: {table!r}")
    base, args = _base(province, year, mtype)  # the previous year: joined when read
    db.execute(f"DROP TABLE IF EXISTS temp.{table}")
    db.execute(f"CREATE TEMP TABLE {table} AS WITH {base} SELECT * FROM base", args)
    db.execute(f"CREATE INDEX temp.{table}_code ON {table}(code)")
    return int(db.execute(f"SELECT COUNT(*) FROM temp.{table}").fetchone()[0])


def _source(table: str, prev_year: int | None) -> tuple[str, list[Any]]:
    """The snapshot as a FROM source (its ``SNAPSHOT`` columns); with ``prev_year``, its
    rows joined to that year's standing and stored total (three lookups a row: done only
    for the page on show and for a sort by change, not at every refresh)."""
    if prev_year is None:
        return f"temp.{table}", []
    cols = ", ".join(f"b.{c}" for c in SNAPSHOT if not c.startswith("prev_"))
    return (
        f"(SELECT {cols}, pa.id AS prev_aid, pa.framework_hash AS prev_fw,"
        f" pa.updated_at AS prev_stamp, ps.total AS prev_total FROM temp.{table} b"
        " LEFT JOIN standings pst ON pst.municipality_code = b.code AND pst.year = ?"
        " LEFT JOIN assessments pa ON pa.id = pst.assessment_id"
        " LEFT JOIN assessment_scores ps ON ps.assessment_id = pa.id"
        f" AND ps.framework_hash = pa.framework_hash AND ps.rules = {int(RULES_VERSION)})"
    ), [prev_year]


def drop(db: sqlite_utils.Database, table: str) -> None:
    if table.isidentifier():
        db.execute(f"DROP TABLE IF EXISTS temp.{table}")


def ranked(
    db: sqlite_utils.Database, table: str, *, status: str | None, order: str, descending: bool,
    prev_year: int | None = None,
) -> list[tuple[str, int | None, int]]:
    """(code, rank, unscored) of every shown municipality of the snapshot in the asked
    order; ties keep code order. ``order`` is an SQL expression from :func:`sort_expr`;
    ``unscored`` is 1 when its standing assessment (or, with ``prev_year``, the previous
    year's: a sort by change) has no valid stored score."""
    source, args = _source(table, prev_year)
    shown, more = _shown(status)
    key = "0" if order == RANK else order  # narrow rows: the sorter carried every column
    sql = (
        "SELECT code, rnk, miss FROM (SELECT code, miss, k, CASE WHEN total IS NULL"
        " THEN NULL ELSE RANK() OVER (ORDER BY ROUND(total, 6) DESC) END AS rnk FROM"
        " (SELECT code, total, (aid IS NOT NULL AND total IS NULL)"
        " OR (prev_aid IS NOT NULL AND prev_total IS NULL) AS miss,"
        f" {key} AS k FROM {source}{shown}))"
        f" ORDER BY {RANK if order == RANK else 'k'} {'DESC' if descending else 'ASC'}, code"
    )
    return [(r[0], r[1], r[2]) for r in db.execute(sql, args + more)]


def rows(
    db: sqlite_utils.Database, table: str, codes: Sequence[str], prev_year: int | None = None,
) -> list[tuple[Any, ...]]:
    """The rows (``COLUMNS``) of a page of municipality codes: the snapshot's, with each
    standing assessment's revision and edit time, and the previous year's standing when
    ``prev_year`` is given."""
    if not codes:
        return []
    source, args = _source(table, prev_year)
    cols = ", ".join(f"a.{c}" if c in ("revision", "updated_at") else f"b.{c}" for c in COLUMNS)
    sql = (f"SELECT {cols} FROM {source} b LEFT JOIN assessments a ON a.id = b.aid"
           f" WHERE b.code IN ({','.join('?' * len(codes))})")
    return [tuple(r) for r in db.execute(sql, args + list(codes))]


def unscored(
    db: sqlite_utils.Database, table: str, prev_year: int | None = None
) -> list[tuple[str, str, str]]:
    """(id, framework hash, updated_at) of the snapshot's standing assessments (and, with
    ``prev_year``, that year's) without a valid stored score (the reader computes and stores
    them: a repair)."""
    source, args = _source(table, prev_year)
    sql = (f"SELECT b.aid, b.fw, a.updated_at FROM {source} b JOIN assessments a"
           " ON a.id = b.aid WHERE b.total IS NULL UNION ALL SELECT prev_aid, prev_fw,"
           f" prev_stamp FROM {source} WHERE prev_aid IS NOT NULL AND prev_total IS NULL")
    return [(r[0], r[1], r[2]) for r in db.execute(sql, args + args)]


def summary(db: sqlite_utils.Database, table: str, positions: int) -> list[tuple[Any, ...]]:
    """One aggregate pass: per (status, tier code, framework hash) — status and framework
    NULL for the municipalities not assessed — the number of municipalities, the number
    with a valid stored score, the sum of their totals, then the sum of each of the first
    ``positions`` component scores (read from the stored text as a JSON array). Coverage,
    tier counts and averages (under any status filter) all come from these few rows."""
    comps = "".join(f", TOTAL(json_extract('[' || components || ']', '$[{i}]'))"
                    for i in range(positions))
    sql = (f"SELECT status, tier, fw, COUNT(*), COUNT(total), TOTAL(total){comps}"
           f" FROM temp.{table} GROUP BY status, tier, fw")
    return [tuple(r) for r in db.execute(sql)]


def frameworks(db: sqlite_utils.Database, table: str) -> list[str]:
    """The framework hashes of the snapshot's standing assessments (a component's position)."""
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT fw FROM temp.{table} WHERE fw IS NOT NULL").fetchall()]
