"""What a verified bundle's reviews do to the receiving workspace (inside the import's transaction).

* ``return`` (at the assessor's): the province's rows are stored under the
  assessor's own finalized revision, which becomes *returned*, and a new draft
  revision is opened from it so the assessor can fix what the comments say.
  If the assessor already started a newer revision, that one is kept.
* ``upward`` (at a region or the nation): the rows are stored beside the
  assessor's revision, the assessment takes the province's status
  (*approved*), and the province's model-town choices are recorded — a newer
  choice for the same province and year replaces an older one.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from secity_desktop.bundle.plan import Action, ReviewItem
from secity_desktop.bundle.read import VerifiedBundle
from secity_desktop.core.lifecycle import TRANSITIONS, Move
from secity_desktop.services.review.transport import merge_review_doc
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.status import change_status
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from secity_desktop.store import review as rrepo


def apply_reviews(
    ws: Workspace, vb: VerifiedBundle, items: Sequence[ReviewItem], now: str, who: str
) -> None:
    for item in items:
        if item.action is Action.SKIP:
            continue
        doc = item.doc
        a = repo.get(ws.db, doc.assessment_id)
        merge_review_doc(ws, doc)
        move = Move.RECEIVE_RETURN if vb.kind == "return" else Move.RECEIVE_APPROVAL
        change_status(
            ws, a, move, at=now, by=who, event=f"review.receive_{doc.status}",
            target=vb.file_sha256,
            new={"status": TRANSITIONS[move].target.value, "from": vb.signer.fingerprint,
                 "comments": len(doc.comments), "decisions": len(doc.decisions)},
        )
        if vb.kind == "return":
            _reopen(ws, a.id)
    if vb.kind == "upward":
        _model_towns(ws, vb, now, who)


def _reopen(ws: Workspace, assessment_id: str) -> None:
    if repo.successor(ws.db, assessment_id) is None:
        RevisionService(ws).revise(assessment_id)


def _model_towns(ws: Workspace, vb: VerifiedBundle, now: str, who: str) -> None:
    for t in vb.manifest.model_towns:
        held = rrepo.model_town(ws.db, t.province_code, t.year)
        if held is not None and (held.id == t.id or held.chosen_at >= t.chosen_at):
            continue
        present = t.assessment_id and repo.exists(ws.db, t.assessment_id)
        rrepo.put_model_town(
            ws.db,
            rrepo.ModelTown(
                t.id or str(uuid.uuid4()), t.province_code, t.year, t.municipality_code,
                t.assessment_id if present else None, t.reason, t.chosen_by, t.chosen_at,
            ),
        )
        audit.append(
            ws.db, actor=who, action="modeltown.receive", at=now, target=t.province_code,
            old=held.municipality_code if held else None,
            new={"year": t.year, "municipality": t.municipality_code, "from": vb.signer.fingerprint},
            reason=t.reason[:500],
        )
