"""New assessment: pick the municipality as you type, the fiscal year, see the framework.

A duplicate (same municipality, year and framework) is refused by the service;
the dialog turns that refusal into an offer to open the existing assessment,
so nobody ends up with two half-filled copies.
"""

from __future__ import annotations

import html

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.thai_calendar import MAX_BE_YEAR, fiscal_year_be, now_utc
from secity_desktop.gui.common import SB, button_texts, fit_to_screen, translate_buttons, warn
from secity_desktop.gui.models.municipalities import MunicipalityTableModel
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.services import lists
from secity_desktop.services.assessments import AssessmentService, DuplicateAssessment


class MunicipalityFilter(QtCore.QSortFilterProxyModel):
    """Every typed word must appear in the code, Thai or English name or province."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.province: str | None = None

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.lower().split()
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def set_province(self, code: str | None) -> None:
        self.beginFilterChange()
        self.province = code or None
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, row: int, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex
    ) -> bool:
        src = self.sourceModel()
        assert isinstance(src, MunicipalityTableModel)
        m = src.municipality(row)
        if self.province and m.province_code != self.province:
            return False
        hay = f"{m.code} {m.name_th} {m.name_en} {m.province_th} {m.province_en}".lower()
        return all(w in hay for w in self.words)


class NewAssessmentDialog(QtWidgets.QDialog):
    def __init__(
        self, svc: AssessmentService, lang: str = "th", parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("New assessment"))
        fit_to_screen(self, 680, 560)
        layout = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        self.search = QtWidgets.QLineEdit(self)
        self.search.setObjectName("municipalitySearch")
        self.search.setPlaceholderText(self.tr("Type a name in Thai or English, or a code…"))
        self.search.setClearButtonEnabled(True)
        form.addRow(self.tr("&Municipality:"), self.search)
        self.province = QtWidgets.QComboBox(self)
        self.province.addItem(self.tr("All provinces"), "")
        for p in lists.provinces(svc.ws):
            name = p.name_th if lang == "th" else p.name_en
            self.province.addItem(f"{name} ({p.code})", p.code)
        form.addRow(self.tr("&Province:"), self.province)
        layout.addLayout(form)

        self.model = MunicipalityTableModel(svc.ws, lang, self)
        self.proxy = MunicipalityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = thai_cells(QtWidgets.QTableView(self))
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field
        self.table.setObjectName("municipalityPicker")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)

        form2 = QtWidgets.QFormLayout()
        self.year = QtWidgets.QSpinBox(self)
        self.year.setRange(2560, MAX_BE_YEAR)
        self.year.setValue(fiscal_year_be(now_utc().date()))
        self.year.setToolTip(self.tr("Buddhist Era fiscal year (1 October – 30 September)"))
        form2.addRow(self.tr("Fiscal &year (BE):"), self.year)
        fw = svc.ws.frameworks.current()
        title = fw.framework.title_th if lang == "th" else fw.framework.title_en
        status = (
            self.tr("provisional draft — not the official criteria")
            if fw.is_provisional
            else fw.status
        )
        version_word = self.tr("version")
        self.framework_label = ThaiLabel(
            f"{html.escape(title)}<br><small>{html.escape(version_word)} {html.escape(fw.version)}"
            f" · <b>{html.escape(status)}</b></small>",
            self,
        )
        self.framework_label.setWordWrap(True)
        form2.addRow(self.tr("Framework:"), self.framework_label)
        layout.addLayout(form2)

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        translate_buttons(self.buttons)
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Create"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        self.province.currentIndexChanged.connect(lambda _i: self._filter())
        self.search.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_ok())
        self.table.doubleClicked.connect(lambda _i: self.create())
        if svc.ws.municipality_code:  # a municipality office assesses itself only
            self.search.setText(svc.ws.municipality_code)
            self.search.setReadOnly(True)
            self.province.setEnabled(False)
        self._filter()

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """Down from the search box goes to the list, so the keyboard alone is enough."""
        if (
            obj is self.search
            and event.type() == QtCore.QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)  # type: ignore[attr-defined]
        ):
            self.table.setFocus()
            return True
        return super().eventFilter(obj, event)

    def _filter(self, text: str | None = None) -> None:
        self.proxy.set_query(self.search.text() if text is None else text)
        self.proxy.set_province(self.province.currentData())
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.table.currentIndex().isValid())

    def selected_code(self) -> str | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.municipality(self.proxy.mapToSource(idx).row()).code

    def create(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        try:
            a = self.svc.new(code, self.year.value())
        except DuplicateAssessment as dup:
            box = QtWidgets.QMessageBox(self)
            box.setIcon(QtWidgets.QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Assessment already exists"))
            muni = lists.municipality(self.svc.ws, code)
            box.setText(
                self.tr(
                    "{name} already has an assessment for fiscal year {year} under this framework."
                ).format(
                    name=muni.name_th if self.lang == "th" else (muni.name_en or muni.name_th),
                    year=self.year.value(),
                )
            )
            box.setInformativeText(self.tr("Open the existing assessment instead?"))
            open_button = box.addButton(
                self.tr("&Open existing"), QtWidgets.QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(button_texts()[SB.Cancel], QtWidgets.QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(open_button)
            box.exec()
            if box.clickedButton() is open_button:
                self.created_id = dup.existing_id
                self.accept()
            return
        except SecityError as exc:
            warn(self, self.tr("New assessment"), messages.describe(exc, self.lang))
            return
        self.created_id = a.id
        self.accept()
