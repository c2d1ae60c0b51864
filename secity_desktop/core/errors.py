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
