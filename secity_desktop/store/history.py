"""Past results in the store: each award row with the file, SHA-256 and line it came from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from secity_desktop.core.past_results import HistoryPlan
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.store import audit

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class PastResult:
    municipality_code: str
    name_th: str
    province_code: str
    year: int
    level: str  # area | national
    award_code: str
    award_text: str  # as the department wrote it
    source_file: str
    source_sha256: str
    source_line: int
    imported_at: str

    def as_json(self) -> dict[str, Any]:
        return {
            "municipality_code": self.municipality_code,
            "name_th": self.name_th,
            "province_code": self.province_code,
            "year": self.year,
            "level": self.level,
            "award": self.award_code,
            "award_text": self.award_text,
            "source": {
                "file": self.source_file,
                "sha256": self.source_sha256,
                "line": self.source_line,
                "imported_at": self.imported_at,
            },
        }


_SELECT = (
    "SELECT r.municipality_code, m.name_th, m.province_code, r.year, r.level, r.award_code,"
    " r.award_text, i.file_name, i.file_sha256, r.source_line, i.imported_at"
    " FROM past_results r JOIN municipalities m ON m.code = r.municipality_code"
    " JOIN history_imports i ON i.id = r.import_id"
)


def known(db: sqlite_utils.Database) -> set[tuple[str, int, str, str]]:
    """(record, year, level, award key) of every stored result, for telling new from same."""
    return {
        (str(r[0]), int(r[1]), str(r[2]), str(r[3]))
        for r in db.execute(
            "SELECT municipality_code, year, level, award_key FROM past_results"
        ).fetchall()
    }


def results(
    db: sqlite_utils.Database,
    *,
    municipality_code: str | None = None,
    province_code: str | None = None,
    year: int | None = None,
) -> list[PastResult]:
    sql, args = _SELECT + " WHERE 1 = 1", []  # type: ignore[var-annotated]
    if municipality_code:
        sql += " AND r.municipality_code = ?"
        args.append(municipality_code)
    if province_code:
        sql += " AND m.province_code = ?"
        args.append(province_code)
    if year is not None:
        sql += " AND r.year = ?"
        args.append(year)
    sql += " ORDER BY r.year DESC, m.province_code, r.municipality_code, r.level DESC, r.id"
    return [PastResult(*r) for r in db.execute(sql, args).fetchall()]


def add_results(
    db: sqlite_utils.Database,
    plans: Iterable[HistoryPlan],
    *,
    file_name: str,
    file_sha256: str,
    actor: str,
) -> tuple[int, int]:
    """Store the rows planned as ``add`` in the caller's transaction → (import id, rows added)."""
    plans = list(plans)
    now = now_iso()
    import_id = int(
        db.execute(
            "INSERT INTO history_imports (file_name, file_sha256, imported_at, imported_by, rows)"
            " VALUES (?, ?, ?, ?, ?)",
            [file_name, file_sha256, now, actor, sum(1 for p in plans if p.row is not None)],
        ).lastrowid
        or 0
    )
    rows = [
        (p.record, p.row.year, p.row.level, p.row.award.value, p.row.award_text,
         p.row.award_key, import_id, p.row.line)
        for p in plans
        if p.outcome == "add" and p.row is not None
    ]
    db.conn.executemany(
        "INSERT INTO past_results (municipality_code, year, level, award_code, award_text,"
        " award_key, import_id, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    audit.append(
        db,
        actor=actor,
        action="history.import",
        target=file_sha256,
        at=now,
        new={"file": file_name, "import_id": import_id, "added": len(rows)},
    )
    return import_id, len(rows)


def years(db: sqlite_utils.Database) -> list[int]:
    return [int(r[0]) for r in db.execute("SELECT DISTINCT year FROM past_results ORDER BY 1 DESC")]
