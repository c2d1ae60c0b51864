"""Where reports get review decisions, signer fingerprints and model towns from the store.

Kept apart from ``services.reports`` so the renderers' data builder stays
testable with stand-ins, and so this one file is what changes when the
review or sync features change their tables.
"""

from __future__ import annotations

import json

from secity_desktop.reports.data import ReviewEntry
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import review as rrepo

DECISION_TH = {
    "start": "เริ่มพิจารณา",
    "approve": "อนุมัติ",
    "return": "ส่งกลับแก้ไข",
}


def review_entries(ws: Workspace, assessment_id: str) -> tuple[ReviewEntry, ...]:
    """Decisions, standing overrides and comments, oldest first (withdrawn overrides left out)."""
    out: list[ReviewEntry] = []
    for d in rrepo.decisions(ws.db, assessment_id):
        label = DECISION_TH.get(d.action, d.action)
        out.append(
            ReviewEntry(
                "decision", d.at, d.author, f"{label} — {d.comment}" if d.comment else label
            )
        )
    for o in rrepo.overrides(ws.db, assessment_id, current_only=True):
        if o.level is None:
            continue
        out.append(
            ReviewEntry(
                "override", o.at, o.author, o.reason, o.indicator_code, o.assessor_level, o.level
            )
        )
    for c in rrepo.comments(ws.db, assessment_id):
        out.append(ReviewEntry("comment", c.at, c.author, c.body, c.indicator_code))
    return tuple(sorted(out, key=lambda e: e.at))


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


def model_town(ws: Workspace, province_code: str, year: int) -> str | None:
    m = rrepo.model_town(ws.db, province_code, year)
    return m.municipality_code if m else None


def model_towns(ws: Workspace, year: int) -> list[str]:
    """The year's model towns; a province workspace sees only its own province's."""
    province = ws.province_code or None
    return [
        m.municipality_code for m in rrepo.model_towns(ws.db, province_code=province, year=year)
    ]
