"""Where reports get the signer's fingerprint and the assessor's name: the ``revisions`` table.

Kept apart from ``services.reports`` so the renderers' data builder stays
testable with stand-ins, and so this one file is what changes when the sync
feature changes that table. Review decisions and model towns come from
``services.review.sources`` for the same reason.
"""

from __future__ import annotations

import json

from secity_desktop.services.workspace import Workspace


def signer_fingerprint(ws: Workspace, assessment_id: str) -> str | None:
    """The key that signed this finalized revision (local or imported), if it was signed."""
    row = ws.db.execute(
        "SELECT signer_fingerprint FROM revisions WHERE assessment_id = ?", [assessment_id]
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def signed_assessor(ws: Workspace, assessment_id: str) -> str | None:
    """The assessor's name as written into the signed revision (what the signature vouches for)."""
    row = ws.db.execute(
        "SELECT content FROM revisions WHERE assessment_id = ?", [assessment_id]
    ).fetchone()
    if not row:
        return None
    try:
        person = json.loads(row[0]).get("assessor") or {}
    except (ValueError, AttributeError):
        return None
    name = person.get("name") if isinstance(person, dict) else None
    return str(name) if name else None
