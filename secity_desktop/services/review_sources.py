"""Review data in the shapes the PDF reports and certificates take.

``services.reports.ReportDataService(ws, review=report_entries,
model_town=model_town_of)`` and ``services.certificates.CertificateService(ws,
model_towns=model_town_codes)`` plug these in; the reports side never reads
the review tables itself.
"""

from __future__ import annotations

from secity_desktop.reports.data import ReviewEntry
from secity_desktop.services.review import status_label
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import review as rrepo


def report_entries(ws: Workspace, assessment_id: str) -> tuple[ReviewEntry, ...]:
    """Decisions, comments and overrides in time order (overrides: assessor's → reviewer's level)."""
    out: list[ReviewEntry] = []
    for d in rrepo.decisions(ws.db, assessment_id):
        text = f"{status_label(d.old_status, 'th')} → {status_label(d.new_status, 'th')}"
        out.append(
            ReviewEntry("decision", d.at, d.author, f"{text}: {d.comment}" if d.comment else text)
        )
    for c in rrepo.comments(ws.db, assessment_id):
        out.append(ReviewEntry("comment", c.at, c.author, c.body, c.indicator_code))
    for o in rrepo.overrides(ws.db, assessment_id):
        out.append(
            ReviewEntry(
                "override",
                o.at,
                o.author,
                o.reason,
                o.indicator_code,
                old_level=o.assessor_level,
                new_level=o.level if o.level is not None else o.assessor_level,
            )
        )
    return tuple(sorted(out, key=lambda e: e.at))


def model_town_of(ws: Workspace, province_code: str, year: int) -> str | None:
    town = rrepo.model_town(ws.db, province_code, year)
    return town.municipality_code if town else None


def model_town_codes(ws: Workspace, year: int) -> list[str]:
    """The model towns of every province recorded in this workspace for the year."""
    return [t.municipality_code for t in rrepo.model_towns(ws.db, year=year)]
