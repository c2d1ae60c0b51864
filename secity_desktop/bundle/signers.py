"""Who signed a bundle or a revision, and whether that key was valid for it.

Split from ``bundle/read.py`` (which keeps the order of the checks): the signature against
the enrolled keys, the key's validity window at arrival (``core/key_validity.py``: rotation
grace, revocation from a date), an unknown sender's claimed identity for enrolment, and a
province-vouched assessor signature judged by the province's revocations.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from secity_desktop.bundle.documents import RevisionDoc, parse_manifest
from secity_desktop.core import key_validity
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected, SignatureError
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys, sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE

_SIG_REASONS = {
    "malformed": "bad_signature",
    "bad_namespace": "bad_signature",
    "wrong_namespace": "wrong_namespace",
    "unknown_key": "unknown_signer",
    "bad_signature": "bad_signature",
}


@functools.lru_cache(maxsize=4096)
def _line_fingerprint(public_line: str) -> str:
    """The fingerprint of a stored public-key line (cached: the same few keys sign every bundle)."""
    return keys.fingerprint(keys.load_public(public_line))


@functools.lru_cache(maxsize=64)
def _allowed(lines: tuple[str, ...]) -> tuple[sshsig.KeyIndex, dict[int, str]]:
    """The enrolled keys as the verifier's index, and the line each indexed key was loaded
    from — made once per list of keys (an import checks every bundle against the same)."""
    pubs = [keys.load_public(line) for line in lines]
    loaded_from: dict[int, str] = {}
    for line, pub in zip(lines, pubs, strict=True):  # the first line of each key object
        loaded_from.setdefault(id(pub), line)
    return sshsig.key_index(pubs), loaded_from


def check_signature(armoured: str, data: bytes, trusted: Sequence[TrustedKey], what: str) -> TrustedKey:
    index, loaded_from = _allowed(tuple(k.public_line for k in trusted))
    try:
        pub = sshsig.verify(armoured, data, BUNDLE_NAMESPACE, index)
    except SignatureError as exc:
        raise BundleRejected(_SIG_REASONS.get(exc.reason, "bad_signature"), f"{what}: {exc}") from None
    # ``pub`` is one of the indexed keys (the verifier returns the allowed key itself), so its
    # fingerprint is that of the line it was loaded from; of the keys enrolled under that
    # fingerprint, the last listed is the one that counts
    line = loaded_from.get(id(pub))
    fingerprint = _line_fingerprint(line) if line is not None else keys.fingerprint(pub)
    by_raw = {k.fingerprint: k for k in trusted}
    return by_raw[fingerprint]


def check_window(key: TrustedKey, what: str, vb_late: set[str], claims: Sequence[str],
                  made: str) -> None:
    """Was the key valid for what this bundle claims, arriving now? (core/key_validity.py)

    For the manifest the claims are its signed times — ``created_at`` (the newest event it
    carries) and the audit head's ``at`` (when it was made, ``made``); for a revision, its
    ``finalized_at``. Only ``made`` must fall after a replacing key took over: a new office
    key may well re-send results approved before its rotation.
    """
    window = key_validity.window_of(key)
    if window.valid_until is None and window.valid_from == key_validity.EPOCH:
        return
    now = now_iso()
    verdict = key_validity.judge(key_validity.KeyWindow(window.valid_from), now, [made])
    if verdict == "ok":
        ending = key_validity.KeyWindow(key_validity.EPOCH, window.valid_until, window.ending)
        verdict = key_validity.judge(ending, now, claims)
    if verdict == "revoked_key":
        raise BundleRejected(
            "revoked_key",
            f"{what}: signed by {key.name}'s key {key.fingerprint}, revoked on {key.revoked_at}",
        )
    if verdict == "key_retired":
        raise BundleRejected(
            "key_retired",
            f"{what}: signed by {key.name}'s key {key.fingerprint}, replaced on {key.retired_at};"
            " it arrived after the grace, or claims to be signed after the key was replaced",
            name=key.name, fingerprint=key.fingerprint, retired_at=key.retired_at,
        )
    if verdict == "not_yet_valid":
        raise BundleRejected(
            "key_not_yet_valid",
            f"{what}: claims to be signed by {key.name}'s key {key.fingerprint} before it replaced"
            f" the old key ({window.valid_from})",
            name=key.name, fingerprint=key.fingerprint, valid_from=window.valid_from,
        )
    if key_validity.late(window, now):
        vb_late.add(key.fingerprint)


def claim_sender(exc: BundleRejected, armoured: str, body: bytes) -> None:
    """Who an unknown signer says they are, so the office can enrol them after comparing.

    Only a claim: the key embedded in the signature, when the manifest really is
    signed by it and names that same key. A person compares the fingerprint with
    the sender before trusting it; nothing here is trusted by itself.
    """
    try:
        pub = sshsig.verify(armoured, body, BUNDLE_NAMESPACE, [sshsig.embedded_key(armoured)])
        m = parse_manifest(body)
    except (SignatureError, BundleRejected):
        return
    fp = keys.fingerprint(pub)
    if m.sender.key_fingerprint != fp:
        return
    exc.params.update(
        sender_fingerprint=fp, sender_public=keys.public_line(pub, ""),
        sender_name=m.sender.name, sender_organisation=m.sender.organisation,
    )


def vouched_signature(
    armoured: str, data: bytes, doc: RevisionDoc, voucher: TrustedKey, what: str
) -> TrustedKey:
    """An assessor's signature inside a province's upward bundle.

    The region does not enrol assessors; it trusts the province that signed the
    manifest. The revision's own signature must still be valid and made by the
    key the revision names, so the assessor's authorship travels intact.
    """
    try:
        claimed = sshsig.embedded_key(armoured)
        pub = sshsig.verify(armoured, data, BUNDLE_NAMESPACE, [claimed])
    except SignatureError as exc:
        raise BundleRejected(_SIG_REASONS.get(exc.reason, "bad_signature"), f"{what}: {exc}") from None
    if keys.fingerprint(pub) != doc.assessor.key_fingerprint:
        raise BundleRejected("sender_mismatch", f"{what} names a different assessor than its signer")
    return TrustedKey(
        fingerprint=keys.fingerprint(pub),
        key_id=keys.key_id(pub),
        public_line=keys.public_line(pub, ""),
        name=doc.assessor.name,
        organisation=doc.assessor.organisation,
        position=doc.assessor.position,
        enrolled_at=voucher.enrolled_at,
        enrolled_by=f"vouched for by {voucher.name} ({voucher.fingerprint})",
        revoked_at=None,
        revoked_by=None,
        revoke_reason=None,
    )


def revoked_by_date(keys_: Sequence[TrustedKey]) -> dict[str, str]:
    """fingerprint → the earliest date it is known revoked from (stored and carried statements)."""
    out: dict[str, str] = {}
    for k in keys_:
        if k.revoked_at is None:
            continue
        held = out.get(k.fingerprint)
        if held is None or key_validity.instant(k.revoked_at) < key_validity.instant(held):
            out[k.fingerprint] = k.revoked_at
    return out


def check_vouched_window(revoked_from: str | None, doc: RevisionDoc, what: str) -> None:
    """A revision a province vouches for, signed by an assessor key revoked from a date.

    The region or nation judges it by the province's rule (core/key_validity.py, ``revoked_from``)
    with one difference it cannot avoid: it never sees when the *province* received the
    revision, so the revision's own signed ``finalized_at`` stands for that arrival (it cannot
    have reached the province earlier) and the province's signature vouches that the province
    accepted it within its grace. So: finalized before the date → accepted; at or after it
    (or an unreadable time) → the whole upward bundle is refused, ``vouched.revoked_key``,
    naming the revision: the province re-exports without it (docs/bundle-format.md).
    """
    if revoked_from is None:
        return
    window = key_validity.KeyWindow(key_validity.EPOCH, revoked_from, "revoked_from")
    if key_validity.judge(window, doc.finalized_at, [doc.finalized_at]) == "ok":
        return
    raise BundleRejected(
        "vouched.revoked_key",
        f"{what}: signed by {doc.assessor.name}'s key {doc.assessor.key_fingerprint} at"
        f" {doc.finalized_at}, after the province revoked it from {revoked_from}",
        revision=doc.id, name=doc.assessor.name, fingerprint=doc.assessor.key_fingerprint,
        signed_at=doc.finalized_at, revoked_from=revoked_from,
    )
