"""Import: drop several bundles, see the dry-run table, apply in one transaction, see results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.idle_warm import run_in_idle
from secity_desktop.gui.models.columns import Column, ColumnTableModel
from secity_desktop.gui.operations import Failure, OperationRunner, show_failure
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel, set_wrapped_text, thai_cells
from secity_desktop.gui.transfer.dialogs import (
    AskPassphrase,
    ask_passphrase,
    show_error,
    unlock_key,
)
from secity_desktop.gui.transfer.enrol_dialog import EnrolKeyDialog
from secity_desktop.services import verify_pool
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.front_ops import (
    ApplyImport,
    CheckBundles,
    CheckedImport,
    ImportOutcome,
)
from secity_desktop.services.identity import Identity
from secity_desktop.services.import_preview import ImportPreview, PlanRow
from secity_desktop.services.trust import TrustService

ACTION_COLOURS = {"add": "#1b7f3b", "update": "#1f5fa8", "skip": "#777777",
                  "conflict": "#b26a00", "refused": "#b00020", "review": "#1b7f3b",
                  "town": "#1b7f3b", "stale": "#b26a00"}
FILE_COLUMN_MAX = 220
DETAILS_COLUMN = 8
ACTION_COLUMN = 7


class PlanTableModel(ColumnTableModel[PlanRow]):
    """The dry run: one row per revision, per review, per model town, then per refused file.

    Field bundles carry revisions; a province's return bundle carries only
    reviews (why it was returned, with the reviewer's comments); an upward
    bundle carries revisions, the province's review of each and its model-town
    choices — every one is a row, so nothing in a bundle is applied unseen.
    A refused row says why in the person's language, and who the bundle claims
    sent it.
    """

    def __init__(self, parent: QtCore.QObject | None = None, lang: str = "th") -> None:
        super().__init__(parent)
        self.lang = lang

    def columns(self) -> list[Column[PlanRow]]:
        def tip(text: Any) -> Any:
            return lambda r: text(r) or None

        return [
            Column(self.tr("File"), lambda r: r.file, tooltip=tip(lambda r: r.file)),
            Column(self.tr("Content"), lambda r: self.content_label(r.content)),
            Column(self.tr("Municipality"), lambda r: r.municipality),
            Column(self.tr("Fiscal year"), lambda r: r.year),
            Column(self.tr("Revision"), lambda r: r.revision),
            Column(self.tr("From"), lambda r: r.sender),
            Column(self.tr("Comments"), lambda r: r.comments),
            Column(self.tr("Action"), lambda r: self.action_label(r.action),
                   foreground=lambda r: ACTION_COLOURS[r.action]),
            Column(self.tr("Details"), self.details, tooltip=tip(self.details_tip)),
        ]

    def action_label(self, action: str) -> str:
        return {"add": self.tr("add"), "update": self.tr("update (newer revision)"),
                "skip": self.tr("skip (already here)"), "conflict": self.tr("conflict — both kept"),
                "refused": self.tr("refused"), "review": self.tr("apply the review"),
                "town": self.tr("record the choice"),
                "stale": self.tr("stale replay — not received")}[action]

    def content_label(self, content: str) -> str:
        return {"revision": self.tr("signed revision"), "returned": self.tr("review: returned"),
                "approved": self.tr("review: approved"), "town": self.tr("model town"),
                "": ""}.get(content, content)

    def set_plan(self, preview: ImportPreview | None) -> None:
        self.set_rows(preview.rows if preview is not None else [])

    def refusal(self, r: PlanRow) -> str:
        """Why a file was refused and what to do, in the person's language."""
        return messages.render(f"bundle.{r.reason}", {}, self.lang, r.message)

    def details_tip(self, r: PlanRow) -> str:
        """The details, with a refusal's stable code for whoever helps on the phone."""
        text = self.details(r)
        return f"{text} (bundle.{r.reason})" if r.action == "refused" and r.reason else text

    def details(self, r: PlanRow) -> str:
        """For reviews: what applying does, then the reviewer's own words (why it was returned)."""
        if r.action == "refused" and r.reason:
            return self.refusal(r)
        if not r.review_status:
            return r.note
        if r.action == "skip":
            what = self.tr("already here")
        elif r.review_status == "returned":
            what = self.tr("returned for revision: a new draft opens to fix it")
        else:
            what = self.tr("approved by the province")
        return f"{what} — {r.review_said}" if r.review_said else what

    def action_at(self, row: int) -> str:
        return self._rows[row].action

    def content_at(self, row: int) -> str:
        return self._rows[row].content

    def plan_row(self, row: int) -> PlanRow:
        return self._rows[row]


class DropList(QtWidgets.QListWidget):
    """The files to import; bundles can be dropped here from a file manager."""

    files_dropped = Signal(list)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()


class ImportPage(QtWidgets.QWidget):
    applied = Signal(object)
    """An ``ImportOutcome``, after the import was applied."""
    enrolled = Signal(str)
    """The fingerprint of a sender enrolled from a refused row."""

    def __init__(self, svc: ImportService, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th", ask: AskPassphrase = ask_passphrase) -> None:
        super().__init__(parent)
        self.setObjectName("importPage")
        self.svc = svc
        self.ask = ask
        self.lang = lang
        self.runner = OperationRunner(self, lang)
        self.files: list[Path] = []
        self.checked: CheckedImport | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr(
            "Drop .secbundle files here (or add them), check them, then apply. Nothing changes "
            "until you apply; a refused file is kept in quarantine with its reason."), self))
        self.drop = thai_cells(DropList(self))
        self.drop.setMaximumHeight(110)
        self.drop.files_dropped.connect(self.add_files)
        layout.addWidget(self.drop)
        row = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton(self.tr("Add files…"), self)
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.check_button = QtWidgets.QPushButton(self.tr("Check (dry run)"), self)
        self.check_button.clicked.connect(self.check)
        self.apply_button = QtWidgets.QPushButton(self.tr("Apply import"), self)
        self.apply_button.clicked.connect(self.apply)
        self.clear_button = QtWidgets.QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear)
        for b in (self.add_button, self.check_button, self.apply_button, self.clear_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = PlanTableModel(self, lang)
        self.view = thai_cells(QtWidgets.QTableView(self))
        self.view.setModel(self.model)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setWordWrap(False)  # one line per row: file names and notes elide instead
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_refusal())
        layout.addWidget(self.view, 1)
        self.refused_box = QtWidgets.QFrame(self)
        self.refused_box.setObjectName("refusedBox")
        self.refused_box.setStyleSheet("QFrame#refusedBox { background: #fdecea; border: 1px solid #f0b4ae; border-radius: 4px; }")
        self.refused_box.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        box = QtWidgets.QHBoxLayout(self.refused_box)
        self.refused_text = QtWidgets.QLabel(self.refused_box)
        self.refused_text.setObjectName("refusedText")
        self.refused_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.refused_text, 1)
        self.enrol_button = QtWidgets.QPushButton(self.tr("Enrol this sender…"), self.refused_box)
        self.enrol_button.setObjectName("enrolSender")
        self.enrol_button.clicked.connect(lambda: self.enrol_sender())
        box.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignTop)
        self.refused_box.setVisible(False)
        layout.addWidget(self.refused_box)
        self.summary = ThaiLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self._update()

    @property
    def plan(self) -> ImportPreview | None:
        """The dry run being shown (None before a check, and after apply or clear)."""
        return self.checked.preview if self.checked is not None else None

    def _update(self) -> None:
        busy = self.runner.busy
        self.check_button.setEnabled(bool(self.files) and not busy)
        self.apply_button.setEnabled(
            self.checked is not None and not busy and self.checked.preview.applicable)
        self.clear_button.setEnabled(not busy)

    def choose_files(self) -> None:
        names, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("Bundles to import"), "", self.tr("SECity bundles (*.secbundle *.age);;All files (*)"))
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        for p in paths:
            if p not in self.files and p.is_file():
                self.files.append(p)
                self.drop.addItem(p.name)
        self._drop_plan()
        self._update()
        if len(self.files) >= verify_pool.WARM_MIN and not verify_pool.running():
            # enough files for the verification workers: start them while the person looks
            # at the list, so "Check" does not wait for them (services/verify_pool.py)
            run_in_idle(self, _warm_workers(), 0)

    def _drop_plan(self) -> None:
        if self.checked is not None:
            self.checked.drop()
        self.checked = None
        self.model.set_plan(None)
        self.refused_box.setVisible(False)

    def clear(self) -> None:
        self._drop_plan()
        self.files.clear()
        self.drop.clear()
        self.summary.clear()
        self._update()

    def check(self) -> None:
        """Verify in a worker (file work only); the plan is made back on the GUI thread."""
        self._drop_plan()
        key = None
        if self.svc.needs_key(self.files):  # encrypted to this office: open with its own key
            identity = Identity(self.svc.ws)
            if identity.has_key():
                key = unlock_key(self, identity, self.ask, self.tr(
                    "Passphrase of this workspace's key, to open the encrypted bundle(s)"),
                    reading=list(self.files))
                if key is None:
                    return
        self.runner.run(CheckBundles(self.svc, list(self.files), key), self.tr("Checking bundles"),
                        self._checked, self._failed)
        self._update()

    def _checked(self, checked: CheckedImport) -> None:
        self.checked = checked
        self.model.set_plan(checked.preview)
        self.view.resizeColumnsToContents()
        # generated file names are long: elide them (full name in the tooltip)
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), FILE_COLUMN_MAX))
        first_refused = next((n for n, r in enumerate(checked.preview.rows)
                              if r.action == "refused"), None)
        if first_refused is not None:  # what is wrong and what to do, without hunting for it
            self.view.selectRow(first_refused)
        self._show_refusal()
        text = self.tr(
            "Dry run — nothing changed yet: {add} to add, {update} to update, {skip} already "
            "here, {conflict} in conflict, {reviews} review(s) to apply, {rejected} refused."
        ).format(**checked.preview.counts)
        if checked.preview.counts.get("stale"):
            text += " " + self.tr("{n} stale replay(s): older than what is here, recorded only.").format(
                n=checked.preview.counts["stale"])
        for note in checked.plan.anchors:  # a sender's audit log went back or changed
            if note.alarming:
                text += "\n⚠ " + messages.render(note.code, note.params, self.lang, note.message)
        text += "".join("\n" + line for line in self.statement_lines(checked.plan))
        self.summary.setText(text)
        self._update()

    def statement_lines(self, plan: Any) -> list[str]:
        """Key statements the bundles carry, and keys accepted in a grace (docs/key-rotation.md)."""
        out = []
        for n in plan.statements:
            if n.outcome == "refused":
                out.append("⚠ " + self.tr("A key statement in {file} was not applied: {why}").format(
                    file=n.bundle, why=messages.describe(n.error, self.lang) if n.error else n.code))
            elif n.outcome == "applied":
                out.append(self.tr("Key change for {holder} will be applied: {old} → {new}").format(
                    holder=n.holder, old=n.old_fingerprint, new=n.new_fingerprint or "—"))
        for vb in plan.bundles:
            for fp in sorted(vb.late_keys):
                out.append("⚠ " + self.tr("{file} is signed by {fingerprint} before that key was "
                                          "replaced or revoked; accepted within the grace — ask the "
                                          "sender if you did not expect it.").format(
                    file=vb.path.name, fingerprint=fp))
        return out

    def selected_row(self) -> PlanRow | None:
        idx = self.view.currentIndex()
        if not idx.isValid() or idx.row() >= self.model.rowCount():
            return None
        return self.model.plan_row(idx.row())

    def _show_refusal(self) -> None:
        """Below the table: the selected refused file — why, who claims to send it, the fix."""
        r = self.selected_row()
        if r is None or r.action != "refused":
            self.refused_box.setVisible(False)
            return
        parts = [self.tr("{file} was refused: {why}").format(file=r.file, why=self.model.refusal(r))]
        if r.sender_fingerprint:
            who = r.sender or self.tr("(no name)")
            if r.sender_organisation:
                who += f" · {r.sender_organisation}"
            parts.append(self.tr("The bundle says it comes from {who}, key fingerprint {fp}.")
                         .format(who=who, fp=r.sender_fingerprint))
        if r.enrolable:
            parts.append(self.tr("If this sender is expected, choose “Enrol this sender…”, compare "
                                 "the fingerprint with them, then check the bundle again."))
        set_wrapped_text(self.refused_text, "\n".join(parts))
        self.enrol_button.setVisible(r.enrolable)
        self.refused_box.setVisible(True)

    def _owner(self) -> str:
        if self.svc.ws.role is Role.ASSESSOR:
            return self.tr("the office")
        if self.svc.ws.role is Role.PROVINCE:
            return self.tr("the assessor")
        return self.tr("the provincial office")

    def enrol_sender(self) -> bool:
        """Enrol the key a refused bundle carries, after the person compared its fingerprint;
        then check the same files again, so the bundle can be imported right away."""
        r = self.selected_row()
        if r is None or not r.enrolable:
            return False
        dialog = EnrolKeyDialog(r.sender_fingerprint, r.sender, r.sender_organisation,
                                self._owner(), self, from_bundle=r.file)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return False
        try:
            key = TrustService(self.svc.ws).add(
                r.sender_public, name=dialog.name.text(), organisation=dialog.organisation.text(),
                actor=self.svc.ws.actor)
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return False
        self.enrolled.emit(key.fingerprint)
        self.check()
        return True

    def _failed(self, failure: Failure) -> None:
        show_failure(self, failure)
        self._update()

    def apply(self) -> None:
        if self.checked is None:
            return
        checked, self.checked = self.checked, None
        self.runner.run(ApplyImport(checked), self.tr("Importing"), self._applied, self._failed)
        self._update()

    def _applied(self, outcome: ImportOutcome) -> None:
        self.summary.setText(self.tr(
            "Imported: {add} added, {update} updated, {skip} already here, {conflict} conflicts "
            "kept for review, {reviews} review(s) applied; {rejected} file(s) refused and "
            "quarantined.").format(
                add=outcome.added, update=outcome.updated, skip=outcome.skipped,
                conflict=outcome.conflicts, reviews=outcome.reviews, rejected=outcome.rejected))
        self.files.clear()
        self.drop.clear()
        self._update()
        self.applied.emit(outcome)


def _warm_workers() -> Iterator[None]:
    """One idle step: start the import's verification workers (never raises)."""
    verify_pool.warm()
    yield None
