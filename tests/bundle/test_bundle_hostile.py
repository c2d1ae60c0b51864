"""Every hostile bundle is refused whole, with its reason, quarantined, and the store untouched."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.bundle.safezip import ZipLimits
from secity_desktop.cli.main import main as cli
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow
from tests.bundle import hostile as h


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Path, str]]:
    root = tmp_path_factory.mktemp("src")
    a = flow.assessor(root / "a")
    aid = flow.complete(a, evidence_every=8)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], root / "good.secbundle")
    yield a, bundle, aid
    a.close()


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("other")
    o = flow.assessor(root / "other", name="สมหญิง")
    oid = flow.complete(o, muni="5002", evidence_every=12)
    flow.finalize(o, oid)
    yield Identity(o).info().public_line, flow.export(o, [oid], root / "other.secbundle")
    o.close()


@pytest.fixture
def office(tmp_path: Path, source, other) -> Iterator[Workspace]:  # type: ignore[no-untyped-def]
    a, _, _ = source
    p = flow.province(tmp_path / "office")
    flow.enrol(p, a)
    # some data already there, so "unchanged" means something
    TrustService(p).add(other[0], actor="test")
    assert ImportService(p).import_files([other[1]]).ok
    yield p
    p.close()


@pytest.fixture
def key(source):  # type: ignore[no-untyped-def]
    return Identity(source[0]).unlock(flow.PASS)


def refuse(office: Workspace, tmp_path: Path, data: bytes, reason: str,
           limits: ZipLimits | None = None) -> None:
    bad = tmp_path / "suspect.secbundle"
    bad.write_bytes(data)
    before = flow.snapshot(office)
    result = ImportService(office, limits).import_files([bad])
    assert [r.reason for r in result.plan.rejected] == [reason], result.plan.rejected
    assert not result.applied
    assert flow.snapshot(office) == before
    q = result.quarantined[bad]
    assert q.read_bytes() == data
    meta = json.loads(q.with_name(q.name + ".reason.json").read_text("utf-8"))
    assert meta["reason"] == reason
    row = office.db.execute("SELECT result, reason FROM imports ORDER BY id DESC").fetchone()
    assert row == ("rejected", reason)
    assert not any((office.blobs.root / "tmp").rglob("*")) or all(
        p.is_dir() for p in (office.blobs.root / "tmp").rglob("*")
    )


def test_good_bundle_is_accepted(office: Workspace, source) -> None:  # type: ignore[no-untyped-def]
    assert ImportService(office).import_files([source[1]]).ok


def test_unenrolled_key(tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    p = flow.province(tmp_path / "empty")
    refuse(p, tmp_path, source[1].read_bytes(), "unknown_signer")
    p.close()


def test_revoked_key(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    TrustService(office).revoke(Identity(source[0]).info().fingerprint, actor="x", reason="lost laptop")
    refuse(office, tmp_path, source[1].read_bytes(), "revoked_key")


def test_manifest_altered_after_signing(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    items = h.entries(source[1])
    m = h.get(items, "manifest.json").replace(b'"year":2569', b'"year":2568')
    refuse(office, tmp_path, h.rezip(h.replace(items, "manifest.json", m)), "bad_signature")


def test_signature_for_another_purpose(office: Workspace, tmp_path: Path, source, key) -> None:  # type: ignore[no-untyped-def]
    items = h.with_manifest(h.entries(source[1]), key, namespace="git")
    refuse(office, tmp_path, h.rezip(items), "wrong_namespace")


def test_evidence_altered(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    items = h.entries(source[1])
    name = next(h.name_of(i) for i, _ in items if h.name_of(i).startswith("evidence/"))
    data = bytearray(h.get(items, name))
    data[10] ^= 1
    refuse(office, tmp_path, h.rezip(h.replace(items, name, bytes(data))), "hash_mismatch")


def test_entry_size_differs(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    items = h.entries(source[1])
    name = next(h.name_of(i) for i, _ in items if h.name_of(i).startswith("evidence/"))
    refuse(office, tmp_path, h.rezip(h.replace(items, name, h.get(items, name) + b"x")), "size_mismatch")


def test_revision_altered(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    items = h.entries(source[1])
    name = f"revisions/{source[2]}.json"
    data = h.get(items, name).replace(b'"year":2569', b'"year":2568', 1)
    refuse(office, tmp_path, h.rezip(h.replace(items, name, data)), "hash_mismatch")


def test_revision_swapped_and_relisted_fails_its_own_signature(office, tmp_path, source, key) -> None:  # type: ignore[no-untyped-def]
    items = h.entries(source[1])
    name = f"revisions/{source[2]}.json"
    doc = json.loads(h.get(items, name))
    doc["responses"][0]["level"] = doc["responses"][0]["level"] + 1
    from secity_desktop.core.framework import canonical_json

    new = canonical_json(doc).encode()

    def edit(m: dict) -> None:
        for e in m["entries"]:
            if e["path"] == name:
                e["sha256"], e["size"] = hashlib.sha256(new).hexdigest(), len(new)

    items = h.with_manifest(h.replace(items, name, new), key, edit)
    refuse(office, tmp_path, h.rezip(items), "bad_signature")


def test_missing_entry(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    items = h.entries(source[1])
    first = next(h.name_of(i) for i, _ in items if h.name_of(i).startswith("evidence/"))
    refuse(office, tmp_path, h.rezip(h.drop(items, lambda n: n == first)), "missing_entry")


def test_extra_entry(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    items = h.add_entry(h.entries(source[1]), "evidence/readme.txt", b"hello")
    refuse(office, tmp_path, h.rezip(items), "extra_entry")


def test_listed_but_unreferenced_entry(office, tmp_path, source, key) -> None:  # type: ignore[no-untyped-def]
    blob = b"smuggled"
    name = f"evidence/{hashlib.sha256(blob).hexdigest()}"
    items = h.relist(h.add_entry(h.entries(source[1]), name, blob), key, name, blob)
    refuse(office, tmp_path, h.rezip(items), "extra_entry")


@pytest.mark.parametrize(
    ("name", "mode", "reason"),
    [
        ("/etc/passwd", None, "zip_slip"),
        ("../../evil.json", None, "zip_slip"),
        ("evidence/../../evil", None, "zip_slip"),
        ("C:/Windows/evil", None, "zip_slip"),
        ("evidence/link", h.SYMLINK, "symlink"),
        ("evidence/dev", h.CHARDEV, "special_file"),
        ("manifest.json", None, "duplicate_name"),
        ("MANIFEST.JSON", None, "duplicate_name"),
    ],
)
def test_hostile_names_and_kinds(office, tmp_path, source, name, mode, reason) -> None:  # type: ignore[no-untyped-def]
    items = h.add_entry(h.entries(source[1]), name, b"/etc/shadow", mode)
    refuse(office, tmp_path, h.rezip(items), reason)


def test_too_many_entries(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    refuse(office, tmp_path, source[1].read_bytes(), "too_many_entries", ZipLimits(max_entries=3))


def test_total_size_limit(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    refuse(office, tmp_path, source[1].read_bytes(), "too_large",
           ZipLimits(max_total_uncompressed=10_000))


def test_zip_bomb(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    items = h.add_entry(h.entries(source[1]), "evidence/bomb", b"\0" * (20 * 1024 * 1024))
    refuse(office, tmp_path, h.rezip(items), "zip_bomb")


def test_unknown_format_version(office, tmp_path, source, key) -> None:  # type: ignore[no-untyped-def]
    items = h.with_manifest(h.entries(source[1]), key, lambda m: m.update(format_version=2))
    refuse(office, tmp_path, h.rezip(items), "unsupported_version")


def test_unknown_manifest_field(office, tmp_path, source, key) -> None:  # type: ignore[no-untyped-def]
    items = h.with_manifest(h.entries(source[1]), key, lambda m: m.update(extra="x"))
    refuse(office, tmp_path, h.rezip(items), "bad_manifest")


def test_manifest_not_utf8(office, tmp_path, source, key) -> None:  # type: ignore[no-untyped-def]
    raw = h.get(h.entries(source[1]), "manifest.json").replace("สมชาย".encode(), "สมชาย".encode("tis-620"))
    items = h.with_manifest(h.entries(source[1]), key, raw=raw)
    refuse(office, tmp_path, h.rezip(items), "bad_manifest")


def test_manifest_absurd_nesting(office, tmp_path, source, key) -> None:  # type: ignore[no-untyped-def]
    raw = b"[" * 200_000 + b"]" * 200_000
    refuse(office, tmp_path, h.rezip(h.with_manifest(h.entries(source[1]), key, raw=raw)), "bad_manifest")


def test_manifest_duplicate_keys(office, tmp_path, source, key) -> None:  # type: ignore[no-untyped-def]
    raw = h.get(h.entries(source[1]), "manifest.json")
    raw = raw[:-1] + b',"format":"secbundle"}'
    refuse(office, tmp_path, h.rezip(h.with_manifest(h.entries(source[1]), key, raw=raw)), "bad_manifest")


def test_truncated(office: Workspace, tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    data = source[1].read_bytes()
    refuse(office, tmp_path, data[: len(data) // 2], "truncated")


def test_not_a_zip(office: Workspace, tmp_path: Path) -> None:
    refuse(office, tmp_path, b"%PDF-1.7 definitely not a bundle", "not_a_zip")


def test_cli_import_exits_non_zero_and_quarantines(office: Workspace, tmp_path: Path, source, capsys) -> None:  # type: ignore[no-untyped-def]
    data = source[1].read_bytes()
    bad = tmp_path / "cut.secbundle"
    bad.write_bytes(data[:-100])
    code = cli(["--data-dir", str(office.data_dir), "bundle", "import", str(bad), str(source[1])])
    out, err = capsys.readouterr()
    assert code == 1
    assert "REFUSED" in err and "quarantined" in err  # refusals go to stderr
    assert "REFUSED" not in out
    assert len(list((office.data_dir / "quarantine").glob("*.reason.json"))) == 1
    assert zipfile.is_zipfile(source[1])
