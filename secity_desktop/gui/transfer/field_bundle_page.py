"""Export: choose finalized revisions (or everything not yet sent), see the size, write the bundle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from secity_desktop.bundle.write import WrittenBundle
from secity_desktop.core.errors import SecityError
from secity_desktop.gui.common import when_text
from secity_desktop.gui.models.checkable import CheckableRowsModel
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets, Signal
from secity_desktop.gui.tasks import ProgressFn, Task, run_task
from secity_desktop.gui.transfer.dialogs import AskPassphrase, show_error, unlock_key
from secity_desktop.services.bundle_export import Candidate, ExportService


def human_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


class CandidateTableModel(CheckableRowsModel):
    """Finalized revisions of this workspace, each with a check box."""

    def __init__(self, svc: ExportService, parent: QtCore.QObject | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self._rows: list[Candidate] = []
        self.reload()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Municipality"), self.tr("Fiscal year"), self.tr("Revision"),
                self.tr("Finalized"), self.tr("Evidence"), self.tr("Sent"), self.tr("Last sent to"))

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.svc.candidates()
        self.checked &= {c.assessment_id for c in self._rows}
        self.endResetModel()
        self.changed.emit()

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return self.check_state(c)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        sent = self.tr("not yet") if c.sent == 0 else self.tr("{n}×").format(n=c.sent)
        return (c.municipality_th, str(c.year), str(c.revision), when_text(c.finalized_at, self.lang),
                human_size(c.evidence_bytes), sent, c.last_sent_to or "")[index.column()]


class ExportPage(QtWidgets.QWidget):
    exported = Signal(object)

    def __init__(self, svc: ExportService, ask: AskPassphrase,
                 parent: QtWidgets.QWidget | None = None, lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("exportPage")
        self.svc = svc
        self.ask = ask
        self.task: Task | None = None
        self._job_ids: list[str] = []
        self.model = CandidateTableModel(svc, self, lang)
        layout = QtWidgets.QVBoxLayout(self)
        ready = QtWidgets.QHBoxLayout()
        self.ready_label = QtWidgets.QLabel(self)
        self.ready_label.setObjectName("readyLabel")
        self.ready_combo = QtWidgets.QComboBox(self)
        self.finalize_button = QtWidgets.QPushButton(self.tr("Finalize and sign…"), self)
        self.finalize_button.clicked.connect(lambda: self.finalize())
        ready.addWidget(self.ready_label)
        ready.addWidget(self.ready_combo, 1)
        ready.addWidget(self.finalize_button)
        layout.addLayout(ready)
        self.view = QtWidgets.QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view)
        row = QtWidgets.QHBoxLayout()
        self.unsent_button = QtWidgets.QPushButton(self.tr("Select everything not yet sent"), self)
        self.unsent_button.clicked.connect(self.model.check_unsent)
        self.size_label = QtWidgets.QLabel(self)
        self.size_label.setObjectName("exportSize")
        self.export_button = QtWidgets.QPushButton(self.tr("Sign and export…"), self)
        self.export_button.clicked.connect(lambda: self.export())
        row.addWidget(self.unsent_button)
        row.addWidget(self.size_label, 1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.result = QtWidgets.QLabel(self)
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.model.changed.connect(self._update_size)
        self.model.modelReset.connect(self.view.resizeColumnsToContents)
        self.view.resizeColumnsToContents()
        self._update_size()
        self.refresh_ready()

    def refresh_ready(self) -> None:
        """Complete assessments waiting to be finalized (frozen and signed) before export."""
        from secity_desktop.core.lifecycle import Status
        from secity_desktop.store import assessments as repo

        ids = repo.list_ids(self.svc.db, status=Status.COMPLETE.value)
        rows = repo.summary_rows(self.svc.db, ids)
        self.ready_combo.clear()
        for i in ids:
            r = rows[i]
            self.ready_combo.addItem(f"{r['municipality_th']} {r['year']} (r{r['revision']})", i)
        self.ready_label.setText(self.tr("Complete, not yet finalized: {n}").format(n=len(ids)))
        self.ready_combo.setEnabled(bool(ids))
        self.finalize_button.setEnabled(bool(ids))

    def finalize(self) -> None:
        from secity_desktop.services.revisions import RevisionService

        aid = self.ready_combo.currentData()
        if not aid:
            return
        key = unlock_key(self, self.svc.identity, self.ask, self.tr(
            "Passphrase to finalize and sign {name}. A finalized assessment can no longer be "
            "edited; changes make a new revision.").format(name=self.ready_combo.currentText()))
        if key is None:
            return
        try:
            RevisionService(self.svc.ws).finalize(aid, key)
        except SecityError as exc:
            show_error(self, exc)
        self.refresh_ready()
        self.model.reload()

    def _update_size(self) -> None:
        ids = self.model.selected_ids()
        self.export_button.setEnabled(bool(ids) and self.task is None)
        if not ids:
            self.size_label.setText(self.tr("Nothing selected"))
            return
        try:
            size = self.svc.estimate(ids)
        except SecityError as exc:
            self.size_label.setText(str(exc))
            return
        self.size_label.setText(self.tr("{n} revision(s), about {size}").format(
            n=len(ids), size=human_size(size)))

    def export(self, target: Path | None = None) -> None:
        ids = self.model.selected_ids()
        if not ids:
            return
        try:
            job = self.svc.prepare(ids)
        except SecityError as exc:
            show_error(self, exc)
            return
        if target is None:
            name, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save bundle"), job.target_for(Path.home()).name,
                self.tr("SECity bundle (*.secbundle)"))
            if not name:
                return
            target = Path(name)
        key = unlock_key(self, self.svc.identity, self.ask,
                         self.tr("Passphrase to sign {n} revision(s)").format(n=len(ids)))
        if key is None:
            return

        label = self.tr("Writing bundle…")  # translated here: the worker touches no widget

        def work(progress: ProgressFn) -> WrittenBundle:
            return job.run(target, key, lambda d, t: progress(d, t, label))

        self.export_button.setEnabled(False)
        self._job_ids = job.ids
        self.task = run_task(self, self.tr("Exporting"), work, self._done, self._failed)

    def _done(self, written: WrittenBundle) -> None:
        self.task = None
        try:
            self.svc.record(written, self._job_ids)
        except SecityError as exc:
            show_error(self, exc)
        self.result.setText(self.tr("Wrote {path} ({size}, {n} revision(s)).\nSHA-256 {sha}").format(
            path=str(written.path), size=human_size(written.size), n=written.revisions,
            sha=written.sha256))
        self.model.reload()
        self.exported.emit(written)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._update_size()
        self.result.setText(self.tr("No bundle was written."))
        show_error(self, exc)
