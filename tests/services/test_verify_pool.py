"""Verification shared with worker processes gives exactly what verifying in-process gives.

``services/verify_pool.py`` (branch impproc): the importing process verifies files from the
front while spawn-started workers take chunks from the back. Real workspaces and bundles; the
pool is forced on (thresholds at one file, one worker, chunks of one or two files) so a handful
of bundles exercises every hand-over. Behaviour only: same plan and rows, cancel, a killed
worker, the thresholds, and that nothing of the office's own key ever crosses.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from secity_desktop.bundle.encryption import sniff
from secity_desktop.bundle.plan import Rejection
from secity_desktop.core.errors import Cancelled
from secity_desktop.services import verify_pool, verify_results, verify_worker
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.operations import run_inline
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import blob_staging
from secity_desktop.store.blobs import BlobStore
from tests.bundle import flow
from tests.bundle.office_flow import Offices
from tests.services.test_import_batched import _dump, _pin
from tests.services.test_import_staging import stray_files


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, list[int]]]]:
    """The pool used for any import: one worker, tiny chunks; records what each chunk carried."""
    verify_pool.shutdown()
    monkeypatch.setattr(verify_pool, "COLD_MIN", 1)
    monkeypatch.setattr(verify_pool, "WARM_MIN", 1)
    monkeypatch.setattr(verify_pool, "CHUNK_MIN", 1)
    monkeypatch.setattr(verify_pool, "CHUNK_MAX", 2)
    monkeypatch.setattr(verify_pool, "workers_wanted", lambda: 1)
    sent: list[tuple[str, list[int]]] = []
    real = verify_pool.Shared._fill

    def spy(self: verify_pool.Shared) -> None:
        before = set(self.inflight)
        real(self)
        for f in set(self.inflight) - before:
            sent.append(("chunk", self.inflight[f]))

    monkeypatch.setattr(verify_pool.Shared, "_fill", spy)
    verify_pool.warm(wait=True)  # ready: files go to the worker from the start
    yield sent
    verify_pool.shutdown()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Good bundles carrying evidence, a tampered one, an unknown signer's, one given twice."""
    root = tmp_path_factory.mktemp("mixed")
    a = flow.assessor(root / "a", name="สมชาย ใจดี")
    stranger = flow.assessor(root / "s", name="สมศรี มาใหม่")
    out: dict[str, Any] = {"a": a}
    files = []
    towns = (("5001", 2569), ("5002", 2569), ("5003", 2569), ("5001", 2568), ("5002", 2568))
    for n, (muni, year) in enumerate(towns):
        aid = flow.complete(a, muni=muni, year=year, evidence_every=1 + n % 3, tag=f"g{n}")
        flow.finalize(a, aid)
        files.append(flow.export(a, [aid], root / f"g{n}.secbundle"))
    bad = root / "tampered.secbundle"
    data = bytearray(files[1].read_bytes())
    data[len(data) // 2] ^= 0x55
    bad.write_bytes(bytes(data))
    sid = flow.complete(stranger, muni="5003", year=2568, evidence_every=2, tag="s")
    flow.finalize(stranger, sid)
    unknown = flow.export(stranger, [sid], root / "stranger.secbundle")
    out["files"] = [files[0], bad, files[1], unknown, files[2], files[0], files[3], files[4]]
    yield out
    a.close()
    stranger.close()


def _import(root: Path, mixed: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> tuple[Workspace, Any]:
    _pin(monkeypatch)
    p = flow.province(root)
    flow.enrol(p, mixed["a"])
    return p, ImportService(p).import_files(mixed["files"])


def _plan_facts(result: Any) -> list[tuple[Any, ...]]:
    plan = result.plan
    return ([(i.action, i.bundle.name, i.revision.sha256, i.note, i.other_id) for i in plan.items]
            + [(vb.path.name, vb.file_sha256, sorted(vb.evidence)) for vb in plan.bundles]
            + [(r.path.name, r.reason, r.message, r.file_sha256, r.size, r.sender_fingerprint,
                r.sender_public) for r in plan.rejected])


def test_the_pool_gives_the_plan_and_rows_of_the_in_process_check(
    mixed: dict[str, Any], forced: list[tuple[str, list[int]]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with monkeypatch.context() as m:
        pooled, by_pool = _import(tmp_path / "pool", mixed, m)
        pooled_rows = _dump(pooled)
    assert forced, "the workers verified some of the files"
    assert verify_pool.running()
    verify_pool.shutdown()
    with monkeypatch.context() as m:
        m.setattr(verify_pool, "COLD_MIN", 10**6)
        m.setattr(verify_pool, "WARM_MIN", 10**6)
        here, in_process = _import(tmp_path / "here", mixed, m)
        here_rows = _dump(here)
    assert not verify_pool.running()
    assert _plan_facts(by_pool) == _plan_facts(in_process)
    reasons = [r.reason for r in by_pool.plan.rejected]
    assert len(reasons) == 2 and reasons[1] == "unknown_signer"
    assert any(r.sender_public for r in by_pool.plan.rejected)  # the claim came back whole
    assert pooled_rows.keys() == here_rows.keys()
    for table in pooled_rows:
        assert pooled_rows[table] == here_rows[table], table
    assert pooled_rows["evidence"] and pooled_rows["blobs"]
    assert stray_files(pooled) == [] and stray_files(here) == []
    pooled.close()
    here.close()


def test_a_cold_pool_gives_the_same_plan_whoever_verifies_what(
    mixed: dict[str, Any], forced: list[tuple[str, list[int]]], tmp_path: Path,
) -> None:
    """Started inside the import: no file waits for the worker's start (it gets files only once
    it answered a ping), so a short import may be done here before the worker is ready."""
    files = mixed["files"] * 4
    results = []
    for k, started in enumerate((False, True)):
        verify_pool.shutdown(wait=True)
        if started:
            verify_pool.warm(wait=True)
        p = flow.province(tmp_path / f"p{k}")
        flow.enrol(p, mixed["a"])
        results.append(_plan_facts(ImportService(p).import_files(files)))
        assert stray_files(p) == []
        p.close()
    assert results[0] == results[1]


def test_paths_given_relative_are_read_and_named_alike(
    mixed: dict[str, Any], forced: list[tuple[str, list[int]]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = mixed["files"][0].parent
    # (the pool was started before the change of folder: the worker is told where to read)
    monkeypatch.chdir(folder)
    files = [Path(f.name) for f in mixed["files"]] + [Path("gone.secbundle")]
    p = flow.province(tmp_path / "p")
    flow.enrol(p, mixed["a"])
    pooled = ImportService(p).check_operation(files, stage=False)
    by_pool = run_inline(pooled, lambda *_a: True)
    assert forced
    monkeypatch.setattr(verify_pool, "WARM_MIN", 10**6)
    here = run_inline(ImportService(p).check_operation(files, stage=False), lambda *_a: True)
    assert [vb.path for vb in by_pool.bundles] == [vb.path for vb in here.bundles]
    assert [(r.path, r.reason, r.message) for r in by_pool.rejected] == [
        (r.path, r.reason, r.message) for r in here.rejected]
    assert by_pool.rejected[-1].path == Path("gone.secbundle")
    p.close()


def test_cancel_while_workers_verify_stops_and_leaves_no_part(
    mixed: dict[str, Any], forced: list[tuple[str, list[int]]], tmp_path: Path,
) -> None:
    p = flow.province(tmp_path / "p")
    flow.enrol(p, mixed["a"])
    calls = []

    def progress(done: int, total: int, name: str) -> bool:
        calls.append(name)
        return len(calls) < 4

    op = ImportService(p).check_operation(mixed["files"])
    with pytest.raises(Cancelled):
        run_inline(op, progress)
    assert forced
    assert stray_files(p) == []
    assert not list(p.blobs.root.glob("??/*.part"))
    # the pool is still good for the next import, which finds everything
    result = ImportService(p).import_files(mixed["files"])
    assert len(result.plan.bundles) == 5 and len(result.plan.rejected) == 2
    assert stray_files(p) == []
    p.close()


def test_a_worker_killed_mid_import_hands_its_files_back(
    mixed: dict[str, Any], forced: list[tuple[str, list[int]]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert verify_pool._POOL.executor is not None and verify_pool._POOL.ready
    killed: list[int] = []

    def progress(done: int, total: int, name: str) -> bool:
        ex = verify_pool._POOL.executor
        if not killed and ex is not None and forced:
            for pid in list(ex._processes):  # type: ignore[attr-defined]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        return True

    with monkeypatch.context() as m:
        _pin(m)
        p = flow.province(tmp_path / "p")
        flow.enrol(p, mixed["a"])
        op = ImportService(p).check_operation(mixed["files"])
        plan = run_inline(op, progress)
        result = run_inline(ImportService(p).apply_operation(plan, stage_dir=op.stage_dir))
        rows = _dump(p)
    assert killed
    assert not verify_pool.running()  # the broken pool was let go; a later import starts another
    with monkeypatch.context() as m:
        m.setattr(verify_pool, "COLD_MIN", 10**6)
        m.setattr(verify_pool, "WARM_MIN", 10**6)
        here, in_process = _import(tmp_path / "here", mixed, m)
    assert _plan_facts(result) == _plan_facts(in_process)
    assert rows == _dump(here)
    assert stray_files(p) == []
    p.close()
    here.close()


def test_small_imports_never_start_a_process(
    mixed: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    verify_pool.shutdown()
    monkeypatch.setattr(verify_pool, "workers_wanted", lambda: 1)

    def no_process(*_a: object, **_k: object) -> None:
        raise AssertionError("a process was started for a small import")

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", no_process)
    p = flow.province(tmp_path / "p")
    flow.enrol(p, mixed["a"])
    assert len(mixed["files"]) < verify_pool.WARM_MIN <= verify_pool.COLD_MIN
    result = ImportService(p).import_files(mixed["files"])
    assert len(result.plan.bundles) == 5
    assert not verify_pool.running()
    p.close()


def test_a_pool_that_cannot_start_leaves_the_import_to_this_process(
    mixed: dict[str, Any], forced: list[tuple[str, list[int]]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def cannot(start: bool) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(verify_pool._POOL, "get", cannot)
    p = flow.province(tmp_path / "p")
    flow.enrol(p, mixed["a"])
    result = ImportService(p).import_files(mixed["files"])
    assert forced == [] and len(result.plan.bundles) == 5 and len(result.plan.rejected) == 2
    assert stray_files(p) == []
    p.close()


def test_a_pool_shut_down_before_its_first_ping_leaves_the_import_to_this_process(
    mixed: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pool shut down under its feet before it answered (the app quitting, out of
    processes): submitting the ping fails, and the parent verifies everything itself."""
    verify_pool.shutdown()
    monkeypatch.setattr(verify_pool, "COLD_MIN", 1)
    monkeypatch.setattr(verify_pool, "WARM_MIN", 1)
    executor = verify_pool._POOL.get(start=True)
    assert executor is not None
    executor.shutdown(wait=True)  # still the pool's executor: its submit now raises
    p = flow.province(tmp_path / "p")
    flow.enrol(p, mixed["a"])
    result = ImportService(p).import_files(mixed["files"])
    assert len(result.plan.bundles) == 5 and len(result.plan.rejected) == 2
    assert stray_files(p) == []
    assert not verify_pool.running()  # the broken pool was let go; the next import starts anew
    p.close()
    verify_pool.shutdown()



def test_encrypted_files_are_opened_here_and_only_their_plain_copies_cross(
    o: Offices, forced: list[tuple[str, list[int]]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    TrustService(o.a).set_office(Identity(o.p).info().fingerprint)
    key = Identity(o.a).unlock(flow.PASS)
    out = o.root / "out"
    out.mkdir()
    files = []
    towns = (("5001", 2569), ("5002", 2569), ("5003", 2569), ("5001", 2568), ("5002", 2568))
    for n, (muni, year) in enumerate(towns):
        aid = flow.complete(o.a, muni=muni, year=year, evidence_every=2, tag=f"e{n}")
        flow.finalize(o.a, aid)
        files.append(ExportService(o.a).export([aid], out / f"e{n}.secbundle", key,
                                              encrypt=n != 1).path)
    damaged = out / "damaged.secbundle.age"
    data = bytearray(files[2].read_bytes())
    data[-100] ^= 0x55
    damaged.write_bytes(bytes(data))
    files = [files[0], damaged, *files[1:], files[0]]
    assert [sniff(f) for f in files] == ["age", "age", "zip", "age", "age", "age", "age"]
    blobs: list[bytes] = []
    sent: list[str] = []
    real_init, real_send = verify_pool.Shared.__init__, verify_pool.Shared._send

    def keep(self: verify_pool.Shared, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        blobs.append(self.blob)

    def send(self: verify_pool.Shared, i: int) -> str:
        sent.append(real_send(self, i))
        assert sniff(Path(sent[-1])) == "zip"  # never an encrypted file
        return sent[-1]

    monkeypatch.setattr(verify_pool.Shared, "__init__", keep)
    monkeypatch.setattr(verify_pool.Shared, "_send", send)
    own = o.key(o.p)
    svc = ImportService(o.p)
    pooled = run_inline(svc.check_operation(files, stage=False, own_key=own), lambda *_a: True)
    assert any(Path(s).name.startswith(".decrypted-") for s in sent)  # decrypted copies went
    with monkeypatch.context() as m:
        m.setattr(verify_pool, "WARM_MIN", 10**6)
        m.setattr(verify_pool, "COLD_MIN", 10**6)
        here = run_inline(svc.check_operation(files, stage=False, own_key=own), lambda *_a: True)

    def facts(plan: Any) -> list[Any]:
        return ([(vb.path, vb.file_sha256, vb.size, vb.encrypted, vb.outer_sha256, vb.outer_size,
                  sorted(vb.evidence)) for vb in plan.bundles]
                + [(r.path, r.reason, r.message, r.file_sha256, r.size) for r in plan.rejected])

    assert facts(pooled) == facts(here)
    assert [r.reason for r in pooled.rejected] == ["ciphertext_damaged"]
    assert all(vb.encrypted for vb in pooled.bundles if sniff(vb.path) == "age")
    result = svc.import_files(files, own_key=own)
    assert len(result.plan.bundles) == 5 and len(result.plan.rejected) == 1
    assert not list(o.p.data_dir.rglob(".decrypted-*"))  # every plain copy is gone
    secret = own.private_bytes_raw()
    assert blobs and all(secret not in b for b in blobs)
    with pytest.raises(TypeError):
        pickle.dumps(own)  # and the key object itself could not have been sent by mistake


def test_a_workers_results_pickle_whole(mixed: dict[str, Any], tmp_path: Path) -> None:
    """The child's function, run here: bundles and refusals survive the trip (one ``bytes``,
    services/verify_results.py, and the executor's own pickling of it); shared frameworks go as
    None and are put back as the parent's own objects."""
    p = flow.province(tmp_path / "p")
    flow.enrol(p, mixed["a"])
    svc = ImportService(p)
    stage = svc.new_stage()
    cache = svc.known_frameworks()
    blob = pickle.dumps((svc.trusted(), cache, None, p.blobs.root, stage))
    items = [(n, str(f)) for n, f in enumerate(mixed["files"])]
    out = verify_results.loads(pickle.loads(pickle.dumps(
        verify_worker.verify_chunk(99, blob, os.getcwd(), items))))
    kinds = [k for _n, k, _v in out]
    assert kinds == ["ok", "refused", "ok", "refused", "ok", "ok", "ok", "ok"]
    refused = [v for _n, k, v in out if k == "refused"]
    assert all(isinstance(r, Rejection) and r.file_sha256 for r in refused)
    assert any(r.sender_public and r.sender_fingerprint for r in refused)
    ok = [v for _n, k, v in out if k == "ok"]
    assert all(set(vb.frameworks.values()) == {None} for vb in ok)
    assert all(vb.staged for vb in ok)
    # the worker journaled its parts in its own journal of the same stage
    parts, _placed = blob_staging.journal_of(stage)
    staged = {str(part.relative_to(p.blobs.root)) for vb in ok for part in vb.staged.values()}
    assert staged and staged <= set(parts)  # (+ the refused bundle's, deleted with the refusal)
    listed = blob_staging.worker_parts(stage, BlobStore(p.blobs.root), {0})
    assert sorted(listed) == sorted(ok[0].staged.values())
    for vb in ok:
        vb.discard_staged()
    p.close()
