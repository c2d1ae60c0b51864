"""The Reports place: pick a document, render it to a file off the GUI thread, open it.

Each document is a ``services.report_render`` operation run by the one runner:
the store is read (and certificates are signed and audited) on the GUI
thread, which is quick; the slow part — thumbnails, layout, PDF writing — runs
on a worker with a progress dialog that appears only when the work lasts, and
a cancel button. The CLI runs the very same operations inline.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop.core.thai_calendar import fiscal_year_be, now_utc
from secity_desktop.gui.certificate_verify import CertificateVerifyBox
from secity_desktop.gui.operations import Failure, OperationRunner
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.services import lists
from secity_desktop.services.operations import Operation
from secity_desktop.services.report_render import (
    CertificateRequest,
    RenderAssessmentReport,
    RenderCertificates,
    Rendered,
    RenderProvinceSummary,
    signing_key,
)
from secity_desktop.services.reports import status_th
from secity_desktop.services.workspace import Workspace

ASSESSMENT, PROVINCE, CERTIFICATE, BATCH = range(4)
CHOICES = lists.CHOICE_LIMIT  # assessments listed at once; the search narrows them
SCOPE_OVER = 1000  # above this many local governments, certificates list one province
PROGRESS_DELAY_MS = 600


class ReportsPlace(QtWidgets.QWidget):
    finished = Signal(object)  # the written path(s), or None when cancelled
    failed = Signal(str)

    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("reportsPlace")
        self.ws = ws
        self.lang = lang
        self.runner = OperationRunner(self, lang)
        self.last_output: Path | None = None
        self._register_size: int | None = None
        self._build()
        self.refresh()
        # just read: shown in the same turn (its tab built it), it needs no second read
        self._fresh = True
        QtCore.QTimer.singleShot(0, self, self._not_fresh)

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
        # A searchable chooser: the newest matches only (a nation holds 78,500 assessments)
        self.assessment_search = QtWidgets.QLineEdit(self)
        self.assessment_search.setObjectName("assessmentSearch")
        self.assessment_search.setClearButtonEnabled(True)
        self.assessment_search.setPlaceholderText(
            self.tr("Find by municipality, code, province or year…")
        )
        self.assessment_search.textChanged.connect(lambda _t: self._fill_assessments())
        self.assessment = QtWidgets.QComboBox(self)
        self.assessment.setToolTip(
            self.tr("The newest {n} matches; type to narrow the list").format(n=CHOICES)
        )
        chooser = QtWidgets.QWidget(self)
        cl = QtWidgets.QVBoxLayout(chooser)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.assessment_search)
        cl.addWidget(self.assessment)
        self.province = QtWidgets.QComboBox(self)
        self.province.currentIndexChanged.connect(lambda _i: self._province_changed())
        self.municipality = QtWidgets.QComboBox(self)
        self.year = QtWidgets.QSpinBox(self)
        self.year.setRange(2500, 2700)
        self.year.setValue(fiscal_year_be(now_utc().date()))
        self.batch_list = thai_cells(QtWidgets.QListWidget(self))
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
        self.status = ThaiLabel(self)
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
            ("assessment", self.tr("Assessment"), chooser),
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
        self.verify_box = CertificateVerifyBox(self.ws, self, self.lang)
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
            "province": kind == PROVINCE or (cert and self._scoped()),
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

    def _not_fresh(self) -> None:
        self._fresh = False

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """Assessments may have been added in another place since: reload, keeping the choice."""
        if self._fresh:
            self._fresh = False
        elif not self.runner.busy:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reload the pick lists from the store (after imports or edits elsewhere)."""
        self._register_size = None
        keep = {
            box: box.currentData() for box in (self.assessment, self.province, self.municipality)
        }
        checked = set(self.checked_codes())
        self._fill_lists(checked)
        for box, data in keep.items():
            if data is not None and box.findData(data) >= 0:
                box.setCurrentIndex(box.findData(data))

    def _fill_lists(self, checked: set[str]) -> None:
        self._fill_assessments()
        keep = self.province.currentData()
        blocker = QtCore.QSignalBlocker(self.province)
        self.province.clear()
        for p in lists.provinces(self.ws):
            self.province.addItem(f"{p.code} {p.name_th}", p.code)
        own = self.ws.province_code
        if own or keep:
            self.province.setCurrentIndex(max(0, self.province.findData(own or keep)))
        blocker.unblock()
        self._fill_municipalities(checked)

    def _fill_assessments(self) -> None:
        """The newest matches of the search text (this province's only, in a province office)."""
        keep = self.assessment.currentData()
        self.assessment.clear()
        found = lists.find_choices(self.ws, self.assessment_search.text(),
                                   province=self.ws.province_code or None, limit=CHOICES)
        for r in found:
            self.assessment.addItem(f"{r.municipality_th} · {r.year} · {status_th(r.status)}", r.id)
        if keep is not None and self.assessment.findData(keep) >= 0:
            self.assessment.setCurrentIndex(self.assessment.findData(keep))

    def _scoped(self) -> bool:
        """A large register (a region's, the nation's) lists one province's records at a time."""
        if self._register_size is None:
            self._register_size = lists.municipality_count(self.ws)
        return not self.ws.province_code and self._register_size > SCOPE_OVER

    def _province_changed(self) -> None:
        if self._scoped():
            self._fill_municipalities(set(self.checked_codes()))

    def _fill_municipalities(self, checked: set[str]) -> None:
        own = self.ws.province_code or (self.province.currentData() if self._scoped() else None)
        self.municipality.clear()
        self.batch_list.clear()
        for m in lists.municipalities(self.ws, own or None):
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
        if self.runner.busy:
            return
        op = self._operation(self.kind.currentIndex(), target)
        if op is None:
            self._show_error(self.tr("There is no assessment to report on."))
            return
        self.render_button.setEnabled(False)
        self.status.setText(self.tr("Rendering…"))
        started = self.runner.run(
            op, self.tr("Rendering…"), self._on_done, self._on_failed,
            lambda done, total, _text: self._on_progress(done, total),
        )
        if started is None:
            self.render_button.setEnabled(True)

    def _operation(self, kind: int, target: Path) -> Operation[Rendered] | None:
        if kind == ASSESSMENT:
            aid = self.assessment.currentData()
            return RenderAssessmentReport(self.ws, str(aid), target) if aid else None
        year = self.year.value()
        if kind == PROVINCE:
            return RenderProvinceSummary(self.ws, str(self.province.currentData()), year, target)
        single = kind == CERTIFICATE
        request = CertificateRequest(
            year,
            [str(self.municipality.currentData())] if single else self.checked_codes() or None,
            single=single,
            specimen=self.unsigned.isChecked(),
            signatory_name=self.signatory_name.text().strip() or None,
            signatory_position=self.signatory_position.text().strip() or None,
            thai_numerals=True if self.thai_digits.isChecked() else None,
        )
        key = None if request.specimen else self._key
        return RenderCertificates(self.ws, request, target, key)

    def _key(self) -> Ed25519PrivateKey:
        """Unlock the key for this batch only; the passphrase field is cleared at once."""
        phrase = self.passphrase.text().encode("utf-8")
        self.passphrase.clear()
        path = self.key_path.text().strip()
        return signing_key(self.ws, Path(path) if path else None, phrase)

    def cancel(self) -> None:
        self.runner.cancel_all()

    def _on_progress(self, done: int, total: int) -> None:
        self.status.setText(
            self.tr("Rendering {done} of {total}…").format(done=done, total=total)
        )

    def _on_done(self, result: Rendered) -> None:
        self.render_button.setEnabled(True)
        if result.cancelled:
            self.status.setText(
                self.tr("Cancelled: {done} of {total} written.").format(
                    done=len(result.written), total=result.total
                )
            )
            self.finished.emit(None)
            return
        out = result.output
        self.last_output = out
        self.status.setText(self.tr("Written: {path}").format(path=str(out)))
        if out is not None and self.open_when_done.isChecked():
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(out)))
        self.finished.emit(out)

    def _on_failed(self, failure: Failure) -> None:
        self.render_button.setEnabled(True)
        if failure.cancelled:
            self.status.setText(self.tr("Cancelled; no file was written."))
            self.finished.emit(None)
            return
        self._show_error(failure.text)

    def _show_error(self, message: str) -> None:
        self.status.setText(self.tr("Not done: {reason}").format(reason=message))
        self.failed.emit(message)
