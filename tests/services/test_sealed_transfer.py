"""Encryption by default (issue 14): every bundle kind encrypted to whoever receives it.

Real workspaces with real enrolled keys: an assessor, their province, and the nation
(tests/bundle/office_flow.py); each attack is built and the store checked unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secity_desktop.bundle.encryption import encrypt_file, header_stanzas, sniff, stanza_tag
from secity_desktop.core.errors import ConflictError
from secity_desktop.crypto import keys
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.office_bundles import OfficeBundleService
from secity_desktop.services.trust import TrustService
from secity_desktop.store import audit
from tests.bundle import flow
from tests.bundle.office_flow import Offices


def _office_key_at_assessor(o: Offices) -> None:
    TrustService(o.a).set_office(Identity(o.p).info().fingerprint)


def _sealed_field(o: Offices, aid: str, target: Path) -> Path:
    key = Identity(o.a).unlock(flow.PASS)
    return ExportService(o.a).export([aid], target, key, encrypt=True).path


def _last_export(ws) -> dict:  # type: ignore[no-untyped-def]
    return next(iter(ws.db.query("SELECT * FROM exports ORDER BY id DESC LIMIT 1")))


def _last_event(ws, action: str) -> audit.AuditEvent:  # type: ignore[no-untyped-def]
    return [e for e in audit.events(ws.db) if e.action == action][-1]


def test_no_office_key_enrolled_refuses_an_encrypted_export(o: Offices, tmp_path: Path) -> None:
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    with pytest.raises(ConflictError) as err:
        _sealed_field(o, aid, tmp_path)
    assert err.value.code == "seal.no_office_key"
    assert not list(tmp_path.glob("*.secbundle*"))


def test_field_bundle_is_encrypted_to_the_province_and_imports_there(o: Offices) -> None:
    _office_key_at_assessor(o)
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    out = o.root / "out"
    out.mkdir()
    path = _sealed_field(o, aid, out)
    assert path.name.endswith(".secbundle.age") and sniff(path) == "age"
    assert list(out.iterdir()) == [path]  # no plain copy beside it (the target is a USB stick)
    assert not list((o.a.blobs.root / "tmp").glob(".plain-*"))
    assert b"PK\x03\x04" not in path.read_bytes()[:4096]
    # only the province's key can open it
    tags = [s[1] for s in header_stanzas(path) if s[0] == "ssh-ed25519"]
    assert tags == [stanza_tag(Identity(o.p).info().public_line)]
    row = _last_export(o.a)
    assert json.loads(row["encrypted_to"]) == [Identity(o.p).info().fingerprint]
    assert _last_event(o.a, "bundle.export").new["encrypted_to"] == [Identity(o.p).info().fingerprint]
    svc = ImportService(o.p)
    assert svc.needs_key([path])
    result = svc.import_files([path], own_key=o.key(o.p))
    assert result.ok, result.as_json()
    assert [i.doc.id for i in result.plan.items] == [aid]
    assert not list((o.p.blobs.root / "tmp").rglob("*.secbundle"))  # decrypted copy gone


def test_wrong_recipient_and_no_key_are_refused_store_unchanged(o: Offices) -> None:
    _office_key_at_assessor(o)
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    path = _sealed_field(o, aid, o.root)
    # the nation has a key of its own, but the bundle is not addressed to it
    Identity(o.n).create_key(flow.PASS)
    TrustService(o.n).add(Identity(o.a).info().public_line, actor="n", name="ผู้ประเมิน")
    before = flow.snapshot(o.n)
    result = ImportService(o.n).import_files([path], own_key=Identity(o.n).unlock(flow.PASS))
    assert [r.reason for r in result.plan.rejected] == ["not_for_us"]
    assert flow.snapshot(o.n) == before
    # the right office without unlocking its key: refused the same way, nothing written
    before = flow.snapshot(o.p)
    result = ImportService(o.p).import_files([path])
    assert [r.reason for r in result.plan.rejected] == ["not_for_us"]
    assert flow.snapshot(o.p) == before


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_ciphertext_is_refused_store_unchanged(o: Offices, damage: str) -> None:
    _office_key_at_assessor(o)
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    path = _sealed_field(o, aid, o.root)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) - 100]
    else:
        data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    before = flow.snapshot(o.p)
    result = ImportService(o.p).import_files([path], own_key=o.key(o.p))
    assert [r.reason for r in result.plan.rejected] == ["ciphertext_damaged"]
    assert flow.snapshot(o.p) == before
    assert not list((o.p.blobs.root / "tmp").rglob("*.secbundle"))


def test_bundle_encrypted_to_a_revoked_key_is_refused_by_name(o: Offices, tmp_path: Path) -> None:
    """The province's old key was revoked here; a bundle sealed to it only is refused as such."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    old = Ed25519PrivateKey.generate()
    line = keys.public_line(old.public_key(), "")
    TrustService(o.p).add(line, actor="p", name="กุญแจเดิม")
    TrustService(o.p).revoke(keys.fingerprint(old.public_key()), reason="เครื่องหาย")
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    plain = flow.export(o.a, [aid], tmp_path)
    sealed = encrypt_file(plain, tmp_path / "x.secbundle.age", [line]).path
    before = flow.snapshot(o.p)
    result = ImportService(o.p).import_files([sealed], own_key=o.key(o.p))
    assert [r.reason for r in result.plan.rejected] == ["sealed.to_revoked"]
    assert flow.snapshot(o.p) == before


def test_unencrypted_export_is_recorded(o: Offices) -> None:
    _office_key_at_assessor(o)
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    path = ExportService(o.a).export([aid], o.root, Identity(o.a).unlock(flow.PASS), encrypt=False).path
    assert sniff(path) == "zip"
    assert _last_export(o.a)["encrypted_to"] is None
    assert _last_event(o.a, "bundle.export").new["unencrypted"] is True
    assert ImportService(o.p).import_files([path]).ok


def test_return_bundle_is_encrypted_to_the_assessor(o: Offices) -> None:
    _office_key_at_assessor(o)
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    assert ImportService(o.p).import_files(
        [_sealed_field(o, aid, o.root)], own_key=o.key(o.p)).ok
    from secity_desktop.services.review.workflow import ReviewService

    rs = ReviewService(o.p)
    rs.start(aid)
    rs.return_for_revision(aid, "กรุณาแนบภาพถ่ายใหม่")
    svc = OfficeBundleService(o.p)
    written = svc.export(svc.prepare_return([aid], encrypt=True), o.root, o.key(o.p))
    assert written.encrypted_to == (Identity(o.a).info().fingerprint,)
    assert sniff(written.path) == "age"
    # the province itself cannot open what it sent to the assessor
    assert ImportService(o.n).needs_key([written.path])
    result = ImportService(o.a).import_files([written.path], own_key=o.key(o.a))
    assert result.ok, result.as_json()
    assert len(result.plan.reviews) == 1


def test_upward_bundle_is_encrypted_to_the_next_office(o: Offices) -> None:
    _office_key_at_assessor(o)
    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    assert ImportService(o.p).import_files(
        [_sealed_field(o, aid, o.root)], own_key=o.key(o.p)).ok
    o.approve(aid)
    svc = OfficeBundleService(o.p)
    with pytest.raises(ConflictError) as err:
        svc.prepare_upward(2569, encrypt=True)
    assert err.value.code == "seal.no_office_key"
    Identity(o.n).create_key(flow.PASS)
    TrustService(o.p).add(Identity(o.n).info().public_line, actor="p", name="ส่วนกลาง", office=True)
    written = svc.export(svc.prepare_upward(2569, encrypt=True), o.root, o.key(o.p))
    assert written.encrypted_to == (Identity(o.n).info().fingerprint,)
    result = ImportService(o.n).import_files([written.path], own_key=Identity(o.n).unlock(flow.PASS))
    assert result.ok, result.as_json()


def test_cli_export_defaults_to_encrypted_and_verify_opens_it(
    o: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from secity_desktop.cli.main import main

    aid = flow.complete(o.a)
    flow.finalize(o.a, aid)
    pw = tmp_path / "pw"
    pw.write_bytes(flow.PASS + b"\n")
    pw.chmod(0o600)
    base = ["--data-dir", str(o.a.data_dir), "--lang", "en", "bundle", "export", aid,
            "--passphrase-file", str(pw), "-o"]
    # no office key enrolled: the default (encrypted) export is refused, with the code's text
    assert main([*base, str(tmp_path)]) != 0
    assert "office key" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.secbundle*"))
    _office_key_at_assessor(o)
    assert main([*base, str(tmp_path)]) == 0
    out = capsys.readouterr().out
    sealed = next(tmp_path.glob("*.secbundle.age"))
    assert "encrypted to " + Identity(o.p).info().fingerprint in out
    # --unencrypted is honoured and said
    plain_dir = tmp_path / "plain"
    plain_dir.mkdir()
    assert main([*base, str(plain_dir), "--unencrypted"]) == 0
    assert "NOT encrypted" in capsys.readouterr().out
    assert sniff(next(plain_dir.glob("*.secbundle"))) == "zip"
    # the province verifies and imports it with its own key's passphrase
    pdir = ["--data-dir", str(o.p.data_dir), "--lang", "en", "bundle"]
    assert main([*pdir, "verify", str(sealed), "--passphrase-file", str(pw)]) == 0
    assert "OK" in capsys.readouterr().out
    assert main([*pdir, "import", str(sealed), "--passphrase-file", str(pw)]) == 0
    # the nation, not a recipient, is refused with the coded reason
    assert main(["--data-dir", str(o.n.data_dir), "--lang", "en", "bundle", "verify",
                 str(sealed)]) != 0
    assert "[not_for_us]" in capsys.readouterr().err
