from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from secity_desktop.core.errors import KeyFileError, SecityError, WrongPassphraseError
from secity_desktop.crypto import keys
from secity_desktop.crypto.constants import KDF_ROUNDS
from tests.bundle.conftest import run_keygen

PASS = b"correct horse"


@pytest.fixture
def written(tmp_path: Path) -> tuple[Path, keys.Ed25519PrivateKey]:
    key = keys.generate()
    path = tmp_path / "assessor_ed25519"
    keys.write_private(key, path, PASS, "สมชาย ใจดี")
    return path, key


def test_written_key_is_0600_and_readable_by_ssh_keygen(
    written: tuple[Path, keys.Ed25519PrivateKey], keygen_available: None
) -> None:
    path, key = written
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    out = run_keygen(["-y", "-P", PASS.decode(), "-f", str(path)]).stdout.decode()
    assert out.split()[:2] == keys.public_line(key.public_key(), "").split()


def test_fingerprint_matches_ssh_keygen(
    written: tuple[Path, keys.Ed25519PrivateKey], keygen_available: None
) -> None:
    path, key = written
    out = run_keygen(["-lf", str(path) + ".pub"]).stdout.decode()
    assert out.split()[1] == keys.fingerprint(key.public_key())
    assert out.split()[1].startswith("SHA256:")


def test_round_trip_and_comment(written: tuple[Path, keys.Ed25519PrivateKey]) -> None:
    path, key = written
    loaded = keys.read_private(path, PASS)
    assert keys.key_id(loaded.public_key()) == keys.key_id(key.public_key())
    assert keys.read_comment(path) == "สมชาย ใจดี"


def test_wrong_passphrase(written: tuple[Path, keys.Ed25519PrivateKey]) -> None:
    path, _ = written
    with pytest.raises(WrongPassphraseError, match="wrong passphrase for key"):
        keys.read_private(path, b"nope")


def test_empty_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError):
        keys.write_private(keys.generate(), tmp_path / "k", b"", "x")
    assert list(tmp_path.iterdir()) == []


def test_missing_and_corrupt_files(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="does not exist"):
        keys.read_private(tmp_path / "none", PASS)
    bad = tmp_path / "bad"
    bad.write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\ngarbage\n")
    with pytest.raises(KeyFileError) as info:
        keys.read_private(bad, PASS)
    assert not isinstance(info.value, WrongPassphraseError)


def test_ssh_keygen_key_is_readable(tmp_path: Path, keygen_available: None) -> None:
    path = tmp_path / "id"
    run_keygen(["-q", "-t", "ed25519", "-N", "pass", "-C", "field", "-f", str(path)])
    key = keys.read_private(path, b"pass")
    pub, comment = keys.parse_public_line((tmp_path / "id.pub").read_text())
    assert comment == "field"
    assert keys.fingerprint(key.public_key()) == keys.fingerprint(pub)
    with pytest.raises(WrongPassphraseError):
        keys.read_private(path, b"wrong")


def test_non_ed25519_and_unprotected_rejected(tmp_path: Path, keygen_available: None) -> None:
    ecdsa = tmp_path / "ecdsa"
    run_keygen(["-q", "-t", "ecdsa", "-N", "pass", "-f", str(ecdsa)])
    with pytest.raises(KeyFileError, match="not an Ed25519"):
        keys.read_private(ecdsa, b"pass")
    plain = tmp_path / "plain"
    run_keygen(["-q", "-t", "ed25519", "-N", "", "-f", str(plain)])
    with pytest.raises(KeyFileError, match="not protected"):
        keys.read_private(plain, b"pass")
    with pytest.raises(KeyFileError, match="only ssh-ed25519"):
        keys.parse_public_line((tmp_path / "ecdsa.pub").read_text())


def test_change_passphrase(written: tuple[Path, keys.Ed25519PrivateKey]) -> None:
    path, key = written
    keys.change_passphrase(path, PASS, b"new one")
    with pytest.raises(WrongPassphraseError):
        keys.read_private(path, PASS)
    again = keys.read_private(path, b"new one")
    assert keys.key_id(again.public_key()) == keys.key_id(key.public_key())
    assert keys.read_comment(path) == "สมชาย ใจดี"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with pytest.raises(WrongPassphraseError):
        keys.change_passphrase(path, b"bad", b"x")
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ssh-ed25519",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC",
        "ssh-ed25519 not*base64",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==",
        "ssh-ed25519 AAAA\nssh-ed25519 AAAA",
    ],
)
def test_parse_public_line_is_strict(text: str) -> None:
    with pytest.raises(KeyFileError):
        keys.parse_public_line(text)


def test_parse_public_line_rejects_type_mismatch() -> None:
    pub = keys.generate().public_key()
    body = keys.public_line(pub, "").split()[1]
    with pytest.raises(KeyFileError):
        keys.parse_public_line(f"ssh-rsa {body}")


def test_public_line_round_trip_and_key_id() -> None:
    pub = keys.generate().public_key()
    line = keys.public_line(pub, "นาง สมหญิง")
    parsed, comment = keys.parse_public_line(line)
    assert comment == "นาง สมหญิง"
    assert keys.key_id(parsed) == keys.key_id(pub)
    assert len(keys.key_id(pub)) == 16
    with pytest.raises(KeyFileError):
        keys.public_line(pub, "two\nlines")


def test_no_key_material_in_errors(written: tuple[Path, keys.Ed25519PrivateKey]) -> None:
    path, _ = written
    try:
        keys.read_private(path, b"secret-guess")
    except SecityError as exc:
        assert "secret-guess" not in str(exc) and "secret-guess" not in repr(exc)
        assert "BEGIN" not in str(exc)


# --- bcrypt-pbkdf rounds (tests/conftest.py lowers them for speed; these use the real value)


@pytest.fixture
def real_rounds(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(keys, "KDF_ROUNDS", KDF_ROUNDS)
    return KDF_ROUNDS


def test_new_keys_use_the_chosen_rounds_and_ssh_keygen_reads_them(
    tmp_path: Path, real_rounds: int, keygen_available: None
) -> None:
    assert 16 < real_rounds <= 64
    key = keys.generate()
    path = tmp_path / "k"
    keys.write_private(key, path, PASS, "x")
    assert keys.kdf_rounds(path) == real_rounds
    out = run_keygen(["-y", "-P", PASS.decode(), "-f", str(path)]).stdout.decode()
    assert out.split()[:2] == keys.public_line(key.public_key(), "").split()
    bad = run_keygen(["-y", "-P", "wrong", "-f", str(path)], check=False)
    assert bad.returncode != 0


def test_old_16_round_keys_open_and_a_passphrase_change_strengthens_them(
    tmp_path: Path, real_rounds: int, keygen_available: None
) -> None:
    path = tmp_path / "old"
    run_keygen(["-q", "-t", "ed25519", "-a", "16", "-N", "pass", "-C", "field", "-f", str(path)])
    assert keys.kdf_rounds(path) == 16
    key = keys.read_private(path, b"pass")
    keys.change_passphrase(path, b"pass", b"new pass")
    assert keys.kdf_rounds(path) == real_rounds
    assert keys.fingerprint(keys.read_private(path, b"new pass").public_key()) == keys.fingerprint(
        key.public_key()
    )
    assert keys.read_comment(path) == "field"


def test_kdf_rounds_of_odd_files(tmp_path: Path, keygen_available: None) -> None:
    plain = tmp_path / "plain"
    run_keygen(["-q", "-t", "ed25519", "-N", "", "-f", str(plain)])
    assert keys.kdf_rounds(plain) == 0
    for junk in (b"", b"hello", b"-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"):
        bad = tmp_path / "bad"
        bad.write_bytes(junk)
        with pytest.raises(KeyFileError):
            keys.kdf_rounds(bad)
    (tmp_path / "w").write_bytes(b"")
    keys.write_private(keys.generate(), tmp_path / "w", PASS, "", rounds=5)
    assert keys.kdf_rounds(tmp_path / "w") == 5
