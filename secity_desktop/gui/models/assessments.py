"""Table of assessments: holds only ids, fetches rows and scores a page at a time.

A province may hold thousands of assessments; fetching and scoring all of them
on every reset would make the list slow, so (like Anki's browser) the model
keeps the id list — filtered and ordered by the service in SQL — and fills a
cache for the rows the view actually asks for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.core.thai_calendar import format_datetime_th
from secity_desktop.gui.models.columns import RIGHT, SORT_ROLE, UNHANDLED, Column, ColumnTableModel
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.lists import ASSESSMENT_PAGE, AssessmentList, AssessmentRow

PAGE = ASSESSMENT_PAGE
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole
__all__ = ["ID_ROLE", "PAGE", "SEARCH_ROLE", "SORT_ROLE", "AssessmentTableModel"]


class AssessmentTableModel(ColumnTableModel[AssessmentRow]):
    COLUMNS = ("municipality", "province", "year", "status", "answered", "total", "tier", "updated")

    def __init__(
        self, svc: AssessmentService, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.listing = AssessmentList(svc.ws)
        self.search = ""
        self.order = ("updated", True)
        self._ids: list[str] = []
        self._cache: dict[str, AssessmentRow] = {}
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

    # --- data access ------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        order, descending = self.order
        self._ids = self.listing.ids(search=self.search, order=order, descending=descending)
        self._cache.clear()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        """Filter in SQL on the code, both names, the province, year and status."""
        if text != self.search:
            self.search = text
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order in SQL on the column's key (bulk scores for the total), then reload the ids."""
        if not 0 <= column < len(self.specs):
            return
        wanted = (self.specs[column].key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.reload()

    def refresh_id(self, assessment_id: str) -> None:
        """Re-read one row after an edit, without resetting the view."""
        self._cache.pop(assessment_id, None)
        if assessment_id in self._ids:
            row = self._ids.index(assessment_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        else:
            self.reload()

    def assessment_id(self, row: int) -> str:
        return self._ids[row]

    def has(self, assessment_id: str) -> bool:
        return assessment_id in self._ids

    def row_of(self, assessment_id: str) -> int:
        return self._ids.index(assessment_id) if assessment_id in self._ids else -1

    def _count(self) -> int:
        return len(self._ids)

    def _row(self, n: int) -> AssessmentRow:
        aid = self._ids[n]
        hit = self._cache.get(aid)
        if hit is None:
            start = (n // PAGE) * PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            self._cache.update(self.listing.rows(page))
            hit = self._cache[aid]
        return hit

    def row_data(self, row: AssessmentRow, column: int, role: int) -> Any:
        if role == SEARCH_ROLE:
            return row.search_text
        return UNHANDLED

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == ID_ROLE:  # no row fetch needed for the id
            ok = index.isValid() and 0 <= index.row() < len(self._ids)
            return self._ids[index.row()] if ok else None
        return super().data(index, role)
