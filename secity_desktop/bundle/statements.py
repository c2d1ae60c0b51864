"""Key statements carried in a bundle's manifest, and the keys they vouch for while reading it.

A field bundle made after its assessor rotated is signed by the *new* key, which the
office has not enrolled yet; a return bundle made after the province rotated, likewise at
the assessor. The manifest carries the rotation statement (signed by the old key *and* the
new one), so the reader can accept the new key **provisionally** — only when the old key is
enrolled here and active, and only for this bundle. The enrolment itself moves when the
import is applied (``services.key_statements``, in the import's one transaction).

Reading the manifest's statements before its signature is checked is safe: nothing in them
is believed unless each statement's own signatures verify (crypto/rotation.py), and the
manifest's signature is then checked against the key the statement vouches for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from secity_desktop.bundle.documents import Manifest, parse_manifest
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import SecityError
from secity_desktop.crypto import keys, rotation


def _manifest(body: bytes, parsed: Manifest | SecityError | None) -> Manifest | None:
    """The manifest ``body`` parses to, or None; ``parsed`` is the reader's own parse of it."""
    if parsed is None:
        try:
            return parse_manifest(body)
        except SecityError:
            return None
    return parsed if isinstance(parsed, Manifest) else None


def _rotations(body: bytes, parsed: Manifest | SecityError | None = None) -> list[rotation.KeyStatement]:
    m = _manifest(body, parsed)
    if m is None:
        return []
    out = []
    for text in m.key_statements:
        try:
            st = rotation.verify(text.encode("utf-8"))
        except SecityError:
            continue  # reported (and never applied) when the import is planned
        if st.kind == "rotate" and st.new is not None:
            out.append(st)
    return out


def provisional_keys(body: bytes, trusted: Sequence[TrustedKey],
                     parsed: Manifest | SecityError | None = None) -> list[TrustedKey]:
    """Keys that verified rotation statements in ``body`` hand an active enrolled key on to.

    ``parsed``: what ``body`` parses to (or the refusal it gives), when the caller has it.

    Chains are followed (A→B, B→C when only A is enrolled); a revoked or retired old key
    hands nothing on. The returned keys carry the old enrolment's holder and role.
    """
    known = {k.fingerprint: k for k in trusted}
    pending = _rotations(body, parsed)
    out: list[TrustedKey] = []
    changed = True
    while changed and pending:
        changed = False
        for st in list(pending):
            assert st.new is not None
            old = known.get(st.old.fingerprint)
            if old is None or not old.active or st.new.fingerprint in known:
                continue
            new = replace(
                old, fingerprint=st.new.fingerprint, key_id=st.new.key_id,
                public_line=st.new.public_key,
                enrolled_by=f"rotation statement from {old.fingerprint} (in this bundle)",
                valid_from=st.effective_at, retired_at=None, revoked_at=None,
            )
            known[new.fingerprint] = new
            out.append(new)
            pending.remove(st)
            changed = True
    return out


#: The role of a key that is NOT enrolled here, only known as revoked (from a date) by a
#: statement an office sent (a province's revocation of one of its assessors, received by a
#: region or the nation): it signs nothing here — ``read`` never checks a signature against
#: it — but a revision a province vouches for and that key signed is judged by the date.
REVOKED_HISTORY = "revoked_history"


def history_key(fingerprint: str, public_line: str, revoked_from: str, source: str) -> TrustedKey:
    """A revoked-from-a-date key known only from a statement (see :data:`REVOKED_HISTORY`)."""
    return TrustedKey(
        fingerprint=fingerprint, key_id="", public_line=public_line, name="", organisation="",
        position="", enrolled_at="", enrolled_by=source, revoked_at=revoked_from,
        revoked_by=source, revoke_reason=None, role=REVOKED_HISTORY, revoked_from=True,
    )


def carried_revocations(body: bytes, signer: TrustedKey, trusted: Sequence[TrustedKey],
                        parsed: Manifest | SecityError | None = None) -> list[TrustedKey]:
    """Revocations (``revoke``/``reenrol``) this manifest carries, made by the office that signed
    it or an active office key enrolled here, each as a :func:`history_key`.

    Each statement's own signatures are checked here (crypto/rotation.py); one that does not
    verify is ignored for judging (the import's plan reports it, and never applies it).
    """
    m = _manifest(body, parsed)
    if m is None or not m.key_statements:
        return []
    offices = [signer] + [k for k in trusted if k.active and k.role == "office"]
    office_pubs = []
    for k in offices:
        try:
            office_pubs.append(keys.load_public(k.public_line))
        except SecityError:
            continue
    out = []
    for text in m.key_statements:
        try:
            st = rotation.verify(text.encode("utf-8"), office_pubs)
        except SecityError:
            continue
        if st.kind in ("revoke", "reenrol"):
            out.append(history_key(st.old.fingerprint, st.old.public_key, st.effective_at,
                                   f"statement by {st.made_by.fingerprint} (in this bundle)"))
    return out
