"""Export: choose finalized revisions (or everything not yet sent), see the size, write the bundle."""

from __future__ import annotations

from pathlib import Path

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.common import when_text
from secity_desktop.gui.models.checkable import CheckableRowsModel
from secity_desktop.gui.models.columns import Column
from secity_desktop.gui.operations import Failure, OperationRunner, show_failure
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.gui.transfer.dialogs import AskPassphrase, show_error, unlock_key
from secity_desktop.services import self_export
from secity_desktop.services.bundle_export import Candidate, ExportService
from secity_desktop.services.front_ops import ExportFieldBundle
from secity_desktop.services.lists import ready_to_finalize
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.types import WrittenBundle


def human_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


def sealed_text(written: WrittenBundle) -> str:
    """One line saying who can open the bundle (or that nobody needs a key to)."""
    if written.encrypted_to:
        return QtCore.QCoreApplication.translate(
            "Sealing", "Encrypted: only the key(s) {keys} can open it.").format(
            keys=", ".join(written.encrypted_to))
    return QtCore.QCoreApplication.translate(
        "Sealing", "Not encrypted (as you chose; recorded in the history and the audit log).")


class CandidateTableModel(CheckableRowsModel[Candidate]):
    """Finalized revisions of this workspace, each with a check box."""

    def __init__(self, svc: ExportService, parent: QtCore.QObject | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.reload()

    def columns(self) -> list[Column[Candidate]]:
        return [
            Column(self.tr("Municipality"), lambda c: c.municipality_th),
            Column(self.tr("Fiscal year"), lambda c: str(c.year)),
            Column(self.tr("Revision"), lambda c: str(c.revision)),
            Column(self.tr("Finalized"), lambda c: when_text(c.finalized_at, self.lang)),
            Column(self.tr("Evidence"), lambda c: human_size(c.evidence_bytes)),
            Column(self.tr("Sent"), lambda c: self.tr("not yet") if c.sent == 0
                   else self.tr("{n}×").format(n=c.sent)),
            Column(self.tr("Last sent to"), lambda c: c.last_sent_to or ""),
        ]

    def reload(self) -> None:
        self.set_rows(self.svc.candidates())


class ExportPage(QtWidgets.QWidget):
    exported = Signal(object)

    def __init__(self, svc: ExportService, ask: AskPassphrase,
                 parent: QtWidgets.QWidget | None = None, lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("exportPage")
        self.svc = svc
        self.ask = ask
        self.lang = lang
        self.runner = OperationRunner(self, lang)
        self.model = CandidateTableModel(svc, self, lang)
        layout = QtWidgets.QVBoxLayout(self)
        self.hint = ThaiLabel(self)  # never a blank page: what to do here, and in what order
        self.hint.setObjectName("sendHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
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
        self.view = thai_cells(QtWidgets.QTableView(self))
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
        self.encrypt_box = QtWidgets.QCheckBox(self.tr(
            "Encrypt to the province office's key (recommended)"), self)
        self.encrypt_box.setToolTip(self.tr(
            "A lost USB stick then shows nothing. Untick only if the office asked for an "
            "unencrypted bundle; the choice is recorded."))
        self.encrypt_box.setObjectName("encryptBundle")
        self.encrypt_box.setChecked(True)
        layout.addWidget(self.encrypt_box)
        self.result = ThaiLabel(self)
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.model.changed.connect(self._update_size)
        self.model.modelReset.connect(self.view.resizeColumnsToContents)
        self.model.modelReset.connect(self._update_hint)
        self.view.resizeColumnsToContents()
        self._update_size()
        self.refresh_ready()

    def refresh_ready(self) -> None:
        """Complete assessments waiting to be finalized (frozen and signed) before export."""
        ready = ready_to_finalize(self.svc.ws)
        self.ready_combo.clear()
        for r in ready:
            self.ready_combo.addItem(f"{r.municipality_th} {r.year} (r{r.revision})", r.id)
        self.ready_label.setText(self.tr("Complete, not yet finalized: {n}").format(n=len(ready)))
        self.ready_combo.setEnabled(bool(ready))
        self.finalize_button.setEnabled(bool(ready))
        self._ready = len(ready)
        self._update_hint()

    def _update_hint(self) -> None:
        if not self.svc.identity.has_key():
            text = self.tr("You have no signing key yet: create it under “My signing key”, then "
                           "finalize and send here.")
        elif not getattr(self, "_ready", 0) and not self.model.rowCount():
            text = self.tr("Nothing to send yet. Fill in an assessment and mark it complete "
                           "(Assessments › Mark complete…); it then appears here to finalize and "
                           "sign, and then to export to a folder or USB stick for the province.")
        else:
            text = self.tr("1. Finalize and sign each complete assessment (above). 2. Tick what to "
                           "send below and choose “Sign and export…” to write a bundle to a folder "
                           "or USB stick. 3. Give the file to your provincial office.")
        self.hint.setText(text)

    def finalize(self) -> None:
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
            show_error(self, exc, self.lang)
        self.refresh_ready()
        self.model.reload()

    def _update_size(self) -> None:
        ids = self.model.selected_ids()
        self.export_button.setEnabled(bool(ids) and not self.runner.busy)
        if not ids:
            self.size_label.setText(self.tr("Nothing selected"))
            return
        try:
            size = self.svc.estimate(ids)
        except SecityError as exc:
            self.size_label.setText(messages.describe(exc, self.lang))
            return
        self.size_label.setText(self.tr("{n} revision(s), about {size}").format(
            n=len(ids), size=human_size(size)))

    def export(self, target: Path | None = None) -> None:
        ids = self.model.selected_ids()
        if not ids:
            return
        try:
            job = self.svc.prepare(ids, encrypt=self.encrypt_box.isChecked())
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return
        own_claim = self.svc.ws.role is Role.MUNICIPALITY  # a `self` bundle, not field work
        if target is None:
            suggested = (self_export.suggested_name(job) if own_claim
                         else job.target_for(Path.home()).name)
            name, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save bundle"), suggested,
                self.tr("SECity bundle (*.secbundle)"))
            if not name:
                return
            target = Path(name)
        key = unlock_key(self, self.svc.identity, self.ask,
                         self.tr("Passphrase to sign {n} revision(s)").format(n=len(ids)))
        if key is None:
            return
        label = self.tr("Writing bundle…")  # translated here: the worker touches no widget
        self.export_button.setEnabled(False)
        op = (self_export.SelfExportOperation(self.svc.ws, ids, target, key, label,
                                              encrypt=self.encrypt_box.isChecked())
              if own_claim
              else ExportFieldBundle(self.svc, job, target, key, label))
        self.runner.run(op, self.tr("Exporting"), self._done, self._failed)

    def _done(self, written: WrittenBundle) -> None:
        self.result.setText(self.tr("Wrote {path} ({size}, {n} revision(s)).\nSHA-256 {sha}").format(
            path=str(written.path), size=human_size(written.size), n=written.revisions,
            sha=written.sha256) + "\n" + sealed_text(written))
        self.model.reload()
        self.exported.emit(written)

    def _failed(self, failure: Failure) -> None:
        self._update_size()
        self.result.setText(self.tr("No bundle was written."))
        show_failure(self, failure)
