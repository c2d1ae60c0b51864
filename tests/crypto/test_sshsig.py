from __future__ import annotations

import base64
from pathlib import Path

import pytest

from secity_desktop.core.errors import SignatureError
from secity_desktop.crypto import keys, sshsig
from secity_desktop.crypto.allowed_signers import allowed_signers_text, principal_for
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from tests.bundle.conftest import run_keygen

MSG = b"bundle bytes \x00\xff " * 1000


def _allowed_file(tmp_path: Path, pub: keys.Ed25519PublicKey, ns: str = BUNDLE_NAMESPACE) -> Path:
    path = tmp_path / "allowed_signers"
    text = allowed_signers_text([(principal_for(pub), keys.public_line(pub, "ผู้ประเมิน"))], ns)
    path.write_text(text, encoding="utf-8")
    return path


def _keygen_verify(
    tmp_path: Path, pub: keys.Ed25519PublicKey, sig: str, msg: bytes, ns: str
) -> int:
    sig_path = tmp_path / "msg.sig"
    sig_path.write_text(sig)
    args = ["-Y", "verify", "-f", str(_allowed_file(tmp_path, pub)), "-I", principal_for(pub)]
    return run_keygen([*args, "-n", ns, "-s", str(sig_path)], stdin=msg, check=False).returncode


def test_round_trip() -> None:
    key = keys.generate()
    sig = sshsig.sign(key, MSG, BUNDLE_NAMESPACE)
    assert sig.startswith("-----BEGIN SSH SIGNATURE-----\n")
    signer = sshsig.verify(sig, MSG, BUNDLE_NAMESPACE, [key.public_key()])
    assert keys.key_id(signer) == keys.key_id(key.public_key())
    mapped = sshsig.verify(sig, MSG, BUNDLE_NAMESPACE, {"a": key.public_key()})
    assert keys.key_id(mapped) == keys.key_id(key.public_key())


def test_stream_matches_bytes(tmp_path: Path) -> None:
    key = keys.generate()
    path = tmp_path / "m"
    path.write_bytes(MSG)
    with open(path, "rb") as fh:
        sig = sshsig.sign_stream(key, fh, BUNDLE_NAMESPACE)
    sshsig.verify(sig, MSG, BUNDLE_NAMESPACE, [key.public_key()])
    with open(path, "rb") as fh:
        sshsig.verify_stream(sig, fh, BUNDLE_NAMESPACE, [key.public_key()])


def test_our_signature_verifies_with_ssh_keygen(tmp_path: Path, keygen_available: None) -> None:
    key = keys.generate()
    sig = sshsig.sign(key, MSG, BUNDLE_NAMESPACE)
    pub = key.public_key()
    assert _keygen_verify(tmp_path, pub, sig, MSG, BUNDLE_NAMESPACE) == 0
    assert _keygen_verify(tmp_path, pub, sig, MSG + b"x", BUNDLE_NAMESPACE) != 0
    assert _keygen_verify(tmp_path, pub, sig, MSG, "git") != 0


def test_ssh_keygen_signature_verifies_with_us(tmp_path: Path, keygen_available: None) -> None:
    key_path = tmp_path / "id"
    run_keygen(["-q", "-t", "ed25519", "-N", "", "-f", str(key_path)])
    pub, _ = keys.parse_public_line((tmp_path / "id.pub").read_text())
    msg_path = tmp_path / "msg"
    msg_path.write_bytes(MSG)
    run_keygen(["-Y", "sign", "-f", str(key_path), "-n", BUNDLE_NAMESPACE, str(msg_path)])
    sig = (tmp_path / "msg.sig").read_text()
    assert keys.key_id(sshsig.verify(sig, MSG, BUNDLE_NAMESPACE, [pub])) == keys.key_id(pub)
    with pytest.raises(SignatureError) as bad:
        sshsig.verify(sig, MSG[:-1], BUNDLE_NAMESPACE, [pub])
    assert bad.value.reason == "bad_signature"
    with pytest.raises(SignatureError) as wrong_ns:
        sshsig.verify(sig, MSG, "file", [pub])
    assert wrong_ns.value.reason == "wrong_namespace"


def test_unknown_key() -> None:
    key = keys.generate()
    sig = sshsig.sign(key, MSG, BUNDLE_NAMESPACE)
    with pytest.raises(SignatureError) as info:
        sshsig.verify(sig, MSG, BUNDLE_NAMESPACE, [keys.generate().public_key()])
    assert info.value.reason == "unknown_key"
    with pytest.raises(SignatureError):
        sshsig.verify(sig, MSG, BUNDLE_NAMESPACE, [])


def _reblob(sig: str, edit: bytes, replacement: bytes) -> str:
    body = "".join(sig.strip().splitlines()[1:-1])
    blob = base64.b64decode(body).replace(edit, replacement, 1)
    return (
        "-----BEGIN SSH SIGNATURE-----\n"
        + base64.b64encode(blob).decode()
        + "\n-----END SSH SIGNATURE-----\n"
    )


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: "",
        lambda s: "hello",
        lambda s: s.replace("BEGIN SSH SIGNATURE", "BEGIN PGP SIGNATURE"),
        lambda s: s.replace("\n-----END SSH SIGNATURE-----", ""),
        lambda s: s.replace(s.splitlines()[1], "!!!!"),
        lambda s: _reblob(s, b"SSHSIG", b"SSHSIH"),
        lambda s: _reblob(s, b"sha512", b"md5xyz"),
        lambda s: s.splitlines()[0] + "\n" + s.splitlines()[1] + "\n" + s.splitlines()[-1],
    ],
)
def test_malformed(mangle: object) -> None:
    key = keys.generate()
    sig = sshsig.sign(key, MSG, BUNDLE_NAMESPACE)
    mangled = mangle(sig)  # type: ignore[operator]
    assert mangled != sig
    with pytest.raises(SignatureError) as info:
        sshsig.verify(mangled, MSG, BUNDLE_NAMESPACE, [key.public_key()])
    assert info.value.reason == "malformed"


def test_trailing_bytes_rejected() -> None:
    key = keys.generate()
    sig = sshsig.sign(key, MSG, BUNDLE_NAMESPACE)
    body = base64.b64decode("".join(sig.strip().splitlines()[1:-1])) + b"\x00"
    armoured = (
        "-----BEGIN SSH SIGNATURE-----\n"
        + base64.b64encode(body).decode()
        + "\n-----END SSH SIGNATURE-----\n"
    )
    with pytest.raises(SignatureError) as info:
        sshsig.verify(armoured, MSG, BUNDLE_NAMESPACE, [key.public_key()])
    assert info.value.reason == "malformed"
