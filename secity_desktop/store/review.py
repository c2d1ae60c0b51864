"""Review rows: decisions, comments, reviewer overrides and model towns. No rules here.

Each row is plain data with its own id, time and author, so a bundle writer
(return for revision, upward export) can serialise them as they are. Overrides
sit beside the assessor's responses and never replace them: the *effective*
level of an indicator is the current override if there is one, else the
assessor's level.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from secity_desktop.store.batch import in_rows
from secity_desktop.store.effective_levels import effective_levels as effective_levels
from secity_desktop.store.effective_levels import override_levels as override_levels

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class Decision:
    id: str
    assessment_id: str
    revision: int
    action: str
    old_status: str
    new_status: str
    comment: str
    author: str
    at: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Comment:
    id: str
    assessment_id: str
    revision: int
    indicator_code: str | None
    body: str
    author: str
    at: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Override:
    """``level`` None is a withdrawal: the assessor's level applies again."""

    id: str
    assessment_id: str
    revision: int
    indicator_code: str
    assessor_level: int | None
    level: int | None
    reason: str
    author: str
    at: str
    current: bool

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ModelTown:
    id: str
    province_code: str
    year: int
    municipality_code: str
    assessment_id: str | None
    reason: str
    chosen_by: str
    chosen_at: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


_D = "id, assessment_id, revision, action, old_status, new_status, comment, author, at"
_C = "id, assessment_id, revision, indicator_code, body, author, at"
_O = (
    "id, assessment_id, revision, indicator_code, assessor_level, level, reason, author, at,"
    " current"
)
_M = "id, province_code, year, municipality_code, assessment_id, reason, chosen_by, chosen_at"


def add_decision(db: sqlite_utils.Database, d: Decision) -> None:
    db["review_decisions"].insert(asdict(d))


def add_comment(db: sqlite_utils.Database, c: Comment) -> None:
    db["review_comments"].insert(asdict(c))


def add_override(db: sqlite_utils.Database, o: Override) -> None:
    """Retire the indicator's current override (if any) and record the new one, together."""
    with db.atomic():
        db.execute(
            "UPDATE review_overrides SET current = 0 WHERE assessment_id = ?"
            " AND indicator_code = ? AND current = 1",
            [o.assessment_id, o.indicator_code],
        )
        db["review_overrides"].insert({**asdict(o), "current": int(o.current)})


def decisions(db: sqlite_utils.Database, assessment_id: str) -> list[Decision]:
    rows = db.execute(
        f"SELECT {_D} FROM review_decisions WHERE assessment_id = ? ORDER BY at, rowid",
        [assessment_id],
    ).fetchall()
    return [Decision(*r) for r in rows]


def comments(db: sqlite_utils.Database, assessment_id: str) -> list[Comment]:
    rows = db.execute(
        f"SELECT {_C} FROM review_comments WHERE assessment_id = ? ORDER BY at, rowid",
        [assessment_id],
    ).fetchall()
    return [Comment(*r) for r in rows]


def overrides(
    db: sqlite_utils.Database, assessment_id: str, *, current_only: bool = False
) -> list[Override]:
    sql = f"SELECT {_O} FROM review_overrides WHERE assessment_id = ?"
    if current_only:
        sql += " AND current = 1"
    rows = db.execute(sql + " ORDER BY at, rowid", [assessment_id]).fetchall()
    return [Override(*r[:9], bool(r[9])) for r in rows]


def retire_overrides_before(db: sqlite_utils.Database, assessment_id: str, revision: int) -> int:
    """Retire standing overrides judged against an older revision of the row; returns how many."""
    return db.execute(
        "UPDATE review_overrides SET current = 0 WHERE assessment_id = ? AND revision < ?"
        " AND current = 1",
        [assessment_id, revision],
    ).rowcount


def decision_ids(db: sqlite_utils.Database, assessment_ids: Iterable[str]) -> dict[str, set[str]]:
    """Assessment id → the ids of the review decisions stored for it."""
    out: dict[str, set[str]] = {}
    for aid, did in in_rows(
        db, "SELECT assessment_id, id FROM review_decisions WHERE assessment_id IN ({marks})",
        list(assessment_ids),
    ):
        out.setdefault(str(aid), set()).add(str(did))
    return out


def known_ids(db: sqlite_utils.Database, table: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are rows of ``review_decisions`` or ``review_comments``."""
    if table not in ("review_decisions", "review_comments"):
        raise ValueError(table)
    return {str(r[0]) for r in in_rows(db, f"SELECT id FROM {table} WHERE id IN ({{marks}})", list(ids))}


def override_current(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, int]:
    """Override id → its ``current`` flag (1 or 0), for the ids stored here."""
    rows = in_rows(db, "SELECT id, current FROM review_overrides WHERE id IN ({marks})", list(ids))
    return {str(r[0]): int(r[1]) for r in rows}  # type: ignore[call-overload]


def merge_decision(db: sqlite_utils.Database, d: Decision) -> int:
    """Store a decision that travelled in a bundle unless its id is here; 1 when new."""
    return db.execute(
        f"INSERT OR IGNORE INTO review_decisions ({_D}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [d.id, d.assessment_id, d.revision, d.action, d.old_status, d.new_status, d.comment,
         d.author, d.at],
    ).rowcount


def merge_comment(db: sqlite_utils.Database, c: Comment) -> int:
    return db.execute(
        f"INSERT OR IGNORE INTO review_comments ({_C}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [c.id, c.assessment_id, c.revision, c.indicator_code, c.body, c.author, c.at],
    ).rowcount


def merge_override(db: sqlite_utils.Database, o: Override) -> int:
    """Store a travelled override; the sender's ``current`` flag wins. 1 when anything changed.

    A current one first retires the indicator's other current override, so the partial
    unique index on current overrides never trips (merge retired ones first).
    """
    if o.current:
        db.execute(
            "UPDATE review_overrides SET current = 0 WHERE assessment_id = ?"
            " AND indicator_code = ? AND id != ? AND current = 1",
            [o.assessment_id, o.indicator_code, o.id],
        )
    return db.execute(
        f"INSERT INTO review_overrides ({_O}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET current = excluded.current"
        " WHERE review_overrides.current != excluded.current",
        [o.id, o.assessment_id, o.revision, o.indicator_code, o.assessor_level, o.level,
         o.reason, o.author, o.at, int(o.current)],
    ).rowcount


def last_decision(db: sqlite_utils.Database, assessment_ids: list[str]) -> dict[str, Decision]:
    """The latest decision per assessment, for list views (one query per page of ids)."""
    if not assessment_ids:
        return {}
    marks = ",".join("?" * len(assessment_ids))
    rows = db.execute(
        f"SELECT {_D} FROM review_decisions WHERE assessment_id IN ({marks}) ORDER BY at, rowid",
        assessment_ids,
    ).fetchall()
    return {r[1]: Decision(*r) for r in rows}


# --- model towns ----------------------------------------------------------
def model_town(db: sqlite_utils.Database, province_code: str, year: int) -> ModelTown | None:
    r = db.execute(
        f"SELECT {_M} FROM model_towns WHERE province_code = ? AND year = ?",
        [province_code, year],
    ).fetchone()
    return ModelTown(*r) if r else None


def model_towns(
    db: sqlite_utils.Database, *, province_code: str | None = None, year: int | None = None
) -> list[ModelTown]:
    sql, args = f"SELECT {_M} FROM model_towns WHERE 1 = 1", []  # type: ignore[var-annotated]
    if province_code:
        sql += " AND province_code = ?"
        args.append(province_code)
    if year is not None:
        sql += " AND year = ?"
        args.append(year)
    return [ModelTown(*r) for r in db.execute(sql + " ORDER BY year, province_code", args)]


def put_model_town(db: sqlite_utils.Database, m: ModelTown) -> None:
    """One model town per province and year: a new choice replaces the old row."""
    with db.atomic():
        db.execute(
            "DELETE FROM model_towns WHERE province_code = ? AND year = ?",
            [m.province_code, m.year],
        )
        db["model_towns"].insert(asdict(m))
