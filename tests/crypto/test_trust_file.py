from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.core.errors import KeyFileError
from secity_desktop.crypto import keys, sshsig
from secity_desktop.crypto.allowed_signers import allowed_signers_text, principal_for
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from tests.bundle.conftest import run_keygen


def test_format_and_thai_comment() -> None:
    pub = keys.generate().public_key()
    text = allowed_signers_text([(principal_for(pub), keys.public_line(pub, "สมชาย\tใจดี"))])
    lines = text.splitlines()
    assert lines[0] == "# สมชาย ใจดี"
    assert lines[1].startswith(f'"assessor-{keys.key_id(pub)}" namespaces="{BUNDLE_NAMESPACE}" ')
    assert len(lines) == 2


@pytest.mark.parametrize("principal", ["สมชาย", "a,b", "*", "a b", 'a"b', "", "-x"])
def test_unsafe_principals_refused(principal: str) -> None:
    pub = keys.generate().public_key()
    with pytest.raises(KeyFileError):
        allowed_signers_text([(principal, keys.public_line(pub, ""))])


def test_multiple_signers_with_ssh_keygen(tmp_path: Path, keygen_available: None) -> None:
    a, b, outsider = keys.generate(), keys.generate(), keys.generate()
    entries = [
        (principal_for(k.public_key()), keys.public_line(k.public_key(), name))
        for k, name in ((a, "นาย ก"), (b, "นาง ข"))
    ]
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(allowed_signers_text(entries), encoding="utf-8")
    msg = b"payload"

    def check(signer: keys.Ed25519PrivateKey, identity: str, ns: str = BUNDLE_NAMESPACE) -> int:
        sig = tmp_path / "s.sig"
        sig.write_text(sshsig.sign(signer, msg, ns))
        args = ["-Y", "verify", "-f", str(allowed), "-I", identity, "-n", ns, "-s", str(sig)]
        return run_keygen(args, stdin=msg, check=False).returncode

    assert check(a, principal_for(a.public_key())) == 0
    assert check(b, principal_for(b.public_key())) == 0
    assert check(a, principal_for(b.public_key())) != 0
    assert check(outsider, principal_for(outsider.public_key())) != 0
    # the namespaces= option must stop a key signing for another purpose
    assert check(a, principal_for(a.public_key()), "other@secity.th") != 0
