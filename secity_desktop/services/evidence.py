"""Attaching evidence as an operation: copy the file off the GUI thread, then link it.

Operations (``services.operations``):

* :class:`AttachEvidenceOperation` — ``prepare`` refuses early (the assessment may
  not be edited here, the file is missing); ``work`` reads the file's metadata and
  copies it into the content-addressed evidence store (no database); ``finish``
  links it to the indicator in one transaction (``AssessmentService.attach_stored``).

A file copied but never linked (cancelled, or the link refused) is harmless: blobs
are named by their hash and only rows make them part of an assessment.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.evidence_meta import FileMeta, read_meta
from secity_desktop.services.operations import Operation, Progress, byte_progress

if TYPE_CHECKING:
    from secity_desktop.services.assessments import AssessmentService
    from secity_desktop.store.assessments import Evidence


class AttachEvidenceOperation(Operation["Evidence"]):
    """Copy ``path`` into the evidence store and link it to indicator ``code``."""

    title = "attaching evidence"

    def __init__(self, svc: AssessmentService, assessment_id: str, code: str, path: Path) -> None:
        self.svc = svc
        self.assessment_id = assessment_id
        self.code = code
        self.path = Path(path)
        self.meta: FileMeta | None = None
        self.stored: tuple[str, int] | None = None

    def prepare(self) -> None:
        self.svc._editable(self.assessment_id, self.code)  # refuses before any byte is copied
        if not self.path.is_file():
            raise ValidationError(
                f"evidence file not found: {self.path}", code="evidence_file_missing",
                path=str(self.path),
            )

    def work(self, progress: Progress) -> None:
        self.meta = read_meta(self.path)
        self.stored = self.svc.ws.blobs.put_file(self.path, byte_progress(progress, self.path.name))

    def finish(self) -> Evidence:
        assert self.stored is not None and self.meta is not None, "work() has not run"
        sha, size = self.stored
        return self.svc.attach_stored(
            self.assessment_id, self.code, sha, size, self.path.name, self.meta
        )
