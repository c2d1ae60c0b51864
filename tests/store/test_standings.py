"""Schema step 14: the stored standings always equal the window query they replace."""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.services.workspace import Workspace
from secity_desktop.store import standings, trend
from tests.services.dashboard_world import YEARS, build


@pytest.fixture
def world(tmp_path: Path) -> tuple[Workspace, dict[str, str]]:
    ws, named = build(tmp_path / "w")
    yield ws, named
    ws.close()


def _same(ws: Workspace) -> None:
    for province in (None, "10"):
        for years in ((), (YEARS[-1],), (YEARS[-1], YEARS[-2])):
            for mtype in (None, "tambon"):
                new = sorted(standings.picks(ws.db, province, years, mtype))
                old = sorted(standings.window_picks(ws.db, province, years, mtype))
                assert new == old, (province, years, mtype)
    stale = ws.db.execute("SELECT COUNT(*) FROM standings st JOIN assessments a"
                          " ON a.id = st.assessment_id WHERE st.status IS NOT a.status").fetchone()
    assert stale[0] == 0  # schema 15: each standing carries its assessment's status
    for province in (None, "10"):
        # the Progress place's counts per year read the same standings (places2)
        counts = trend.year_counts(ws.db, province)
        assert counts == trend.window_year_counts(ws.db, province), province
        assert counts and any(approved for _, _, approved in counts)


def test_standings_follow_every_write(world: tuple[Workspace, dict[str, str]]) -> None:
    ws, named = world
    _same(ws)
    picked = {p[0] for p in standings.picks(ws.db, None, YEARS, None)}
    assert named["kept"] in picked and named["set_aside"] not in picked  # set aside never stands
    db = ws.db
    code, year = db.execute("SELECT municipality_code, year FROM assessments WHERE id = ?",
                            [named["kept"]]).fetchone()
    with db.atomic():  # the person un-resolves the conflict: revision 2 stands again
        db.execute("UPDATE revision_conflicts SET kept_id = NULL")
    _same(ws)
    assert db.execute("SELECT assessment_id FROM standings WHERE municipality_code = ? AND year = ?",
                      [code, year]).fetchone()[0] == named["set_aside"]
    with db.atomic():  # a newer edit of an equal revision wins; a moved year moves its standing
        first = db.execute("SELECT id FROM assessments WHERE revision = 1 ORDER BY id LIMIT 1"
                           ).fetchone()[0]
        db.execute("UPDATE assessments SET updated_at = '2099-01-01T00:00:00+00:00' WHERE id = ?",
                   [first])
        db.execute("UPDATE assessments SET year = 2566 WHERE id = (SELECT id FROM assessments"
                   " WHERE year = 2569 ORDER BY id DESC LIMIT 1)")
    _same(ws)
    with db.atomic():  # a status change alone (approval, return) moves the approved counts
        db.execute("UPDATE assessments SET status = 'approved' WHERE id IN (SELECT assessment_id"
                   " FROM standings WHERE year = ? LIMIT 3)", [YEARS[-1]])
        db.execute("UPDATE assessments SET status = 'returned' WHERE id IN (SELECT assessment_id"
                   " FROM standings WHERE year = ? AND assessment_id IN (SELECT id FROM assessments"
                   " WHERE status = 'approved') LIMIT 2)", [YEARS[-2]])
    _same(ws)
    with db.atomic():  # deletions: the conflict first (it names the assessments), then them
        db.execute("DELETE FROM revision_conflicts")
        db.execute("DELETE FROM assessments WHERE id IN (?, ?)", [named["set_aside"], first])
    _same(ws)
    # writes outside a transaction keep it too (triggers, not a settle step)
    db.execute("UPDATE assessments SET revision = revision + 5 WHERE id = ?", [named["kept"]])
    _same(ws)
    assert standings.years(db) == sorted({y for y, in db.execute(
        "SELECT year FROM assessments")}, reverse=True)


def test_step_14_fills_an_older_store(world: tuple[Workspace, dict[str, str]]) -> None:
    ws, _ = world
    before = sorted(ws.db.execute("SELECT * FROM standings").fetchall())
    ws.db.execute("DELETE FROM standings")
    standings.fill(ws.db)
    assert sorted(ws.db.execute("SELECT * FROM standings").fetchall()) == before
    _same(ws)


def test_trend_reads_the_same_standings(world: tuple[Workspace, dict[str, str]]) -> None:
    """The trend's picks and year counts come from the stored standings; they must equal the
    window query over every assessment, set-aside revisions left out, approved or not."""
    from secity_desktop.store import trend

    ws, named = world
    db = ws.db
    every = sorted(standings.window_picks(db, None, YEARS, None))
    assert named["set_aside"] not in {p[0] for p in every}
    assert sorted(trend.standing(db, municipality=every[0][2])) == [
        p for p in every if p[2] == every[0][2]]
    province = sorted(trend.standing(db, province="10", years=YEARS))
    assert province == sorted(standings.window_picks(db, "10", YEARS, None)) and province
    approved = sorted(trend.standing(db, years=(YEARS[-1],), approved_only=True))
    assert approved == [p for p in every if p[3] == YEARS[-1] and p[5] == "approved"
                        and p[2] in {m for m, in db.execute(
                            "SELECT m.code FROM municipalities m WHERE " + trend.PROGRAMME)}]
    assert approved and any(p[5] != "approved" for p in every if p[3] == YEARS[-1])
    counts = {y: (n, a) for y, n, a in trend.year_counts(db, "10")}
    for year in YEARS:
        mine = [p for p in province if p[3] == year]
        if mine:
            assert counts[year] == (len(mine), sum(p[5] == "approved" for p in mine))


def test_step_15_adds_the_status_to_a_step_14_store(
        world: tuple[Workspace, dict[str, str]]) -> None:
    ws, named = world
    db = ws.db
    before = sorted(db.execute("SELECT * FROM standings").fetchall())
    for name in standings.TRIGGERS:  # the standings as step 14 made them: no status column
        db.execute(f"DROP TRIGGER {name}")
    db.execute("DROP TABLE standings")
    db.execute("CREATE TABLE standings (municipality_code TEXT NOT NULL, year INTEGER NOT NULL,"
               " assessment_id TEXT NOT NULL, PRIMARY KEY (municipality_code, year)) WITHOUT ROWID")
    db.conn.executemany("INSERT INTO standings VALUES (?, ?, ?)", [r[:3] for r in before])
    standings.add_status(db)
    assert sorted(db.execute("SELECT * FROM standings").fetchall()) == before
    standings.add_status(db)  # a store whose step 14 already made the column: the same
    assert sorted(db.execute("SELECT * FROM standings").fetchall()) == before
    with db.atomic():  # the triggers made anew follow a status change
        db.execute("UPDATE assessments SET status = 'approved' WHERE id = ?", [named["kept"]])
    _same(ws)
