"""Table of assessments: holds only ids, fetches rows and scores a page at a time.

A province may hold thousands of assessments; fetching and scoring all of them
on every reset would make the list slow, so (like Anki's browser) the model
keeps the id list and fills a cache for the rows the view actually asks for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.core.thai_calendar import format_datetime_th
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.store import assessments as repo

PAGE = 100
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class AssessmentTableModel(QtCore.QAbstractTableModel):
    COLUMNS = ("municipality", "province", "year", "status", "answered", "total", "tier", "updated")

    def __init__(
        self, svc: AssessmentService, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self._ids: list[str] = []
        self._cache: dict[str, dict[str, Any]] = {}
        self.reload()

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Municipality"),
            self.tr("Province"),
            self.tr("Fiscal year"),
            self.tr("Status"),
            self.tr("Answered"),
            self.tr("Total"),
            self.tr("Tier"),
            self.tr("Last edited"),
        )

    # --- data access ------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self.svc.list()
        self._cache.clear()
        self.endResetModel()

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

    def row_of(self, assessment_id: str) -> int:
        return self._ids.index(assessment_id) if assessment_id in self._ids else -1

    def _row(self, row: int) -> dict[str, Any]:
        aid = self._ids[row]
        hit = self._cache.get(aid)
        if hit is None:
            start = (row // PAGE) * PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            rows = repo.summary_rows(self.svc.db, page)
            for i, r in rows.items():
                card = self.svc.scorecard(i)
                r["total"] = card.total
                r["answered"] = card.answered
                r["count"] = card.count
                r["tier"] = card.tier
                self._cache[i] = r
            hit = self._cache[aid]
        return hit

    # --- Qt model interface -----------------------------------------------
    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()
    ) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers()[section]
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            SEARCH_ROLE,
            SORT_ROLE,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        r = self._row(index.row())
        col = self.COLUMNS[index.column()]
        th = self.lang == "th"
        if role == SEARCH_ROLE:
            return " ".join(
                str(r[k])
                for k in (
                    "municipality_code",
                    "municipality_th",
                    "municipality_en",
                    "province_code",
                    "province_th",
                    "province_en",
                    "year",
                    "status",
                )
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in ("year", "answered", "total"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == SORT_ROLE:
            return {"total": r["total"], "answered": r["answered"], "updated": r["updated_at"]}.get(
                col, self.data(index, Qt.ItemDataRole.DisplayRole)
            )
        return self._display(r, col, th)

    def _display(self, r: dict[str, Any], col: str, th: bool) -> Any:
        if col == "municipality":
            return r["municipality_th"] if th or not r["municipality_en"] else r["municipality_en"]
        if col == "province":
            return r["province_th"] if th else r["province_en"]
        if col == "year":
            return str(r["year"])
        if col == "status":
            labels = STATUS_LABELS.get(Status(r["status"]))
            return (labels[0] if th else labels[1]) if labels else r["status"]
        if col == "answered":
            return f"{r['answered']}/{r['count']}"
        if col == "total":
            return f"{r['total']:.2f}"
        if col == "tier":
            tier = r["tier"]
            return (tier.label_th if th else tier.label_en) if tier else "—"
        if col == "updated":
            moment = dt.datetime.fromisoformat(r["updated_at"])
            return (
                format_datetime_th(moment) if th else moment.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        return None
