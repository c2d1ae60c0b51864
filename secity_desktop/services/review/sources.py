"""Review data in the shapes the PDF reports and certificates take.

These are the **defaults** of ``services.reports.ReportDataService`` (``review``,
``model_town``) and ``services.certificates.CertificateService``
(``model_towns``), so every call site — CLI, GUI, certificates — shows the
office's decisions, overrides and comments and uses the recorded model towns
without wiring anything. Tests and previews still pass stand-ins. The reports
side never reads the review tables itself: this file is what changes when the
review tables do.
"""

from __future__ import annotations

from secity_desktop.reports.data import ReviewEntry
from secity_desktop.services.review.timeline import timeline
from secity_desktop.services.review.workflow import status_label
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import review as rrepo

# Thai labels for the decision actions a report shows. "reopen" and "resubmit" are written
# by the importer with an English comment, so their label carries the revision instead.
DECISION_TH = {
    "start": "เริ่มพิจารณา",
    "approve": "อนุมัติ",
    "return": "ส่งกลับแก้ไข",
}


def decision_text(d: rrepo.Decision) -> str:
    """What the report prints after "ผลการพิจารณา:"; any unknown action still reads as a status change."""
    if d.action == "reopen":
        return f"ได้รับฉบับแก้ไขครั้งที่ {d.revision} หลังอนุมัติ — พิจารณาใหม่"
    if d.action == "resubmit":
        return f"ได้รับฉบับแก้ไขครั้งที่ {d.revision}"
    label = DECISION_TH.get(d.action) or (
        f"{status_label(d.old_status, 'th')} → {status_label(d.new_status, 'th')}"
    )
    return f"{label} — {d.comment}" if d.comment else label


def report_entries(ws: Workspace, assessment_id: str) -> tuple[ReviewEntry, ...]:
    """Decisions, standing overrides and comments, oldest first.

    Only standing overrides: the report's levels and scores are the effective ones, so
    a withdrawn override, one replaced by a later override, or one retired because a
    new revision arrived would contradict the level printed next to it. The full
    history stays in ``secity review show``.
    """
    tl = timeline(ws, assessment_id, whole_chain=False)
    out: list[ReviewEntry] = [
        ReviewEntry("decision", d.at, d.author, decision_text(d))
        for d in tl.decisions(assessment_id)
    ]
    for o in tl.overrides(assessment_id, standing_only=True):
        out.append(
            ReviewEntry(
                "override",
                o.at,
                o.author,
                o.reason,
                o.indicator_code,
                old_level=o.assessor_level,
                new_level=o.level,
            )
        )
    for c in tl.comments(assessment_id):
        out.append(ReviewEntry("comment", c.at, c.author, c.body, c.indicator_code))
    return tuple(sorted(out, key=lambda e: e.at))


def model_town_of(ws: Workspace, province_code: str, year: int) -> str | None:
    town = rrepo.model_town(ws.db, province_code, year)
    return town.municipality_code if town else None


def model_town_codes(ws: Workspace, year: int) -> list[str]:
    """The year's model towns; a province workspace certifies only its own province's."""
    province = ws.province_code or None
    return [
        t.municipality_code for t in rrepo.model_towns(ws.db, province_code=province, year=year)
    ]
