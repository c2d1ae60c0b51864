"""Table of assessments: holds only ids, fetches rows and scores a page at a time.

A province may hold thousands of assessments; fetching and scoring all of them
on every reset would make the list slow, so (like Anki's browser) the model
keeps the id list — filtered and ordered by the service in SQL — and fills a
cache for the rows the view actually asks for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.core.thai_calendar import format_datetime_th
from secity_desktop.gui.models.columns import RIGHT, SORT_ROLE, UNHANDLED, Column
from secity_desktop.gui.models.paged import PAGE, PagedTableModel
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.lists import AssessmentList, AssessmentRow

if TYPE_CHECKING:
    from secity_desktop.services.workspace import Workspace

ID_ROLE = PagedTableModel.id_role
SEARCH_ROLE = Qt.ItemDataRole.UserRole
__all__ = ["ID_ROLE", "PAGE", "SEARCH_ROLE", "SORT_ROLE", "AssessmentTableModel"]


class AssessmentTableModel(PagedTableModel[AssessmentRow]):
    COLUMNS = ("municipality", "province", "year", "status", "answered", "total", "tier", "updated")

    def __init__(
        self,
        ws: Workspace,
        lang: str = "th",
        parent: QtCore.QObject | None = None,
        *,
        year: int | None = None,
    ) -> None:
        super().__init__(parent, order=("updated", True))
        self.ws = ws
        self.lang = lang
        self.listing = AssessmentList(ws)
        self.year = year
        self.reload()

    def columns(self) -> list[Column[AssessmentRow]]:
        th = self.lang == "th"

        def updated(r: AssessmentRow) -> str:
            moment = dt.datetime.fromisoformat(r.updated_at)
            return format_datetime_th(moment) if th else moment.astimezone().strftime("%Y-%m-%d %H:%M")

        def status(r: AssessmentRow) -> str:
            labels = STATUS_LABELS.get(Status(r.status))
            return (labels[0] if th else labels[1]) if labels else r.status

        return [
            Column(self.tr("Municipality"),
                   lambda r: r.municipality_th if th or not r.municipality_en else r.municipality_en,
                   key="municipality_th" if th else "municipality_en"),
            Column(self.tr("Province"), lambda r: r.province_th if th else r.province_en,
                   key="province_th" if th else "province_en"),
            Column(self.tr("Fiscal year"), lambda r: str(r.year), align=RIGHT, key="year"),
            Column(self.tr("Status"), status, key="status"),
            Column(self.tr("Answered"), lambda r: f"{r.answered}/{r.count}",
                   sort=lambda r: r.answered, align=RIGHT, key="answered"),
            Column(self.tr("Total"), lambda r: f"{r.total:.2f}", sort=lambda r: r.total,
                   align=RIGHT, key="total"),
            Column(self.tr("Tier"),
                   lambda r: (r.tier.label_th if th else r.tier.label_en) if r.tier else "—",
                   key="total"),
            Column(self.tr("Last edited"), updated, sort=lambda r: r.updated_at, key="updated"),
        ]

    # --- data access (ids from SQL; rows a page at a time: gui/models/paged.py) ------------
    def fetch_ids(self) -> list[str]:
        order, descending = self.order
        return self.listing.ids(
            search=self.search, order=order, descending=descending, year=self.year
        )

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, AssessmentRow]:
        return self.listing.rows(ids)

    def assessment_id(self, row: int) -> str:
        return self._ids[row]

    def exists(self, assessment_id: str) -> bool:
        """In the workspace at all (shown or filtered out)."""
        return self.has(assessment_id) or self.listing.exists(assessment_id)

    def row_data(self, row: AssessmentRow, column: int, role: int) -> Any:
        if role == SEARCH_ROLE:
            return row.search_text
        return UNHANDLED
