"""``stored_scores.insert_responses_queued``: a big insert without the row trigger, same result.

The trigger is dropped and re-created inside the caller's transaction; these tests hold that
it always comes back exactly as it was (after success, a failed insert, a rollback), that the
assessments are invalidated and queued as the trigger would do, and that the scores settled
afterwards equal those of the row-by-row path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from secity_desktop.services.workspace import Workspace
from secity_desktop.store import stored_scores
from secity_desktop.store.assessments import INSERT_RESPONSE
from tests.bundle import flow

TRIGGER = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'scores_responses_ins'"


def _moved(ws: Workspace, ids: list[str], suffix: str) -> list[tuple[object, ...]]:
    """Copies of these assessments (new ids, no responses yet) and their responses' rows."""
    db = ws.db
    rows: list[tuple[object, ...]] = []
    for aid in ids:
        new = aid + suffix
        db.execute("INSERT INTO assessments SELECT ? , municipality_code, year + 1, framework_hash,"
                   " status, revision, NULL, created_at, created_by, updated_at, updated_by"
                   " FROM assessments WHERE id = ?", [new, aid])
        rows += [(new, *r) for r in db.execute(
            "SELECT indicator_code, level, note, updated_at, updated_by FROM responses"
            " WHERE assessment_id = ? ORDER BY indicator_code", [aid])]
    return rows


def _scores(ws: Workspace, suffix: str) -> dict[str, tuple[object, ...]]:
    return {r[0].removesuffix(suffix): r[1:] for r in ws.db.execute(
        "SELECT * FROM assessment_scores WHERE assessment_id LIKE ?", [f"%{suffix}"])}


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = flow.assessor(tmp_path / "a")
    for muni in ("5001", "5002", "5003"):
        flow.complete(a, muni=muni, tag=muni)
    yield a
    a.close()


def _ids(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.db.execute("SELECT id FROM assessments ORDER BY id")]


def test_the_same_scores_as_the_row_trigger_and_the_trigger_back_as_it_was(ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = ws.db.execute(TRIGGER).fetchone()[0]
    ids = _ids(ws)
    with ws.db.atomic():  # the row-by-row path: below the threshold
        ws.db.conn.executemany(INSERT_RESPONSE, _moved(ws, ids, "-row"))
    monkeypatch.setattr(stored_scores, "QUEUE_AHEAD_MIN", 1)
    with ws.db.atomic():
        rows = _moved(ws, ids, "-ahead")
        stored_scores.insert_responses_queued(ws.db, INSERT_RESPONSE, rows)
        queued = {r[0] for r in ws.db.execute("SELECT assessment_id FROM score_queue")}
        assert {i + "-ahead" for i in ids} <= queued  # queued, as the trigger does
        assert not _scores(ws, "-ahead")  # and no stored row until settled
        assert ws.db.execute(TRIGGER).fetchone()[0] == before
    assert ws.db.execute(TRIGGER).fetchone()[0] == before
    assert _scores(ws, "-ahead") == _scores(ws, "-row") != {}
    # and the trigger works again: a later single insert invalidates its assessment
    aid = ids[0] + "-ahead"
    with ws.db.atomic():
        ws.db.execute("DELETE FROM responses WHERE assessment_id = ? AND indicator_code ="
                      " (SELECT min(indicator_code) FROM responses WHERE assessment_id = ?)",
                      [aid, aid])
        assert ws.db.execute("SELECT count(*) FROM assessment_scores WHERE assessment_id = ?",
                             [aid]).fetchone()[0] == 0


def test_a_failed_insert_and_a_rollback_bring_the_trigger_back(ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = ws.db.execute(TRIGGER).fetchone()[0]
    monkeypatch.setattr(stored_scores, "QUEUE_AHEAD_MIN", 1)
    ids = _ids(ws)
    with pytest.raises(sqlite3.IntegrityError), ws.db.atomic():
        rows = _moved(ws, ids, "-dup")
        stored_scores.insert_responses_queued(ws.db, INSERT_RESPONSE, rows + rows[:1])
    assert ws.db.execute(TRIGGER).fetchone()[0] == before
    assert not ws.db.execute("SELECT count(*) FROM assessments WHERE id LIKE '%-dup'").fetchone()[0]
    ws.db.execute("BEGIN")
    try:
        stored_scores.insert_responses_queued(ws.db, INSERT_RESPONSE, _moved(ws, ids, "-rb"))
        ws.db.execute("SAVEPOINT probe")  # still inside the same transaction
        ws.db.execute("RELEASE probe")
    finally:
        ws.db.execute("ROLLBACK")
    assert ws.db.execute(TRIGGER).fetchone()[0] == before


def test_outside_a_transaction_it_refuses(ws) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError):
        stored_scores.insert_responses_queued(ws.db, INSERT_RESPONSE, [])
