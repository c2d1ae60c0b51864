"""Assessor → bundle → province: identical scores and evidence, checkable with ssh-keygen alone."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from secity_desktop.core.lifecycle import Status
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.trust import TrustService
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from tests.bundle import flow
from tests.bundle.conftest import run_keygen


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = flow.assessor(tmp_path / "assessor")
    p = flow.province(tmp_path / "province")
    flow.enrol(p, a)
    yield a, p
    a.close()
    p.close()


def test_round_trip_keeps_scores_and_evidence_bytes(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    aid = flow.complete(a)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path)
    result = ImportService(p).import_files([bundle])
    assert result.ok and result.plan.count(flow_action("add")) == 1

    src, dst = AssessmentService(a).view(aid), AssessmentService(p).view(aid)
    assert dst.assessment.status == Status.RECEIVED.value
    assert dst.card.total == src.card.total and dst.card.tier == src.card.tier
    assert {c: (r.level, r.note) for c, r in dst.responses.items()} == {
        c: (r.level, r.note) for c, r in src.responses.items()
    }
    src_ev = AssessmentService(a).evidence(aid)
    dst_ev = AssessmentService(p).evidence(aid)
    assert [(e.indicator_code, e.sha256, e.original_name) for e in dst_ev] == [
        (e.indicator_code, e.sha256, e.original_name) for e in src_ev
    ]
    for e in src_ev:
        assert p.blobs.path_for(e.sha256).read_bytes() == a.blobs.path_for(e.sha256).read_bytes()
    # the frozen revision travels byte for byte, with the assessor's own signature
    assert RevisionService(p).stored(aid) == RevisionService(a).stored(aid)
    assert audit.verify_chain(p.db) is None
    row = p.db.execute("SELECT result, sender_name, added, file_sha256 FROM imports").fetchone()
    assert row[:3] == ("applied", "สมชาย ใจดี", 1)
    import hashlib

    assert row[3] == hashlib.sha256(bundle.read_bytes()).hexdigest()


def flow_action(name: str):  # type: ignore[no-untyped-def]
    from secity_desktop.bundle.plan import Action

    return Action(name)


def test_writing_is_deterministic(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, _ = pair
    aid = flow.complete(a)
    flow.finalize(a, aid)
    one = flow.export(a, [aid], tmp_path / "one.secbundle")
    two = flow.export(a, [aid], tmp_path / "two.secbundle")
    # the same content gives the same bytes; only the sender's audit head moved on (each
    # export's head is its own fresh bundle.head event, and the first export's record
    # follows it), and it is signed in the manifest
    z1, z2 = zipfile.ZipFile(one), zipfile.ZipFile(two)
    assert z1.namelist() == z2.namelist()
    for n in z1.namelist()[2:]:
        assert z1.read(n) == z2.read(n)
    m1, m2 = (json.loads(z.read("manifest.json")) for z in (z1, z2))
    h1, h2 = m1.pop("audit_head"), m2.pop("audit_head")
    assert m1 == m2 and h2["seq"] == h1["seq"] + 2
    names = zipfile.ZipFile(one).namelist()
    assert names[:2] == ["manifest.json", "manifest.json.sig"]
    assert all("PRIVATE" not in zipfile.ZipFile(one).read(n).decode("latin-1") for n in names)


def test_manifest_verifies_with_ssh_keygen(
    pair, tmp_path: Path, keygen_available: None  # type: ignore[no-untyped-def]
) -> None:
    a, p = pair
    aid = flow.complete(a, evidence_every=5)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path)
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(TrustService(p).allowed_signers(), "utf-8")
    principal = TrustService(p).all()[0].principal
    with zipfile.ZipFile(bundle) as z:
        manifest, sig = z.read("manifest.json"), z.read("manifest.json.sig")
        revision = z.read(f"revisions/{aid}.json")
        revision_sig = z.read(f"revisions/{aid}.json.sig")
    (tmp_path / "manifest.json.sig").write_bytes(sig)
    out = run_keygen(
        ["-Y", "verify", "-f", str(allowed), "-I", principal, "-n", BUNDLE_NAMESPACE,
         "-s", str(tmp_path / "manifest.json.sig")], stdin=manifest,
    )
    assert out.returncode == 0 and b"Good" in out.stdout
    (tmp_path / "rev.sig").write_bytes(revision_sig)
    out = run_keygen(
        ["-Y", "verify", "-f", str(allowed), "-I", principal, "-n", BUNDLE_NAMESPACE,
         "-s", str(tmp_path / "rev.sig")], stdin=revision,
    )
    assert out.returncode == 0
    bad = run_keygen(
        ["-Y", "verify", "-f", str(allowed), "-I", principal, "-n", BUNDLE_NAMESPACE,
         "-s", str(tmp_path / "manifest.json.sig")], stdin=manifest + b" ", check=False,
    )
    assert bad.returncode != 0


def test_import_twice_changes_nothing(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    aid = flow.complete(a, evidence_every=4)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path)
    svc = ImportService(p)
    svc.import_files([bundle])
    before = flow.snapshot(p)
    again = svc.import_files([bundle, bundle])
    assert again.plan.count(flow_action("skip")) == 1 and again.plan.count(flow_action("add")) == 0
    assert flow.snapshot(p) == before
    results = [r[0] for r in p.db.execute("SELECT result FROM imports ORDER BY id")]
    assert results == ["applied", "nothing_new"]


def test_new_revision_updates_and_history_is_kept(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    aid = flow.complete(a, evidence_every=6)
    flow.finalize(a, aid)
    first = flow.export(a, [aid], tmp_path / "r1.secbundle")
    new = RevisionService(a).revise(aid)
    assert repo.get(a.db, aid).status == Status.FINALIZED.value
    ind = a.frameworks.get(new.framework_hash).indicators[1]
    AssessmentService(a).set_response(new.id, ind.code, ind.levels[0].value, "แก้ไขแล้ว")
    AssessmentService(a).mark_complete(new.id)
    flow.finalize(a, new.id)
    assert ExportService(a).candidates(unsent_only=True)[0].assessment_id == new.id
    second = flow.export(a, [new.id], tmp_path / "r2.secbundle")

    svc = ImportService(p)
    svc.import_files([first])
    plan = svc.dry_run([second])
    assert [(i.doc.id, i.action.value) for i in plan.items] == [(new.id, "update")]
    svc.import_files([second])
    chain = RevisionService(p).history(new.id)
    assert [x.id for x in chain] == [new.id, aid]
    assert repo.response(p.db, new.id, ind.code).note == "แก้ไขแล้ว"


def test_two_revisions_of_the_same_one_are_both_kept_and_flagged(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    aid = flow.complete(a, evidence_every=0)
    flow.finalize(a, aid)
    base = flow.export(a, [aid], tmp_path / "base.secbundle")
    # a second device restored from a backup revises the same revision independently
    twin_dir = tmp_path / "twin"
    import shutil

    a.db.execute("PRAGMA wal_checkpoint(FULL)")
    shutil.copytree(a.data_dir, twin_dir)
    from secity_desktop.services.workspace import open_workspace

    twin = open_workspace(twin_dir)
    revs = []
    for ws in (a, twin):
        new = RevisionService(ws).revise(aid)
        AssessmentService(ws).mark_complete(new.id)
        flow.finalize(ws, new.id)
        revs.append(flow.export(ws, [new.id], tmp_path / f"{new.id}.secbundle"))
    twin.close()
    svc = ImportService(p)
    svc.import_files([base])
    plan = svc.dry_run(revs)
    assert [i.action.value for i in plan.items] == ["update", "conflict"]
    svc.import_files(revs)
    flagged = p.db.execute("SELECT kind, supersedes FROM revision_conflicts").fetchall()
    assert flagged == [("fork", aid)]
    assert p.db.execute("SELECT count(*) FROM assessments WHERE supersedes = ?", [aid]).fetchone()[0] == 2


def test_unknown_municipality_and_other_province_are_refused(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    aid = flow.complete(a, muni="9001", evidence_every=0)  # Songkhla, not Chiang Mai
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path)
    before = flow.snapshot(p)
    result = ImportService(p).import_files([bundle])
    assert [r.reason for r in result.plan.rejected] == ["wrong_province"]
    assert flow.snapshot(p) == before
    p.db.execute("PRAGMA foreign_keys = OFF")
    with p.db.atomic():
        p.db.execute("DELETE FROM municipalities WHERE code = '9001'")
    p.db.execute("PRAGMA foreign_keys = ON")
    result = ImportService(p).dry_run([bundle])
    assert [r.reason for r in result.rejected] == ["unknown_municipality"]


def test_framework_unknown_to_the_province_comes_from_the_bundle(tmp_path: Path, mini_framework) -> None:  # type: ignore[no-untyped-def]
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "mini.toml").write_bytes((Path(__file__).parents[1] / "data" / "mini_framework.toml").read_bytes())
    a = flow.assessor(tmp_path / "a", forms=forms)
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    aid = flow.complete(a, evidence_every=1)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path)
    assert p.db.execute("SELECT 1 FROM frameworks WHERE hash = ?", [mini_framework.hash]).fetchone() is None
    ImportService(p).import_files([bundle])
    assert p.frameworks.get(mini_framework.hash).hash == mini_framework.hash
    assert AssessmentService(p).scorecard(aid).total == AssessmentService(a).scorecard(aid).total
    a.close()
    p.close()


def test_many_bundles_in_one_import(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, p = pair
    files = []
    for muni in ("5001", "5002"):
        aid = flow.complete(a, muni=muni, evidence_every=10, tag=muni)
        flow.finalize(a, aid)
        files.append(flow.export(a, [aid], tmp_path / f"{muni}.secbundle"))
    result = ImportService(p).import_files(files)
    assert result.ok and len(result.applied) == 2
    assert len(AssessmentService(p).list(status="received")) == 2
    assert io  # keep import for readers


def test_cancel_export_and_import_leave_nothing(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.core.errors import Cancelled
    from secity_desktop.services.identity import Identity

    a, p = pair
    aid = flow.complete(a, evidence_every=2)
    flow.finalize(a, aid)
    target = tmp_path / "cancelled.secbundle"
    with pytest.raises(Cancelled):
        ExportService(a).export([aid], target, Identity(a).unlock(flow.PASS), lambda d, t: d < t // 2)
    assert not target.exists() and list(tmp_path.glob("*.part")) == []
    assert ExportService(a).candidates(unsent_only=True)[0].assessment_id == aid
    bundle = flow.export(a, [aid], tmp_path)
    before = flow.snapshot(p)
    with pytest.raises(Cancelled):
        ImportService(p).import_files([bundle], progress=lambda d, t, n: d == 0)
    assert flow.snapshot(p) == before
    assert not [f for f in (p.blobs.root / "tmp").rglob("*") if f.is_file()]
    assert p.db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def test_assessor_can_verify_own_bundle(pair, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.cli.main import main

    a, _ = pair
    aid = flow.complete(a, evidence_every=0)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path)
    assert main(["--data-dir", str(a.data_dir), "bundle", "verify", str(bundle)]) == 0
    assert "OK" in capsys.readouterr().out
