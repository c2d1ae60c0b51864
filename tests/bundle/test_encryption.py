"""Bundles encrypted to the office (age, ssh-ed25519): interop with stock age, and every refusal.

The office key is a real workspace key (``Identity.create_key``), the bundle a real signed export,
and the attacks are made on the encrypted file itself.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from secity_desktop.bundle import encryption as enc
from secity_desktop.bundle.incoming import verify_bundle_file
from secity_desktop.bundle.read import verify_bundle
from secity_desktop.core.errors import BundleRejected, Cancelled, ConflictError, ValidationError
from secity_desktop.crypto import keys
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from secity_desktop.services.identity import Identity
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow
from tests.bundle.conftest import run_keygen

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="age is not installed")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Workspace, Path, str]]:
    """An assessor's signed bundle, and a province office (with its own key) that enrolled them."""
    root = tmp_path_factory.mktemp("enc")
    a = flow.assessor(root / "a")
    aid = flow.complete(a, evidence_every=6)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], root / "plain.secbundle")
    p = flow.province(root / "office")
    Identity(p).create_key(flow.PASS)
    flow.enrol(p, a)
    yield a, p, bundle, aid
    a.close()
    p.close()


@pytest.fixture(scope="module")
def office_key(world):  # type: ignore[no-untyped-def]
    return Identity(world[1]).unlock(flow.PASS)


@pytest.fixture(scope="module")
def office_line(world) -> str:  # type: ignore[no-untyped-def]
    return Identity(world[1]).info().public_line


@pytest.fixture(scope="module")
def sealed(world, office_line: str, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("sealed") / "b.secbundle.age"
    enc.encrypt_file(world[2], out, [office_line])
    return out


def _plain_key_file(key, path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A passphrase-less copy for the age CLI, which would prompt on a terminal for one."""
    path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
    ))
    path.chmod(0o600)
    return path


def _staging_empty(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


def test_round_trip_then_the_inner_bundle_verifies(world, sealed: Path, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _a, p, bundle, aid = world
    assert enc.sniff(sealed) == "age" and enc.sniff(bundle) == "zip"
    assert bundle.read_bytes() not in sealed.read_bytes()
    assert "สมชาย".encode() not in sealed.read_bytes()  # the assessor's name is not readable
    stage = tmp_path / "stage"
    with enc.open_decrypted(sealed, stage, office_key) as plain:
        assert plain.parent == stage
        assert plain.read_bytes() == bundle.read_bytes()
        vb = verify_bundle(plain, TrustService(p).all())
        assert [r.doc.id for r in vb.revisions] == [aid]
    assert _staging_empty(stage)


def test_encrypted_file_details(world, office_line: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.secbundle.age"
    done: list[int] = []
    info = enc.encrypt_file(world[2], out, [office_line], lambda d, t: done.append(d) is None)
    assert info.path == out and info.size == out.stat().st_size
    assert info.recipients == (keys.fingerprint(keys.load_public(office_line)),)
    assert done and done[-1] == world[2].stat().st_size
    stanzas = enc.header_stanzas(out)
    # age adds a random "grease" stanza; ours is the only ssh-ed25519 one
    assert [s[:2] for s in stanzas if s[0] == "ssh-ed25519"] == [("ssh-ed25519", enc.stanza_tag(office_line))]
    assert [p.name for p in tmp_path.iterdir()] == ["x.secbundle.age"]


@needs_age
def test_stock_age_decrypts_ours_and_ssh_keygen_verifies_the_inside(  # type: ignore[no-untyped-def]
    world, sealed: Path, office_key, tmp_path: Path, keygen_available: None
) -> None:
    _a, p, bundle, _aid = world
    ident = _plain_key_file(office_key, tmp_path / "office_ed25519")
    plain = tmp_path / "inner.secbundle"
    subprocess.run([AGE, "-d", "-i", str(ident), "-o", str(plain), str(sealed)], check=True, timeout=60)
    assert plain.read_bytes() == bundle.read_bytes()
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(TrustService(p).allowed_signers(), "utf-8")
    principal = next(k.principal for k in TrustService(p).all() if k.name == "สมชาย ใจดี")
    with zipfile.ZipFile(plain) as z:
        (tmp_path / "m.sig").write_bytes(z.read("manifest.json.sig"))
        manifest = z.read("manifest.json")
    out = run_keygen(["-Y", "verify", "-f", str(allowed), "-I", principal, "-n", BUNDLE_NAMESPACE,
                      "-s", str(tmp_path / "m.sig")], stdin=manifest)
    assert b"Good" in out.stdout


@needs_age
def test_stock_age_encrypts_ours_decrypts(world, office_line: str, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _a, p, bundle, _aid = world
    rfile = tmp_path / "office.pub"
    rfile.write_text(office_line + "\n", "utf-8")
    sealed = tmp_path / "by-age.secbundle.age"
    subprocess.run([AGE, "-R", str(rfile), "-o", str(sealed), str(bundle)], check=True, timeout=60)
    with enc.open_decrypted(sealed, tmp_path / "stage", office_key) as plain:
        assert verify_bundle(plain, TrustService(p).all()).revisions


def test_every_recipient_can_open_it(world, office_line: str, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    spare = keys.generate()
    out = tmp_path / "two.age"
    enc.encrypt_file(world[2], out, [office_line, keys.public_line(spare.public_key(), "spare")])
    for k in (office_key, spare):
        plain = enc.decrypt_to(out, tmp_path / "stage", k)
        assert plain.read_bytes() == world[2].read_bytes()
        plain.unlink()


# --- refusals: each with its stable code, nothing left in staging -----------------------------


def _refused(src: Path, key, tmp_path: Path, reason: str) -> BundleRejected:  # type: ignore[no-untyped-def]
    stage = tmp_path / "stage"
    with pytest.raises(BundleRejected) as info, enc.open_decrypted(src, stage, key):
        raise AssertionError("must not be reached")
    assert info.value.reason == reason and info.value.code == f"bundle.{reason}"
    assert _staging_empty(stage)
    return info.value


def test_wrong_recipient(sealed: Path, tmp_path: Path) -> None:
    other = flow.assessor(tmp_path / "other", name="สมหญิง")
    err = _refused(sealed, Identity(other).unlock(flow.PASS), tmp_path, "not_for_us")
    assert Identity(other).info().fingerprint in str(err)
    other.close()


def test_truncated(sealed: Path, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = sealed.read_bytes()
    for cut in (len(data) // 2, len(data) - 1, len(data) - 17):
        bad = tmp_path / f"cut{cut}.age"
        bad.write_bytes(data[:cut])
        _refused(bad, office_key, tmp_path, "ciphertext_damaged")


def test_header_cut_short(sealed: Path, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = sealed.read_bytes()
    bad = tmp_path / "hdr.age"
    bad.write_bytes(data[: data.index(b"\n---")])
    _refused(bad, office_key, tmp_path, "ciphertext_damaged")


def test_trailing_bytes(sealed: Path, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "long.age"
    bad.write_bytes(sealed.read_bytes() + b"\0" * 100)
    _refused(bad, office_key, tmp_path, "ciphertext_damaged")


@pytest.mark.parametrize("where", ["share", "mac", "body_start", "body_end"])
def test_tampered(sealed: Path, office_key, tmp_path: Path, where: str) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(sealed.read_bytes())
    mac_line = data.index(b"\n--- ") + 1
    header_end = data.index(b"\n", mac_line) + 1
    spot = {
        "share": data.index(b"\n", len(enc.AGE_MAGIC)) - 3,  # inside our stanza's ephemeral share
        "mac": mac_line + 10,
        "body_start": header_end + 20,  # the payload nonce / first chunk
        "body_end": len(data) - 5,
    }[where]
    data[spot] ^= 0x01 if where != "share" else 0x02
    bad = tmp_path / f"{where}.age"
    bad.write_bytes(bytes(data))
    _refused(bad, office_key, tmp_path, "ciphertext_damaged")


def test_not_an_age_file(world, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _refused(world[2], office_key, tmp_path, "not_encrypted")
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"%PDF-1.7 not a bundle")
    assert enc.sniff(junk) == "unknown"
    _refused(junk, office_key, tmp_path, "not_encrypted")


def test_revoked_recipient_is_refused_before_writing(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _a, p, bundle, _aid = world
    assessor_fp = next(k for k in TrustService(p).all() if k.name == "สมชาย ใจดี").fingerprint
    scratch = flow.province(tmp_path / "scratch")
    TrustService(scratch).add(Identity(world[0]).info().public_line, actor="t")
    revoked = TrustService(scratch).revoke(assessor_fp, reason="laptop stolen", actor="t")
    out = tmp_path / "never.age"
    with pytest.raises(ConflictError) as info:
        enc.encrypt_file(bundle, out, [revoked])
    assert info.value.code == "encryption.recipient_revoked"
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    with pytest.raises(ValidationError) as none:
        enc.encrypt_file(bundle, out, [])
    assert none.value.code == "encryption.no_recipients"
    scratch.close()


def test_cancel_leaves_nothing(world, sealed: Path, office_line: str, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "c.age"
    with pytest.raises(Cancelled):
        enc.encrypt_file(world[2], out, [office_line], lambda d, t: d < t // 2)
    assert list(tmp_path.iterdir()) == []
    stage = tmp_path / "stage"
    with pytest.raises(Cancelled):
        enc.decrypt_to(sealed, stage, office_key, lambda d, t: d < t // 2)
    assert _staging_empty(stage)


# --- verify_bundle_file: what the import service calls for a file as it arrives ---------------


def test_verify_file_encrypted(world, sealed: Path, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    _a, p, bundle, aid = world
    seen: list[tuple[int, int]] = []
    vb = verify_bundle_file(
        sealed, TrustService(p).all(), own_key=office_key, decrypt_dir=tmp_path / "dec",
        stage_dir=tmp_path / "stage", progress=lambda d, t: seen.append((d, t)) is None,
    )
    assert vb.path == sealed and vb.encrypted and [r.doc.id for r in vb.revisions] == [aid]
    assert vb.file_sha256 == hashlib.sha256(bundle.read_bytes()).hexdigest()  # the inner bundle's
    assert vb.outer_sha256 == hashlib.sha256(sealed.read_bytes()).hexdigest()
    assert vb.outer_size == sealed.stat().st_size and vb.size == bundle.stat().st_size
    assert vb.staged and all(f.parent == tmp_path / "stage" for f in vb.staged.values())
    assert _staging_empty(tmp_path / "dec")
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and all(t == sealed.stat().st_size for _, t in seen)
    assert dones[-1] > sealed.stat().st_size // 2
    vb.discard_staged()


def test_verify_file_plain_and_policies(world, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _a, p, bundle, _aid = world
    trusted = TrustService(p).all()
    vb = verify_bundle_file(bundle, trusted, own_key=office_key, decrypt_dir=tmp_path)
    assert not vb.encrypted and vb.path == bundle
    with pytest.raises(BundleRejected) as info:
        verify_bundle_file(bundle, trusted, own_key=office_key, decrypt_dir=tmp_path, require_encrypted=True)
    assert info.value.reason == "unencrypted"


def test_verify_file_refusals_leave_nothing(world, sealed: Path, office_key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _a, p, _bundle, _aid = world
    trusted = TrustService(p).all()
    dec, stage = tmp_path / "dec", tmp_path / "stage"
    with pytest.raises(BundleRejected) as info:
        verify_bundle_file(sealed, trusted, own_key=None, decrypt_dir=dec)
    assert info.value.reason == "not_for_us"
    cut = tmp_path / "cut.age"
    cut.write_bytes(sealed.read_bytes()[:-40])
    with pytest.raises(BundleRejected) as info:
        verify_bundle_file(cut, trusted, own_key=office_key, decrypt_dir=dec, stage_dir=stage)
    assert info.value.reason == "ciphertext_damaged"
    # decrypts fine, but the office no longer trusts the signer: refused after decryption
    with pytest.raises(BundleRejected) as info:
        verify_bundle_file(sealed, [], own_key=office_key, decrypt_dir=dec, stage_dir=stage)
    assert info.value.reason == "unknown_signer"
    assert _staging_empty(dec) and _staging_empty(stage)


class _FullDisk:
    """A file that fills up after a few writes, as a USB stick or staging disk does."""

    def __init__(self, real) -> None:  # type: ignore[no-untyped-def]
        self.real, self.writes = real, 0

    def write(self, data: bytes) -> int:
        self.writes += 1
        if self.writes > 1:
            raise OSError(28, "No space left on device")
        return self.real.write(data)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.real, name)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.real.close()


def test_a_full_disk_is_a_store_error_not_a_damaged_bundle(
    world, sealed: Path, office_key, office_line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from secity_desktop.core.errors import StoreError

    real_temp = enc._temp_beside
    monkeypatch.setattr(enc, "_temp_beside", lambda t: (lambda f, n: (_FullDisk(f), n))(*real_temp(t)))
    out = tmp_path / "x.age"
    with pytest.raises(StoreError, match="No space left"):
        enc.encrypt_file(world[2], out, [office_line])
    assert not out.exists() and list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    real_fdopen = enc.os.fdopen
    monkeypatch.setattr(enc.os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k)))
    stage = tmp_path / "stage"
    with pytest.raises(StoreError, match="No space left"):
        enc.decrypt_to(sealed, stage, office_key)
    assert _staging_empty(stage)
