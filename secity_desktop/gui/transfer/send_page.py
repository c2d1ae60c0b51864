"""Send (province): returns for assessors, and approved results for the region and nation.

Both bundles are signed with the office's key. The writing follows the field
export: the job is prepared on the GUI thread (database reads), the file is
written by a worker with progress and Cancel, and the export is recorded back
on the GUI thread (SQLite stays on one thread). ``OfficeBundleWriter`` is
that flow on its own, so the Review place can write a return bundle right
after a Return without opening this page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from secity_desktop.bundle.documents import BundleKind
from secity_desktop.bundle.write import WrittenBundle
from secity_desktop.core.errors import SecityError
from secity_desktop.core.thai_calendar import format_date, parse_iso
from secity_desktop.gui.models.checkable import CheckableRowsModel
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.tasks import ProgressFn, Task, run_task
from secity_desktop.gui.transfer.dialogs import AskPassphrase, show_error, unlock_key
from secity_desktop.gui.transfer.field_bundle_page import human_size
from secity_desktop.services.office_bundles import OfficeBundleService, OfficeCandidate, OfficeJob
from secity_desktop.store import geography
from secity_desktop.store import review as rrepo

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OfficeCandidateModel(CheckableRowsModel):
    """Returned (``return``) or approved (``upward``) signed assessments of this province.

    Returns are chosen one by one (check boxes): each goes to the assessor who
    must fix it. Upward bundles carry everything approved for the year, so
    that table only shows what will go, with the model town marked.
    """

    def __init__(self, svc: OfficeBundleService, kind: BundleKind, lang: str = "th",
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.kind = kind
        self.lang = lang
        self.checkable = kind == "return"
        self.year: int | None = None
        self._rows: list[OfficeCandidate] = []
        self._decided: dict[str, str] = {}
        self._comments: dict[str, int] = {}
        self._towns: set[tuple[str, int]] = set()
        self.reload()

    def headers(self) -> tuple[str, ...]:
        decided = self.tr("Returned on") if self.kind == "return" else self.tr("Approved on")
        last = self.tr("Comments") if self.kind == "return" else self.tr("Model town")
        return (self.tr("Municipality"), self.tr("Fiscal year"), self.tr("Revision"),
                decided, self.tr("Sent"), last)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.svc.candidates(self.kind, self.year)
        ids = [c.assessment_id for c in self._rows]
        self._decided = {i: d.at for i, d in rrepo.last_decision(self.svc.db, ids).items()}
        self._comments = {i: len(rrepo.comments(self.svc.db, i)) for i in ids} if self.checkable else {}
        self._towns = {(t.municipality_code, t.year) for t in rrepo.model_towns(
            self.svc.db, province_code=self.svc.ws.province_code or "", year=self.year)}
        self.checked &= set(ids)
        self.endResetModel()
        self.changed.emit()

    def candidates(self) -> list[OfficeCandidate]:
        return list(self._rows)

    def _date(self, iso: str | None) -> str:
        if not iso:
            return ""
        return format_date(parse_iso(iso).astimezone().date(), self.lang, short=True)

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return c.assessment_id
        if role == Qt.ItemDataRole.CheckStateRole and col == 0 and self.checkable:
            return self.check_state(c)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{c.municipality_code} · {status_text(c.status, self.lang == 'th')}"
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and c.sent == 0:
            return QtGui.QBrush(QtGui.QColor("#b26a00"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        sent = self.tr("not yet") if c.sent == 0 else self.tr("{n}×").format(n=c.sent)
        if self.kind == "return":
            last = str(self._comments.get(c.assessment_id, 0))
        else:
            last = "★" if (c.municipality_code, c.year) in self._towns else ""
        return (c.municipality_th, str(c.year), str(c.revision),
                self._date(self._decided.get(c.assessment_id)), sent, last)[col]


class OfficeBundleWriter(QtCore.QObject):
    """Choose a file, unlock the office key, write in a worker, record on the GUI thread."""

    written = Signal(object)
    """A ``WrittenBundle``, after the export was recorded."""
    failed = Signal(object)

    def __init__(self, svc: OfficeBundleService, ask: AskPassphrase, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.svc = svc
        self.ask = ask
        self.widget = parent
        self.task: Task | None = None
        self._job: OfficeJob | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def prompt(self, job: OfficeJob) -> str:
        if job.kind == "return":
            return self.tr("Passphrase to sign the return bundle for {n} assessment(s)").format(
                n=len(job.ids))
        return self.tr(
            "Passphrase to sign the upward bundle: {n} approved assessment(s), {m} model town(s)"
        ).format(n=len(job.ids), m=len(job.model_towns))

    def ensure_key(self) -> bool:
        """Say plainly where to create the key, before preparing anything that needs it."""
        if self.svc.identity.has_key():
            return True
        QtWidgets.QMessageBox.information(
            self.widget, self.tr("Signing key"),
            self.tr("This office has no signing key yet. Create one under Sync → "
                    "Office signing key, and give its public key to your assessors."))
        return False

    def write(self, job: OfficeJob, target: Path | None = None) -> bool:
        """True when the writing started; False when the person stopped before it did."""
        if self.task is not None or not self.ensure_key():
            return False
        if target is None:
            name, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.widget, self.tr("Save bundle"), str(Path.home() / job.target_for(Path.home()).name),
                self.tr("SECity bundle (*.secbundle)"))
            if not name:
                return False
            target = Path(name)
        key = unlock_key(self.widget, self.svc.identity, self.ask, self.prompt(job))
        if key is None:
            return False
        label = self.tr("Writing bundle…")  # translated here: the worker touches no widget
        out = target

        def work(progress: ProgressFn) -> WrittenBundle:
            return job.run(out, key, lambda d, t: progress(d, t, label))

        self._job = job
        title = self.tr("Writing return bundle") if job.kind == "return" else self.tr(
            "Writing upward bundle")
        self.task = run_task(self.widget, title, work, self._done, self._failed)
        return True

    def _done(self, written: WrittenBundle) -> None:
        self.task = None
        job, self._job = self._job, None
        try:
            if job is not None:
                self.svc.record(job, written)
        except SecityError as exc:
            show_error(self.widget, exc)
        self.written.emit(written)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._job = None
        show_error(self.widget, exc)  # says nothing for Cancel
        self.failed.emit(exc)

    def describe(self, written: WrittenBundle) -> str:
        return self.tr("Wrote {path} ({size}).\nSHA-256 {sha}").format(
            path=str(written.path), size=human_size(written.size), sha=written.sha256)


class SendPage(QtWidgets.QWidget):
    """Two sections: return to the assessor (chosen ones), and send upward (a year's results)."""

    written = Signal(object)

    def __init__(self, svc: OfficeBundleService, ask: AskPassphrase, lang: str = "th",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendPage")
        self.svc = svc
        self.lang = lang
        self.writer = OfficeBundleWriter(svc, ask, self)
        self.writer.written.connect(self._written)
        self.writer.failed.connect(self._failed)
        self.return_model = OfficeCandidateModel(svc, "return", lang, self)
        self.upward_model = OfficeCandidateModel(svc, "upward", lang, self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self._return_box(), 1)
        layout.addWidget(self._upward_box(), 1)
        self.result = QtWidgets.QLabel(self)
        self.result.setObjectName("sendResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.return_model.changed.connect(self._update)
        self.upward_model.changed.connect(self._update)
        self.refresh()

    @staticmethod
    def _table(parent: QtWidgets.QWidget, model: QtCore.QAbstractItemModel) -> QtWidgets.QTableView:
        view = QtWidgets.QTableView(parent)
        view.setModel(model)
        view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        model.modelReset.connect(view.resizeColumnsToContents)
        return view

    def _return_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(self.tr("Return to assessor"), self)
        v = QtWidgets.QVBoxLayout(box)
        intro = QtWidgets.QLabel(self.tr(
            "Assessments you returned for revision. The bundle carries your decision, comments "
            "and level changes back to the assessor, whose workspace opens a new draft to fix."), box)
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.return_view = self._table(box, self.return_model)
        self.return_view.setObjectName("returnTable")
        v.addWidget(self.return_view, 1)
        row = QtWidgets.QHBoxLayout()
        self.unsent_button = QtWidgets.QPushButton(self.tr("Select everything not yet sent"), box)
        self.unsent_button.clicked.connect(self.return_model.check_unsent)
        self.return_summary = QtWidgets.QLabel(box)
        self.return_button = QtWidgets.QPushButton(self.tr("Write return bundle…"), box)
        self.return_button.setObjectName("writeReturn")
        self.return_button.clicked.connect(lambda: self.write_return())
        row.addWidget(self.unsent_button)
        row.addWidget(self.return_summary, 1)
        row.addWidget(self.return_button)
        v.addLayout(row)
        return box

    def _upward_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(self.tr("Send upward"), self)
        v = QtWidgets.QVBoxLayout(box)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(QtWidgets.QLabel(self.tr("Fiscal year"), box))
        self.year_combo = QtWidgets.QComboBox(box)
        self.year_combo.setObjectName("upwardYear")
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        top.addWidget(self.year_combo)
        self.town_label = QtWidgets.QLabel(box)
        self.town_label.setObjectName("upwardModelTown")
        self.town_label.setWordWrap(True)
        top.addWidget(self.town_label, 1)
        v.addLayout(top)
        self.upward_view = self._table(box, self.upward_model)
        self.upward_view.setObjectName("upwardTable")
        v.addWidget(self.upward_view, 1)
        row = QtWidgets.QHBoxLayout()
        self.upward_summary = QtWidgets.QLabel(box)
        self.upward_summary.setObjectName("upwardSummary")
        self.upward_button = QtWidgets.QPushButton(self.tr("Write upward bundle…"), box)
        self.upward_button.setObjectName("writeUpward")
        self.upward_button.clicked.connect(lambda: self.write_upward())
        row.addWidget(self.upward_summary, 1)
        row.addWidget(self.upward_button)
        v.addLayout(row)
        return box

    # --- state --------------------------------------------------------------
    def _years(self) -> list[int]:
        years = {c.year for c in self.svc.candidates("upward")}
        years |= {t.year for t in rrepo.model_towns(
            self.svc.db, province_code=self.svc.ws.province_code or "")}
        return sorted(years, reverse=True)

    def refresh(self) -> None:
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = self._years()
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.addItem(self.tr("All years"), None)
        pick = current if current in years else (years[0] if years else None)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(pick)))
        self.year_combo.blockSignals(False)
        self.return_model.reload()
        self._year_changed()

    def _year_changed(self) -> None:
        self.upward_model.year = self.year_combo.currentData()
        self.upward_model.reload()

    def _model_towns(self) -> list[rrepo.ModelTown]:
        return rrepo.model_towns(self.svc.db, province_code=self.svc.ws.province_code or "",
                                 year=self.year_combo.currentData())

    def _update(self) -> None:
        busy = self.writer.busy
        ids = self.return_model.selected_ids()
        self.return_button.setEnabled(bool(ids) and not busy)
        self.unsent_button.setEnabled(self.return_model.rowCount() > 0)
        self.return_summary.setText(
            self.tr("{n} selected").format(n=len(ids)) if self.return_model.rowCount()
            else self.tr("Nothing returned for revision."))
        towns = self._model_towns()
        n = self.upward_model.rowCount()
        self.upward_button.setEnabled((n > 0 or bool(towns)) and not busy)
        self.upward_summary.setText(self.tr(
            "{n} approved assessment(s) and {m} model town(s) will be sent").format(n=n, m=len(towns)))
        parts = []
        for t in towns:
            name = geography.municipality(self.svc.db, t.municipality_code).name_th
            parts.append(self.tr("Model town {year}: {name} — {reason}").format(
                year=t.year, name=name, reason=t.reason))
        self.town_label.setText(" · ".join(parts) if parts else self.tr(
            "No model town chosen for this year yet (Dashboard → Set as model town)."))

    # --- actions ------------------------------------------------------------
    def write_return(self, target: Path | None = None) -> bool:
        ids = self.return_model.selected_ids()
        if not ids or not self.writer.ensure_key():
            return False
        try:
            job = self.svc.prepare_return(ids)
        except SecityError as exc:
            show_error(self, exc)
            return False
        return self._start(job, target)

    def write_upward(self, target: Path | None = None) -> bool:
        if not self.writer.ensure_key():
            return False
        try:
            job = self.svc.prepare_upward(self.year_combo.currentData())
        except SecityError as exc:
            show_error(self, exc)
            return False
        return self._start(job, target)

    def _start(self, job: OfficeJob, target: Path | None) -> bool:
        started = self.writer.write(job, target)
        if started:
            self.result.setText(self.tr("Writing…"))
        self._update()
        return started

    def _written(self, written: WrittenBundle) -> None:
        self.result.setText(self.writer.describe(written))
        self.refresh()
        self.written.emit(written)

    def _failed(self, _exc: BaseException) -> None:
        self.result.setText(self.tr("No bundle was written."))
        self._update()
