"""Stale replay (issue 14): an older revision arriving after a newer one is recorded, not received.

Built with real keys: the assessor signs r1, revises and signs r2, sends r2; the province
approves r2; then the r1 bundle (validly signed, never seen here) is replayed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.bundle.plan import Action
from secity_desktop.cli.main import main
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.office_bundles import OfficeBundleService
from secity_desktop.services.revisions import RevisionService
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from tests.bundle import flow
from tests.bundle.office_flow import Offices


def _r1_then_r2(o: Offices) -> tuple[str, str, Path, Path]:
    r1 = flow.complete(o.a, evidence_every=0)
    flow.finalize(o.a, r1)
    old = flow.export(o.a, [r1], o.root / "r1.secbundle")
    r2 = RevisionService(o.a).revise(r1).id
    svc = AssessmentService(o.a)
    ind = o.a.frameworks.get(repo.get(o.a.db, r2).framework_hash).indicators[0]
    svc.set_response(r2, ind.code, ind.levels[0].value, "แก้ไขตามข้อเสนอ")
    svc.mark_complete(r2)
    flow.finalize(o.a, r2)
    new = flow.export(o.a, [r2], o.root / "r2.secbundle")
    return r1, r2, old, new


def test_replayed_older_revision_is_stale_never_received(o: Offices) -> None:
    r1, r2, old, new = _r1_then_r2(o)
    assert ImportService(o.p).import_files([new]).ok
    o.approve(r2)
    before = o.p.db.execute("SELECT count(*) FROM assessments").fetchone()[0]
    plan = ImportService(o.p).dry_run([old])
    assert [(i.doc.id, i.action) for i in plan.items] == [(r1, Action.STALE)]
    assert plan.items[0].other_id == r2 and "stale replay" in plan.items[0].note
    assert plan.as_json()["counts"]["stale"] == 1  # type: ignore[index]
    result = ImportService(o.p).import_files([old])
    assert result.ok
    assert o.p.db.execute("SELECT count(*) FROM assessments").fetchone()[0] == before
    assert r1 not in repo.existing_ids(o.p.db, [r1])  # never received: not in the review queue
    stale = [e for e in audit.events(o.p.db) if e.action == "bundle.stale_replay"]
    assert [(e.target, e.new["superseded_by"]) for e in stale] == [(r1, r2)]
    # and it cannot go upward: only r2 is offered
    offered = [c.assessment_id for c in OfficeBundleService(o.p).candidates("upward")]
    assert offered == [r2]


def test_same_batch_newer_first_then_older(o: Offices) -> None:
    """Both in one import, newer listed first: the older one is stale all the same."""
    r1, r2, old, new = _r1_then_r2(o)
    plan = ImportService(o.p).dry_run([new, old])
    assert [(i.doc.id, i.action) for i in plan.items] == [(r2, Action.ADD), (r1, Action.STALE)]


def test_cli_dry_run_reports_the_stale_replay(o: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    _r1, r2, old, new = _r1_then_r2(o)
    assert ImportService(o.p).import_files([new]).ok
    rc = main(["--data-dir", str(o.p.data_dir), "--lang", "en", "bundle", "import", "--dry-run",
               str(old)])
    out = capsys.readouterr().out
    assert rc == 0
    assert "stale" in out and r2 in out and "stale 1" in out
