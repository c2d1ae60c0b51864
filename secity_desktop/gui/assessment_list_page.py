"""The Assessments place's list page: New / Open, the fiscal-year filter, the empty-list hint.

The first page of the Assessments stack (the editor is the second), and the first
thing a person sees, so it is built with the window and kept cheap: the hint's
label and button are made only when the list is first empty. Its texts stay in the
``MainWindow`` translation context, where ``i18n/secity_th.ts`` keys them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.models.years import year_combo
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel

translate = QtCore.QCoreApplication.translate


def build_list_page(window: Any, held: list[int]) -> QtWidgets.QWidget:
    """The page; its buttons, year filter and hint become ``window.new_button`` and so on."""
    page = QtWidgets.QWidget(window)
    layout = QtWidgets.QVBoxLayout(page)
    bar = QtWidgets.QHBoxLayout()
    # (a button made with its text alone: made with (text, parent), PySide6 tries the
    # (icon, text) overload and builds QIcon's enums, 150 theme icons, ≈ 5 ms of a start)
    window.new_button = QtWidgets.QPushButton(page)
    window.new_button.setText(translate("MainWindow", "&New assessment…"))
    window.new_button.setToolTip(
        translate("MainWindow", "Start an assessment for a municipality (Ctrl+N)"))
    window.new_button.clicked.connect(window.new_assessment)
    window.open_button = QtWidgets.QPushButton(page)
    window.open_button.setText(translate("MainWindow", "&Open"))
    window.open_button.setToolTip(translate("MainWindow", "Open the selected assessment (Enter)"))
    window.open_button.clicked.connect(
        lambda: window._open_index(window.assessment_table.view.currentIndex())
    )
    bar.addWidget(window.new_button)
    bar.addWidget(window.open_button)
    bar.addStretch(1)
    model = window.assessment_model
    window.year_combo = year_combo(page, held, model.year)
    window.year_combo.setObjectName("assessmentsYear")
    window.year_combo.currentIndexChanged.connect(
        lambda _i: model.set_year(window.year_combo.currentData())
    )
    bar.addWidget(QtWidgets.QLabel(translate("MainWindow", "Fiscal year"), page))
    bar.addWidget(window.year_combo)
    layout.addLayout(bar)
    window.empty_hint = EmptyListHint(model, window.ws.role, window.show_import, page)
    layout.addWidget(window.empty_hint)
    layout.addWidget(window.assessment_table, 1)
    return page


class EmptyListHint(QtWidgets.QFrame):
    """An empty list says what comes first: an office imports bundles, an assessor starts one.

    Only the (hidden) frame is made with the window: its label, button and style are made
    the first time the list is empty (most starts show a list with rows and never pay for
    them: a styled frame and a Thai label cost ≈ 7 ms of a ≈ 250 ms start)."""

    def __init__(self, model: QtCore.QAbstractItemModel, role: Role,
                 show_import: Callable[[], None], parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("emptyHint")
        self.setVisible(False)
        self.model = model
        self.role = role
        self.show_import = show_import
        self.label: ThaiLabel | None = None
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.update_hint)
        self.update_hint()

    def update_hint(self) -> None:
        empty = self.model.rowCount() == 0
        if empty and self.label is None:
            self.label = self._fill()
        self.setVisible(empty)

    def _fill(self) -> ThaiLabel:
        self.setStyleSheet("QFrame#emptyHint { background: #eef6ee; border: 1px solid #b7d7b9; border-radius: 4px; }")
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        label = ThaiLabel(self)
        label.setObjectName("emptyHintText")
        label.setWordWrap(True)
        row.addWidget(label, 1)
        # Its text is set here, when the hint first shows: a ThaiLabel marks its word breaks
        # with PyThaiNLP, whose dictionary takes ~0.5 s to load.
        if self.role is Role.ASSESSOR:
            label.setText(translate("MainWindow", "No assessments yet: start one with “New assessment…”."))
        else:
            label.setText(translate(
                "MainWindow",
                "Nothing here yet. Assessments reach this office in signed bundles: import the "
                "bundles you receive under Sync › Receive (import)."))
            button = QtWidgets.QPushButton(translate("MainWindow", "Import a bundle…"), self)
            button.setObjectName("importHintButton")
            button.clicked.connect(self.show_import)
            row.addWidget(button)
        return label
