"""A table view with a filter box: the shape every list place in the app takes."""

from __future__ import annotations

from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import thai_cells

FIT_ROWS = 100  # rows read to fit a column to its contents (a page of a paged model)
FIT_SHOWN = 40  # rows measured by fit_columns: more than a 1024×600 screen shows
MAX_COLUMN = 360  # px: a long name is elided, not given the whole table


def fit_columns(view: QtWidgets.QTableView, rows: int = FIT_SHOWN, cap: int = MAX_COLUMN) -> None:
    """Fit each column to its header and the rows on show, measured as plain text.

    ``resizeColumnsToContents`` asks the Thai-breaking delegate for every cell's size hint
    (each a dozen Python ``data()`` calls): 100–300 ms for a page of a national list at a
    place's first show. The text's width is what the delegate's hint is made of."""
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    fm = view.fontMetrics()
    top = max(0, view.rowAt(0))
    shown = range(top, min(model.rowCount(), top + rows))
    for c in range(model.columnCount()):
        if view.isColumnHidden(c):
            continue
        head = model.headerData(c, Qt.Orientation.Horizontal) or ""
        width = fm.horizontalAdvance(str(head)) + 28  # room for the sort arrow
        for r in shown:
            text = model.index(r, c).data()
            if text:
                width = max(width, fm.horizontalAdvance(str(text)) + 14)
        header.resizeSection(c, min(width, cap))


class FilterTable(QtWidgets.QWidget):
    def __init__(
        self,
        model: QtCore.QAbstractItemModel,
        placeholder: str,
        search_role: int,
        sort_role: int | None = None,
        parent: QtWidgets.QWidget | None = None,
        sort_column: int = 0,
        sort_order: Qt.SortOrder = Qt.SortOrder.DescendingOrder,
    ) -> None:
        super().__init__(parent)
        self.source = model
        self.filter = QtWidgets.QLineEdit(self)
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.proxy: QtCore.QAbstractProxyModel
        search = getattr(model, "set_search", None)
        if search is not None:
            # The model filters and sorts in SQL (large lists): the proxy only passes through.
            self.proxy = QtCore.QIdentityProxyModel(self)
            self.proxy.setSourceModel(model)
            self.filter.textChanged.connect(search)
        else:
            proxy = QtCore.QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            proxy.setFilterRole(search_role)
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            proxy.setFilterKeyColumn(0)
            if sort_role is not None:
                proxy.setSortRole(sort_role)
            self.filter.textChanged.connect(proxy.setFilterFixedString)
            self.proxy = proxy
        self.view = thai_cells(QtWidgets.QTableView(self))
        self.view.setModel(self.proxy)
        # the order the list opens in (enabling sorting sorts by the indicator at once)
        self.view.horizontalHeader().setSortIndicator(sort_column, sort_order)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(30)
        # Fitting columns reads the first page of rows, never the whole list (78,500 rows
        # nationally: reading them all to size eight columns took 2.9 s).
        for header in (self.view.horizontalHeader(), self.view.verticalHeader()):
            header.setResizeContentsPrecision(FIT_ROWS)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)

    def source_row(self, proxy_index: QtCore.QModelIndex) -> int:
        return self.proxy.mapToSource(proxy_index).row()
