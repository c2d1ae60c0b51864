"""OpenSSH SSHSIG signatures (PROTOCOL.sshsig), Ed25519 only.

SSHSIG is what ``ssh-keygen -Y sign/verify`` speaks, so a provincial office can
check a bundle signature with stock OpenSSH, without trusting this app. The
namespace binds a signature to its purpose: a signature over a bundle can never
be replayed as, say, a git commit signature or vice versa.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from secity_desktop.core.errors import SignatureError
from secity_desktop.crypto import sshwire
from secity_desktop.crypto.constants import ACCEPTED_SIGNATURE_HASHES, SIGNATURE_HASH

CHUNK_SIZE = 1024 * 1024  # streamed hashing: no message is held whole in memory

_MAGIC = b"SSHSIG"
_VERSION = 1
_KEY_TYPE = b"ssh-ed25519"
_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_END = "-----END SSH SIGNATURE-----"
_WRAP = 70  # ssh-keygen's line width; matching it keeps our output byte-identical in style
_MAX_ARMOURED = 16 * 1024

AllowedKeys = Mapping[str, Ed25519PublicKey] | Iterable[Ed25519PublicKey]


def _raw(pub: Ed25519PublicKey) -> bytes:
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _key_blob(pub: Ed25519PublicKey) -> bytes:
    return sshwire.string(_KEY_TYPE) + sshwire.string(_raw(pub))


def _signed_data(namespace: bytes, hash_name: bytes, digest: bytes) -> bytes:
    return (
        _MAGIC
        + sshwire.string(namespace)
        + sshwire.string(b"")
        + sshwire.string(hash_name)
        + sshwire.string(digest)
    )


def _check_namespace(namespace: str) -> bytes:
    if not namespace:
        raise SignatureError("bad_namespace", "a signature namespace must not be empty")
    return namespace.encode("utf-8")


def _sign_digest(key: Ed25519PrivateKey, digest: bytes, namespace: str) -> str:
    ns = _check_namespace(namespace)
    hash_name = SIGNATURE_HASH.encode("ascii")
    signature = key.sign(_signed_data(ns, hash_name, digest))
    blob = (
        _MAGIC
        + sshwire.uint32(_VERSION)
        + sshwire.string(_key_blob(key.public_key()))
        + sshwire.string(ns)
        + sshwire.string(b"")
        + sshwire.string(hash_name)
        + sshwire.string(sshwire.string(_KEY_TYPE) + sshwire.string(signature))
    )
    text = base64.b64encode(blob).decode("ascii")
    lines = [text[i : i + _WRAP] for i in range(0, len(text), _WRAP)]
    return "\n".join([_BEGIN, *lines, _END]) + "\n"


def _hash_stream(fileobj: BinaryIO, hash_name: str) -> bytes:
    hasher = hashlib.new(hash_name)
    while chunk := fileobj.read(CHUNK_SIZE):
        hasher.update(chunk)
    return hasher.digest()


def sign(key: Ed25519PrivateKey, message: bytes, namespace: str) -> str:
    """Armoured SSHSIG signature over ``message``, verifiable by ``ssh-keygen -Y verify``."""
    return _sign_digest(key, hashlib.new(SIGNATURE_HASH, message).digest(), namespace)


def sign_stream(key: Ed25519PrivateKey, fileobj: BinaryIO, namespace: str) -> str:
    """Like :func:`sign` but reads in chunks, so multi-gigabyte bundles need no RAM."""
    return _sign_digest(key, _hash_stream(fileobj, SIGNATURE_HASH), namespace)


@dataclass(frozen=True)
class _Parsed:
    #: the 32 raw bytes of the key the signature claims; an object is made only when asked
    #: (:func:`embedded_key`): verifying compares these bytes with the allowed keys' own
    raw_key: bytes
    namespace: bytes
    hash_name: str
    sig: bytes


def _malformed(detail: str) -> SignatureError:
    return SignatureError("malformed", f"the signature is malformed: {detail}")


def _unarmour(armoured: str) -> bytes:
    if len(armoured) > _MAX_ARMOURED:
        raise _malformed("it is far too long")
    lines = [line.strip() for line in armoured.strip().splitlines()]
    if len(lines) < 3 or lines[0] != _BEGIN or lines[-1] != _END:
        raise _malformed("missing the SSH SIGNATURE header or footer")
    try:
        return base64.b64decode("".join(lines[1:-1]), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _malformed("the body is not valid base64") from exc


def _parse(armoured: str) -> _Parsed:
    blob = _unarmour(armoured)
    try:
        reader = sshwire.Reader(blob)
        if reader.raw(len(_MAGIC)) != _MAGIC:
            raise _malformed("not an SSHSIG signature")
        if reader.uint32() != _VERSION:
            raise _malformed("unsupported SSHSIG version")
        key_blob = reader.string()
        namespace = reader.string()
        reader.string()  # reserved: PROTOCOL.sshsig says verifiers ignore its contents
        hash_name = reader.string()
        sig_blob = reader.string()
        reader.finish()

        key_reader = sshwire.Reader(key_blob)
        if key_reader.string() != _KEY_TYPE:
            raise _malformed("only ssh-ed25519 signatures are accepted")
        raw_key = key_reader.string()
        key_reader.finish()

        sig_reader = sshwire.Reader(sig_blob)
        if sig_reader.string() != _KEY_TYPE:
            raise _malformed("signature algorithm is not ssh-ed25519")
        sig = sig_reader.string()
        sig_reader.finish()
    except sshwire.WireError as exc:
        raise _malformed(str(exc)) from exc
    if len(raw_key) != 32 or len(sig) != 64:
        raise _malformed("wrong Ed25519 key or signature length")
    name = hash_name.decode("ascii", errors="replace")
    if name not in ACCEPTED_SIGNATURE_HASHES:
        raise _malformed("unsupported hash algorithm")
    return _Parsed(raw_key, namespace, name, sig)


class KeyIndex(dict[bytes, Ed25519PublicKey]):
    """Allowed keys by their 32 raw bytes (see :func:`key_index`): found in one step."""


def raw_key(pub: Ed25519PublicKey) -> bytes:
    """The 32 raw bytes of a public key (what a signature's embedded key is compared with)."""
    return _raw(pub)


def key_index(allowed: Iterable[Ed25519PublicKey]) -> KeyIndex:
    """Allowed keys indexed by their raw bytes; the first of equal keys is the one found,
    as when the list itself is walked. For callers checking many signatures against many
    enrolled keys (an import: ``bundle/signers.py``)."""
    index = KeyIndex()
    for pub in allowed:
        index.setdefault(_raw(pub), pub)
    return index


def _find_allowed(wanted: bytes, allowed: AllowedKeys) -> Ed25519PublicKey | None:
    if isinstance(allowed, KeyIndex):
        return allowed.get(wanted)
    keys = allowed.values() if isinstance(allowed, Mapping) else allowed
    for candidate in keys:
        if _raw(candidate) == wanted:
            return candidate
    return None


def _verify_digest(
    parsed: _Parsed, digest: bytes, namespace: str, allowed: AllowedKeys
) -> Ed25519PublicKey:
    if parsed.namespace != _check_namespace(namespace):
        raise SignatureError(
            "wrong_namespace",
            f"the signature was made for another purpose (namespace "
            f"{parsed.namespace[:64].decode('utf-8', errors='replace')!r}, expected {namespace!r})",
        )
    signer = _find_allowed(parsed.raw_key, allowed)
    if signer is None:
        raise SignatureError("unknown_key", "the signing key is not enrolled at this office")
    data = _signed_data(parsed.namespace, parsed.hash_name.encode("ascii"), digest)
    try:
        signer.verify(parsed.sig, data)
    except InvalidSignature as exc:
        raise SignatureError(
            "bad_signature",
            "the signature does not match the data: it was altered or signed over something else",
        ) from exc
    return signer


def verify(armoured: str, message: bytes, namespace: str, allowed: AllowedKeys) -> Ed25519PublicKey:
    """Return the enrolled key that signed ``message``; raise :class:`SignatureError` otherwise.

    Trust comes only from ``allowed``: the key embedded in the signature is merely
    a claim, so an unenrolled key is refused even if its signature is valid.
    """
    parsed = _parse(armoured)
    digest = hashlib.new(parsed.hash_name, message).digest()
    return _verify_digest(parsed, digest, namespace, allowed)


def embedded_key(armoured: str) -> Ed25519PublicKey:
    """The key a signature *claims* to be made with — a claim only, never trust by itself.

    Used where another, trusted signature vouches for this one (a province's
    upward bundle carries its assessors' signed revisions): the claimed key
    is then checked to be the one the signed document names.
    """
    return Ed25519PublicKey.from_public_bytes(_parse(armoured).raw_key)


def verify_stream(
    armoured: str, fileobj: BinaryIO, namespace: str, allowed: AllowedKeys
) -> Ed25519PublicKey:
    """Like :func:`verify` but hashes ``fileobj`` in chunks, for large bundles."""
    parsed = _parse(armoured)
    return _verify_digest(parsed, _hash_stream(fileobj, parsed.hash_name), namespace, allowed)
