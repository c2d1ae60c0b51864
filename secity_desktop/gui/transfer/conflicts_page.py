"""Import conflicts waiting for a person: two revisions claiming the same place, side by side.

The importer keeps both and flags them (docs/bundle-format.md); here the
office sees who signed each, when, and settles it by keeping one with a
written reason. Nothing is deleted — the other revision is set aside.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.gui.common import warn, when_text
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.review_dialogs import ReasonDialog
from secity_desktop.services.conflicts import Conflict, ConflictService, Side

_COLUMNS = ("id", "municipality", "year", "kind", "new", "existing", "flagged", "state")


class ConflictModel(QtCore.QAbstractTableModel):
    def __init__(self, svc: ConflictService, lang: str = "th",
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.include_resolved = False
        self._rows: list[Conflict] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.svc.list(include_resolved=self.include_resolved)
        self.endResetModel()

    def conflict(self, row: int) -> Conflict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def open_count(self) -> int:
        return sum(1 for c in self._rows if c.resolved_at is None)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Municipality"), self.tr("Fiscal year"), self.tr("Kind"),
                self.tr("Newly imported"), self.tr("Already here"), self.tr("Flagged"),
                self.tr("State"))

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def _side(self, s: Side) -> str:
        labels = STATUS_LABELS.get(Status(s.status), (s.status, s.status))
        status = labels[0] if self.lang == "th" else labels[1]
        when = when_text(s.finalized_at, self.lang) if s.finalized_at else ""
        return self.tr("revision {n} · {status} · {who} · {when}").format(
            n=s.revision, status=status, who=s.signer_name or "—", when=when)

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        key = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and key in ("new", "existing"):
            s = c.new if key == "new" else c.existing
            signed = self.tr("signed with {key}").format(key=s.signer or "—")
            return f"{s.assessment_id}\n{signed}"
        if role == Qt.ItemDataRole.ToolTipRole and key == "state" and c.resolution:
            return c.resolution
        if role == Qt.ItemDataRole.ForegroundRole and key == "state" and c.resolved_at is None:
            return QtGui.QBrush(QtGui.QColor("#b35900"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "id":
            return str(c.id)
        if key == "municipality":
            return f"{c.municipality_code} {c.municipality_th}"
        if key == "year":
            return str(c.year)
        if key == "kind":
            return (self.tr("both revise the same revision") if c.kind == "fork"
                    else self.tr("two first assessments"))
        if key in ("new", "existing"):
            return self._side(c.new if key == "new" else c.existing)
        if key == "flagged":
            return when_text(c.flagged_at, self.lang)
        if c.resolved_at is None:
            return self.tr("waiting for a decision")
        kept = self.tr("newly imported") if c.kept_id == c.new.assessment_id else self.tr("already here")
        return self.tr("kept the {which} ({when})").format(
            which=kept, when=when_text(c.resolved_at, self.lang))


class ConflictsPage(QtWidgets.QWidget):
    resolved = Signal(int)

    def __init__(self, svc: ConflictService, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("conflictsPage")
        self.svc = svc
        self.model = ConflictModel(svc, lang, self)
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(self.tr(
            "Two revisions claim the same municipality and year. Both were kept; choose the one"
            " that stands and say why. The other stays in the store, set aside."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.show_resolved = QtWidgets.QCheckBox(self.tr("Show resolved ones too"), self)
        self.show_resolved.toggled.connect(self._toggle_resolved)
        layout.addWidget(self.show_resolved)
        self.view = QtWidgets.QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.model.modelReset.connect(self.view.resizeColumnsToContents)
        layout.addWidget(self.view, 1)
        buttons = QtWidgets.QHBoxLayout()
        self.keep_new = QtWidgets.QPushButton(self.tr("Keep the newly imported…"), self)
        self.keep_existing = QtWidgets.QPushButton(self.tr("Keep the one already here…"), self)
        self.keep_new.clicked.connect(lambda: self.resolve_selected(new=True))
        self.keep_existing.clicked.connect(lambda: self.resolve_selected(new=False))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_new)
        buttons.addWidget(self.keep_existing)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.view.resizeColumnsToContents()

    def _toggle_resolved(self, on: bool) -> None:
        self.model.include_resolved = on
        self.model.reload()

    def selected(self) -> Conflict | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.conflict(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        c = self.selected()
        can = c is not None and c.resolved_at is None
        self.keep_new.setEnabled(can)
        self.keep_existing.setEnabled(can)

    def resolve_selected(self, *, new: bool, reason: str | None = None) -> bool:
        """Keep one side; asks for the reason unless given (tests, scripts)."""
        c = self.selected()
        if c is None or c.resolved_at is not None:
            return False
        keep = c.new if new else c.existing
        if reason is None:
            dialog = ReasonDialog(
                self.tr("Resolve conflict {n}").format(n=c.id),
                self.tr("Why does revision {rev} ({id}) stand? The reason is kept in the audit"
                        " log.").format(rev=keep.revision, id=keep.assessment_id[:8]),
                self,
            )
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return False
            reason = dialog.text()
        try:
            self.svc.resolve(c.id, keep.assessment_id, reason)
        except SecityError as exc:
            warn(self, self.tr("Conflict not resolved"), str(exc))
            return False
        self.model.reload()
        self.resolved.emit(c.id)
        return True
