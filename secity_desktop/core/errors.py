"""Errors a user can act on.

Every refusal the app makes is one of these, so the CLI and the GUI can show a
single clear line instead of a traceback; anything else is a bug.

Each carries a stable ``code`` and the ``params`` its message was built from.
The English message is written where the error is raised (``str(exc)``, what
logs and ``--json`` keep); front ends show the person's language by looking
the code up in the translation catalogue (``secity_desktop.messages``), so a
refusal reads the same in the CLI and the GUI and never leaks English into a
Thai screen.
"""

from __future__ import annotations

from typing import Any, ClassVar


class SecityError(Exception):
    """A refused operation: the message is for the person, in plain words."""

    exit_code = 1
    #: The code used when a raise site gives none: the catalogue's generic text for the class.
    default_code: ClassVar[str] = "error"

    def __init__(self, message: str = "", *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.code: str = code or self.default_code
        self.params: dict[str, Any] = params


class FrameworkError(SecityError):
    """A framework file that cannot be used; the message names file, field path and problem."""

    default_code = "framework_invalid"


class NotFoundError(SecityError):
    """An id or code that the workspace does not know."""

    default_code = "not_found"


class ValidationError(SecityError):
    """Input that breaks a rule (out-of-range level, non-BE year, bad row)."""

    default_code = "invalid_input"


class StoreError(SecityError):
    """The workspace store cannot be opened or written safely."""

    default_code = "store_error"


class ConflictError(SecityError):
    """The operation clashes with what exists (a duplicate assessment, a finalized revision)."""

    default_code = "conflict"


class Cancelled(SecityError):
    """The person cancelled a long operation; nothing was changed."""

    default_code = "cancelled"


# --- signing and bundles: exactly which check failed (a wrong passphrase, an unenrolled key,
# a hostile zip), while front ends can still catch one SecityError. Messages never contain
# key material or passphrases.


class KeyFileError(SecityError):
    """A key file that is missing, corrupt, or not an Ed25519 OpenSSH key."""

    default_code = "key_file_invalid"


class WrongPassphraseError(KeyFileError):
    """The key file is fine but the passphrase does not open it; the user can retry."""

    default_code = "wrong_passphrase"


class SignatureError(SecityError):
    """A signature that must not be trusted; ``reason`` is a stable code for logs and tests."""

    def __init__(self, reason: str, message: str, **params: Any) -> None:
        super().__init__(message, code=f"signature.{reason}", **params)
        self.reason = reason

    def __repr__(self) -> str:
        return f"SignatureError(reason={self.reason!r}, message={str(self)!r})"


class BundleRejected(SecityError):
    """A bundle zip refused before any of its content is trusted.

    ``reason`` is a short stable code (``zip_slip``, ``symlink``, ``zip_bomb`` ...)
    so callers and tests can branch without parsing the human message.
    """

    def __init__(self, reason: str, message: str, **params: Any) -> None:
        super().__init__(message, code=f"bundle.{reason}", **params)
        self.reason = reason

    def __repr__(self) -> str:
        return f"BundleRejected(reason={self.reason!r}, message={str(self)!r})"
