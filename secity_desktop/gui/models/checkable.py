"""A table of assessments to send, each with a check box in its first column.

The field export (assessor) and the office's return bundles (province) both
let a person tick what goes into a bundle, or take "everything not yet sent";
the rows differ, the ticking does not.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from secity_desktop.gui.models.columns import UNHANDLED, ColumnTableModel
from secity_desktop.gui.qt import Qt, QtCore, Signal


class Sendable(Protocol):
    assessment_id: str
    sent: int


S = TypeVar("S", bound=Sendable)


class CheckableRowsModel(ColumnTableModel[S]):
    """Subclasses give ``columns()`` and fill the rows with :meth:`set_rows`."""

    changed = Signal()
    checkable = True

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.checked: set[str] = set()

    def set_rows(self, rows: Any) -> None:
        super().set_rows(rows)
        self.checked &= {c.assessment_id for c in self._rows}
        self.changed.emit()

    def check_unsent(self) -> None:
        self.checked = {c.assessment_id for c in self._rows if c.sent == 0}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
        self.changed.emit()

    def selected_ids(self) -> list[str]:
        return [c.assessment_id for c in self._rows if c.assessment_id in self.checked]

    def check_state(self, row: Sendable) -> Qt.CheckState:
        return Qt.CheckState.Checked if row.assessment_id in self.checked else Qt.CheckState.Unchecked

    def row_data(self, row: S, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            return self.check_state(row) if self.checkable and column == 0 else None
        return UNHANDLED

    def flags(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.checkable and index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not self.checkable or role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != 0):
            return False
        aid = self._rows[index.row()].assessment_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(aid)
        else:
            self.checked.discard(aid)
        self.dataChanged.emit(index, index, [role])
        self.changed.emit()
        return True
