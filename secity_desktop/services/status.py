"""The one place a service changes an assessment's status.

Which moves exist, from which statuses and by which roles is data in
``core.lifecycle``; this function checks a move against that table, writes the
row through the store and appends the audit event — inside the caller's
transaction, so the change, its audit event and whatever else the caller
writes (a review decision, an import record) commit together or not at all.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.core.lifecycle import Move, Status, require
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit


def change_status(
    ws: Workspace,
    a: repo.Assessment,
    move: Move,
    *,
    at: str,
    by: str,
    event: str = "status.change",
    new: Any = None,
    reason: str | None = None,
    target: str | None = None,
    stamp_unchanged: bool = False,
) -> Status:
    """Make ``move`` on ``a`` and record it; returns the new status.

    ``event`` names the audit action (``status.change`` unless the move is part
    of a larger act such as ``assessment.finalize`` or ``review.approve``);
    ``new`` is the audit event's "new" value (the new status when not given).
    A move that leaves the status as it was (a repeated import) writes no row —
    unless ``stamp_unchanged``, which still moves the row's "last changed" stamp
    (score caches key on it) — but is always audited, so the log shows what
    arrived. Call it inside ``with ws.db.atomic():``.
    """
    status = require(move, a.status, ws.role)
    if status != a.status or stamp_unchanged:
        repo.set_status(ws.db, a.id, status.value, at, by)
    audit.append(
        ws.db,
        actor=by,
        action=event,
        assessment_id=a.id,
        target=target,
        at=at,
        old=a.status,
        new=status.value if new is None else new,
        reason=reason,
    )
    return status
