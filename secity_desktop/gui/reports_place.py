"""The Reports place: pick a document, render it to a file off the GUI thread, open it.

The store is read (and certificates are signed and audited) on the GUI
thread, which is quick; the slow part — thumbnails, layout, PDF writing — runs
in a :class:`RenderJob` with a progress dialog that appears only when the
work lasts, and a cancel button.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secity_desktop.core.errors import SecityError
from secity_desktop.core.thai_calendar import fiscal_year_be, now_utc
from secity_desktop.crypto import keys
from secity_desktop.gui.certificate_verify import CertificateVerifyBox
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.render_job import Progress, RenderJob
from secity_desktop.services.certificates import CertificateService
from secity_desktop.services.identity import Identity
from secity_desktop.services.reports import ReportDataService, status_th
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography

if TYPE_CHECKING:
    from secity_desktop.reports.data import CertificateData

ASSESSMENT, PROVINCE, CERTIFICATE, BATCH = range(4)
PROGRESS_DELAY_MS = 600


class ReportsPlace(QtWidgets.QWidget):
    finished = Signal(object)  # the written path(s), or None when cancelled
    failed = Signal(str)

    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPlace")
        self.ws = ws
        self.data = ReportDataService(ws)
        self.certs = CertificateService(ws)
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: RenderJob | None = None
        self._last_job: RenderJob | None = None
        self.progress_dialog: QtWidgets.QProgressDialog | None = None
        self.last_output: Path | None = None
        self._build()
        self.refresh()

    # --- layout ----------------------------------------------------------
    def _build(self) -> None:
        self.kind = QtWidgets.QComboBox(self)
        for label in (
            self.tr("Assessment report"),
            self.tr("Province summary"),
            self.tr("Model-town certificate"),
            self.tr("Certificates (batch)"),
        ):
            self.kind.addItem(label)
        self.assessment = QtWidgets.QComboBox(self)
        self.province = QtWidgets.QComboBox(self)
        self.municipality = QtWidgets.QComboBox(self)
        self.year = QtWidgets.QSpinBox(self)
        self.year.setRange(2500, 2700)
        self.year.setValue(fiscal_year_be(now_utc().date()))
        self.batch_list = QtWidgets.QListWidget(self)
        self.signatory_name = QtWidgets.QLineEdit(self)
        self.signatory_position = QtWidgets.QLineEdit(self)
        self.thai_digits = QtWidgets.QCheckBox(self.tr("Thai digits (๐–๙)"), self)
        self.unsigned = QtWidgets.QCheckBox(self.tr("Unsigned specimen (no QR code)"), self)
        self.key_path = QtWidgets.QLineEdit(self)
        self.key_path.setPlaceholderText(
            self.tr("Empty: this workspace's signing key; or an OpenSSH Ed25519 key file")
        )
        browse = QtWidgets.QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse_key)
        self.passphrase = QtWidgets.QLineEdit(self)
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.open_when_done = QtWidgets.QCheckBox(self.tr("Open the file when done"), self)
        self.open_when_done.setChecked(True)
        self.render_button = QtWidgets.QPushButton(self.tr("Render PDF…"), self)
        self.render_button.setDefault(True)
        self.render_button.clicked.connect(self._ask_and_render)
        self.status = QtWidgets.QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Document"), self.kind)
        self.rows: dict[str, QtWidgets.QWidget] = {}
        key_row = QtWidgets.QWidget(self)
        kl = QtWidgets.QHBoxLayout(key_row)
        kl.setContentsMargins(0, 0, 0, 0)
        kl.addWidget(self.key_path, 1)
        kl.addWidget(browse)
        for name, label, widget in (
            ("assessment", self.tr("Assessment"), self.assessment),
            ("province", self.tr("Province"), self.province),
            ("municipality", self.tr("Municipality"), self.municipality),
            ("year", self.tr("Fiscal year (BE)"), self.year),
            ("batch", self.tr("Municipalities"), self.batch_list),
            ("signatory_name", self.tr("Signatory name"), self.signatory_name),
            ("signatory_position", self.tr("Signatory position"), self.signatory_position),
            ("thai_digits", "", self.thai_digits),
            ("unsigned", "", self.unsigned),
            ("key", self.tr("Signing key"), key_row),
            ("passphrase", self.tr("Key passphrase"), self.passphrase),
        ):
            form.addRow(label, widget)
            self.rows[name] = widget
        self.form = form
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.open_when_done)
        buttons.addStretch(1)
        buttons.addWidget(self.render_button)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.verify_box = CertificateVerifyBox(self.ws, self)
        layout.addWidget(self.verify_box)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.unsigned.toggled.connect(lambda _: self._kind_changed(self.kind.currentIndex()))
        self._kind_changed(ASSESSMENT)

    def _kind_changed(self, kind: int) -> None:
        cert = kind in (CERTIFICATE, BATCH)
        signed = cert and not self.unsigned.isChecked()
        visible = {
            "assessment": kind == ASSESSMENT,
            "province": kind == PROVINCE,
            "municipality": kind == CERTIFICATE,
            "year": kind != ASSESSMENT,
            "batch": kind == BATCH,
            "signatory_name": cert,
            "signatory_position": cert,
            "thai_digits": cert,
            "unsigned": cert,
            "key": signed,
            "passphrase": signed,
        }
        for name, show in visible.items():
            self.form.setRowVisible(self.rows[name], show)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """Assessments may have been added in another place since: reload, keeping the choice."""
        if self.job is None:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reload the pick lists from the store (after imports or edits elsewhere)."""
        keep = {
            box: box.currentData() for box in (self.assessment, self.province, self.municipality)
        }
        checked = set(self.checked_codes())
        self._fill_lists(checked)
        for box, data in keep.items():
            if data is not None and box.findData(data) >= 0:
                box.setCurrentIndex(box.findData(data))

    def _fill_lists(self, checked: set[str]) -> None:
        ids = repo.list_ids(self.ws.db)
        rows = repo.summary_rows(self.ws.db, ids)
        self.assessment.clear()
        for i in ids:
            r = rows[i]
            self.assessment.addItem(
                f"{r['municipality_th']} · {r['year']} · {status_th(r['status'])}", i
            )
        self.province.clear()
        for p in geography.provinces(self.ws.db):
            self.province.addItem(f"{p['code']} {p['name_th']}", p["code"])
        own = self.ws.province_code
        if own:
            self.province.setCurrentIndex(max(0, self.province.findData(own)))
        self.municipality.clear()
        self.batch_list.clear()
        for m in geography.municipalities(self.ws.db, own or None):
            self.municipality.addItem(f"{m.code} {m.name_th}", m.code)
            item = QtWidgets.QListWidgetItem(f"{m.code} {m.name_th}", self.batch_list)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, m.code)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                QtCore.Qt.CheckState.Checked
                if m.code in checked
                else QtCore.Qt.CheckState.Unchecked
            )

    # --- actions ---------------------------------------------------------
    def _browse_key(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, self.tr("Province signing key"))
        if path:
            self.key_path.setText(path)

    def _ask_and_render(self) -> None:
        if self.kind.currentIndex() == BATCH:
            target = QtWidgets.QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the certificates")
            )
        else:
            target, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save PDF"), "", self.tr("PDF files (*.pdf)")
            )
        if target:
            self.render_to(Path(target))

    def checked_codes(self) -> list[str]:
        out = []
        for n in range(self.batch_list.count()):
            item = self.batch_list.item(n)
            if item.checkState() == QtCore.Qt.CheckState.Checked:
                out.append(str(item.data(QtCore.Qt.ItemDataRole.UserRole)))
        return out

    def render_to(self, target: Path) -> None:
        """Gather data here (GUI thread, store access), then render in the background."""
        if self.job is not None:
            return
        try:
            work = self._prepare(self.kind.currentIndex(), target)
        except SecityError as exc:
            self._show_error(str(exc))
            return
        self._start(work)

    def _prepare(self, kind: int, target: Path) -> Callable[[Progress], Any]:
        # reportlab costs ~200 ms to import: the first PDF pays it, not every app start
        from secity_desktop.reports.assessment_pdf import render_assessment_report
        from secity_desktop.reports.certificate_pdf import render_certificates
        from secity_desktop.reports.certificate_template import CertificateTemplate
        from secity_desktop.reports.province_pdf import render_province_summary

        if kind == ASSESSMENT:
            aid = self.assessment.currentData()
            if not aid:
                raise SecityError(self.tr("There is no assessment to report on."))
            data = self.data.assessment(str(aid))
            return lambda progress: render_assessment_report(data, target, progress=progress)
        year = self.year.value()
        if kind == PROVINCE:
            summary = self.data.province(str(self.province.currentData()), year)
            return lambda progress: render_province_summary(summary, target)
        codes = (
            [str(self.municipality.currentData())]
            if kind == CERTIFICATE
            else self.checked_codes() or None
        )
        items = self.certs.prepare_many(
            year,
            codes,
            specimen=self.unsigned.isChecked(),
            signatory_name=self.signatory_name.text().strip() or None,
            signatory_position=self.signatory_position.text().strip() or None,
        )
        items = self._sign(items)
        template = CertificateTemplate.load()
        thai = True if self.thai_digits.isChecked() else None
        if kind == CERTIFICATE and target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")  # one certificate: always a file, never a folder
        return lambda progress: render_certificates(
            items, target, template, thai_numerals=thai, progress=progress
        )

    def _sign(self, items: list[CertificateData]) -> list[CertificateData]:
        """Unlock the key for this batch only; the passphrase field is cleared at once."""
        if self.unsigned.isChecked():
            return items
        phrase = self.passphrase.text().encode("utf-8")
        self.passphrase.clear()
        path = self.key_path.text().strip()
        if path:
            key = keys.read_private(Path(path), phrase)
        else:
            identity = Identity(self.ws)
            if not identity.has_key():
                raise SecityError(
                    self.tr(
                        "This workspace has no signing key: create one (Sync place or "
                        "`secity key init`), choose a key file, or tick 'Unsigned specimen'."
                    )
                )
            key = identity.unlock(phrase)
        return [self.certs.sign(d, key) for d in items]

    def _start(self, work: Callable[[Progress], Any]) -> None:
        job = RenderJob(work)
        self.job = job
        dialog = QtWidgets.QProgressDialog(self.tr("Rendering…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Reports"))
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        self.progress_dialog = dialog
        job.signals.progressed.connect(self._on_progress)
        job.signals.succeeded.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        self.render_button.setEnabled(False)
        self.status.setText(self.tr("Rendering…"))
        self.pool.start(job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(done)
            self.progress_dialog.setLabelText(
                self.tr("Rendering {done} of {total}…").format(done=done, total=total)
            )

    def _finish_job(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        # Keep the finished job alive until the next one: its pool thread may still be
        # returning from run() when this queued signal arrives.
        self._last_job = self.job
        self.job = None
        self.render_button.setEnabled(True)

    def _on_done(self, result: object) -> None:
        from secity_desktop.reports.certificate_pdf import BatchResult

        self._finish_job()
        if isinstance(result, BatchResult):
            paths = result.written
            if result.cancelled:
                self.status.setText(
                    self.tr("Cancelled: {done} of {total} written.").format(
                        done=len(paths), total=result.total
                    )
                )
                self.finished.emit(None)
                return
            out = paths[0] if len(paths) == 1 else (paths[0].parent if paths else None)
        else:
            out = Path(str(result))
        self.last_output = out
        self.status.setText(self.tr("Written: {path}").format(path=str(out)))
        if out is not None and self.open_when_done.isChecked():
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(out)))
        self.finished.emit(out)

    def _on_failed(self, message: str) -> None:
        cancelled = self.job is not None and self.job.cancelled
        self._finish_job()
        if cancelled:
            self.status.setText(self.tr("Cancelled; no file was written."))
            self.finished.emit(None)
            return
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.status.setText(self.tr("Not done: {reason}").format(reason=message))
        self.failed.emit(message)
