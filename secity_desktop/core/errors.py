"""Errors a user can act on.

Every refusal the app makes is one of these, so the CLI and the GUI can show a
single clear line instead of a traceback; anything else is a bug.
"""

from __future__ import annotations


class SecityError(Exception):
    """A refused operation: the message is for the person, in plain words."""

    exit_code = 1


class FrameworkError(SecityError):
    """A framework file that cannot be used; the message names file, field path and problem."""


class NotFoundError(SecityError):
    """An id or code that the workspace does not know."""


class ValidationError(SecityError):
    """Input that breaks a rule (out-of-range level, non-BE year, bad row)."""


class StoreError(SecityError):
    """The workspace store cannot be opened or written safely."""


class ConflictError(SecityError):
    """The operation clashes with what exists (a duplicate assessment, a finalized revision)."""


class Cancelled(SecityError):
    """The person cancelled a long operation; nothing was changed."""


# --- signing and bundles: exactly which check failed (a wrong passphrase, an unenrolled key,
# a hostile zip), while front ends can still catch one SecityError. Messages never contain
# key material or passphrases.


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
