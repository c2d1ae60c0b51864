"""Refusals raised by the signing and bundle code.

They live beside the sync code rather than in core so that a provincial office
sees exactly which check failed (a wrong passphrase, an unenrolled key, a
hostile zip) while the CLI and GUI can still catch a single SecityError.
Messages never contain key material or passphrases.
"""

from __future__ import annotations

from secity_desktop.core.errors import SecityError


class KeyFileError(SecityError):
    """A key file that is missing, corrupt, or not an Ed25519 OpenSSH key."""


class WrongPassphraseError(KeyFileError):
    """The key file is fine but the passphrase does not open it; the user can retry."""


class SignatureError(SecityError):
    """A signature that must not be trusted; ``reason`` is a stable code for logs and tests."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __repr__(self) -> str:
        return f"SignatureError(reason={self.reason!r}, message={str(self)!r})"


class BundleRejected(SecityError):
    """A bundle zip refused before any of its content is trusted.

    ``reason`` is a short stable code (``zip_slip``, ``symlink``, ``zip_bomb`` ...)
    so callers and tests can branch without parsing the human message.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __repr__(self) -> str:
        return f"BundleRejected(reason={self.reason!r}, message={str(self)!r})"
