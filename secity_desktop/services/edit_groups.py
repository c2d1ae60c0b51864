"""Many level edits committed together: group commit for ``secity assessment set --stdin``.

A disk like the field laptops' allows a couple of hundred durable (fsync'd) commits a
second, so one commit per edit caps a batch there. Here each edit is still its own
edit — the same ``AssessmentService.set_response`` (every validation, its own audit
event) inside its own SAVEPOINT, so a refused edit rolls back only itself — but several
edits share one COMMIT. The caller acknowledges an edit only after :meth:`EditGroups.group`
has returned (the commit that made it durable), so a killed process loses only edits it
never acknowledged. Design and the decision: docs/cli-batch.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace


class EditGroups:
    def __init__(self, ws: Workspace) -> None:
        self.db = ws.db
        self.edits = AssessmentService(ws)

    @contextmanager
    def group(self) -> Iterator[None]:
        """One transaction for a group of edits, committed (durable) when the block ends.

        An exception that is not caught inside the block (a bug, the disk) rolls back the
        whole group — none of its edits was acknowledged yet."""
        with self.db.atomic():
            yield

    def set_response(
        self, assessment_id: str, code: str, level: int | None, note: str | None = None
    ) -> None:
        """One edit in its own savepoint inside the open group: a refusal (a SecityError)
        undoes only this edit and propagates; the group stays open for the next one."""
        with self.db.atomic():
            self.edits.set_response(assessment_id, code, level, note)
