"""Where reports get the signer's fingerprint and the assessor's name: the ``revisions`` table.

Kept apart from ``services.reports`` so the renderers' data builder stays
testable with stand-ins, and so this one file is what changes when the sync
feature changes that table. Review decisions and model towns come from
``services.review.sources`` for the same reason.
"""

from __future__ import annotations

import json

from secity_desktop.services.workspace import Workspace
from secity_desktop.store import revisions


def signer_fingerprint(ws: Workspace, assessment_id: str) -> str | None:
    """The key that signed this finalized revision (local or imported), if it was signed."""
    return revisions.signer_fingerprint(ws.db, assessment_id)


def signed_assessor(ws: Workspace, assessment_id: str) -> str | None:
    """The assessor's name as written into the signed revision (what the signature vouches for)."""
    row = revisions.get(ws.db, assessment_id)
    if row is None:
        return None
    try:
        person = json.loads(row.content).get("assessor") or {}
    except (ValueError, AttributeError):
        return None
    name = person.get("name") if isinstance(person, dict) else None
    return str(name) if name else None
