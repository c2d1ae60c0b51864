"""Schema 9: responses as a WITHOUT ROWID table, on a store made by the release before it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.spreadsheets import export
from secity_desktop.services.workspace import open_workspace
from secity_desktop.store import database, migrations
from secity_desktop.store.bulk import ResponseRecord, add_responses
from tests.services.review_helpers import province_ws, received

T = "2026-11-27T03:04:05.123456+00:00"
TABLES = ("responses", "audit", "assessments", "review_overrides", "review_decisions")


def _dump(db: object) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    for t in TABLES:
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({t})")]  # type: ignore[attr-defined]
        out[t] = sorted(
            (tuple(r) for r in db.execute(f"SELECT {', '.join(cols)} FROM {t}")),  # type: ignore[attr-defined]
            key=repr,
        )
    return out


def _schema8_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A province store written by the current release (schema 8), with edits, a review and
    enough bulk rows that the rebuild leaves free pages to give back."""
    with monkeypatch.context() as m:
        m.setattr(database, "MIGRATIONS", [s for s in migrations.MIGRATIONS if s[0] <= 8])
        ws = province_ws(tmp_path)
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == 8
        a = received(ws, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
        draft = AssessmentService(ws)
        b = draft.new("5002", 2569).id
        draft.set_response(b, "1.1", 1, "หมายเหตุภาษาไทย")
        rs = ReviewService(ws)
        rs.start(a)
        rs.override(a, "2.1", 2, "หลักฐานไม่ครบ")
        rs.approve(a, "ผ่าน")
        rng = random.Random(9)
        with ws.db.atomic():  # filler the way bench/national.py loads: ids in random order
            ids = [f"{rng.getrandbits(64):016x}" for _ in range(400)]
            fw = ws.db.execute("SELECT framework_hash FROM assessments").fetchone()[0]
            ws.db.conn.executemany(
                "INSERT INTO assessments (id, municipality_code, year, framework_hash, status,"
                " revision, created_at, created_by, updated_at, updated_by)"
                " VALUES (?, '5003', 2560, ?, 'received', 1, ?, 'b', ?, 'b')",
                [(i, fw, T, T) for i in ids],
            )
            add_responses(ws.db, (ResponseRecord(i, f"{c}.{k}", rng.choice([None, 1, 3]),
                                                 "x" * rng.randrange(40), T, "bench")
                                  for i in ids for c in (1, 2) for k in range(1, 10)))
        ws.close()
    return tmp_path / "prov"


def test_schema8_store_migrates_with_equal_contents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _schema8_store(tmp_path, monkeypatch)
    import sqlite3

    import sqlite_utils

    old = sqlite_utils.Database(sqlite3.connect(folder / database.DB_NAME))
    before = _dump(old)
    old.conn.close()
    ws = open_workspace(folder, create=False)
    try:
        db = ws.db
        assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION >= 9
        assert _dump(db) == before  # every row of every table kept
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'responses'").fetchone()[0]
        assert "WITHOUT ROWID" in sql
        indexes = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses'")]
        assert indexes == []  # the key is the table: no second or third copy of it
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0  # compacted
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        # the app still works on it: edit, score, export, and a cascade delete
        aid = db.execute("SELECT id FROM assessments WHERE municipality_code = '5002'").fetchone()[0]
        svc = AssessmentService(ws)
        svc.set_response(aid, "1.2", 5)
        assert svc.scorecard(aid).answered == 2
        assert export(ws, "csv", "responses", tmp_path / "r.csv") == len(before["responses"]) + 1
        with db.atomic():
            db.execute("DELETE FROM assessments WHERE municipality_code = '5003'")
        assert db.execute("SELECT count(*) FROM responses WHERE assessment_id NOT IN"
                          " (SELECT id FROM assessments)").fetchone()[0] == 0
    finally:
        ws.close()


def test_compacting_is_skipped_when_little_is_free(tmp_path: Path) -> None:
    db = database.open_database(tmp_path / "w")
    try:
        assert database.compact_if_worth_it(db) is False
    finally:
        db.conn.close()
