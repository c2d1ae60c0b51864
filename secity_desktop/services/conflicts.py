"""Import conflicts: two revisions that claim the same place, flagged for a person to settle.

The importer never guesses (docs/bundle-format.md, merge rules): both
revisions are kept and a row in ``revision_conflicts`` says why. Resolving
means a person at the office chooses which revision stands, with a written
reason; the other stays in the store (its signature and history intact) but
is *set aside*: dashboards, coverage and "latest assessment" picks skip it.
"""

from __future__ import annotations

from dataclasses import dataclass

from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.bundle_import import require_office
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from secity_desktop.store import conflicts as conflict_rows


@dataclass(frozen=True)
class Side:
    assessment_id: str
    revision: int
    status: str
    signer: str | None
    finalized_at: str | None
    signer_name: str | None


@dataclass(frozen=True)
class Conflict:
    id: int
    kind: str  # "fork": both supersede the same revision; "parallel": two first revisions
    municipality_code: str
    municipality_th: str
    year: int
    supersedes: str | None
    new: Side
    existing: Side
    flagged_at: str
    resolved_at: str | None
    resolved_by: str | None
    kept_id: str | None
    resolution: str | None

    def as_json(self) -> dict[str, object]:
        from dataclasses import asdict

        return asdict(self)


def _conflict(r: tuple) -> Conflict:  # type: ignore[type-arg]
    return Conflict(
        r[0], r[1], r[2], r[3], r[4], r[5], Side(*r[6:12]), Side(*r[12:18]), *r[18:23]
    )


class ConflictService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db

    def list(self, *, include_resolved: bool = False) -> list[Conflict]:
        return [_conflict(r) for r in conflict_rows.rows(self.db, include_resolved=include_resolved)]

    def get(self, conflict_id: int) -> Conflict:
        r = conflict_rows.row(self.db, conflict_id)
        if r is None:
            raise NotFoundError(f"no import conflict {conflict_id}; see `secity bundle conflicts`",
                                code="import_conflict.unknown")
        return _conflict(r)

    def resolve(self, conflict_id: int, keep: str, reason: str) -> Conflict:
        require_office(self.ws)
        c = self.get(conflict_id)
        if c.resolved_at is not None:
            raise ConflictError(
                f"conflict {c.id} was already resolved on {c.resolved_at[:10]} by {c.resolved_by}",
                code="import_conflict.already_resolved", date=c.resolved_at[:10], by=c.resolved_by
            )
        sides = {c.new.assessment_id, c.existing.assessment_id}
        if keep not in sides:
            raise ValidationError(
                f"keep one of the two revisions in conflict {c.id}: {', '.join(sorted(sides))}",
                code="import_conflict.keep_one"
            )
        why = (reason or "").strip()
        if not why:
            raise ValidationError("resolving a conflict needs a written reason (--reason TEXT)",
                                  code="import_conflict.reason_required")
        aside = next(s for s in sides if s != keep)
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            conflict_rows.resolve(self.db, c.id, at=now, by=who, kept_id=keep, reason=why)
            audit.append(
                self.db, actor=who, action="conflict.resolve", assessment_id=keep, at=now,
                target=str(c.id), old={"set_aside": aside}, new={"kept": keep}, reason=why,
            )
        return self.get(c.id)
