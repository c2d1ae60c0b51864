"""Declarative table columns and the one table model that reads them.

Every table in the app is a list of typed rows (service read models) shown
through a list of :class:`Column` specs: header text, how a row reads in the
cell, and optionally its sort key, alignment, tooltip, colours and boldness.
:class:`ColumnTableModel` implements ``data()``, ``headerData()`` and ``sort()``
from the specs once, so a model only says *what* its columns are. Roles a
table needs beyond these (an id for the view, a check box) come from
:meth:`ColumnTableModel.row_data`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from secity_desktop.gui.qt import Qt, QtCore, QtGui

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
_ROOT = QtCore.QModelIndex()
_UNHANDLED = object()


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    display: Callable[[T], Any]
    sort: Callable[[T], Any] | None = None  # default: the displayed text
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[T], Any] | None = None
    foreground: Callable[[T], str | None] | None = None  # a colour name, or None
    background: Callable[[T], str | None] | None = None
    bold: Callable[[T], bool] | None = None
    header_tip: str | None = None
    key: str = ""  # a stable name for code that needs to find the column


class ColumnTableModel(QtCore.QAbstractTableModel, Generic[T]):
    """A flat table of ``_rows`` shown through ``columns()``; sorting reorders the rows."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._columns: list[Column[T]] | None = None
        self._sorted: tuple[int, Qt.SortOrder] | None = None  # kept across set_rows

    # --- what subclasses give ------------------------------------------------
    def columns(self) -> Sequence[Column[T]]:
        raise NotImplementedError

    def row_data(self, row: T, column: int, role: int) -> Any:
        """Roles beyond the column specs (ids, check boxes); ``_UNHANDLED`` when none."""
        return _UNHANDLED

    # --- helpers ------------------------------------------------------------------
    @property
    def specs(self) -> Sequence[Column[T]]:
        if self._columns is None:
            self._columns = list(self.columns())
        return self._columns

    def reset_columns(self) -> None:
        """Columns that depend on the data (a framework's components) are rebuilt here."""
        self._columns = None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._columns = None
        if self._sorted is not None and self._sorted[0] < len(self.specs):
            self._rows.sort(key=self._sort_key(self._sorted[0]),
                            reverse=self._sorted[1] == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.specs)

    def column_of(self, key: str) -> int:
        return next((n for n, c in enumerate(self.specs) if c.key == key), -1)

    # --- Qt model interface -------------------------------------------------------
    def _count(self) -> int:
        return len(self._rows)

    def _row(self, n: int) -> T:
        """The row shown at ``n`` (a lazy model fetches it here)."""
        return self._rows[n]

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.specs)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.specs):
            return None
        col = self.specs[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.header_tip
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count():
            return None
        if not 0 <= index.column() < len(self.specs):
            return None
        row = self._row(index.row())
        extra = self.row_data(row, index.column(), role)
        if extra is not _UNHANDLED:
            return extra
        return _cell(self.specs[index.column()], row, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.specs):
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[T], Any]:
        """One key call per row (a sorting proxy would call ``data()`` ~n·log n times)."""
        col = self.specs[column]
        return col.sort or col.display


def _cell(col: Column[Any], row: Any, role: int) -> Any:
    """One cell's value for one role, from its column spec."""
    if role == Qt.ItemDataRole.DisplayRole:
        return col.display(row)
    if role == SORT_ROLE:
        return (col.sort or col.display)(row)
    getter = _ROLE_GETTERS.get(role)
    return getter(col, row) if getter is not None else None


def _brush(colour: str | None) -> QtGui.QBrush | None:
    return QtGui.QBrush(QtGui.QColor(colour)) if colour else None


def _bold(col: Column[Any], row: Any) -> QtGui.QFont | None:
    if col.bold is None or not col.bold(row):
        return None
    font = QtGui.QFont()
    font.setBold(True)
    return font


_ROLE_GETTERS: dict[int, Callable[[Column[Any], Any], Any]] = {
    Qt.ItemDataRole.ToolTipRole: lambda c, r: c.tooltip(r) if c.tooltip else None,
    Qt.ItemDataRole.ForegroundRole: lambda c, r: _brush(c.foreground(r)) if c.foreground else None,
    Qt.ItemDataRole.BackgroundRole: lambda c, r: _brush(c.background(r)) if c.background else None,
    Qt.ItemDataRole.TextAlignmentRole: lambda c, r: int(c.align) if c.align is not None else None,
    Qt.ItemDataRole.FontRole: _bold,
}

UNHANDLED = _UNHANDLED
