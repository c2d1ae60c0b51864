"""Review rows as they travel: a province's judgement packed into a ``ReviewDoc`` and unpacked.

The same rows (decisions, comments, overrides — each with its own UUID) are
stored at every level, so unpacking is a merge by id: importing the same
review twice changes nothing, and a later review of the same revision adds
only what is new. The doc names the SHA-256 of the revision it judged; the
receiving side refuses a review whose revision it holds with other content.
"""

from __future__ import annotations

from secity_desktop.bundle.documents import (
    CommentRecord,
    DecisionRecord,
    OverrideRecord,
    ReviewDoc,
    ReviewStatus,
)
from secity_desktop.core.errors import ConflictError
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import review as rrepo
from secity_desktop.store import revisions


def revision_sha(ws: Workspace, assessment_id: str) -> str | None:
    return revisions.sha(ws.db, assessment_id)


def build_review_doc(ws: Workspace, assessment_id: str, status: ReviewStatus) -> ReviewDoc:
    """The review of one signed revision, as the office holds it now."""
    a = repo.get(ws.db, assessment_id)
    if a.status != status:
        raise ConflictError(f"assessment {a.id} is {a.status}, not {status}",
                            code="assessment.wrong_status", status=a.status)
    sha = revision_sha(ws, a.id)
    if sha is None:
        raise ConflictError(
            f"assessment {a.id} has no signed revision (it was made in this workspace and never"
            " finalized); only signed assessments can travel in a bundle", code="outgoing.unsigned"
        )
    return ReviewDoc(
        format="secity-review",
        format_version=1,
        assessment_id=a.id,
        revision=a.revision,
        revision_sha256=sha,
        municipality_code=a.municipality_code,
        year=a.year,
        status=status,
        decisions=[
            DecisionRecord(**{k: v for k, v in d.as_json().items() if k != "assessment_id"})
            for d in rrepo.decisions(ws.db, a.id)
        ],
        comments=[
            CommentRecord(**{k: v for k, v in c.as_json().items() if k != "assessment_id"})
            for c in rrepo.comments(ws.db, a.id)
        ],
        overrides=[
            OverrideRecord(**{k: v for k, v in o.as_json().items() if k != "assessment_id"})
            for o in rrepo.overrides(ws.db, a.id)
        ],
    )


def is_news(ws: Workspace, doc: ReviewDoc) -> bool:
    """Whether merging the doc would change anything (new rows, or an override retired)."""
    decisions = {d.id for d in doc.decisions}
    if rrepo.known_ids(ws.db, "review_decisions", decisions) != decisions:
        return True
    comments = {c.id for c in doc.comments}
    if rrepo.known_ids(ws.db, "review_comments", comments) != comments:
        return True
    if not doc.overrides:
        return False
    have = rrepo.override_current(ws.db, [o.id for o in doc.overrides])
    return any(have.get(o.id) != int(o.current) for o in doc.overrides)


def merge_review_doc(ws: Workspace, doc: ReviewDoc) -> int:
    """Store the doc's rows under its assessment (inside the caller's transaction).

    Returns how many rows were new. The sender's view of which override is
    current wins: it is the office that judged.
    """
    db, aid, new = ws.db, doc.assessment_id, 0
    for d in doc.decisions:
        new += rrepo.merge_decision(db, rrepo.Decision(
            d.id, aid, d.revision, d.action, d.old_status, d.new_status, d.comment, d.author, d.at))
    for c in doc.comments:
        new += rrepo.merge_comment(db, rrepo.Comment(
            c.id, aid, c.revision, c.indicator_code, c.body, c.author, c.at))
    # retired ones first, so the partial unique index on current overrides never trips
    for o in sorted(doc.overrides, key=lambda o: o.current):
        new += rrepo.merge_override(db, rrepo.Override(
            o.id, aid, o.revision, o.indicator_code, o.assessor_level, o.level, o.reason,
            o.author, o.at, o.current))
    return new
