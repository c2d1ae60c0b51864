"""A table model over an id list ordered and filtered in SQL, reading rows a page at a time.

A national workspace holds 78,500 assessments. A model that builds a row per
assessment (and a proxy that sorts them through Python ``data()`` calls) took
over a minute to open; this one keeps only the ids (the SQL query's answer,
already in the order and filter the view asks for) and fills a small cache
with rows for the pages the view actually paints. Sorting and filtering ask
SQL again; the view's scroll bar still spans every row. Subclasses say how to
read ids (:meth:`fetch_ids`) and a page of rows (:meth:`fetch_rows`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from secity_desktop.gui.models.columns import ColumnTableModel
from secity_desktop.gui.qt import Qt, QtCore

T = TypeVar("T")
PAGE = 100


class PagedTableModel(ColumnTableModel[T], Generic[T]):
    id_role: int = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QtCore.QObject | None = None, *, order: tuple[str, bool]) -> None:
        super().__init__(parent)
        self.search = ""
        self.year: int | None = None
        self.order = order  # (column key, descending)
        self._ids: list[str] = []
        self._cache: dict[str, T] = {}
        self.pages_read = 0  # pages read from the store since the last reload (tests, benches)
        self.loaded = False  # ids read at least once (a view's first sort may be the first read)

    # --- what subclasses give ----------------------------------------------------------
    def fetch_ids(self) -> list[str]:
        raise NotImplementedError

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, T]:
        raise NotImplementedError

    # --- filtering and ordering (each re-queries SQL) --------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self.fetch_ids()
        self.loaded = True
        self._cache.clear()
        self.pages_read = 0
        self.endResetModel()

    def set_search(self, text: str) -> None:
        if text != self.search:
            self.search = text
            self.reload()

    def set_year(self, year: int | None) -> None:
        if year != self.year:
            self.year = year
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order in SQL on the column's key (bulk scores for a total), then reload the ids."""
        if not 0 <= column < len(self.specs) or not self.specs[column].key:
            return
        wanted = (self.specs[column].key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order or not self.loaded:
            self.order = wanted
            self.reload()

    def ensure_loaded(self) -> None:
        """Read the ids if nothing has yet. A model made with ``load=False`` waits for its
        view: enabling sorting sorts at once, so reading before it read every id twice."""
        if not self.loaded:
            self.reload()

    # --- rows ---------------------------------------------------------------------
    def refresh_id(self, item_id: str) -> None:
        """Re-read one row after an edit, without resetting the view."""
        self._cache.pop(item_id, None)
        row = self.row_of(item_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.specs) - 1))
        elif self.year is None and not self.search:
            self.reload()  # a new id the unfiltered list should show
        # else: filtered out (another year, another search): nothing to re-read per edit

    def item_id(self, row: int) -> str:
        return self._ids[row]

    def has(self, item_id: str) -> bool:
        return item_id in self._ids

    def row_of(self, item_id: str) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def ids(self) -> list[str]:
        return list(self._ids)

    def cached(self) -> int:
        """How many rows are held (a page or a few, never the whole list)."""
        return len(self._cache)

    def rows(self) -> list[T]:
        """Every row (reads them all: for small lists and tests)."""
        return [self._row(n) for n in range(len(self._ids))]

    def row_at(self, row: int) -> T:
        return self._row(row)

    def set_rows(self, rows: Sequence[T]) -> None:  # pragma: no cover - ids drive this model
        raise TypeError("a paged model reads its rows by id")

    def _count(self) -> int:
        return len(self._ids)

    def _row(self, n: int) -> T:
        item = self._ids[n]
        hit = self._cache.get(item)
        if hit is None:
            start = (n // PAGE) * PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            self._cache.update(self.fetch_rows(page))
            self.pages_read += 1
            hit = self._cache[item]
        return hit

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == self.id_role:  # no row read needed for the id
            ok = index.isValid() and 0 <= index.row() < len(self._ids)
            return self._ids[index.row()] if ok else None
        return super().data(index, role)
