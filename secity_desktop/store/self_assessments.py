"""Municipalities' self-assessments in the store: claimed levels, notes, evidence, source. SQL only.

One row per self-assessment received; the one that stands for a municipality and
fiscal year has ``current = 1`` (a partial unique index keeps it one). Older
ones stay, set aside, so what a municipality once claimed is never lost. The
rules (which source may replace which) live in ``services.self_assessments``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils



@dataclass(frozen=True)
class SelfRecord:
    id: int
    municipality_code: str
    name_th: str
    province_code: str
    year: int
    framework_hash: str
    source: str  # signed | spreadsheet
    signer_fingerprint: str | None
    signer_name: str | None
    revision_id: str | None
    revision: int | None
    revision_sha256: str | None
    file_name: str | None
    file_sha256: str | None
    entered_by: str | None
    recorded_at: str
    recorded_by: str
    current: bool

    def source_json(self) -> dict[str, Any]:
        if self.source == "signed":
            return {
                "kind": "signed",
                "signer_fingerprint": self.signer_fingerprint,
                "signer_name": self.signer_name,
                "revision_id": self.revision_id,
                "revision": self.revision,
                "revision_sha256": self.revision_sha256,
                "recorded_at": self.recorded_at,
                "recorded_by": self.recorded_by,
            }
        return {
            "kind": "spreadsheet",
            "signed": False,
            "file": self.file_name,
            "file_sha256": self.file_sha256,
            "entered_by": self.entered_by,
            "recorded_at": self.recorded_at,
            "recorded_by": self.recorded_by,
        }


@dataclass(frozen=True)
class ClaimedResponse:
    indicator_code: str
    level: int | None
    note: str


@dataclass(frozen=True)
class ClaimedEvidence:
    indicator_code: str
    sha256: str
    name: str
    mime: str
    size: int


_SELECT = (
    "SELECT s.id, s.municipality_code, m.name_th, m.province_code, s.year, s.framework_hash,"
    " s.source, s.signer_fingerprint, s.signer_name, s.revision_id, s.revision,"
    " s.revision_sha256, s.file_name, s.file_sha256, s.entered_by, s.recorded_at,"
    " s.recorded_by, s.current"
    " FROM self_assessments s JOIN municipalities m ON m.code = s.municipality_code"
)


def _record(r: Sequence[Any]) -> SelfRecord:
    return SelfRecord(*r[:17], bool(r[17]))


def current(db: sqlite_utils.Database, municipality_code: str, year: int) -> SelfRecord | None:
    r = db.execute(
        _SELECT + " WHERE s.municipality_code = ? AND s.year = ? AND s.current = 1",
        [municipality_code, year],
    ).fetchone()
    return _record(r) if r else None


def records(
    db: sqlite_utils.Database,
    *,
    province_code: str | None = None,
    year: int | None = None,
    municipality_code: str | None = None,
    include_old: bool = False,
) -> list[SelfRecord]:
    sql, args = _SELECT + " WHERE 1 = 1", []  # type: ignore[var-annotated]
    if not include_old:
        sql += " AND s.current = 1"
    if province_code:
        sql += " AND m.province_code = ?"
        args.append(province_code)
    if year is not None:
        sql += " AND s.year = ?"
        args.append(year)
    if municipality_code:
        sql += " AND s.municipality_code = ?"
        args.append(municipality_code)
    sql += " ORDER BY s.year DESC, m.province_code, s.municipality_code, s.id DESC"
    return [_record(r) for r in db.execute(sql, args).fetchall()]


def responses(db: sqlite_utils.Database, self_id: int) -> dict[str, ClaimedResponse]:
    return {
        str(r[0]): ClaimedResponse(str(r[0]), r[1], str(r[2]))
        for r in db.execute(
            "SELECT indicator_code, level, note FROM self_responses WHERE self_id = ?", [self_id]
        ).fetchall()
    }


def evidence(db: sqlite_utils.Database, self_id: int) -> list[ClaimedEvidence]:
    return [
        ClaimedEvidence(*r)
        for r in db.execute(
            "SELECT indicator_code, sha256, name, mime, size FROM self_evidence"
            " WHERE self_id = ? ORDER BY indicator_code, id",
            [self_id],
        ).fetchall()
    ]


def levels_of(db: sqlite_utils.Database, self_ids: Sequence[int]) -> dict[int, dict[str, int | None]]:
    """Self-assessment id → claimed levels, for many in a few queries."""
    out: dict[int, dict[str, int | None]] = {i: {} for i in self_ids}
    ids = list(self_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for sid, code, level in db.execute(
            f"SELECT self_id, indicator_code, level FROM self_responses WHERE self_id IN ({marks})",
            chunk,
        ).fetchall():
            out[int(sid)][str(code)] = level
    return out


def signed_content(db: sqlite_utils.Database, self_id: int) -> str | None:
    """The signed revision's JSON as received (None for a spreadsheet)."""
    row = db.execute("SELECT content FROM self_assessments WHERE id = ?", [self_id]).fetchone()
    return str(row[0]) if row and row[0] else None


def signed_shas(db: sqlite_utils.Database, shas: Iterable[str]) -> set[str]:
    wanted = list(set(shas))
    if not wanted:
        return set()
    marks = ",".join("?" * len(wanted))
    return {
        str(r[0])
        for r in db.execute(
            f"SELECT revision_sha256 FROM self_assessments WHERE revision_sha256 IN ({marks})",
            wanted,
        ).fetchall()
    }


def insert(
    db: sqlite_utils.Database,
    row: dict[str, Any],
    claimed: Iterable[ClaimedResponse],
    files: Iterable[ClaimedEvidence] = (),
    *,
    make_current: bool = True,
) -> int:
    """Store one self-assessment in the caller's transaction → its id.

    ``make_current`` sets aside whatever stood for the same municipality and year.
    """
    if make_current:
        db.execute(
            "UPDATE self_assessments SET current = 0 WHERE municipality_code = ? AND year = ?"
            " AND current = 1",
            [row["municipality_code"], row["year"]],
        )
    cols = dict(row) | {"current": 1 if make_current else 0}
    names = ", ".join(cols)
    marks = ", ".join("?" * len(cols))
    self_id = int(
        db.execute(f"INSERT INTO self_assessments ({names}) VALUES ({marks})", list(cols.values()))
        .lastrowid or 0
    )
    db.conn.executemany(
        "INSERT INTO self_responses (self_id, indicator_code, level, note) VALUES (?, ?, ?, ?)",
        [(self_id, c.indicator_code, c.level, c.note) for c in claimed],
    )
    db.conn.executemany(
        "INSERT INTO self_evidence (self_id, indicator_code, sha256, name, mime, size)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(self_id, e.indicator_code, e.sha256, e.name, e.mime, e.size) for e in files],
    )
    return self_id


def verified_levels(
    db: sqlite_utils.Database, assessment_ids: Sequence[str]
) -> dict[str, dict[str, int | None]]:
    """Assessment → effective levels (a standing override over the assessor's level), for
    many assessments in a few queries — the gap list's verified side."""
    out: dict[str, dict[str, int | None]] = {a: {} for a in assessment_ids}
    ids = list(assessment_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for aid, code, level in db.execute(
            f"SELECT assessment_id, indicator_code, level FROM responses"
            f" WHERE assessment_id IN ({marks})", chunk,
        ).fetchall():
            out[str(aid)][str(code)] = level
        for aid, code, level in db.execute(
            f"SELECT assessment_id, indicator_code, level FROM review_overrides"
            f" WHERE current = 1 AND level IS NOT NULL AND assessment_id IN ({marks})", chunk,
        ).fetchall():
            out[str(aid)][str(code)] = level
    return out
