"""Review tables: assessments waiting for a decision, and one assessment's indicators.

Both hold ids/codes and read rows from the services; scores are the effective
ones (reviewer overrides applied), from ``bulk_scores`` for the list.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.gui.qt import Qt, QtCore, QtGui
from secity_desktop.services.bulk_scores import BulkScorer
from secity_desktop.services.review.workflow import ReviewIndicator, ReviewService
from secity_desktop.store import assessments as repo
from secity_desktop.store import review as rrepo

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
REVIEW_STATUSES = (
    Status.RECEIVED,
    Status.UNDER_REVIEW,
    Status.APPROVED,
    Status.RETURNED,
    Status.FINALIZED,
    Status.COMPLETE,
)
_ROOT = QtCore.QModelIndex()


def status_text(status: str | None, th: bool) -> str:
    if status is None:
        return ""
    labels = STATUS_LABELS.get(Status(status))
    return (labels[0] if th else labels[1]) if labels else status


class ReviewListModel(QtCore.QAbstractTableModel):
    COLUMNS = ("municipality", "year", "revision", "status", "total", "note")

    def __init__(
        self, svc: ReviewService, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.status_filter: str | None = None
        self._ids: list[str] = []
        self._rows: dict[str, dict[str, Any]] = {}
        self._scorer = BulkScorer(svc.db, svc.ws.frameworks)
        self.reload()

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Municipality"),
            self.tr("Fiscal year"),
            self.tr("Revision"),
            self.tr("Status"),
            self.tr("Total"),
            self.tr("Note"),
        )

    def reload(self) -> None:
        self.beginResetModel()
        province = self.svc.ws.province_code or None
        if self.status_filter:
            ids = repo.list_ids(self.svc.db, province=province, status=self.status_filter)
        else:
            ids = [
                i
                for s in REVIEW_STATUSES
                for i in repo.list_ids(self.svc.db, province=province, status=s.value)
            ]
        self._ids = ids
        self._rows = repo.summary_rows(self.svc.db, ids)
        scores = self._scorer.scores(
            (i, r["framework_hash"], r["updated_at"]) for i, r in self._rows.items()
        )
        last = rrepo.last_decision(self.svc.db, ids)
        for i, r in self._rows.items():
            r["total"] = sum(scores.get(i, {}).values())
            d = last.get(i)
            r["reopened"] = d is not None and d.action == "reopen"
        self.endResetModel()

    def assessment_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, assessment_id: str) -> int:
        return self._ids.index(assessment_id) if assessment_id in self._ids else -1

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
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
        aid = self._ids[index.row()]
        r = self._rows[aid]
        col = self.COLUMNS[index.column()]
        th = self.lang == "th"
        if role == ID_ROLE:
            return aid
        if role == SORT_ROLE:
            return {"total": r["total"], "year": r["year"], "revision": r["revision"]}.get(
                col, self.data(index)
            )
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "municipality":
                return (
                    r["municipality_th"] if th or not r["municipality_en"] else r["municipality_en"]
                )
            if col == "year":
                return str(r["year"])
            if col == "revision":
                return str(r["revision"])
            if col == "status":
                return status_text(r["status"], th)
            if col == "total":
                return f"{r['total']:.2f}"
            if col == "note":
                return self.tr("New revision after approval") if r["reopened"] else ""
        if role == Qt.ItemDataRole.ForegroundRole and col == "note" and r["reopened"]:
            return QtGui.QBrush(QtGui.QColor("#a4262c"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("year", "revision", "total"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReviewIndicatorModel(QtCore.QAbstractTableModel):
    COLUMNS = ("code", "title", "assessor", "reviewer", "comments")

    def __init__(
        self, svc: ReviewService, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.assessment_id: str | None = None
        self._rows: list[ReviewIndicator] = []

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Indicator"),
            self.tr("Assessor's level"),
            self.tr("Reviewer's level"),
            self.tr("Comments"),
        )

    def load(self, assessment_id: str | None) -> None:
        self.beginResetModel()
        self.assessment_id = assessment_id
        self._rows = self.svc.indicators(assessment_id) if assessment_id else []
        self.endResetModel()

    def indicator(self, row: int) -> ReviewIndicator:
        return self._rows[row]

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
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
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        i = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return i.code
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "code":
                return i.code
            if col == "title":
                return i.title_th if self.lang == "th" or not i.title_en else i.title_en
            if col == "assessor":
                return "—" if i.assessor_level is None else str(i.assessor_level)
            if col == "reviewer":
                return "" if i.reviewer_level is None else str(i.reviewer_level)
            if col == "comments":
                return str(i.comments) if i.comments else ""
        if role == Qt.ItemDataRole.FontRole and col == "reviewer" and i.reviewer_level is not None:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and i.reviewer_level is not None:
            return QtGui.QBrush(QtGui.QColor("#fff4ce"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            "assessor",
            "reviewer",
            "comments",
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
