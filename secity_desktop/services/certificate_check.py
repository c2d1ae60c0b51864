"""Is a certificate genuine, and who signed it? One check for ``secity certificate verify`` and the GUI.

Offline (docs/certificates.md): the payload carries the claims and an Ed25519
signature; the signer must be one of the keys trusted here — public-key or
``allowed_signers`` files given by the person, and the workspace's own key
(enrolled keys only on request). The verdict is typed, so each front end
words it in its own language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from secity_desktop.core.errors import SignatureError, ValidationError
from secity_desktop.crypto import certpayload
from secity_desktop.services.certificates import payloads_in_pdf, tier_label, workspace_trusted_keys
from secity_desktop.services.workspace import Workspace

TrustedKeys = dict[str, Ed25519PublicKey]


@dataclass(frozen=True)
class CertificateVerdict:
    genuine: bool
    reason: str = ""  # why not (a stable code: malformed, unknown_key, bad_signature)
    message: str = ""  # why not, in English (the CLI's text)
    certificate_id: str = ""
    municipality_code: str = ""
    municipality_th: str = ""
    year: int = 0
    tier: str = ""
    tier_th: str = ""
    issued: dt.date | None = None
    signer: str = ""  # fingerprint
    signer_label: str = ""  # the trusted key's name, when it has one

    def as_json(self) -> dict[str, object]:
        if not self.genuine:
            return {"genuine": False, "reason": self.reason, "message": self.message}
        return {
            "genuine": True,
            "certificate_id": self.certificate_id,
            "municipality_code": self.municipality_code,
            "municipality_th": self.municipality_th,
            "year": self.year,
            "tier": self.tier,
            "tier_th": self.tier_th,
            "issued": self.issued.isoformat() if self.issued else "",
            "signer": self.signer,
            "signer_label": self.signer_label,
        }


def trusted_keys(
    ws: Workspace | None, files: Sequence[Path] = (), *, include_enrolled: bool = False
) -> TrustedKeys:
    """Keys from public-key / allowed_signers files, then the workspace's (own; enrolled if asked)."""
    trusted: TrustedKeys = {}
    for path in files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(
                f"cannot read trusted keys {path}: {exc}", code="trusted_keys_unreadable",
                path=str(path),
            ) from None
        trusted.update(certpayload.read_trusted_keys(text, str(path)))
    if ws is not None:
        trusted.update(workspace_trusted_keys(ws, include_enrolled=include_enrolled))
    return trusted


def payloads_from_pdf(path: Path) -> list[str]:
    return payloads_in_pdf(path)


def verify(payloads: Sequence[str], trusted: TrustedKeys, ws: Workspace | None) -> list[CertificateVerdict]:
    out: list[CertificateVerdict] = []
    for payload in payloads:
        try:
            v = certpayload.verify(payload, trusted)
        except SignatureError as exc:
            out.append(CertificateVerdict(False, exc.reason, str(exc)))
            continue
        c = v.claims
        out.append(CertificateVerdict(
            True, certificate_id=c.certificate_id, municipality_code=c.municipality_code,
            municipality_th=c.municipality_th, year=c.year, tier=c.tier,
            tier_th=tier_label(ws, c.tier), issued=dt.date.fromisoformat(c.issued),
            signer=c.signer, signer_label=v.signer_label or "",
        ))
    return out
