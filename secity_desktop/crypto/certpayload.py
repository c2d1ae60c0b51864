"""Signed certificate payloads: the text inside a certificate's QR code.

Format (documented in docs/certificates.md so others can write a verifier)::

    SECITY-CERT1:<base64url(canonical JSON claims)>.<base64url(Ed25519 signature)>

The signature covers the ASCII bytes of everything before the final ``.``
(prefix included), like a JWS compact token: the prefix binds the signature
to this purpose and version, and no re-encoding is needed to verify. Padding
is stripped from both base64url parts to keep the QR code small.

Signing takes a plain ``Ed25519PrivateKey`` so it works with whatever key
service holds the province key; verifying takes the set of keys the caller
trusts. The signer is named by the OpenSSH fingerprint inside the claims,
which is only a claim until a trusted key with that fingerprint verifies it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from secity_desktop.core.errors import SignatureError
from secity_desktop.core.key_window import STAMP_RE
from secity_desktop.crypto.keys import fingerprint

PREFIX = "SECITY-CERT1:"
PAYLOAD_RE = re.compile(r"SECITY-CERT1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_MAX_PAYLOAD = 2048
_TIER_RE = re.compile(r"^[a-z_]{1,32}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class CertificateClaims:
    """What a certificate asserts. Keys in the JSON are one letter to keep the QR small."""

    certificate_id: str
    municipality_code: str
    municipality_th: str
    year: int
    tier: str
    issued: str  # ISO date (CE), e.g. 2026-11-26; rendered in BE on the page
    signer: str  # OpenSSH fingerprint of the signing key, "SHA256:…"
    # Version 2 (docs/certificates.md, "Key validity window"): when it was signed and the
    # signing key's window as the signing office knew it then; UTC "YYYY-MM-DDTHH:MM:SSZ".
    signed_at: str = ""  # "" only in a version-1 certificate (issued before windows)
    key_valid_from: str = ""
    key_valid_until: str | None = None  # None: the key was still valid when it signed

    @property
    def version(self) -> int:
        return 2 if self.signed_at else 1

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "v": self.version,
            "i": self.certificate_id,
            "m": self.municipality_code,
            "n": self.municipality_th,
            "y": self.year,
            "t": self.tier,
            "d": self.issued,
            "k": self.signer.removeprefix("SHA256:"),
        }
        if self.version == 2:
            data["s"] = self.signed_at
            data["f"] = self.key_valid_from
            if self.key_valid_until is not None:
                data["u"] = self.key_valid_until
        return data

    @classmethod
    def from_json(cls, data: object) -> CertificateClaims:
        if not isinstance(data, dict) or data.get("v") not in (1, 2) or isinstance(data.get("v"), bool):
            raise _malformed("the claims are not a version-1 or version-2 certificate")
        v2 = data["v"] == 2
        try:
            claims = cls(
                certificate_id=_str(data["i"]),
                municipality_code=_str(data["m"]),
                municipality_th=_str(data["n"]),
                year=int(data["y"]),
                tier=_str(data["t"]),
                issued=_str(data["d"]),
                signer="SHA256:" + _str(data["k"]),
                signed_at=_str(data["s"]) if v2 else "",
                key_valid_from=_str(data["f"]) if v2 else "",
                key_valid_until=_str(data["u"]) if v2 and "u" in data else None,
            )
        except (KeyError, TypeError, ValueError):
            raise _malformed("the claims lack a field or have a wrong type") from None
        expected = {"v", "i", "m", "n", "y", "t", "d", "k"}
        if v2:
            expected |= {"s", "f"} | ({"u"} if "u" in data else set())
        if set(data) != expected:
            raise _malformed("the claims carry unexpected fields")
        if not _TIER_RE.match(claims.tier) or not _DATE_RE.match(claims.issued):
            raise _malformed("the tier or issue date is not in the expected form")
        stamps = [claims.signed_at, claims.key_valid_from, claims.key_valid_until or ""] if v2 else []
        if any(s and not STAMP_RE.match(s) for s in stamps) or (v2 and not (claims.signed_at and claims.key_valid_from)):
            raise _malformed("a time is not in the expected form (YYYY-MM-DDTHH:MM:SSZ)")
        return claims


@dataclass(frozen=True)
class Verified:
    claims: CertificateClaims
    signer_label: str  # whoever the caller's trust set says owns the key ("" if unnamed)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _malformed(detail: str) -> SignatureError:
    return SignatureError("malformed", f"not a valid SECity certificate code: {detail}")


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _b64d(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise _malformed("bad base64url") from None


def canonical_bytes(claims: CertificateClaims) -> bytes:
    return json.dumps(
        claims.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def sign(claims: CertificateClaims, key: Ed25519PrivateKey) -> str:
    """The QR text for ``claims``; refuses claims naming another key than the one signing."""
    if claims.signer != fingerprint(key.public_key()):
        raise SignatureError(
            "wrong_key", "the certificate names a different signer than the key used to sign it"
        )
    head = PREFIX + _b64e(canonical_bytes(claims))
    return head + "." + _b64e(key.sign(head.encode("ascii")))


def parse(payload: str) -> tuple[CertificateClaims, bytes, bytes]:
    """Split and decode without checking the signature: (claims, signed bytes, signature)."""
    text = payload.strip()
    if len(text) > _MAX_PAYLOAD:
        raise _malformed("far too long")
    if not text.startswith(PREFIX):
        raise _malformed(f"it does not start with {PREFIX}")
    head, dot, sig_text = text.rpartition(".")
    if not dot or not PAYLOAD_RE.fullmatch(text):
        raise _malformed("expected PREFIX<claims>.<signature> in base64url")
    signature = _b64d(sig_text)
    if len(signature) != 64:
        raise _malformed("the signature has the wrong length")
    try:
        data = json.loads(_b64d(head[len(PREFIX) :]).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _malformed("the claims are not JSON") from None
    return CertificateClaims.from_json(data), head.encode("ascii"), signature


TrustedKeys = Mapping[str, Ed25519PublicKey] | Iterable[Ed25519PublicKey]
"""Either label → key (labels are shown as the signer's name) or just keys."""


def verify(payload: str, trusted: TrustedKeys) -> Verified:
    """Check a payload offline; raises :class:`SignatureError` with a reason code.

    Reasons: ``malformed`` (not our format), ``unknown_key`` (the named signer
    is not trusted here), ``bad_signature`` (altered claims or signature).
    """
    claims, signed, signature = parse(payload)
    items = list(trusted.items()) if isinstance(trusted, Mapping) else [("", k) for k in trusted]
    match = [(label, k) for label, k in items if fingerprint(k) == claims.signer]
    if not match:
        raise SignatureError(
            "unknown_key",
            f"signed by key {claims.signer}, which is not among the trusted keys",
        )
    label, key = match[0]
    try:
        key.verify(signature, signed)
    except InvalidSignature:
        raise SignatureError(
            "bad_signature",
            "the signature does not match: the certificate text was altered or forged",
        ) from None
    return Verified(claims, label)


def find_payloads(data: bytes) -> list[str]:
    """Every distinct payload in raw bytes, in order (a batch PDF carries one per page)."""
    seen: dict[str, None] = {}
    for m in PAYLOAD_RE.finditer(data.decode("latin-1")):
        seen.setdefault(m.group(0), None)
    return list(seen)


_KEY_RE = re.compile(r"ssh-ed25519\s+([A-Za-z0-9+/=]+)(.*)$")


def read_trusted_keys(text: str, source: str = "") -> dict[str, Ed25519PublicKey]:
    """Keys from public-key lines or an OpenSSH ``allowed_signers`` file, labelled for display.

    The label is the key's comment, else the ``#`` line just above it (how
    ``trust_file`` writes names), else the allowed_signers principal, else the
    fingerprint. Lines without an ``ssh-ed25519`` key are ignored.
    """
    from secity_desktop.crypto.keys import parse_public_line

    out: dict[str, Ed25519PublicKey] = {}
    last_comment = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            last_comment = line.lstrip("#").strip()
            continue
        m = _KEY_RE.search(line)
        if not m:
            last_comment = ""
            continue
        key, comment = parse_public_line(f"ssh-ed25519 {m.group(1)}{m.group(2)}")
        principal = line[: m.start()].split()[0].strip('"') if line[: m.start()].strip() else ""
        label = comment or last_comment or principal or fingerprint(key)
        if label in out and fingerprint(out[label]) != fingerprint(key):
            label = f"{label} ({fingerprint(key)})"
        out[label] = key
        last_comment = ""
    if not out and source:
        raise SignatureError("malformed", f"{source} holds no ssh-ed25519 public key")
    return out
