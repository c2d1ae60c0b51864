"""Evidence written straight into its final folder: nothing unreferenced stays, whatever happens.

A refused bundle's parts go with the refusal; a cancelled, failed or killed apply leaves no blob
that no row refers to (store/blob_staging.py; the kill -9 runs are in
tests/bundle/test_import_kill.py).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from secity_desktop.core.errors import SecityError
from secity_desktop.services import bundle_import, housekeeping, import_apply
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.operations import no_progress, run_inline
from secity_desktop.services.workspace import Workspace, open_workspace
from secity_desktop.store import blob_staging
from secity_desktop.store.database import DB_NAME
from tests.bundle import flow
from tests.bundle import hostile as h


def stray_files(ws: Workspace) -> list[str]:
    """Evidence files no row refers to (parts, orphans) and stage folders left behind."""
    held = {s for (s,) in ws.db.execute("SELECT sha256 FROM blobs")}
    root = ws.blobs.root
    stray = [str(p.relative_to(root)) for p in root.glob("??/*") if p.name not in held]
    return stray + [str(p.relative_to(root)) for p in (root / "tmp").glob("stage-*")]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    yield a, p
    a.close()
    if p.is_open:
        p.close()


def _bundle(a: Workspace, tmp_path: Path, muni: str, name: str, every: int = 3) -> Path:
    aid = flow.complete(a, muni=muni, evidence_every=every, tag=name)
    flow.finalize(a, aid)
    return flow.export(a, [aid], tmp_path / f"{name}.secbundle")


def test_refused_bundles_leave_no_file_in_the_evidence_store(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    good = _bundle(a, tmp_path, "5001", "good")
    other_province = _bundle(a, tmp_path, "9001", "away")  # refused by the plan, after staging
    items = h.entries(_bundle(a, tmp_path, "5002", "bent"))
    name = sorted(h.name_of(i) for i, _ in items if h.name_of(i).startswith("evidence/"))[-1]
    data = bytearray(h.get(items, name))
    data[10] ^= 1  # refused mid-scan, after earlier evidence of it was written
    bent = tmp_path / "bent-altered.secbundle"
    bent.write_bytes(h.rezip(h.replace(items, name, bytes(data)), method=0))

    result = ImportService(p).import_files([good, other_province, bent])
    assert result.applied == [good]
    assert sorted(r.reason for r in result.plan.rejected) == ["hash_mismatch", "wrong_province"]
    assert stray_files(p) == []
    assert len(list(p.blobs.root.glob("??/*"))) == p.db.execute(
        "SELECT count(*) FROM blobs").fetchone()[0] > 0


def _checked_and_placed(p: Workspace, bundle: Path):  # type: ignore[no-untyped-def]
    svc = ImportService(p)
    check = svc.check_operation([bundle])
    plan = run_inline(check)
    assert any(vb.staged for vb in plan.bundles)
    assert all(f.name.endswith(".part") for vb in plan.bundles for f in vb.staged.values())
    apply = svc.apply_operation(plan, stage_dir=check.stage_dir)
    apply.prepare()
    apply.work(no_progress)
    assert apply.placed and all(p.blobs.exists(s) for s in apply.placed)
    return check, apply


def test_a_killed_apply_leaves_placed_blobs_that_the_next_start_sweeps(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    before = flow.snapshot(p)
    check, apply = _checked_and_placed(p, _bundle(a, tmp_path, "5001", "k"))
    # "killed" here: the stage is left as it was; another window meanwhile imported one of them
    kept = apply.placed[0]
    p.db.execute("INSERT INTO blobs (sha256, size, stored_at) VALUES (?, 1, 'x')", [kept])
    owner = check.stage_dir / housekeeping.OWNER
    owner.write_text(json.dumps({"pid": _dead_pid(), "host": socket.gethostname()}), "utf-8")
    data_dir = p.data_dir
    p.close()
    ws = open_workspace(data_dir, create=False)
    try:
        assert stray_files(ws) == []
        assert ws.blobs.exists(kept)  # a row refers to it now: the sweep leaves it
        assert not any(ws.blobs.exists(s) for s in apply.placed[1:])
        ws.db.execute("DELETE FROM blobs WHERE sha256 = ?", [kept])
        ws.blobs.path_for(kept).unlink()
        assert flow.snapshot(ws) == before
    finally:
        ws.close()


def test_a_failed_transaction_drops_what_the_apply_placed(pair, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    before = flow.snapshot(p)
    _check, apply = _checked_and_placed(p, _bundle(a, tmp_path, "5001", "f"))
    placed = list(apply.placed)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise SecityError("the disk went away", code="test_broken")

    monkeypatch.setattr(import_apply, "write_plan", broken)
    with pytest.raises(SecityError):
        try:
            apply.finish()
        except BaseException:
            apply.discard()  # what run_inline and the GUI runner do
            raise
    assert not any(p.blobs.exists(s) for s in placed)
    assert stray_files(p) == [] and flow.snapshot(p) == before


def test_evidence_gone_before_the_commit_is_said_and_nothing_commits(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    before = flow.snapshot(p)
    _check, apply = _checked_and_placed(p, _bundle(a, tmp_path, "5001", "v"))
    p.blobs.path_for(apply.placed[-1]).unlink()  # a sweep elsewhere took it
    with pytest.raises(SecityError) as info:
        try:
            apply.finish()
        except BaseException:
            apply.discard()
            raise
    assert info.value.code == "import_evidence_vanished"
    assert stray_files(p) == [] and flow.snapshot(p) == before


def test_a_dry_run_writes_no_evidence_and_a_dropped_check_takes_its_parts(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    bundle = _bundle(a, tmp_path, "5001", "d")
    plan = ImportService(p).dry_run([bundle])
    assert plan.bundles and not any(vb.staged for vb in plan.bundles)
    assert list(p.blobs.root.glob("??/*")) == []
    check = ImportService(p).check_operation([bundle])
    run_inline(check)
    assert list(p.blobs.root.glob("??/*.part"))
    check.discard()  # the person did not apply it
    assert stray_files(p) == []


def test_the_journal_names_only_this_stages_parts(tmp_path: Path) -> None:
    from secity_desktop.store.blobs import BlobStore

    blobs = BlobStore(tmp_path / "evidence")
    stage = tmp_path / "evidence" / "tmp" / "stage-abc_1"
    stage.mkdir(parents=True)
    staging = blob_staging.BlobStaging(blobs, stage)
    sha = "ab" + "0" * 62
    part = staging.target(sha, 7)
    assert part is not None and part.parent == blobs.root / "ab"
    part.write_bytes(b"x")
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    other = blobs.root / "ab" / f"{sha}.stage-other-1.part"
    other.write_bytes(b"another import's")
    staging.close()
    with open(stage / blob_staging.JOURNAL, "a", encoding="ascii") as fh:
        fh.write("part ../victim\npart ab/" + other.name + "\nplaced ../../x\nplaced " + "cd" * 32 + "\n")
    parts, placed = blob_staging.journal_of(stage)
    assert parts == [f"ab/{part.name}"] and placed == ["cd" * 32]
    freed, done = blob_staging.sweep(stage, blobs, None)
    assert (freed, done) == (1, False)  # a placed blob to judge, and no store to judge it by
    assert not part.exists() and victim.exists() and other.exists()


def test_two_bundles_carrying_the_same_new_file_place_it_once(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    first = flow.complete(a, muni="5001", evidence_every=3, tag="x")
    second = flow.complete(a, muni="5002", evidence_every=3, tag="y")
    flow.finalize(a, first)
    flow.finalize(a, second)
    one = flow.export(a, [first], tmp_path / "one.secbundle")
    both = flow.export(a, [first, second], tmp_path / "both.secbundle")
    check = ImportService(p).check_operation([one, both])
    plan = run_inline(check)
    staged = [set(vb.staged) for vb in plan.bundles]
    assert staged[0] and staged[0] <= staged[1]  # each bundle wrote its own part of the shared files
    result = run_inline(ImportService(p).apply_operation(plan, stage_dir=check.stage_dir))
    assert result.ok and result.applied == [one, both]
    assert stray_files(p) == [] and all(p.blobs.exists(s) for s in staged[1])


def test_an_apply_given_no_stage_journals_in_its_own(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    svc = ImportService(p)
    check = svc.check_operation([_bundle(a, tmp_path, "5001", "s")])
    plan = run_inline(check)
    result = svc.apply(plan)  # the library call: no stage handed over
    assert result.ok and result.applied
    check.discard()  # the check's own stage is its caller's to drop
    assert stray_files(p) == []


def test_the_rows_are_written_while_the_evidence_is_placed_and_commit_only_after_it(pair, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """services/placing.py: the placing's second flush runs while the transaction is open (its
    rows written, nothing committed yet), and the commit waits for it."""
    import sqlite3
    import threading

    a, p = pair
    bundle = _bundle(a, tmp_path, "5001", "o")
    written = threading.Event()
    seen: list[tuple[bool, int]] = []
    real_write = import_apply.write_plan

    def write_then_say(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = real_write(*args, **kwargs)
        written.set()
        return out

    def flush() -> None:
        assert threading.current_thread() is not threading.main_thread()  # the placing thread
        if len(seen) == 1:  # the second flush, after the renames: hold it until the rows are in
            assert written.wait(10)
        reader = sqlite3.connect(p.data_dir / DB_NAME)  # another connection: committed rows only
        try:
            committed = reader.execute("SELECT count(*) FROM assessments").fetchone()[0]
        finally:
            reader.close()
        seen.append((written.is_set(), committed))

    monkeypatch.setattr(import_apply, "write_plan", write_then_say)
    monkeypatch.setattr(bundle_import, "flush_staged", flush)
    result = ImportService(p).import_files([bundle])
    assert result.applied == [bundle]
    # the second flush ran with the rows written and nothing committed: the commit waited
    assert len(seen) == 2 and seen[1] == (True, 0) and seen[0][1] == 0
    assert p.db.execute("SELECT count(*) FROM assessments").fetchone()[0] == 1
    assert stray_files(p) == []


def test_a_placing_that_fails_rolls_the_transaction_back(pair, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    a, p = pair
    before = flow.snapshot(p)
    bundle = _bundle(a, tmp_path, "5001", "n")
    calls: list[int] = []

    def flush() -> None:
        calls.append(1)
        if len(calls) == 2:  # after the renames: the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle_import, "flush_staged", flush)
    with pytest.raises(SecityError) as info:
        ImportService(p).import_files([bundle])
    assert info.value.code == "import.no_space"
    assert flow.snapshot(p) == before
    assert stray_files(p) == []
