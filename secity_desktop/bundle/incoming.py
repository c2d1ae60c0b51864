"""A bundle file as it arrives: age-encrypted (the default) or plain, verified the same way.

This is the one call the import service makes per file; it keeps the
decrypt-then-verify order and the clean-up in one place (docs/bundle-format.md,
*Encryption to the receiving office*).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from secity_desktop import digests
from secity_desktop.bundle.encryption import (
    OwnKeys,
    header_stanzas,
    key_list,
    open_decrypted,
    sniff,
    stanza_tag,
)
from secity_desktop.bundle.read import Stager, VerifiedBundle, verify_bundle
from secity_desktop.bundle.safezip import ZipLimits
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected
from secity_desktop.core.framework import Framework
from secity_desktop.crypto import keys


def verify_bundle_file(
    path: Path,
    trusted: Sequence[TrustedKey],
    *,
    own_key: OwnKeys | None,
    decrypt_dir: Path,
    require_encrypted: bool = False,
    limits: ZipLimits | None = None,
    stage_dir: Path | None = None,
    have_blob: Callable[[str], bool] = lambda _s: False,
    progress: Callable[[int, int], bool] | None = None,
    framework_cache: dict[str, Framework] | None = None,
    stager: Stager | None = None,
) -> VerifiedBundle:
    """:func:`verify_bundle` for a file as it arrives: age-encrypted (the default) or plain.

    An encrypted file is decrypted with ``own_key`` (the workspace's key, or its current key
    followed by the retired ones a rotation kept) into a temp file
    in ``decrypt_dir`` (bundle/encryption.py), verified there, and the temp file deleted
    whatever happens; the result names the original ``path``. With ``require_encrypted``
    a plain bundle is refused (``unencrypted``). Progress runs once over the file: the
    first half is decrypting, the second verifying.
    """
    path = Path(path)
    kind = sniff(path)
    if kind != "age":
        if require_encrypted and kind == "zip":
            raise BundleRejected(
                "unencrypted", f"{path.name} is not encrypted, and this office accepts only encrypted bundles"
            )
        return verify_bundle(path, trusted, limits=limits, stage_dir=stage_dir, have_blob=have_blob,
                             progress=progress, framework_cache=framework_cache, stager=stager)
    if own_key is None:
        raise BundleRejected("not_for_us", f"{path.name} is encrypted, and this workspace has no key to open it")
    _refuse_revoked_recipient(path, own_key, trusted)
    outer = path.stat().st_size

    def first_half(done: int, total: int) -> bool:
        return progress is None or progress(done // 2, outer) is not False

    def second_half(done: int, total: int) -> bool:
        share = outer - outer // 2
        return progress is None or progress(outer // 2 + (done * share) // max(total, 1), outer) is not False

    hasher = digests.sha256()
    with open_decrypted(path, decrypt_dir, own_key, first_half, hasher) as plain:
        vb = verify_bundle(plain, trusted, limits=limits, stage_dir=stage_dir, have_blob=have_blob,
                           progress=second_half, framework_cache=framework_cache, stager=stager)
    vb.path, vb.encrypted, vb.outer_sha256, vb.outer_size = path, True, hasher.hexdigest(), outer
    return vb


def _refuse_revoked_recipient(path: Path, own_key: OwnKeys, trusted: Sequence[TrustedKey]) -> None:
    """Not addressed to us but to a key this workspace knows as revoked: say that, by name.

    (Addressed to us and to a revoked key as well is fine: we can read it and the sender's
    signature decides.) A bundle encrypted to a revoked key was made with a key list that
    is out of date — or by someone holding the revoked key's public half on purpose.
    """
    tags = {s[1] for s in header_stanzas(path) if len(s) > 1 and s[0] == "ssh-ed25519"}
    if any(stanza_tag(keys.public_line(k.public_key(), "")) in tags for k in key_list(own_key)):
        return
    for k in trusted:
        if k.revoked and k.public_line and stanza_tag(k.public_line) in tags:
            raise BundleRejected(
                "sealed.to_revoked",
                f"{path.name} is encrypted to the key of {k.label} ({k.fingerprint}), revoked on "
                f"{k.revoked_at}, and not to this workspace's key; ask the sender to export again",
                name=k.label, fingerprint=k.fingerprint, revoked_at=k.revoked_at,
            )
