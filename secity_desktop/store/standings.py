"""Which assessment stands for a municipality (and year): the dashboard's and coverage's picks.

SQL only. The latest assessment of a municipality for a year is its highest
revision, then its newest edit; a revision a person set aside when resolving
an import conflict never stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from secity_desktop.core.score_terms import RULES_VERSION
from secity_desktop.store.conflicts import NOT_SET_ASIDE

if TYPE_CHECKING:
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


def picks(
    db: sqlite_utils.Database, province: str | None, years: tuple[int, ...], mtype: str | None
) -> list[Pick]:
    """The standing assessment per municipality and year of ``years`` — or, with no years,
    each municipality's latest year only."""
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


ScoredPick = tuple[str, str, str, int, int, str, str, float | None, str | None]
"""A ``Pick`` and its stored score: total and component text (``store.stored_scores``), or
None twice when no valid row is stored (the caller computes and repairs it)."""


def scored_picks(
    db: sqlite_utils.Database, province: str | None, years: tuple[int, ...], mtype: str | None
) -> list[ScoredPick]:
    """``picks`` with each pick's stored score read in the same query (joined before the
    window, and the register joined only to filter on it: half the time nationally)."""
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
    register = " JOIN municipalities m ON m.code = a.municipality_code" if province or mtype else ""
    sql = _SCORED_PICK.format(where=" AND ".join(parts), by_year=", a.year" if years else "",
                              register=register, rules=int(RULES_VERSION))
    return [tuple(r) for r in db.execute(sql, args).fetchall()]  # type: ignore[misc]


_SCORED_PICK = """
SELECT id, fw, municipality_code, year, revision, status, updated_at, total, components FROM (
  SELECT a.id AS id, a.framework_hash AS fw, a.municipality_code, a.year, a.revision, a.status,
         a.updated_at, s.total, s.components,
         ROW_NUMBER() OVER (PARTITION BY a.municipality_code{by_year}
                            ORDER BY a.year DESC, a.revision DESC, a.updated_at DESC) AS rn
  FROM assessments a{register}
  LEFT JOIN assessment_scores s ON s.assessment_id = a.id
       AND s.framework_hash = a.framework_hash AND s.rules = {rules}
  WHERE {where}
) WHERE rn = 1"""


def per_year(db: sqlite_utils.Database, municipality_code: str) -> list[tuple[Any, ...]]:
    """(id, framework hash, year, revision, status, updated_at) of a municipality's latest
    assessment in each year, oldest year first."""
    sql = (
        "SELECT id, framework_hash, year, revision, status, updated_at FROM ("
        " SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.year ORDER BY a.revision DESC,"
        " a.updated_at DESC) AS rn FROM assessments a WHERE a.municipality_code = ?)"
        " WHERE rn = 1 ORDER BY year"
    )
    return [tuple(r) for r in db.execute(sql, [municipality_code]).fetchall()]


def years(db: sqlite_utils.Database, province: str | None = None) -> list[int]:
    """Fiscal years that have any assessment (in a province), newest first."""
    sql = "SELECT DISTINCT a.year FROM assessments a"
    args: list[Any] = []
    if province:
        sql += " JOIN municipalities m ON m.code = a.municipality_code WHERE m.province_code = ?"
        args.append(province)
    return [int(r[0]) for r in db.execute(sql + " ORDER BY 1 DESC", args)]
