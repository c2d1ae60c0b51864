"""Stored scores never differ from a fresh score by core's scorer, whatever wrote.

Property-style: seeded random edits (one at a time and in bulk), imports of field bundles,
reviewer overrides and withdrawals, returns, reopened revisions, the bulk builder and
deletions; after each step every assessment's stored row is compared with
``core.scoring.score`` of its effective levels (docs/lists.md, "Stored scores").
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from secity_desktop.core import scoring
from secity_desktop.core.lifecycle import Status
from secity_desktop.core.score_terms import RULES_VERSION
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bulk_scores import BulkScorer
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import bulk, stored_scores
from tests.bundle import flow


def fresh(ws: Workspace, aid: str) -> scoring.ScoreCard:
    a = repo.get(ws.db, aid)
    return scoring.score(ws.frameworks.get(a.framework_hash), ReviewService(ws).effective_levels(aid))


def assert_all_true(ws: Workspace) -> None:
    """Every assessment has a stored row (nothing left queued) equal to a fresh core score."""
    ids = [r[0] for r in ws.db.execute("SELECT id FROM assessments").fetchall()]
    rows = {r[0]: r for r in ws.db.execute("SELECT * FROM assessment_scores").fetchall()}
    assert ws.db.execute("SELECT count(*) FROM score_queue").fetchone()[0] == 0
    assert set(rows) == set(ids)
    for aid in ids:
        _, fw_hash, rules, total, tier, answered, comps = rows[aid]
        card = fresh(ws, aid)
        assert fw_hash == repo.get(ws.db, aid).framework_hash
        assert rules == RULES_VERSION
        assert total == pytest.approx(card.total, abs=1e-9), aid
        assert tier == (card.tier.code if card.tier else None), aid
        assert answered == card.answered, aid
        codes = [c.code for c in card.components]
        stored = dict(zip(codes, map(float, comps.split(",")), strict=True))
        assert stored == pytest.approx({c.code: c.score for c in card.components}, abs=1e-9)


def _random_level(rng: random.Random, ind: object) -> int | None:
    levels = [lv.value for lv in ind.levels]  # type: ignore[attr-defined]
    return None if rng.random() < 0.15 else rng.choice(levels)


@pytest.mark.parametrize(("seed", "ahead"), [(1, False), (2, False), (3, False), (4, True)])
def test_every_write_path_keeps_stored_scores_true(tmp_path: Path, seed: int, ahead: bool,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``ahead``: every import queues its assessments up front, without the row trigger
    (``stored_scores.insert_responses_queued``, used from 1,000 responses up)."""
    if ahead:
        monkeypatch.setattr(stored_scores, "QUEUE_AHEAD_MIN", 1)
    rng = random.Random(seed)
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    svc = AssessmentService(a)
    made = [flow.complete(a, muni, 2569, evidence_every=6) for muni in ("5001", "5002", "5003")]
    fw = a.frameworks.get(repo.get(a.db, made[0]).framework_hash)
    assert_all_true(a)

    # random single edits on a draft at the assessor's
    draft = svc.new("5004", 2569).id
    for _ in range(25):
        ind = rng.choice(fw.indicators)
        svc.set_response(draft, ind.code, _random_level(rng, ind))
    assert_all_true(a)

    # a batch: many edits in one transaction (as `assessment set --stdin` and the bulk builder)
    with a.db.atomic():
        for ind in rng.sample(list(fw.indicators), 10):
            repo.upsert_response(a.db, draft, ind.code, _random_level(rng, ind), "", now_iso(), "x")
    assert_all_true(a)

    # import at the province
    for aid in made:
        flow.finalize(a, aid)
    ImportService(p).import_files([flow.export(a, made, tmp_path / "r1.secbundle")])
    assert_all_true(p)

    # reviewer overrides and withdrawals, returns and approvals
    rs = ReviewService(p)
    for aid in made:
        rs.start(aid)
        overridden: set[str] = set()
        for _ in range(rng.randint(1, 6)):
            ind = rng.choice(fw.indicators)
            level = rng.choice([lv.value for lv in ind.levels])
            if rs.override(aid, ind.code, level, "หลักฐานไม่ตรงกับระดับที่ให้") is not None:
                overridden.add(ind.code)
            assert_all_true(p)
        if overridden and rng.random() < 0.5:
            rs.override(aid, sorted(overridden)[0], None, "ถอนการแก้ไข")
        rs.approve(aid) if rng.random() < 0.5 else rs.return_for_revision(aid, "แนบภาพเพิ่ม")
    assert_all_true(p)

    # a new revision at the assessor's, imported: the office reopens review
    revised = RevisionService(a).revise(made[0])
    ind = fw.indicators[6 * rng.randrange(len(fw.indicators) // 6)]  # one with evidence
    svc.set_response(revised.id, ind.code, ind.levels[0].value, "แก้ไขตามความเห็น")
    svc.mark_complete(revised.id)
    flow.finalize(a, revised.id)
    ImportService(p).import_files([flow.export(a, [revised.id], tmp_path / "r2.secbundle")])
    assert_all_true(a)
    assert_all_true(p)

    # the bulk builder's rows (bench/national.py), a raw level change and a deletion
    src = repo.get(p.db, made[1])
    ids = [f"bulk-{n}" for n in range(4)]
    with p.db.atomic():
        bulk.add_assessments(p.db, [
            repo.Assessment(i, "5001", 2560 + n, src.framework_hash, "approved", 1, None,
                            now_iso(), "bench", now_iso(), "bench") for n, i in enumerate(ids)
        ])
        bulk.add_responses(p.db, [
            bulk.ResponseRecord(i, ind.code, _random_level(rng, ind), "", now_iso(), "bench")
            for i in ids for ind in fw.indicators
        ])
        p.db.execute("UPDATE responses SET level = NULL WHERE assessment_id = ?", [made[2]])
    assert_all_true(p)
    with p.db.atomic():
        p.db.execute("DELETE FROM review_overrides WHERE assessment_id = ?", [made[1]])
    assert_all_true(p)


def test_a_write_outside_a_transaction_is_never_read_stale(tmp_path: Path) -> None:
    """An autocommit write cannot settle; its row is gone, and the reader computes and repairs."""
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=0)
    ind = a.frameworks.get(repo.get(a.db, aid).framework_hash).indicators[0]
    a.db.execute("UPDATE responses SET level = ? WHERE assessment_id = ? AND indicator_code = ?",
                 [ind.levels[-1].value, aid, ind.code])
    assert a.db.execute("SELECT count(*) FROM assessment_scores").fetchone()[0] == 0
    row = repo.get(a.db, aid)
    scorer = BulkScorer(a.db, a.frameworks)
    comps = scorer.scores([(aid, row.framework_hash, row.updated_at)])
    assert scorer.computed == 1
    assert sum(comps[aid].values()) == pytest.approx(fresh(a, aid).total)
    assert_all_true(a)  # repaired
    again = BulkScorer(a.db, a.frameworks)
    again.scores([(aid, row.framework_hash, row.updated_at)])
    assert again.computed == 0


def test_rows_of_other_rules_or_framework_are_recomputed(tmp_path: Path) -> None:
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=0)
    row = repo.get(a.db, aid)
    a.db.execute("UPDATE assessment_scores SET rules = rules - 1, total = 999")
    scorer = BulkScorer(a.db, a.frameworks)
    assert sum(scorer.scores([(aid, row.framework_hash, row.updated_at)])[aid].values()) \
        == pytest.approx(fresh(a, aid).total)
    assert scorer.computed == 1
    assert_all_true(a)
    a.db.execute("UPDATE assessment_scores SET framework_hash = 'other', total = 999")
    scorer = BulkScorer(a.db, a.frameworks)
    scorer.scores([(aid, row.framework_hash, row.updated_at)])
    assert scorer.computed == 1
    assert_all_true(a)


def test_a_deleted_assessment_leaves_no_row_and_nothing_queued(tmp_path: Path) -> None:
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=0)
    with a.db.atomic():
        a.db.execute("DELETE FROM evidence WHERE assessment_id = ?", [aid])
        a.db.execute("DELETE FROM assessments WHERE id = ?", [aid])
    assert a.db.execute("SELECT count(*) FROM assessment_scores").fetchone()[0] == 0
    assert a.db.execute("SELECT count(*) FROM score_queue").fetchone()[0] == 0
    assert stored_scores.queued(a.db) == []


def test_status_changes_do_not_rescore(tmp_path: Path) -> None:
    """Only levels, overrides and the framework invalidate a row (not notes or statuses)."""
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=0)
    with a.db.atomic():
        repo.set_status(a.db, aid, Status.RECEIVED.value, now_iso(), "x")
        a.db.execute("UPDATE responses SET note = 'n' WHERE assessment_id = ?", [aid])
        assert stored_scores.queued(a.db) == []
    assert_all_true(a)


def test_lists_sort_on_stored_scores_and_repair_missing_rows(tmp_path: Path) -> None:
    """Ordering by total or answered is SQL on the stored rows; a row a write outside a
    transaction removed is computed, stored, and the order is still the fresh totals'."""
    from secity_desktop.services.lists import AssessmentList

    a = flow.assessor(tmp_path / "a")
    rng = random.Random(7)
    svc = AssessmentService(a)
    ids = []
    for muni in ("5001", "5002", "5003", "5004"):
        aid = svc.new(muni, 2569).id
        fw = a.frameworks.get(repo.get(a.db, aid).framework_hash)
        for ind in rng.sample(list(fw.indicators), rng.randint(1, 12)):
            svc.set_response(aid, ind.code, rng.choice([lv.value for lv in ind.levels]))
        ids.append(aid)
    a.db.execute("UPDATE responses SET level = NULL WHERE assessment_id = ?", [ids[0]])
    assert stored_scores.queued(a.db) == [ids[0]]

    by_total = AssessmentList(a).ids(order="total", descending=True)
    totals = [fresh(a, i).total for i in by_total]
    assert totals == sorted(totals, reverse=True)
    assert set(by_total) == set(ids)
    assert_all_true(a)  # repaired
    by_answered = AssessmentList(a).ids(order="answered", descending=False)
    answered = [fresh(a, i).answered for i in by_answered]
    assert answered == sorted(answered)


@pytest.mark.parametrize("ahead", [False, True])
def test_return_and_upward_bundles_keep_stored_scores_true(tmp_path: Path, ahead: bool,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A return bundle at the assessor's and an upward bundle (with an override) at the nation."""
    from tests.bundle.office_flow import offices

    if ahead:
        monkeypatch.setattr(stored_scores, "QUEUE_AHEAD_MIN", 1)

    o = offices(tmp_path)
    try:
        back = flow.complete(o.a, "5001", evidence_every=6)
        o.submit(back, "r1.secbundle")
        assert ImportService(o.a).import_files([o.return_bundle(back)]).ok
        up = flow.complete(o.a, "5002", evidence_every=6)
        o.submit(up, "r2.secbundle")
        o.approve(up)  # with a reviewer override
        assert ImportService(o.n).import_files([o.upward()]).ok
        for ws in (o.a, o.p, o.n):
            assert_all_true(ws)
        assert o.n.db.execute("SELECT count(*) FROM assessment_scores").fetchone()[0] == 1
    finally:
        o.close()
