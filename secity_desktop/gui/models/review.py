"""Review tables: assessments waiting for a decision, and one assessment's indicators.

Both hold ids/codes and read rows from the services; scores are the effective
ones (reviewer overrides applied), from ``bulk_scores`` for the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.gui.models.columns import (
    CENTER,
    RIGHT,
    SORT_ROLE,
    UNHANDLED,
    Column,
    ColumnTableModel,
)
from secity_desktop.gui.models.paged import PagedTableModel
from secity_desktop.gui.qt import QtCore
from secity_desktop.services.lists import REVIEW_STATUSES, ReviewQueue, ReviewRow
from secity_desktop.services.review.workflow import ReviewIndicator, ReviewService
from secity_desktop.services.self_assessments import Claim, SelfAssessmentService

ID_ROLE = PagedTableModel.id_role
__all__ = ["ID_ROLE", "REVIEW_STATUSES", "SORT_ROLE", "ReviewIndicatorModel", "ReviewListModel"]


def status_text(status: str | None, th: bool) -> str:
    if status is None:
        return ""
    labels = STATUS_LABELS.get(Status(status))
    return (labels[0] if th else labels[1]) if labels else status


class ReviewListModel(PagedTableModel[ReviewRow]):
    """The queue: ids ordered and filtered (status, year) in SQL, rows read a page at a time."""

    def __init__(
        self,
        svc: ReviewService,
        lang: str = "th",
        parent: QtCore.QObject | None = None,
        *,
        year: int | None = None,
        load: bool = True,
    ) -> None:
        super().__init__(parent, order=("updated", True))
        self.svc = svc
        self.lang = lang
        self.status_filter: str | None = None
        self.year = year
        self.queue = ReviewQueue(svc.ws)
        if load:  # a sorting view loads it (``PagedTableModel.ensure_loaded``)
            self.reload()

    def columns(self) -> list[Column[ReviewRow]]:
        th = self.lang == "th"
        return [
            Column(self.tr("Municipality"),
                   lambda r: r.municipality_th if th or not r.municipality_en else r.municipality_en,
                   key="municipality_th" if th else "municipality_en"),
            Column(self.tr("Fiscal year"), lambda r: str(r.year), sort=lambda r: r.year, align=RIGHT,
                   key="year"),
            Column(self.tr("Revision"), lambda r: str(r.revision), sort=lambda r: r.revision,
                   align=RIGHT, key="revision"),
            Column(self.tr("Status"), lambda r: status_text(r.status, th), key="status"),
            Column(self.tr("Total"), lambda r: f"{r.total:.2f}", sort=lambda r: r.total, align=RIGHT,
                   key="total"),
            Column(self.tr("Note"),
                   lambda r: self.tr("New revision after approval") if r.reopened else "",
                   foreground=lambda r: "#a4262c" if r.reopened else None),
        ]

    def fetch_ids(self) -> list[str]:
        order, descending = self.order
        return self.queue.ids(self.status_filter, year=self.year, order=order,
                              descending=descending)

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, ReviewRow]:
        return self.queue.page(ids)

    def assessment_id(self, row: int) -> str:
        return self._ids[row]


class ReviewIndicatorModel(ColumnTableModel[ReviewIndicator]):
    def __init__(
        self, svc: ReviewService, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.assessment_id: str | None = None
        self.claims = SelfAssessmentService(svc.ws)
        self.claim: Claim | None = None

    def claimed(self, i: ReviewIndicator) -> str:
        """The municipality's self-assessed level for this indicator ("" without a claim)."""
        if self.claim is None:
            return ""
        resp = self.claim.view.responses.get(i.code)
        return "—" if resp is None or resp.level is None else str(resp.level)

    def disagrees(self, i: ReviewIndicator) -> bool:
        gap = self.claim.gap.indicator(i.code) if self.claim and self.claim.gap else None
        return bool(gap and gap.disagrees)

    def columns(self) -> list[Column[ReviewIndicator]]:
        def changed(i: ReviewIndicator) -> str | None:
            return "#fff4ce" if i.reviewer_level is not None else None

        return [
            Column(self.tr("Code"), lambda i: i.code, background=changed),
            Column(self.tr("Indicator"),
                   lambda i: i.title_th if self.lang == "th" or not i.title_en else i.title_en,
                   background=changed),
            Column(self.tr("Assessor's level"),
                   lambda i: "—" if i.assessor_level is None else str(i.assessor_level),
                   align=CENTER, background=changed),
            Column(self.tr("Reviewer's level"),
                   lambda i: "" if i.reviewer_level is None else str(i.reviewer_level),
                   align=CENTER, background=changed,
                   bold=lambda i: i.reviewer_level is not None),
            Column(self.tr("Comments"), lambda i: str(i.comments) if i.comments else "",
                   align=CENTER, background=changed),
            Column(self.tr("Municipality's claim"), self.claimed, align=CENTER,
                   background=lambda i: "#ffd98a" if self.disagrees(i) else None,
                   bold=self.disagrees),
        ]

    def load(self, assessment_id: str | None) -> None:
        self.assessment_id = assessment_id
        self.claim = self.claims.claim_for(assessment_id) if assessment_id else None
        self.set_rows(self.svc.indicators(assessment_id) if assessment_id else [])

    def indicator(self, row: int) -> ReviewIndicator:
        return self._rows[row]

    def row_data(self, row: ReviewIndicator, column: int, role: int) -> Any:
        return row.code if role == ID_ROLE else UNHANDLED
