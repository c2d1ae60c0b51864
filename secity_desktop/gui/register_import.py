"""Import a register or past results with a preview: every row's outcome, then Apply.

The dialog runs the import operation as a dry run and shows each line as
add / update / same / ambiguous / refused / skip with its reasons in the
person's language; an ambiguous row is settled here (choose the record, add it
as new, or skip it) and the preview runs again. Apply writes what was shown —
the operation's ``finish`` refuses if the register changed meanwhile.

The operation runs on this thread (a 7,850-row register takes about a second);
it moves to the GUI operation runner when that lands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.localgov import type_label
from secity_desktop.core.past_results import LEVELS
from secity_desktop.gui.common import fit_to_screen, translate_buttons, warn
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.services.history import HistoryImport
from secity_desktop.services.operations import run_inline
from secity_desktop.services.register import RegisterImport
from secity_desktop.services.workspace import Workspace

REGISTER, HISTORY = "register", "history"


def outcome_text(outcome: str) -> str:
    return {
        "add": QtCore.QCoreApplication.translate("ImportPreview", "add"),
        "update": QtCore.QCoreApplication.translate("ImportPreview", "update"),
        "same": QtCore.QCoreApplication.translate("ImportPreview", "same"),
        "ambiguous": QtCore.QCoreApplication.translate("ImportPreview", "ambiguous"),
        "refused": QtCore.QCoreApplication.translate("ImportPreview", "refused"),
        "skip": QtCore.QCoreApplication.translate("ImportPreview", "skip"),
    }.get(outcome, outcome)


def field_text(name: str) -> str:
    return {
        "name_th": QtCore.QCoreApplication.translate("ImportPreview", "name"),
        "name_en": QtCore.QCoreApplication.translate("ImportPreview", "English name"),
        "type": QtCore.QCoreApplication.translate("ImportPreview", "type"),
        "official_code": QtCore.QCoreApplication.translate("ImportPreview", "department code"),
        "district": QtCore.QCoreApplication.translate("ImportPreview", "district"),
        "is_seat": QtCore.QCoreApplication.translate("ImportPreview", "seat town"),
    }.get(name, name)


class PreviewModel(QtCore.QAbstractTableModel):
    """The preview's rows; small enough (a few thousand) to hold whole."""

    def __init__(self, lang: str, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.kind = REGISTER
        self.rows: list[Any] = []

    def headers(self) -> list[str]:
        if self.kind == HISTORY:
            return [self.tr("Line"), self.tr("Result"), self.tr("As written"), self.tr("Year"),
                    self.tr("Level"), self.tr("Award"), self.tr("Record"), self.tr("Details")]
        return [self.tr("Line"), self.tr("Result"), self.tr("Name"), self.tr("Type"),
                self.tr("Province"), self.tr("Record"), self.tr("Details")]

    def set_rows(self, kind: str, rows: list[Any]) -> None:
        self.beginResetModel()
        self.kind, self.rows = kind, rows
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def details(self, p: Any) -> str:
        parts = [messages.render(r.code, r.params, self.lang, r.message) for r in p.reasons]
        for c in getattr(p, "changes", []):
            old, new = c.old, c.new
            if c.field == "type":
                old, new = type_label(old, self.lang), type_label(new, self.lang)
            parts.append(f"{field_text(c.field)}: {old or '—'} → {new}")
        return "; ".join(parts)

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        p = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return p.line
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        outcome = str(getattr(p.outcome, "value", p.outcome))
        r = p.row
        if self.kind == HISTORY:
            values = [
                p.line, outcome_text(outcome), p.label, r.year if r else "",
                LEVELS[r.level][0 if self.lang == "th" else 1] if r else "",
                r.award_text if r else "", p.record or ", ".join(p.candidates), self.details(p),
            ]
        else:
            values = [
                p.line, outcome_text(outcome), r.name_th if r else p.label,
                type_label(r.type.value, self.lang) if r else "", r.province_code if r else "",
                p.record or ", ".join(p.candidates) or (r.code if r and r.code else ""), self.details(p),
            ]
        return values[index.column()]


class ImportPreviewDialog(QtWidgets.QDialog):
    """Choose a file, see the dry run, settle ambiguous rows, Apply."""

    def __init__(self, ws: Workspace, kind: str, lang: str = "th", parent: QtWidgets.QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.ws, self.kind, self.lang = ws, kind, lang
        self.path: Path | None = None
        self.settle: dict[int, str] = {}
        self.op: RegisterImport | HistoryImport | None = None
        self.applied: Any = None
        self.setObjectName("importPreview")
        self.setWindowTitle(
            self.tr("Import the register of local governments") if kind == REGISTER
            else self.tr("Import past results")
        )
        layout = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        self.file_label = QtWidgets.QLabel(self.tr("No file chosen"), self)
        self.choose_button = QtWidgets.QPushButton(self.tr("Choose file…"), self)
        self.choose_button.clicked.connect(self.choose)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout.addLayout(top)
        self.model = PreviewModel(lang, self)
        self.table = thai_cells(QtWidgets.QTableView(self))
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.settle_selected())
        layout.addWidget(self.table, 1)
        self.counts = ThaiLabel(self)
        self.counts.setObjectName("previewCounts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        bar = QtWidgets.QHBoxLayout()
        self.settle_button = QtWidgets.QPushButton(self.tr("Settle the row…"), self)
        self.settle_button.setToolTip(self.tr("Say which record an ambiguous row is, or add or skip it"))
        self.settle_button.clicked.connect(lambda: self.settle_selected())  # not clicked(bool) as the argument
        self.apply_button = QtWidgets.QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("applyImport")
        self.apply_button.clicked.connect(self.apply)
        self.buttons = translate_buttons(
            QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        )
        self.buttons.rejected.connect(self.reject)
        bar.addWidget(self.settle_button)
        bar.addStretch(1)
        bar.addWidget(self.apply_button)
        bar.addWidget(self.buttons)
        layout.addLayout(bar)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        fit_to_screen(self, 980, 560)
        self._sync()
        if path is not None:
            self.load(path)

    # --- steps ---------------------------------------------------------------------
    def choose(self) -> None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.path, self.settle, self.applied = path, {}, None
        self.file_label.setText(str(path))
        self.preview()

    def _make_op(self) -> RegisterImport | HistoryImport:
        assert self.path is not None
        if self.kind == HISTORY:
            return HistoryImport(self.ws, self.path, settle=self.settle, dry_run=True)
        return RegisterImport(self.ws, self.path, settle=self.settle, dry_run=True)

    def preview(self) -> None:
        op = self._make_op()
        try:
            run_inline(op)
        except SecityError as exc:
            self.op = None
            self.model.set_rows(self.kind, [])
            self.counts.setText(messages.describe(exc, self.lang))
            self._sync()
            return
        self.op = op
        assert op.preview is not None
        self.model.set_rows(self.kind, op.preview.rows)
        self.table.resizeColumnsToContents()
        self._show_counts()
        self._sync()

    def _show_counts(self) -> None:
        assert self.op is not None and self.op.preview is not None
        counts = self.op.preview.counts
        text = " · ".join(f"{outcome_text(k)} {v}" for k, v in counts.items())
        if self.applied is not None:
            text = self.tr("Imported: {counts}").format(counts=text)
        elif not self.op.preview.can_apply:
            text += " — " + self.tr(
                "refused rows must be corrected in the file, ambiguous rows settled, before Apply"
            )
        self.counts.setText(text)

    def selected(self) -> Any:
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() else None

    def _sync(self) -> None:
        p = self.selected()
        outcome = str(getattr(p.outcome, "value", p.outcome)) if p is not None else ""
        self.settle_button.setEnabled(self.applied is None and (outcome == "ambiguous" or (p is not None and p.line in self.settle)))
        ok = self.op is not None and self.op.preview is not None and self.op.preview.can_apply
        self.apply_button.setEnabled(bool(ok) and self.applied is None)

    def settle_choices(self, p: Any) -> list[tuple[str, str]]:
        """(label, choice) pairs for the settle list: each candidate, new (register), skip."""
        names = self.op.record_names() if self.op else {}
        out = [(f"{c} {names.get(c, '')}", c) for c in p.candidates]
        if self.kind == REGISTER:
            out.append((self.tr("Add it as a new record"), "new"))
        out.append((self.tr("Skip this row"), "skip"))
        if p.line in self.settle:
            out.append((self.tr("Undo my choice for this row"), ""))
        return out

    def settle_selected(self, choice: str | None = None) -> None:
        p = self.selected()
        if p is None:
            return
        if choice is None:
            options = self.settle_choices(p)
            label, ok = QtWidgets.QInputDialog.getItem(
                self, self.tr("Settle line {line}").format(line=p.line),
                self.tr("Which record is line {line}?").format(line=p.line),
                [o[0] for o in options], 0, False,
            )
            if not ok:
                return
            choice = dict(options)[label]
        if choice:
            self.settle[p.line] = choice
        else:
            self.settle.pop(p.line, None)
        self.preview()

    def apply(self) -> None:
        if self.op is None:
            return
        self.op.dry_run = False
        try:
            self.applied = self.op.finish()
        except SecityError as exc:
            self.op.dry_run = True
            warn(self, self.tr("Not imported"), messages.describe(exc, self.lang))
            self.preview()
            return
        self._show_counts()
        self._sync()
