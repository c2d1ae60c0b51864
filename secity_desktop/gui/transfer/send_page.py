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

from secity_desktop.core.errors import SecityError
from secity_desktop.core.thai_calendar import format_date, parse_iso
from secity_desktop.gui import common
from secity_desktop.gui.models.checkable import CheckableRowsModel
from secity_desktop.gui.models.columns import Column
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.operations import Failure, OperationRunner, show_failure
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.gui.transfer.dialogs import AskPassphrase, show_error, unlock_key
from secity_desktop.gui.transfer.field_bundle_page import human_size, sealed_text
from secity_desktop.services import lists
from secity_desktop.services.front_ops import ExportOfficeBundle
from secity_desktop.services.office_bundles import OfficeBundleService, OfficeCandidate, OfficeJob
from secity_desktop.services.types import BundleKind, WrittenBundle

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OfficeCandidateModel(CheckableRowsModel[OfficeCandidate]):
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
        self._decided: dict[str, str] = {}
        self._comments: dict[str, int] = {}
        self._towns: set[tuple[str, int]] = set()
        self.reload()

    def columns(self) -> list[Column[OfficeCandidate]]:
        decided = self.tr("Returned on") if self.kind == "return" else self.tr("Approved on")
        last = self.tr("Comments") if self.kind == "return" else self.tr("Model town")
        return [
            Column(self.tr("Municipality"), lambda c: c.municipality_th,
                   tooltip=lambda c: f"{c.municipality_code} · {status_text(c.status, self.lang == 'th')}"),
            Column(self.tr("Fiscal year"), lambda c: str(c.year)),
            Column(self.tr("Revision"), lambda c: str(c.revision)),
            Column(decided, lambda c: self._date(self._decided.get(c.assessment_id))),
            Column(self.tr("Sent"), lambda c: self.tr("not yet") if c.sent == 0
                   else self.tr("{n}×").format(n=c.sent),
                   foreground=lambda c: "#b26a00" if c.sent == 0 else None),
            Column(last, self._last),
        ]

    def _last(self, c: OfficeCandidate) -> str:
        if self.kind == "return":
            return str(self._comments.get(c.assessment_id, 0))
        return "★" if (c.municipality_code, c.year) in self._towns else ""

    def reload(self) -> None:
        rows = self.svc.candidates(self.kind, self.year)
        ids = [c.assessment_id for c in rows]
        self._decided = lists.last_decided(self.svc.ws, ids)
        self._comments = lists.comment_counts(self.svc.ws, ids) if self.checkable else {}
        self._towns = {(t.town.municipality_code, t.town.year)
                       for t in lists.model_towns(self.svc.ws, self.year)}
        self.set_rows(rows)

    def candidates(self) -> list[OfficeCandidate]:
        return self.rows()

    def _date(self, iso: str | None) -> str:
        if not iso:
            return ""
        return format_date(parse_iso(iso).astimezone().date(), self.lang, short=True)

    def row_data(self, row: OfficeCandidate, column: int, role: int) -> object:
        if role == ID_ROLE:
            return row.assessment_id
        return super().row_data(row, column, role)


class OfficeBundleWriter(QtCore.QObject):
    """Choose a file, unlock the office key, write in a worker, record on the GUI thread."""

    written = Signal(object)
    """A ``WrittenBundle``, after the export was recorded."""
    failed = Signal(object)

    def __init__(self, svc: OfficeBundleService, ask: AskPassphrase, parent: QtWidgets.QWidget,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.svc = svc
        self.ask = ask
        self.widget = parent
        self.lang = lang
        self.runner = OperationRunner(parent, lang)

    @property
    def busy(self) -> bool:
        return self.runner.busy

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
        common.inform(
            self.widget, self.tr("Signing key"),
            self.tr("This office has no signing key yet. Create one under Sync → "
                    "Office signing key, and give its public key to your assessors."))
        return False

    def write(self, job: OfficeJob, target: Path | None = None) -> bool:
        """True when the writing started; False when the person stopped before it did."""
        if self.busy or not self.ensure_key():
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
        title = self.tr("Writing return bundle") if job.kind == "return" else self.tr(
            "Writing upward bundle")
        self.runner.run(ExportOfficeBundle(self.svc, job, target, key, label), title,
                        self.written.emit, self._failed)
        return True

    def _failed(self, failure: Failure) -> None:
        show_failure(self.widget, failure)  # a status-bar line for Cancel
        self.failed.emit(failure.exc)

    def describe(self, written: WrittenBundle) -> str:
        return self.tr("Wrote {path} ({size}).\nSHA-256 {sha}").format(
            path=str(written.path), size=human_size(written.size), sha=written.sha256
        ) + "\n" + sealed_text(written)


class SendPage(QtWidgets.QWidget):
    """Two sections: return to the assessor (chosen ones), and send upward (a year's results)."""

    written = Signal(object)

    def __init__(self, svc: OfficeBundleService, ask: AskPassphrase, lang: str = "th",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendPage")
        self.svc = svc
        self.lang = lang
        self.writer = OfficeBundleWriter(svc, ask, self, lang)
        self.writer.written.connect(self._written)
        self.writer.failed.connect(self._failed)
        self.return_model = OfficeCandidateModel(svc, "return", lang, self)
        self.upward_model = OfficeCandidateModel(svc, "upward", lang, self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self._return_box(), 1)
        layout.addWidget(self._upward_box(), 1)
        self.encrypt_box = QtWidgets.QCheckBox(self.tr(
            "Encrypt each bundle to its receiver's key (recommended)"), self)
        self.encrypt_box.setToolTip(self.tr(
            "The assessor's key for a return, the region's or nation's office key for upward "
            "bundles. Untick only if the receiver asked for an unencrypted bundle; the choice "
            "is recorded."))
        self.encrypt_box.setObjectName("encryptBundle")
        self.encrypt_box.setChecked(True)
        layout.addWidget(self.encrypt_box)
        self.result = ThaiLabel(self)
        self.result.setObjectName("sendResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.return_model.changed.connect(self._update)
        self.upward_model.changed.connect(self._update)
        self.refresh()

    @staticmethod
    def _table(parent: QtWidgets.QWidget, model: QtCore.QAbstractItemModel) -> QtWidgets.QTableView:
        view = thai_cells(QtWidgets.QTableView(parent))
        view.setModel(model)
        view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        model.modelReset.connect(view.resizeColumnsToContents)
        return view

    def _return_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(self.tr("Return to assessor"), self)
        v = QtWidgets.QVBoxLayout(box)
        intro = ThaiLabel(self.tr(
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
        self.town_label = ThaiLabel(box)
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
        years |= {t.town.year for t in lists.model_towns(self.svc.ws)}
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

    def _model_towns(self) -> list[lists.NamedModelTown]:
        return lists.model_towns(self.svc.ws, self.year_combo.currentData())

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
            parts.append(self.tr("Model town {year}: {name} — {reason}").format(
                year=t.town.year, name=t.municipality_th, reason=t.town.reason))
        self.town_label.setText(" · ".join(parts) if parts else self.tr(
            "No model town chosen for this year yet (Dashboard → Set as model town)."))

    # --- actions ------------------------------------------------------------
    def write_return(self, target: Path | None = None) -> bool:
        ids = self.return_model.selected_ids()
        if not ids or not self.writer.ensure_key():
            return False
        try:
            job = self.svc.prepare_return(ids, encrypt=self.encrypt_box.isChecked())
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return False
        return self._start(job, target)

    def write_upward(self, target: Path | None = None) -> bool:
        if not self.writer.ensure_key():
            return False
        try:
            job = self.svc.prepare_upward(self.year_combo.currentData(),
                                          encrypt=self.encrypt_box.isChecked())
        except SecityError as exc:
            show_error(self, exc, self.lang)
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
