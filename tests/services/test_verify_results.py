"""What a verification worker sends back, rebuilt here, is what verifying here gives.

``services/verify_results.py`` (branch improws): a worker encodes its chunk's outcomes itself
and the importing process rebuilds the document models from the values the worker's own
validated models held, without validating them again. These tests hold the rebuilt outcome
to the in-process one field by field — every model's type, values, fields set, extra and
private state, every list a list — for each kind of bundle (field bundles with evidence, a
province's upward and return bundles carrying reviews and model towns, refusals), through
real worker processes and through the encoder alone.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from secity_desktop.bundle import documents
from secity_desktop.bundle.plan import Rejection
from secity_desktop.bundle.read import VerifiedBundle
from secity_desktop.core.framework import Framework
from secity_desktop.services import bundle_import, verify_pool, verify_results, verify_worker
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.model_town import ModelTownService
from tests.bundle import flow
from tests.bundle.office_flow import Offices
from tests.services.test_verify_pool import forced  # noqa: F401 (a fixture)


def same(a: Any, b: Any, where: str = "") -> None:
    """``a`` and ``b`` alike all the way down: types, values, and each model's pydantic state."""
    assert type(a) is type(b), where
    if isinstance(a, BaseModel):
        assert a.__pydantic_fields_set__ == b.__pydantic_fields_set__, where
        assert type(a.__pydantic_fields_set__) is type(b.__pydantic_fields_set__), where
        assert a.__pydantic_extra__ == b.__pydantic_extra__, where
        assert a.__pydantic_private__ == b.__pydantic_private__, where
        assert list(a.__dict__) == list(b.__dict__), where
        for k in a.__dict__:
            same(a.__dict__[k], b.__dict__[k], f"{where}.{k}")
        assert a == b
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), where
        for n, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{n}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for k in a:
            same(a[k], b[k], f"{where}[{k}]")
    else:
        assert a == b, where


def same_bundle(pooled: VerifiedBundle, here: VerifiedBundle, staged_as: tuple[str, str]) -> None:
    for f in dataclasses.fields(VerifiedBundle):
        a, b = getattr(pooled, f.name), getattr(here, f.name)
        if f.name == "frameworks":  # the parent's own objects, as in-process
            assert list(a) == list(b) and all(a[h] is b[h] for h in a)
        elif f.name == "staged":  # the same part names, in each run's own stage
            assert {s: Path(str(p).replace(*staged_as)) for s, p in a.items()} == b
        elif f.name == "revisions":
            for ra, rb in zip(a, b, strict=True):
                same(ra.doc, rb.doc, "doc")
                assert (ra.content, ra.signature, ra.sha256, ra.signer) == (
                    rb.content, rb.signature, rb.sha256, rb.signer)
        else:
            same(a, b, f.name)



def _kinds(o: Offices) -> dict[str, Path]:
    """One bundle of each kind the national office's or the province's check may meet."""
    out: dict[str, Path] = {}
    sent = flow.complete(o.a, muni="5001", year=2569, evidence_every=1, tag="up")
    o.submit(sent, "sent.secbundle")
    o.approve(sent)
    ModelTownService(o.p).set(2569, "5001", "คะแนนสูงสุดของจังหวัด")
    out["upward"] = o.upward()  # the province's approved result: reviews, evidence, model towns
    back = flow.complete(o.a, muni="5002", year=2569, evidence_every=0, tag="back")
    o.submit(back, "back.secbundle")
    out["return"] = o.return_bundle(back)  # reviews only
    aid = flow.complete(o.a, muni="5003", year=2568, evidence_every=2, tag="f")
    flow.finalize(o.a, aid)
    out["field"] = flow.export(o.a, [aid], o.root / "field.secbundle")
    bad = o.root / "tampered.secbundle"
    data = bytearray(out["field"].read_bytes())
    data[len(data) // 2] ^= 0x55
    bad.write_bytes(bytes(data))
    out["tampered"] = bad
    return out


def test_what_workers_send_back_is_rebuilt_as_the_in_process_check_gives_it(
    o: Offices, forced: list[tuple[str, list[int]]],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kinds = _kinds(o)
    order = ["upward", "return", "field", "tampered"]
    # the parent starts at the front; the workers' first two chunks (two files each) are the
    # last four files, taken before the parent verifies anything: each kind goes to a worker
    files = [kinds[k] for k in order] + [kinds[k] for k in order]
    monkeypatch.setattr(verify_pool, "CHUNK_MIN", 2)
    svc = ImportService(o.n)
    # the nation trusts the province's key; here the assessor's too (the field bundle)
    trusted = svc.trusted() + [k for k in ImportService(o.p).trusted() if k not in svc.trusted()]
    cache = svc.known_frameworks()
    worked: list[int] = []
    real = verify_pool.Shared.run

    def run(self: verify_pool.Shared) -> list[Any]:
        out = real(self)
        worked.append(self.by_workers)
        return out

    stage_a, stage_b = svc.new_stage(), svc.new_stage()

    def every(results: list[Any]) -> tuple[list[Any], list[Any]]:  # the copies too, not once
        return ([r for r in results if isinstance(r, VerifiedBundle)],
                [r for r in results if isinstance(r, Rejection)])

    monkeypatch.setattr(bundle_import, "_dedup", every)
    with monkeypatch.context() as m:
        m.setattr(verify_pool.Shared, "run", run)
        pooled = svc.check_files(files, trusted, stage_dir=stage_a, framework_cache=cache)
    assert worked and worked[0] >= 4
    assert {i for _c, chunk in forced for i in chunk} >= {4, 5, 6, 7}
    with monkeypatch.context() as m:
        m.setattr(verify_pool, "WARM_MIN", 10**6)
        here = svc.check_files(files, trusted, stage_dir=stage_b, framework_cache=cache)
    assert len(pooled[0]) == len(here[0]) == 6 and len(pooled[1]) == len(here[1]) == 2
    kinds_seen = {vb.kind for vb in pooled[0]}
    assert kinds_seen == {"upward", "return", "field"}
    up = next(vb for vb in pooled[0] if vb.kind == "upward")
    assert up.reviews and up.manifest.model_towns and up.manifest.audit_head and up.staged
    for a, b in zip(pooled[0], here[0], strict=True):
        same_bundle(a, b, (stage_a.name, stage_b.name))
    assert pooled[1] == here[1]  # the refusals, field by field (dataclass equality)
    assert all(isinstance(r, Rejection) for r in pooled[1])
    for vb in pooled[0] + here[0]:
        vb.discard_staged()


def test_the_encoder_alone_gives_back_equal_models_lists_and_fields_set(
    o: Offices, tmp_path: Path,
) -> None:
    """The child's function run here, then decoded: each outcome equals what verifying here
    gives (the frameworks sent as None: the parent puts its own back; the path is the parent's)."""
    kinds = _kinds(o)
    svc = ImportService(o.n)
    trusted = svc.trusted() + [k for k in ImportService(o.p).trusted() if k not in svc.trusted()]
    cache = svc.known_frameworks()
    files = [kinds[k] for k in ("upward", "return", "field", "tampered")]
    blob = pickle.dumps((trusted, cache, None, o.n.blobs.root, None))
    out = verify_results.loads(verify_worker.verify_chunk(7, blob, os.getcwd(),
                                                         [(n, str(f)) for n, f in enumerate(files)]))
    assert [k for _n, k, _v in out] == ["ok", "ok", "ok", "refused"]
    for (_n, kind, value), path in zip(out, files, strict=True):
        here = verify_worker.verify_or_refuse(path, trusted, limits=None, cache=dict(cache),
                                              stager=None, decrypt_dir=tmp_path)
        if kind == "refused":
            assert value == here
            continue
        assert value.path is None  # (the parent names it)
        assert all(fw is None for fw in value.frameworks.values())
        assert value.frameworks or value.kind == "return"
        value.frameworks = {h: cache[h] for h in value.frameworks}
        value.path = path
        same_bundle(value, here, ("", ""))


def test_frameworks_the_parent_did_not_send_come_back_whole(o: Offices) -> None:
    """A worker that verified a framework the parent did not hold keeps it in its own cache;
    the bundles after it still carry it back (the parent may not hold it yet)."""
    kinds = _kinds(o)
    svc = ImportService(o.n)
    trusted = svc.trusted()
    blob = pickle.dumps((trusted, {}, None, o.n.blobs.root, None))
    out = verify_results.loads(verify_worker.verify_chunk(
        8, blob, os.getcwd(), [(0, str(kinds["upward"])), (1, str(kinds["upward"]))]))
    assert [k for _n, k, _v in out] == ["ok", "ok"]
    for _n, _k, vb in out:
        assert vb.frameworks and all(isinstance(fw, Framework) for fw in vb.frameworks.values())


def test_every_document_model_crosses_as_its_own_class_with_its_pydantic_state() -> None:
    models = [c for c in vars(documents).values()
              if isinstance(c, type) and issubclass(c, BaseModel) and c.__module__ == documents.__name__]
    assert set(models) == set(verify_results._NAMES)
    for c in models:  # what _model puts back for extra and private state
        assert c.model_config.get("extra") == "forbid" and not c.__private_attributes__
    # the records a bundle holds most of cross as rows
    rows = {(c.__name__, name) for c, spec in verify_results._ROWS.items() for name, _i in spec}
    assert {("RevisionDoc", "responses"), ("RevisionDoc", "evidence"), ("Manifest", "entries"),
            ("ReviewDoc", "overrides"), ("Manifest", "model_towns")} <= rows


def test_a_manifest_with_fields_left_unset_keeps_its_fields_set() -> None:
    sha = "a" * 64
    person = {"name": "ก", "key_fingerprint": "SHA256:" + "A" * 43, "key_id": "0" * 16}
    base = {"format": "secbundle", "format_version": 1, "created_at": "2026-11-27T10:00:00+07:00",
            "sender": person, "frameworks": [], "municipalities": [], "revisions": [],
            "entries": [{"path": f"evidence/{sha}", "sha256": sha, "size": 1}]}
    bare = documents.Manifest.model_validate(base)
    full = documents.Manifest.model_validate(
        {**base, "kind": "field", "reviews": [], "model_towns": [], "key_statements": ["x"],
         "audit_head": {"seq": 1, "hash": sha, "at": "2026-11-27T10:00:00+07:00"}})
    assert bare.__pydantic_fields_set__ != full.__pydantic_fields_set__
    back = verify_results.loads(verify_results.dumps([(0, "ok", bare), (1, "ok", full)]))
    same(back[0][2], bare)
    same(back[1][2], full)
    assert back[0][2].model_dump(exclude_unset=True) == bare.model_dump(exclude_unset=True)


def test_a_framework_only_a_worker_has_seen_reaches_the_parent(
    o: Offices, forced: list[tuple[str, list[int]]],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The parent holds no framework (a new version arriving) and verifies no good file itself
    (the refused ones at the front, if any); the worker verifies the good ones, one after the
    other. Each comes back with the framework object (it once came back as None from the
    worker's own cache, and the parent had none to put back: KeyError)."""
    kinds = _kinds(o)
    monkeypatch.setattr(verify_pool, "CHUNK_MIN", 2)
    files = [kinds["tampered"], kinds["tampered"], kinds["field"], kinds["upward"]]
    svc = ImportService(o.n)
    trusted = svc.trusted() + [k for k in ImportService(o.p).trusted() if k not in svc.trusted()]
    cache: dict[str, Framework] = {}
    ok, refused = svc.check_files(files, trusted, stage_dir=None, framework_cache=cache)
    assert {i for _c, chunk in forced for i in chunk} >= {2, 3}
    assert [vb.kind for vb in ok] == ["field", "upward"] and len(refused) == 2
    for vb in ok:
        assert vb.frameworks and all(isinstance(fw, Framework) for fw in vb.frameworks.values())
