"""The batched write of field bundles leaves exactly the rows of the one-by-one path.

``services/import_writes.write_plan`` writes the received rows of a plan made only of field
bundles in a few ``executemany`` calls (issue 11, branch import2). The same imports are run
into two province workspaces — once batched, once forced bundle by bundle — with the clock
and random ids pinned, and every table of both stores is compared row for row: a mixed
import with a refused file, a revision already held (skip), an update of an approved
revision (the review hook reopens it), a parallel conflict, a stale replay and a file given
twice. The audit chain verifies in both.
"""

from __future__ import annotations

import itertools
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from secity_desktop.bundle.plan import Action
from secity_desktop.core import thai_calendar
from secity_desktop.services import import_writes
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from tests.bundle import flow

STAMP = "2026-11-27T10:00:00+07:00"


def _revised(ws: Workspace, aid: str) -> str:
    new = RevisionService(ws).revise(aid).id
    svc = AssessmentService(ws)
    ind = ws.frameworks.get(repo.get(ws.db, new).framework_hash).indicators[0]
    svc.set_response(new, ind.code, ind.levels[0].value, "แก้ไขตามข้อเสนอ")
    svc.mark_complete(new)
    flow.finalize(ws, new)
    return new


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("batched")
    a = flow.assessor(root / "a", name="สมชาย ใจดี")
    b = flow.assessor(root / "b", name="สมหญิง รักดี")
    out: dict[str, Any] = {"a": a, "b": b, "root": root}
    r1 = flow.complete(a, evidence_every=3)
    flow.finalize(a, r1)
    out["r1"] = flow.export(a, [r1], root / "r1.secbundle")
    r2 = _revised(a, r1)
    out["r2"] = flow.export(a, [r2], root / "r2.secbundle")
    y1 = flow.complete(a, muni="5002", evidence_every=2, tag="y")
    flow.finalize(a, y1)
    out["y1"] = flow.export(a, [y1], root / "y1.secbundle")
    y2 = _revised(a, y1)
    out["y2"] = flow.export(a, [y2], root / "y2.secbundle")
    x = flow.complete(a, muni="5003", evidence_every=1, tag="x")
    flow.finalize(a, x)
    out["x"] = flow.export(a, [x], root / "x.secbundle")
    z = flow.complete(b, evidence_every=4, tag="z")  # the same town and year as r1: a conflict
    flow.finalize(b, z)
    out["z"] = flow.export(b, [z], root / "z.secbundle")
    bad = root / "bad.secbundle"
    bad.write_bytes(out["x"].read_bytes()[:-40])  # cut short: refused
    out["bad"] = bad
    out["ids"] = {"r1": r1, "r2": r2, "y1": y1, "y2": y2, "x": x, "z": z}
    yield out
    a.close()
    b.close()


def _pin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``now_iso`` the store reads and every ``uuid4`` give the same values in both runs."""
    original = thai_calendar.now_iso
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("secity_desktop") and getattr(mod, "now_iso", None) is original:
            monkeypatch.setattr(mod, "now_iso", lambda: STAMP)
    counter = itertools.count()
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))


def _run(bundles: dict[str, Any], root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Workspace, list[list[Action]]]:
    _pin(monkeypatch)
    p = flow.province(root)
    flow.enrol(p, bundles["a"])
    flow.enrol(p, bundles["b"])
    svc = ImportService(p)
    first = svc.import_files([bundles["r1"], bundles["y2"], bundles["x"]])
    assert first.ok
    rs = ReviewService(p)
    rs.start(bundles["ids"]["r1"])
    rs.approve(bundles["ids"]["r1"], "ผ่านการพิจารณา")
    second = svc.import_files([bundles["r2"], bundles["bad"], bundles["r1"], bundles["z"],
                               bundles["y1"], bundles["x"], bundles["r2"]])
    actions = [[i.action for i in r.plan.items] for r in (first, second)]
    return p, actions


def _dump(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    tables = [r[0] for r in ws.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()]
    here = str(ws.data_dir)

    def norm(v: Any) -> Any:
        return v.replace(here, "<ws>") if isinstance(v, str) else v

    return {t: [tuple(norm(v) for v in r) for r in ws.db.execute(f"SELECT * FROM \"{t}\"").fetchall()]
            for t in tables}


def test_batched_rows_are_the_one_by_one_rows(
    bundles: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []
    real = import_writes.batched

    def spy(plan):  # type: ignore[no-untyped-def]
        calls.append(real(plan))
        return calls[-1]

    with monkeypatch.context() as m:
        m.setattr(import_writes, "batched", spy)
        fast, actions = _run(bundles, tmp_path / "fast", m)
        fast_rows = _dump(fast)
    assert calls == [True, True]  # both imports took the batched path
    with monkeypatch.context() as m:
        m.setattr(import_writes, "batched", lambda plan: False)
        slow, slow_actions = _run(bundles, tmp_path / "slow", m)
        slow_rows = _dump(slow)
    assert actions == slow_actions
    assert actions[1] == [Action.UPDATE, Action.SKIP, Action.CONFLICT, Action.STALE, Action.SKIP]
    ids = bundles["ids"]
    assert fast.db.execute("SELECT count(*) FROM imports WHERE result = 'rejected'").fetchone()[0] == 1
    # the update of an approved revision went back under review through the hook, on both paths
    assert repo.get(fast.db, ids["r2"]).status == repo.get(slow.db, ids["r2"]).status == "under_review"
    assert fast_rows.keys() == slow_rows.keys()
    for table in fast_rows:
        assert fast_rows[table] == slow_rows[table], table
    assert fast_rows["assessments"] and fast_rows["responses"] and fast_rows["evidence"]
    assert fast_rows["revision_conflicts"] and fast_rows["audit"]
    assert audit.verify_chain(fast.db) is None and audit.verify_chain(slow.db) is None
    fast.close()
    slow.close()
