"""Schema step 13: a store made before stored scores is filled on upgrade, in chunks."""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.core import scoring
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import open_workspace
from secity_desktop.store import stored_scores
from secity_desktop.store.database import open_database
from tests.bundle import flow


def _as_schema_12(folder: Path) -> None:
    """Take step 13's tables and triggers out again: the store as the release before left it."""
    db = open_database(folder)
    db.scores_ready = False  # type: ignore[attr-defined]  # no settling: the tables go
    with db.atomic():
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            " AND (name LIKE 'scores_%' OR name LIKE 'standings_%')"
        ).fetchall():
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE standings")  # step 14's, after it
        db.execute("DROP TABLE assessment_scores")
        db.execute("DROP TABLE score_queue")
        db.execute("PRAGMA user_version = 12")
    db.conn.close()


def test_step_12_scores_every_existing_assessment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = flow.assessor(tmp_path / "a")
    ids = [flow.complete(a, muni, year, evidence_every=5) for muni in ("5001", "5002")
           for year in (2567, 2568, 2569)]
    a.close()
    _as_schema_12(tmp_path / "a")
    monkeypatch.setattr(stored_scores, "SETTLE_CHUNK", 4)  # several chunks: 6 assessments

    ws = open_workspace(tmp_path / "a")
    assert ws.db.execute("PRAGMA user_version").fetchone()[0] >= 13
    rows = {r[0]: r for r in ws.db.execute("SELECT * FROM assessment_scores").fetchall()}
    assert set(rows) == set(ids)
    for aid in ids:
        card = scoring.score(ws.frameworks.get(rows[aid][1]), ReviewService(ws).effective_levels(aid))
        assert rows[aid][3] == pytest.approx(card.total)
        assert rows[aid][4] == (card.tier.code if card.tier else None)
        assert rows[aid][5] == card.answered
        codes = [c.code for c in card.components]
        stored = dict(zip(codes, map(float, rows[aid][6].split(",")), strict=True))
        assert stored == pytest.approx({c.code: c.score for c in card.components})
    # the triggers are in place after the upgrade: an edit is scored in its transaction
    ind = ws.frameworks.get(rows[ids[0]][1]).indicators[1]
    svc = AssessmentService(ws)
    svc.edit_again(ids[0])
    svc.set_response(ids[0], ind.code, ind.levels[-1].value)
    new_total = ws.db.execute("SELECT total FROM assessment_scores WHERE assessment_id = ?",
                              [ids[0]]).fetchone()[0]
    assert new_total > rows[ids[0]][3]
    ws.close()


def test_fill_goes_chunk_by_chunk_and_skips_stored_rows(tmp_path: Path) -> None:
    a = flow.assessor(tmp_path / "a")
    for year in (2566, 2567, 2568, 2569):
        flow.complete(a, "5001", year, evidence_every=0)
    a.db.execute(
        "DELETE FROM assessment_scores WHERE assessment_id IN"
        " (SELECT assessment_id FROM assessment_scores ORDER BY assessment_id LIMIT 3)")
    assert list(stored_scores.fill(a.db, chunk=2)) == [2, 3]
    assert a.db.execute("SELECT count(*) FROM assessment_scores").fetchone()[0] == 4
    assert list(stored_scores.fill(a.db, chunk=2)) == []
    a.close()
