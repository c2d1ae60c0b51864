"""The one shape of long work: prepare against the store → work off the GUI thread → finish.

Import, export, return and upward bundles, PDF batches, spreadsheet exports,
evidence copies and backups all follow it (Anki's ``CollectionOp`` idea):

1. ``prepare()`` — on the caller's thread: read what the work needs from the
   store (the only place an operation reads SQLite before it finishes) and
   refuse early with a ``SecityError``;
2. ``work(progress)`` — file and crypto work with **no database access**, so
   the GUI may run it on a worker thread; ``progress(done, total, text)``
   returning False means the person pressed Cancel, and the work raises
   ``Cancelled`` leaving nothing behind;
3. ``finish()`` — back on the caller's thread: record the result in **one**
   store transaction and return what the front end shows.

The operations so far: ``bundle_import.CheckBundlesOperation`` and
``ApplyImportOperation``, ``bundle_export.FieldExportOperation``,
``office_bundles.ReturnBundleOperation`` and ``UpwardBundleOperation``,
``evidence.AttachEvidenceOperation``.

``discard()`` undoes file work when any step fails or is cancelled. The CLI
runs an operation inline with :func:`run_inline`; the GUI hands it to its one
runner (``gui/operations.py``), which shows progress only when work lasts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from secity_desktop import log
from secity_desktop.core.errors import Cancelled

R = TypeVar("R")

Progress = Callable[[int, int, str], bool]
"""(done, total, what is being done now) → False to cancel. Units are the operation's own."""


def no_progress(done: int, total: int, text: str = "") -> bool:
    return True


class Operation(Generic[R]):
    """Base class: subclasses override the steps they need (each defaults to nothing)."""

    #: What the progress dialog and the log call this operation (English; front ends translate).
    title: str = "working"

    def prepare(self) -> None:
        """Caller's thread: store reads and early refusals."""

    def work(self, progress: Progress) -> None:
        """Worker thread: files and crypto only — never the database."""

    def finish(self) -> R:
        """Caller's thread: one transaction; returns the result."""
        raise NotImplementedError

    def discard(self) -> None:
        """Undo file work after a failure or a cancel (must not raise)."""


def check_cancel(progress: Progress, done: int, total: int, text: str = "") -> None:
    """Report progress and raise ``Cancelled`` when the person asked to stop."""
    if progress(done, total, text) is False:
        raise Cancelled("cancelled; nothing was changed", code="cancelled")


def byte_progress(progress: Progress, text: str = "") -> Callable[[int, int], bool]:
    """Adapt an operation's progress to the (done, total) callbacks of the file layers."""
    return lambda done, total: progress(done, total, text)


def from_byte_progress(progress: Callable[[int, int], bool] | None) -> Progress:
    """An operation's progress for callers that pass the file layers' (done, total) kind."""
    if progress is None:
        return no_progress
    return lambda done, total, _text="": progress(done, total)


def run_inline(op: Operation[R], progress: Progress = no_progress) -> R:
    """Prepare, work and finish on this thread (the CLI, tests, scripts); one log line."""
    with log.operation(op.title):
        try:
            op.prepare()
            op.work(progress)
            return op.finish()
        except BaseException:
            op.discard()
            raise
