"""The register of local governments in the store: what the matcher reads, what an import writes.

A record's ``code`` never changes once written (assessments, model towns and
signed revisions name it). Its department code is ``official_code``; when that
differs from ``code`` — a starter record the department's list named — it is
also a row of ``municipality_codes``, as are codes the department used before.
Every form a record has had is a row of ``municipality_types``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from secity_desktop.core.register_match import Change, Outcome, Record, RowPlan, new_local_code
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.store import audit

if TYPE_CHECKING:
    import sqlite_utils

_RECORDS = (
    "SELECT code, official_code, name_th, name_en, type, province_code, district, is_seat"
    " FROM municipalities ORDER BY code"
)


@dataclass(frozen=True)
class Snapshot:
    """The register as read before matching; compared again before writing."""

    rows: tuple[tuple[Any, ...], ...]
    past_types: tuple[tuple[str, str], ...]
    aliases: tuple[tuple[str, str], ...]

    def records(self) -> list[Record]:
        past: dict[str, set[str]] = {}
        for code, t in self.past_types:
            past.setdefault(code, set()).add(t)
        return [
            Record(
                str(r[0]), r[1], str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]),
                bool(r[7]), frozenset(past.get(str(r[0]), ())),
            )
            for r in self.rows
        ]

    def alias_map(self) -> dict[str, str]:
        return dict(self.aliases)


def snapshot(db: sqlite_utils.Database) -> Snapshot:
    return Snapshot(
        tuple(db.execute(_RECORDS).fetchall()),
        tuple(
            db.execute(
                "SELECT DISTINCT municipality_code, type FROM municipality_types ORDER BY 1, 2"
            ).fetchall()
        ),
        tuple(db.execute("SELECT code, municipality_code FROM municipality_codes ORDER BY 1").fetchall()),
    )


def _taken_codes(db: sqlite_utils.Database) -> set[str]:
    taken = {r[0] for r in db.execute("SELECT code FROM municipalities").fetchall()}
    taken |= {r[0] for r in db.execute("SELECT code FROM municipality_codes").fetchall()}
    taken |= {r[0] for r in db.execute("SELECT official_code FROM municipalities WHERE official_code IS NOT NULL").fetchall()}
    return taken


@dataclass(frozen=True)
class Applied:
    list_id: int
    added: int
    updated: int
    same: int
    skipped: int
    type_changes: int
    new_codes: dict[int, str]  # file line → the code given to a record added without one


def apply_plan(
    db: sqlite_utils.Database,
    plans: Iterable[RowPlan],
    *,
    file_name: str,
    file_sha256: str,
    list_date: str | None,
    actor: str,
) -> Applied:
    """Write a checked plan (no refused or ambiguous row) in the caller's transaction."""
    plans = list(plans)
    now = now_iso()
    source = f"{file_name} (sha256 {file_sha256[:12]})"
    rows = sum(1 for p in plans if p.row is not None)
    list_id = int(
        db.execute(
            "INSERT INTO municipality_lists (source, file_sha256, list_date, imported_at, rows)"
            " VALUES (?, ?, ?, ?, ?)",
            [file_name, file_sha256, list_date, now, rows],
        ).lastrowid
        or 0
    )
    taken = _taken_codes(db)
    inserts: list[tuple[Any, ...]] = []
    types: list[tuple[Any, ...]] = []
    new_codes: dict[int, str] = {}
    updates: list[tuple[Any, ...]] = []
    touched: list[tuple[Any, ...]] = []
    aliases: list[tuple[Any, ...]] = []
    formers: list[tuple[Any, ...]] = []
    counts = {o: 0 for o in Outcome}
    type_changes = 0
    for plan in plans:
        counts[plan.outcome] += 1
        row = plan.row
        if row is None or plan.outcome in (Outcome.SKIP, Outcome.REFUSED, Outcome.AMBIGUOUS):
            continue
        line_source = f"{source} line {row.line}"
        if plan.outcome == Outcome.ADD:
            code = row.code
            if code is None:
                code = new_local_code(row.province_code, row.key, row.district, taken)
                new_codes[row.line] = code
            taken.add(code)
            inserts.append(
                (code, row.name_th, row.name_en, row.type.value, row.province_code,
                 int(bool(row.seat)), line_source, list_id, row.code, row.district, now)
            )
            types.append((code, row.type.value, None, row.name_th, row.since, now, line_source, list_id))
            continue
        code = str(plan.record)
        touched.append((list_id, code))
        if plan.outcome != Outcome.UPDATE:
            continue
        values = _update_values(plan.changes)
        updates.append((*values, now, code))
        for c in plan.changes:
            if c.field == "type":
                type_changes += 1
                types.append(
                    (code, c.new, c.old, row.name_th, row.since or list_date, now, line_source, list_id)
                )
            elif c.field == "official_code":
                if c.old and c.old != code:
                    formers.append((c.old, code))
                if c.new != code:
                    aliases.append((c.new, code, line_source, list_id, now))
    conn = db.conn
    # codes first: an old department code steps aside before the new one is taken
    conn.executemany(
        "UPDATE municipality_codes SET kind = 'former' WHERE code = ? AND municipality_code = ?",
        formers,
    )
    conn.executemany(
        "INSERT INTO municipalities (code, name_th, name_en, type, province_code, is_seat,"
        " source, list_id, official_code, district, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        inserts,
    )
    conn.executemany(
        "UPDATE municipalities SET name_th = coalesce(?, name_th), name_en = coalesce(?, name_en),"
        " type = coalesce(?, type), official_code = coalesce(?, official_code),"
        " district = coalesce(?, district), is_seat = coalesce(?, is_seat), updated_at = ?"
        " WHERE code = ?",
        updates,
    )
    conn.executemany("UPDATE municipalities SET list_id = ? WHERE code = ?", touched)
    conn.executemany(
        "INSERT INTO municipality_codes (code, municipality_code, kind, source, list_id,"
        " recorded_at) VALUES (?, ?, 'official', ?, ?, ?) ON CONFLICT (code) DO UPDATE SET"
        " kind = 'official', source = excluded.source, list_id = excluded.list_id"
        " WHERE municipality_codes.municipality_code = excluded.municipality_code",
        aliases,
    )
    conn.executemany(
        "INSERT INTO municipality_types (municipality_code, type, previous_type, name_th, since,"
        " recorded_at, source, list_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        types,
    )
    result = Applied(
        list_id,
        counts[Outcome.ADD],
        counts[Outcome.UPDATE],
        counts[Outcome.SAME],
        counts[Outcome.SKIP],
        type_changes,
        new_codes,
    )
    audit.append(
        db,
        actor=actor,
        action="register.import",
        target=file_sha256,
        at=now,
        new={
            "file": file_name,
            "list_id": list_id,
            "added": result.added,
            "updated": result.updated,
            "same": result.same,
            "skipped": result.skipped,
            "type_changes": type_changes,
        },
    )
    return result


def _update_values(changes: list[Change]) -> tuple[Any, ...]:
    by = {c.field: c.new for c in changes}
    seat = by.get("is_seat")
    return (
        by.get("name_th"),
        by.get("name_en"),
        by.get("type"),
        by.get("official_code"),
        by.get("district"),
        None if seat is None else int(seat),
    )


def type_history(db: sqlite_utils.Database, code: str) -> list[dict[str, Any]]:
    return [
        dict(zip(("type", "previous_type", "name_th", "since", "recorded_at", "source"), r, strict=True))
        for r in db.execute(
            "SELECT type, previous_type, name_th, since, recorded_at, source FROM municipality_types"
            " WHERE municipality_code = ? ORDER BY id",
            [code],
        ).fetchall()
    ]


def aliases(db: sqlite_utils.Database, code: str) -> list[dict[str, Any]]:
    return [
        dict(zip(("code", "kind", "source", "recorded_at"), r, strict=True))
        for r in db.execute(
            "SELECT code, kind, source, recorded_at FROM municipality_codes"
            " WHERE municipality_code = ? ORDER BY recorded_at, code",
            [code],
        ).fetchall()
    ]


def lists(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM municipality_lists ORDER BY id DESC"))
