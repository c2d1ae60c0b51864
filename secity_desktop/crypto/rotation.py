"""Signed key statements: rotate a key, re-enrol after a loss, revoke from a date.

A statement is canonical JSON (like every signed document of SECity) wrapped in
a small envelope with its SSHSIG signatures, made in their own namespace
(``keys@secity.th``) so a statement signature can never pass for a bundle or
certificate signature. Who must sign depends on the kind (docs/key-rotation.md):

* ``rotate``  — the old key (the holder wants the change) **and** the new key
  (possession: nobody can rotate to a key they do not hold);
* ``reenrol`` — the office that checked the holder out of band (the old key is
  lost, so it cannot sign); the new key too when the holder's app made it;
* ``revoke``  — the office.

This module only makes and checks statements; applying one to the trust store
(validity windows, carrying it in bundles) is the services' job.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic import ValidationError as PydanticError

from secity_desktop.core.errors import KeyFileError, SignatureError, ValidationError
from secity_desktop.core.framework import canonical_json
from secity_desktop.crypto import keys, sshsig
from secity_desktop.crypto.constants import KEYS_NAMESPACE

FORMAT = "secity-key-statement"
MAX_ENVELOPE = 64 * 1024

Kind = Literal["rotate", "reenrol", "revoke"]
Role = Literal["old", "new", "office"]

Text = Annotated[str, StringConstraints(max_length=2000)]
Stamp = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})$")]
Fingerprint = Annotated[str, StringConstraints(pattern=r"^SHA256:[A-Za-z0-9+/]{43}$")]
KeyId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
PublicLine = Annotated[str, StringConstraints(pattern=r"^ssh-ed25519 [A-Za-z0-9+/=]{40,100}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class KeyRef(_Strict):
    fingerprint: Fingerprint
    key_id: KeyId
    public_key: PublicLine

    @classmethod
    def of(cls, pub: Ed25519PublicKey) -> KeyRef:
        return cls(fingerprint=keys.fingerprint(pub), key_id=keys.key_id(pub),
                   public_key=keys.public_line(pub, ""))

    def key(self) -> Ed25519PublicKey:
        """The public key, after checking the fingerprint and key id are really its own."""
        try:
            pub = keys.load_public(self.public_key)
        except KeyFileError:
            raise _invalid("key_mismatch", "a key in the statement is not a valid ssh-ed25519 key") from None
        if (keys.fingerprint(pub), keys.key_id(pub)) != (self.fingerprint, self.key_id):
            raise _invalid("key_mismatch", f"{self.fingerprint} is not the fingerprint of the key given with it")
        return pub


class Holder(_Strict):
    name: Text
    organisation: Text = ""
    position: Text = ""
    province: Text = ""


class KeyStatement(_Strict):
    format: Literal["secity-key-statement"]
    format_version: Literal[1]
    kind: Kind
    holder: Holder
    old: KeyRef
    new: KeyRef | None
    effective_at: Stamp
    reason: Text
    made_at: Stamp
    made_by: KeyRef

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json")).encode("utf-8")


def _invalid(code: str, message: str, **params: object) -> ValidationError:
    return ValidationError(message, code=f"key_statement.{code}", **params)


def statement(
    kind: Kind,
    *,
    holder: Holder,
    old: Ed25519PublicKey,
    new: Ed25519PublicKey | None,
    made_by: Ed25519PublicKey,
    effective_at: str,
    made_at: str,
    reason: str,
) -> KeyStatement:
    """A statement, checked for the rules of its kind before anyone signs it."""
    st = KeyStatement(
        format=FORMAT, format_version=1, kind=kind, holder=holder, old=KeyRef.of(old),
        new=KeyRef.of(new) if new is not None else None, effective_at=effective_at,
        reason=reason, made_at=made_at, made_by=KeyRef.of(made_by),
    )
    _check_rules(st)
    return st


def required_roles(kind: Kind) -> tuple[Role, ...]:
    return {"rotate": ("old", "new"), "reenrol": ("office",), "revoke": ("office",)}[kind]


def _check_rules(st: KeyStatement) -> None:
    if st.kind == "revoke":
        if st.new is not None:
            raise _invalid("malformed", "a revocation names no new key")
    elif st.new is None:
        raise _invalid("malformed", f"a {st.kind} statement must name the new key")
    elif st.new.fingerprint == st.old.fingerprint:
        raise _invalid("same_key", "the new key is the old key")
    if st.kind == "rotate":
        if st.made_by != st.old:
            raise _invalid("malformed", "a rotation is made by the old key")
        if st.effective_at < st.made_at:
            raise _invalid(
                "bad_times", "a rotation cannot take effect before it was made (that would retire "
                "signatures already given); use a revocation from a date instead",
            )
    elif st.made_by.fingerprint in {st.old.fingerprint, st.new.fingerprint if st.new else ""}:
        raise _invalid("malformed", f"a {st.kind} statement is made by the office, not the holder's key")


def sign(st: KeyStatement, signers: Mapping[Role, Ed25519PrivateKey]) -> bytes:
    """The envelope: ``{"signatures": {role: SSHSIG}, "statement": "<canonical JSON text>"}``."""
    _check_rules(st)
    raw = st.canonical()
    expected: dict[Role, KeyRef | None] = {"old": st.old, "new": st.new, "office": st.made_by}
    sigs: dict[str, str] = {}
    for role, key in signers.items():
        ref = expected[role]
        if ref is None or KeyRef.of(key.public_key()) != ref:
            raise _invalid("key_mismatch", f"the key given to sign as {role} is not the statement's {role} key")
        sigs[role] = sshsig.sign(key, raw, KEYS_NAMESPACE)
    missing = [r for r in required_roles(st.kind) if r not in sigs]
    if missing:
        raise _invalid("missing_signature", f"a {st.kind} statement needs the {missing[0]} key's signature",
                       role=missing[0])
    return canonical_json({"signatures": sigs, "statement": raw.decode("utf-8")}).encode("utf-8")


def verify(envelope: bytes, office_keys: Sequence[Ed25519PublicKey] = ()) -> KeyStatement:
    """Check an envelope completely; returns the statement or raises with a stable code.

    ``office_keys``: the office keys this verifier trusts to make ``reenrol`` and
    ``revoke`` statements. Whether the *old* key of a rotation is enrolled here
    is the caller's check (the statement proves the old key's holder asked).
    """
    if len(envelope) > MAX_ENVELOPE:
        raise _invalid("malformed", "the key statement is far too large")
    try:
        outer = json.loads(envelope.decode("utf-8"))
        raw = outer["statement"].encode("utf-8")
        sigs = outer["signatures"]
        if set(outer) != {"signatures", "statement"} or not isinstance(sigs, dict):
            raise ValueError("envelope fields")
        st = KeyStatement.model_validate(json.loads(raw))
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeError, PydanticError):
        raise _invalid("malformed", "this is not a readable key statement") from None
    if st.canonical() != raw:
        raise _invalid("malformed", "the key statement is not in canonical form")
    _check_rules(st)
    old, new, made_by = st.old.key(), st.new.key() if st.new else None, st.made_by.key()
    if st.kind != "rotate" and not any(keys.fingerprint(k) == st.made_by.fingerprint for k in office_keys):
        raise SignatureError("unknown_key", f"{st.made_by.fingerprint} is not an office key trusted here")
    if set(sigs) - {"old", "new", "office"} or (new is None and "new" in sigs):
        raise _invalid("malformed", "the key statement carries a signature it cannot have")
    want: dict[str, Ed25519PublicKey | None] = {"old": old, "new": new, "office": made_by}
    for role in sorted(set(required_roles(st.kind)) | (set(sigs) & {"new"})):
        armoured = sigs.get(role)
        key = want[role]
        if not isinstance(armoured, str) or key is None:
            raise _invalid("missing_signature", f"the {role} key's signature is missing", role=role)
        sshsig.verify(armoured, raw, KEYS_NAMESPACE, [key])
    return st
