"""Import conflicts waiting for a person: two revisions claiming the same place, side by side.

The importer keeps both and flags them (docs/bundle-format.md); here the
office sees who signed each, when, and settles it by keeping one with a
written reason. Nothing is deleted — the other revision is set aside.
"""

from __future__ import annotations

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import STATUS_LABELS, Status
from secity_desktop.gui.common import warn, when_text
from secity_desktop.gui.models.columns import Column, ColumnTableModel
from secity_desktop.gui.qt import QtCore, QtWidgets, Signal
from secity_desktop.gui.review_dialogs import ReasonDialog
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.services.conflicts import Conflict, ConflictService, Side

OPEN = "#b35900"


class ConflictModel(ColumnTableModel[Conflict]):
    def __init__(self, svc: ConflictService, lang: str = "th",
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.include_resolved = False
        self.reload()

    def columns(self) -> list[Column[Conflict]]:
        def signed(side: Side) -> str:
            return f"{side.assessment_id}\n" + self.tr("signed with {key}").format(key=side.signer or "—")

        return [
            Column(self.tr("No."), lambda c: str(c.id)),
            Column(self.tr("Municipality"), lambda c: f"{c.municipality_code} {c.municipality_th}"),
            Column(self.tr("Fiscal year"), lambda c: str(c.year)),
            Column(self.tr("Kind"), lambda c: self.tr("both revise the same revision")
                   if c.kind == "fork" else self.tr("two first assessments")),
            Column(self.tr("Newly imported"), lambda c: self._side(c.new),
                   tooltip=lambda c: signed(c.new)),
            Column(self.tr("Already here"), lambda c: self._side(c.existing),
                   tooltip=lambda c: signed(c.existing)),
            Column(self.tr("Flagged"), lambda c: when_text(c.flagged_at, self.lang)),
            Column(self.tr("State"), self._state, tooltip=lambda c: c.resolution or None,
                   foreground=lambda c: OPEN if c.resolved_at is None else None),
        ]

    def reload(self) -> None:
        self.set_rows(self.svc.list(include_resolved=self.include_resolved))

    def conflict(self, row: int) -> Conflict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def open_count(self) -> int:
        return sum(1 for c in self._rows if c.resolved_at is None)

    def _side(self, s: Side) -> str:
        labels = STATUS_LABELS.get(Status(s.status), (s.status, s.status))
        status = labels[0] if self.lang == "th" else labels[1]
        when = when_text(s.finalized_at, self.lang) if s.finalized_at else ""
        return self.tr("revision {n} · {status} · {who} · {when}").format(
            n=s.revision, status=status, who=s.signer_name or "—", when=when)

    def _state(self, c: Conflict) -> str:
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
        self.lang = lang
        self.model = ConflictModel(svc, lang, self)
        layout = QtWidgets.QVBoxLayout(self)
        intro = ThaiLabel(self.tr(
            "Two revisions claim the same municipality and year. Both were kept; choose the one"
            " that stands and say why. The other stays in the store, set aside."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.show_resolved = QtWidgets.QCheckBox(self.tr("Show resolved ones too"), self)
        self.show_resolved.toggled.connect(self._toggle_resolved)
        layout.addWidget(self.show_resolved)
        self.view = thai_cells(QtWidgets.QTableView(self))
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
            warn(self, self.tr("Conflict not resolved"), messages.describe(exc, self.lang))
            return False
        self.model.reload()
        self.resolved.emit(c.id)
        return True
