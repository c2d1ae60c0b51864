"""Checking bundles without importing them: which keys to trust, and the verdict per file.

``secity bundle verify`` trusts the workspace's registry plus its own key (an
assessor checks the bundles they wrote), or — with ``--allowed-signers`` — an
OpenSSH allowed_signers file instead; both are assembled here, not in the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from secity_desktop.bundle.encryption import OwnKeys
from secity_desktop.bundle.incoming import verify_bundle_file
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected, ValidationError
from secity_desktop.crypto import allowed_signers, keys
from secity_desktop.services.identity import Identity
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace


def read_allowed_signers(path: Path) -> list[TrustedKey]:
    """The ssh-ed25519 keys of an OpenSSH allowed_signers file, named by their principal."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            f"cannot read {path}: {exc}", code="allowed_signers_unreadable", path=str(path)
        ) from None
    out = []
    comment = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            comment = line
            continue
        at = line.find("ssh-ed25519 ")
        if at < 0:
            continue
        pub, _ = keys.parse_public_line(line[at:])
        principal = line.split()[0].strip('"')
        # a window written by `trust export` (valid-after/valid-before): judged as at import
        w = allowed_signers.window_of_line(line[:at], comment)
        comment = ""
        revoked = w is not None and w.ending == "revoked"
        out.append(TrustedKey(keys.fingerprint(pub), keys.key_id(pub), keys.public_line(pub, ""),
                              principal, "", "", "", "", w.valid_until if revoked else None,
                              None, None, valid_from=w.valid_from if w else None,
                              retired_at=None if w is None or revoked else w.valid_until,
                              revoked_from=revoked))
    return out


def own_key(ws: Workspace) -> TrustedKey | None:
    """This workspace's signing key as a trusted key (None when it has none)."""
    ident = Identity(ws)
    if not ident.has_key():
        return None
    info, prof = ident.info(), ident.profile()
    return TrustedKey(info.fingerprint, info.key_id, info.public_line, prof.name,
                      prof.organisation, "", "", "", None, None, None)


def trusted_for_verify(ws: Workspace) -> list[TrustedKey]:
    """The registry, plus the workspace's own key (an assessor can check what they wrote)."""
    trusted = TrustService(ws).all()
    own = own_key(ws)
    if own is not None and all(k.fingerprint != own.fingerprint for k in trusted):
        trusted.append(own)
    return trusted


@dataclass(frozen=True)
class BundleVerdict:
    file: Path
    ok: bool
    sha256: str = ""
    kind: str = ""
    sender: str = ""
    fingerprint: str = ""
    revisions: int = 0
    reviews: int = 0
    evidence: int = 0
    reason: str = ""
    message: str = ""

    def as_json(self) -> dict[str, object]:
        if not self.ok:
            return {"file": str(self.file), "ok": False, "reason": self.reason,
                    "message": self.message}
        return {"file": str(self.file), "ok": True, "sha256": self.sha256, "kind": self.kind,
                "sender": self.sender, "fingerprint": self.fingerprint,
                "revisions": self.revisions, "reviews": self.reviews, "evidence": self.evidence}


def verify_files(files: Sequence[Path], trusted: Sequence[TrustedKey],
                 own_key: OwnKeys | None = None) -> list[BundleVerdict]:
    """Check files without importing them; an encrypted one is opened with ``own_key`` into a
    temporary folder that is removed afterwards (refused ``not_for_us`` without a key)."""
    import tempfile

    out = []
    tmp = Path(tempfile.mkdtemp(prefix="secity-verify-"))
    try:
        for f in files:
            out.append(_verify_one(f, trusted, own_key, tmp))
    finally:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return out


def _verify_one(f: Path, trusted: Sequence[TrustedKey], own_key: OwnKeys | None,
                tmp: Path) -> BundleVerdict:
    try:
        vb = verify_bundle_file(f, list(trusted), own_key=own_key, decrypt_dir=tmp)
    except BundleRejected as exc:
        return BundleVerdict(f, False, reason=exc.reason, message=str(exc))
    return BundleVerdict(f, True, vb.file_sha256, vb.kind, vb.signer.name,
                         vb.signer.fingerprint, len(vb.revisions), len(vb.reviews),
                         len(vb.evidence))
