"""Import: drop several bundles, see the dry-run table, apply in one transaction, see results."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from secity_desktop.bundle.plan import Action, Plan, ReviewItem
from secity_desktop.core.errors import SecityError
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.tasks import ProgressFn, Task, run_task
from secity_desktop.gui.transfer.dialogs import show_error
from secity_desktop.services.bundle_import import ImportResult, ImportService

ACTION_COLOURS = {"add": "#1b7f3b", "update": "#1f5fa8", "skip": "#777777",
                  "conflict": "#b26a00", "refused": "#b00020", "review": "#1b7f3b",
                  "town": "#1b7f3b"}
_COLUMNS = 9
FILE_COLUMN_MAX = 220
DETAILS_COLUMN = 8
ACTION_COLUMN = 7


class PlanTableModel(QtCore.QAbstractTableModel):
    """The dry run: one row per revision, per review, per model town, then per refused file.

    Field bundles carry revisions; a province's return bundle carries only
    reviews (why it was returned, with the reviewer's comments); an upward
    bundle carries revisions, the province's review of each and its model-town
    choices — every one is a row, so nothing in a bundle is applied unseen.
    """

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("File"), self.tr("Content"), self.tr("Municipality"), self.tr("Fiscal year"),
                self.tr("Revision"), self.tr("From"), self.tr("Comments"), self.tr("Action"),
                self.tr("Details"))

    def action_label(self, action: str) -> str:
        return {"add": self.tr("add"), "update": self.tr("update (newer revision)"),
                "skip": self.tr("skip (already here)"), "conflict": self.tr("conflict — both kept"),
                "refused": self.tr("refused"), "review": self.tr("apply the review"),
                "town": self.tr("record the choice")}[action]

    def content_label(self, content: str) -> str:
        return {"revision": self.tr("signed revision"), "returned": self.tr("review: returned"),
                "approved": self.tr("review: approved"), "town": self.tr("model town"),
                "": ""}.get(content, content)

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._rows = []
        if plan is not None:
            signers = {vb.path: vb.signer.name for vb in plan.bundles}
            for i in plan.items:
                d = i.doc
                self._rows.append((i.bundle.name, "revision",
                                   f"{d.municipality.name_th} ({d.municipality.code})",
                                   str(d.year), str(d.revision), d.assessor.name, "",
                                   i.action.value, i.note))
            for r in plan.reviews:
                d = r.doc
                name = r.municipality_th or d.municipality_code
                action = "skip" if r.action is Action.SKIP else "review"
                self._rows.append((r.bundle.name, d.status, f"{name} ({d.municipality_code})",
                                   str(d.year), str(d.revision), signers.get(r.bundle, ""),
                                   str(len(d.comments)), action, self.review_note(r)))
            for vb in plan.bundles:
                names = {m.code: m.name_th for m in vb.manifest.municipalities}
                for t in vb.manifest.model_towns:
                    name = names.get(t.municipality_code, t.municipality_code)
                    self._rows.append((vb.path.name, "town", f"{name} ({t.municipality_code})",
                                       str(t.year), "", vb.signer.name, "", "town", t.reason))
            for rej in plan.rejected:
                self._rows.append((rej.path.name, "", "", "", "", rej.sender_name or "", "",
                                   "refused", f"[{rej.reason}] {rej.message}"))
        self.endResetModel()

    def review_note(self, item: ReviewItem) -> str:
        """What applying does, then the reviewer's own words (why it was returned)."""
        d = item.doc
        if item.action is Action.SKIP:
            what = self.tr("already here")
        elif d.status == "returned":
            what = self.tr("returned for revision: a new draft opens to fix it")
        else:
            what = self.tr("approved by the province")
        said = next((x.comment for x in reversed(d.decisions) if x.comment), "")
        return f"{what} — {said}" if said else what

    def action_at(self, row: int) -> str:
        return self._rows[row][ACTION_COLUMN]

    def content_at(self, row: int) -> str:
        return self._rows[row][1]

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and col == ACTION_COLUMN:
            return QtGui.QBrush(QtGui.QColor(ACTION_COLOURS[row[ACTION_COLUMN]]))
        if role == Qt.ItemDataRole.ToolTipRole and col in (0, DETAILS_COLUMN) and row[col]:
            return row[col]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == ACTION_COLUMN:
            return self.action_label(row[col])
        if col == 1:
            return self.content_label(row[col])
        return row[col]


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

    def __init__(self, svc: ImportService, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPage")
        self.svc = svc
        self.files: list[Path] = []
        self.plan: Plan | None = None
        self.stage: Path | None = None
        self.task: Task | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr(
            "Drop .secbundle files here (or add them), check them, then apply. Nothing changes "
            "until you apply; a refused file is kept in quarantine with its reason."), self))
        self.drop = DropList(self)
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
        self.model = PlanTableModel(self)
        self.view = QtWidgets.QTableView(self)
        self.view.setModel(self.model)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setWordWrap(False)  # one line per row: file names and notes elide instead
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.summary = QtWidgets.QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self._update()

    def _update(self) -> None:
        busy = self.task is not None
        self.check_button.setEnabled(bool(self.files) and not busy)
        self.apply_button.setEnabled(self.plan is not None and not busy and bool(
            self.plan.bundles or self.plan.rejected))
        self.clear_button.setEnabled(not busy)

    def choose_files(self) -> None:
        names, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("Bundles to import"), "", self.tr("SECity bundles (*.secbundle);;All files (*)"))
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        for p in paths:
            if p not in self.files and p.is_file():
                self.files.append(p)
                self.drop.addItem(p.name)
        self._drop_plan()
        self._update()

    def _drop_plan(self) -> None:
        if self.plan is not None:
            self.svc.discard(self.plan)
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)
        self.plan, self.stage = None, None
        self.model.set_plan(None)

    def clear(self) -> None:
        self._drop_plan()
        self.files.clear()
        self.drop.clear()
        self.summary.clear()
        self._update()

    def check(self) -> None:
        """Verify in a worker (file work only); the plan is made back on the GUI thread."""
        self._drop_plan()
        trusted = self.svc.trusted()
        frameworks = self.svc.known_frameworks()
        stage = self.svc.new_stage()
        files = list(self.files)

        def work(progress: ProgressFn) -> Any:
            return self.svc.check_files(files, trusted, stage_dir=stage, progress=progress,
                                        framework_cache=frameworks)

        def done(result: Any) -> None:
            self.task = None
            self.stage = stage
            self.plan = self.svc.plan(*result)
            self.model.set_plan(self.plan)
            self.view.resizeColumnsToContents()
            # generated file names are long: elide them (full name in the tooltip)
            self.view.setColumnWidth(0, min(self.view.columnWidth(0), FILE_COLUMN_MAX))
            c = self.plan.as_json()["counts"]
            self.summary.setText(self.tr(
                "Dry run — nothing changed yet: {add} to add, {update} to update, {skip} already "
                "here, {conflict} in conflict, {reviews} review(s) to apply, {rejected} refused."
            ).format(**c))  # type: ignore[arg-type]
            self._update()

        def failed(exc: BaseException) -> None:
            self.task = None
            shutil.rmtree(stage, ignore_errors=True)
            show_error(self, exc)
            self._update()

        self.task = run_task(self, self.tr("Checking bundles"), work, done, failed)
        self._update()

    def apply(self) -> None:
        if self.plan is None:
            return
        try:
            result: ImportResult = self.svc.apply(self.plan)
        except SecityError as exc:
            show_error(self, exc)
            return
        finally:
            if self.stage is not None:
                shutil.rmtree(self.stage, ignore_errors=True)
        plan = self.plan
        self.plan, self.stage = None, None
        self.summary.setText(self.tr(
            "Imported: {add} added, {update} updated, {skip} already here, {conflict} conflicts "
            "kept for review, {reviews} review(s) applied; {rejected} file(s) refused and "
            "quarantined.").format(
                add=plan.count(Action.ADD), update=plan.count(Action.UPDATE),
                skip=plan.count(Action.SKIP), conflict=plan.count(Action.CONFLICT),
                reviews=sum(1 for r in plan.reviews if r.action is not Action.SKIP),
                rejected=len(plan.rejected)))
        self.files.clear()
        self.drop.clear()
        self._update()
        self.applied.emit(result)
