"""Checks behind a valid signature: each attack is signed with the assessor's real enrolled key.

The revision is edited, re-signed with the assessor's own key, and the manifest re-hashed and
re-signed too, so every signature holds and only the new content checks can refuse it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from secity_desktop.bundle.read import verify_bundle
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected
from secity_desktop.core.framework import canonical_json
from secity_desktop.crypto import sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from secity_desktop.services.identity import Identity
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow
from tests.bundle import hostile as h


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Path, str, list[TrustedKey]]]:
    root = tmp_path_factory.mktemp("checks")
    a = flow.assessor(root / "a")
    aid = flow.complete(a, evidence_every=8)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], root / "good.secbundle")
    p = flow.province(root / "office")
    flow.enrol(p, a)
    trusted = TrustService(p).all()
    p.close()
    yield a, bundle, aid, trusted
    a.close()


@pytest.fixture(scope="module")
def key(source):  # type: ignore[no-untyped-def]
    return Identity(source[0]).unlock(flow.PASS)


def _resigned(source, key, edit_revision: Callable[[dict], object] | None = None,  # type: ignore[no-untyped-def]
              edit_manifest: Callable[[dict], object] | None = None) -> h.Entries:
    """The bundle with its revision and/or manifest edited, every signature made afresh."""
    _a, bundle, aid, _t = source
    items = h.entries(bundle)
    name = f"revisions/{aid}.json"
    new_rev = h.get(items, name)
    if edit_revision is not None:
        doc = json.loads(new_rev)
        edit_revision(doc)
        new_rev = canonical_json(doc).encode("utf-8")
        items = h.replace(items, name, new_rev)
        items = h.replace(items, name + ".sig", sshsig.sign(key, new_rev, BUNDLE_NAMESPACE).encode())
    sig = h.get(items, name + ".sig")

    def manifest(m: dict) -> None:
        for e in m["entries"]:
            if e["path"] == name:
                e["sha256"], e["size"] = hashlib.sha256(new_rev).hexdigest(), len(new_rev)
            if e["path"] == name + ".sig":
                e["sha256"], e["size"] = hashlib.sha256(sig).hexdigest(), len(sig)
        if edit_manifest is not None:
            edit_manifest(m)

    return h.with_manifest(items, key, manifest)


def _refused(source, tmp_path: Path, items: h.Entries, reason: str) -> BundleRejected:  # type: ignore[no-untyped-def]
    bad = tmp_path / "suspect.secbundle"
    bad.write_bytes(h.rezip(items))
    with pytest.raises(BundleRejected) as info:
        verify_bundle(bad, source[3])
    assert info.value.reason == reason, info.value
    return info.value


def test_resigning_unchanged_content_still_verifies(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The attack helper itself makes bundles that pass when nothing is changed."""
    good = tmp_path / "same.secbundle"
    good.write_bytes(h.rezip(_resigned(source, key, lambda d: None)))
    assert [r.doc.id for r in verify_bundle(good, source[3]).revisions] == [source[2]]


def test_twenty_of_thirty_four_answered(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def keep_twenty(doc: dict) -> None:
        kept = doc["responses"][:20]
        doc["responses"] = kept
        doc["evidence"] = [e for e in doc["evidence"] if e["indicator"] in {r["indicator"] for r in kept}]

    err = _refused(source, tmp_path, _resigned(source, key, keep_twenty), "incomplete_revision")
    assert err.params == {"missing": 14, "count": 34}


def test_an_unanswered_level(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def blank(doc: dict) -> None:
        doc["responses"][3]["level"] = None

    _refused(source, tmp_path, _resigned(source, key, blank), "incomplete_revision")


def test_raised_level_without_required_evidence(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def raise_bare(doc: dict) -> None:
        with_ev = {e["indicator"] for e in doc["evidence"]}
        r = next(r for r in doc["responses"] if r["indicator"] not in with_ev)
        r["level"] = r["level"] + 1

    _refused(source, tmp_path, _resigned(source, key, raise_bare), "incomplete_revision")


def test_assessor_key_id_differs_from_signer(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def other_id(doc: dict) -> None:
        doc["assessor"]["key_id"] = "0123456789abcdef"

    _refused(source, tmp_path, _resigned(source, key, other_id), "sender_mismatch")


def test_revision_names_another_framework_version(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def relabel(doc: dict) -> None:
        doc["framework"]["version"] = "2599.1"

    _refused(source, tmp_path, _resigned(source, key, relabel), "framework_mismatch")


def test_revision_names_another_framework_id(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def relabel(doc: dict) -> None:
        doc["framework"]["id"] = "secity-forged"

    _refused(source, tmp_path, _resigned(source, key, relabel), "framework_mismatch")


@pytest.mark.parametrize("field", ["id", "version"])
def test_manifest_names_another_framework(source, key, tmp_path: Path, field: str) -> None:  # type: ignore[no-untyped-def]
    def relabel(m: dict) -> None:
        m["frameworks"][0][field] = "other"

    _refused(source, tmp_path, _resigned(source, key, edit_manifest=relabel), "framework_mismatch")


def test_manifest_framework_check_holds_with_a_warm_cache(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache: dict = {}
    verify_bundle(source[1], source[3], framework_cache=cache)
    assert cache
    bad = tmp_path / "x.secbundle"
    bad.write_bytes(h.rezip(_resigned(source, key, edit_manifest=lambda m: m["frameworks"][0].update(version="9"))))
    with pytest.raises(BundleRejected) as info:
        verify_bundle(bad, source[3], framework_cache=cache)
    assert info.value.reason == "framework_mismatch"


def test_responses_out_of_order(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def swap(doc: dict) -> None:
        rs = doc["responses"]
        rs[4], rs[5] = rs[5], rs[4]

    _refused(source, tmp_path, _resigned(source, key, swap), "unsorted_responses")


def test_numeric_code_order_is_what_the_app_writes(source) -> None:  # type: ignore[no-untyped-def]
    """1.9 before 1.10: the order is numeric per part, as services/revisions.py sorts."""
    from secity_desktop.bundle.documents import indicator_order

    codes = ["1.10", "1.2", "1.9", "2.1", "1.1", "A.1", "1.a"]
    assert sorted(codes, key=indicator_order) == ["1.1", "1.2", "1.9", "1.10", "1.a", "2.1", "A.1"]


def test_a_response_repeated(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def repeat(doc: dict) -> None:
        rs = doc["responses"]
        rs[6] = dict(rs[5], note="อีกครั้ง")

    _refused(source, tmp_path, _resigned(source, key, repeat), "duplicate_response")


def test_municipality_listed_twice(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def twice(m: dict) -> None:
        m["municipalities"].append(dict(m["municipalities"][0]))

    err = _refused(source, tmp_path, _resigned(source, key, edit_manifest=twice), "duplicate_municipality")
    assert err.params["municipality"] == "5001"


def test_municipality_listed_twice_under_another_name(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def twice(m: dict) -> None:
        m["municipalities"].append(dict(m["municipalities"][0], name_th="เทศบาลปลอม"))

    _refused(source, tmp_path, _resigned(source, key, edit_manifest=twice), "duplicate_municipality")


def test_framework_listed_twice(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def twice(m: dict) -> None:
        m["frameworks"].append(dict(m["frameworks"][0]))

    _refused(source, tmp_path, _resigned(source, key, edit_manifest=twice), "bad_manifest")


@pytest.mark.parametrize(
    ("code", "params"),
    [
        ("bundle.incomplete_revision", {"missing": 14, "count": 34}),
        ("bundle.sender_mismatch", {}),
        ("bundle.framework_mismatch", {}),
        ("bundle.duplicate_response", {"indicator": "1.2"}),
        ("bundle.unsorted_responses", {}),
        ("bundle.duplicate_municipality", {"municipality": "5001"}),
        ("bundle.not_for_us", {"fingerprint": "SHA256:x"}),
        ("bundle.ciphertext_damaged", {}),
        ("bundle.not_encrypted", {}),
        ("encryption.recipient_revoked", {"name": "ก", "fingerprint": "SHA256:x", "revoked_at": "2569"}),
        ("encryption.no_recipients", {}),
        ("encryption.recipient_invalid", {"fingerprint": "SHA256:x"}),
    ],
)
def test_each_new_refusal_has_its_own_thai_text(code: str, params: dict) -> None:
    from secity_desktop import messages

    text = messages.render(code, params, "th")
    assert text != messages.render("bundle.unknown-code", {}, "th")
    assert "…" not in text and "{" not in text
    assert all(str(v) in text for v in params.values())


# --- the sender's audit head, signed with the manifest ---------------------------------------


def test_audit_head_travels_signed_in_the_manifest(source, key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.bundle.documents import AuditHeadRecord
    from secity_desktop.store import audit

    a = source[0]
    now = audit.head(a.db)
    record = AuditHeadRecord(seq=now.seq, hash=now.hash, at=now.at)
    items = _resigned(source, key, edit_manifest=lambda m: m.update(audit_head=record.model_dump()))
    good = tmp_path / "headed.secbundle"
    good.write_bytes(h.rezip(items))
    vb = verify_bundle(good, source[3])
    assert vb.manifest.audit_head == record
    # altering the head after signing breaks the manifest's signature
    raw = h.get(items, "manifest.json").replace(now.hash.encode(), b"0" * 64)
    bad = h.replace(items, "manifest.json", raw)
    _refused(source, tmp_path, bad, "bad_signature")


def test_manifest_without_a_head_keeps_its_bytes(source) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.bundle.documents import parse_manifest
    from secity_desktop.core.framework import canonical_json

    exported = h.get(h.entries(source[1]), "manifest.json")
    assert parse_manifest(exported).audit_head is not None  # exports carry the sender's head
    data = json.loads(exported)
    del data["audit_head"]  # a bundle from before heads were carried
    raw = canonical_json(data).encode("utf-8")
    m = parse_manifest(raw)
    assert m.audit_head is None and m.canonical() == raw and b"audit_head" not in raw


def test_write_bundle_signs_the_head_it_is_given(tmp_path: Path) -> None:
    """build_manifest puts the head in the signed manifest body (the wiring passes audit.head())."""
    from secity_desktop.bundle.documents import AuditHeadRecord, Person
    from secity_desktop.bundle.write import build_manifest

    sender = Person(name="x", key_fingerprint="SHA256:" + "A" * 43, key_id="0123456789abcdef")
    head = AuditHeadRecord(seq=12, hash="a" * 64, at="2026-11-27T10:00:00+07:00")
    m, _small = build_manifest([], [], {}, sender, kind="return", audit_head=head)
    assert b'"audit_head":{"at":"2026-11-27T10:00:00+07:00","hash":"' + b"a" * 64 + b'","seq":12}' in m.canonical()
