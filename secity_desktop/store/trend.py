"""What a trend reads across fiscal years: standing assessments and counts per year. SQL only.

The standing assessment of a municipality in a year is the one the dashboard
uses, read from the stored ``standings`` (schema 14): highest revision, then
newest edit, never one a person set aside in an import conflict. Scores are not computed here — the
picks go to ``services.bulk_scores`` like the dashboard's — and responses are
never read, so a change of the responses layout does not touch this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secity_desktop.store.batch import in_rows
from secity_desktop.store.conflicts import NOT_SET_ASIDE

if TYPE_CHECKING:
    import sqlite_utils

Pick = tuple[str, str, str, int, int, str, str]
"""(assessment id, framework hash, municipality, year, revision, status, updated_at)."""

_STANDING = (
    "SELECT a.id, a.framework_hash, st.municipality_code, st.year, a.revision, a.status,"
    " a.updated_at FROM standings st"
    " JOIN municipalities m ON m.code = st.municipality_code"
    " JOIN assessments a ON a.id = st.assessment_id WHERE {where}"
)
"""The stored standings (schema 14, ``store.standings``): one primary-key row per municipality
and year, kept by triggers — the window over every assessment it replaces took ≈ 0.5 s a
national trend (``standings.window_picks`` stays the tested reference)."""


_WINDOW = """
SELECT id, municipality_code, year, status FROM (
  SELECT a.id AS id, a.municipality_code, a.year, a.status,
         ROW_NUMBER() OVER (PARTITION BY a.municipality_code, a.year
                            ORDER BY a.revision DESC, a.updated_at DESC) AS rn
  FROM assessments a JOIN municipalities m ON m.code = a.municipality_code
  WHERE {where}
) WHERE rn = 1"""
"""The window over every assessment the stored standings replace (the tested reference)."""


PROGRAMME = "m.province_code IN (SELECT code FROM provinces WHERE in_programme = 1)"
"""The national views count the programme's 76 provinces (Bangkok is outside it)."""


def standing(
    db: sqlite_utils.Database,
    *,
    province: str | None = None,
    municipality: str | None = None,
    seats_only: bool = False,
    years: tuple[int, ...] = (),
    approved_only: bool = False,
) -> list[Pick]:
    """The standing assessment per municipality and fiscal year (all years unless given);
    ``approved_only`` keeps the years whose standing assessment is approved."""
    parts, args = [], []  # type: ignore[var-annotated]
    if province:
        parts.append("m.province_code = ?")
        args.append(province)
    elif not municipality:
        parts.append(PROGRAMME)
    if municipality:
        parts.append("st.municipality_code = ?")
        args.append(municipality)
    if seats_only:
        parts.append("m.is_seat = 1")
    if years:
        parts.append(f"st.year IN ({','.join('?' * len(years))})")
        args.extend(years)
    if approved_only:
        parts.append("st.status = 'approved'")
    sql = _STANDING.format(where=" AND ".join(parts) or "1 = 1")
    return [tuple(r) for r in db.execute(sql, args).fetchall()]  # type: ignore[misc]


def year_counts(db: sqlite_utils.Database, province: str | None = None) -> list[tuple[int, int, int]]:
    """(year, municipalities with a standing assessment, of which approved), oldest first.

    Read from the stored standings and their status (schema 14 and 15, ``store.standings``:
    the same pick, kept by triggers) rather than a window over every assessment: the
    Progress place's first show nationally spent ≈ 0.4 s in that window and ≈ 0.15 s more
    looking up 78,500 statuses. ``window_year_counts`` is the reference."""
    where, args = (("m.province_code = ?", [province]) if province else (PROGRAMME, []))
    sql = ("SELECT st.year, COUNT(*), TOTAL(st.status = 'approved') FROM standings st"
           " JOIN municipalities m ON m.code = st.municipality_code"
           f" WHERE {where} GROUP BY st.year ORDER BY st.year")
    return [(int(r[0]), int(r[1]), int(r[2])) for r in db.execute(sql, args).fetchall()]


def window_year_counts(db: sqlite_utils.Database,
                       province: str | None = None) -> list[tuple[int, int, int]]:
    """``year_counts`` the way schema 13 and earlier found them (a window query over every
    assessment): the reference the stored standings are tested against."""
    parts, args = [NOT_SET_ASIDE], []  # type: ignore[var-annotated]
    if province:
        parts.append("m.province_code = ?")
        args.append(province)
    else:
        parts.append(PROGRAMME)
    sql = (
        "SELECT year, COUNT(*), TOTAL(status = 'approved') FROM ("
        + _WINDOW.format(where=" AND ".join(parts))
        + ") GROUP BY year ORDER BY year"
    )
    return [(int(r[0]), int(r[1]), int(r[2])) for r in db.execute(sql, args).fetchall()]


def municipality_count(db: sqlite_utils.Database, province: str | None = None) -> int:
    sql, args = "SELECT COUNT(*) FROM municipalities", []  # type: ignore[var-annotated]
    if province:
        sql += " WHERE province_code = ?"
        args.append(province)
    return int(db.execute(sql, args).fetchone()[0])


def programme_municipality_count(db: sqlite_utils.Database) -> int:
    """Local governments in the programme's provinces (the national denominator)."""
    return int(db.execute(
        "SELECT COUNT(*) FROM municipalities m JOIN provinces p ON p.code = m.province_code"
        " WHERE p.in_programme = 1"
    ).fetchone()[0])


def seats(db: sqlite_utils.Database, province: str | None = None) -> list[tuple[str, str, str]]:
    """(code, Thai name, province) of the seat towns, by province."""
    sql = "SELECT code, name_th, province_code FROM municipalities m WHERE is_seat = 1"
    args: list[object] = []
    if province:
        sql += " AND province_code = ?"
        args.append(province)
    else:
        sql += " AND " + PROGRAMME
    return [(str(r[0]), str(r[1]), str(r[2]))
            for r in db.execute(sql + " ORDER BY province_code, code", args).fetchall()]


def names(db: sqlite_utils.Database, codes: list[str]) -> dict[str, tuple[str, str]]:
    """Municipality code → (Thai name, province) for the codes given."""
    rows = in_rows(
        db, "SELECT code, name_th, province_code FROM municipalities WHERE code IN ({marks})",
        codes,
    )
    return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}
