"""``signers.check_signature`` finds the signer through a key index made once per key list —
and names exactly the key the walk over the list named (impcpu).

The reference below is the walk it replaced: load every enrolled line, let the verifier walk
them, take the first line of the key that verified, and of the keys enrolled under its
fingerprint the last. Signed by each of many keys, by none, by the right key for another
purpose, or over other data, both answer alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from secity_desktop.bundle import signers
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected, SignatureError
from secity_desktop.crypto import keys, sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE


def _walk(armoured: str, data: bytes, trusted: Sequence[TrustedKey], what: str) -> TrustedKey:
    by_raw = {k.fingerprint: k for k in trusted}
    pubs = [keys.load_public(k.public_line) for k in trusted]
    try:
        pub = sshsig.verify(armoured, data, BUNDLE_NAMESPACE, pubs)
    except SignatureError as exc:
        raise BundleRejected(signers._SIG_REASONS.get(exc.reason, "bad_signature"), f"{what}: {exc}") from None
    line = next((k.public_line for k, p in zip(trusted, pubs, strict=True) if p is pub), None)
    return by_raw[signers._line_fingerprint(line) if line is not None else keys.fingerprint(pub)]


def _key(pub: object, name: str, comment: str = "") -> TrustedKey:
    return TrustedKey(
        fingerprint=keys.fingerprint(pub), key_id=keys.key_id(pub),  # type: ignore[arg-type]
        public_line=keys.public_line(pub, comment), name=name, organisation="", position="",  # type: ignore[arg-type]
        enrolled_at="2026-01-01T00:00:00+07:00", enrolled_by="t", revoked_at=None, revoked_by=None,
        revoke_reason=None)


def _outcome(check, armoured: str, data: bytes, trusted: list[TrustedKey]) -> object:  # type: ignore[no-untyped-def]
    try:
        return ("ok", check(armoured, data, trusted, "x"))
    except BundleRejected as exc:
        return ("refused", exc.reason, str(exc))


def test_the_index_names_the_key_the_walk_named() -> None:
    privs = [keys.generate() for _ in range(12)]
    pubs = [p.public_key() for p in privs]
    trusted = [_key(pub, f"k{n}") for n, pub in enumerate(pubs[:10])]
    # the same key twice more: under another comment (another line), and re-enrolled (last wins)
    trusted.append(_key(pubs[3], "k3 again", comment="laptop"))
    trusted.append(_key(pubs[5], "k5 re-enrolled"))
    data = b"signed bytes"
    cases = [(sshsig.sign(p, data, BUNDLE_NAMESPACE), data) for p in privs]  # 10 known, 2 not
    cases.append((sshsig.sign(privs[0], data, "file"), data))  # another purpose
    cases.append((sshsig.sign(privs[1], data, BUNDLE_NAMESPACE), b"other bytes"))
    cases.append(("not a signature", data))
    for lists in (trusted, trusted[::-1], trusted[:1], []):
        for armoured, signed in cases:
            assert (_outcome(signers.check_signature, armoured, signed, lists)
                    == _outcome(_walk, armoured, signed, lists))
    assert signers.check_signature(cases[5][0], data, trusted, "x").name == "k5 re-enrolled"
    assert _outcome(signers.check_signature, cases[11][0], data, trusted)[1] == "unknown_signer"
