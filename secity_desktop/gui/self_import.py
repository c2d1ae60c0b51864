"""Bring in a self-assessment typed from the department's online form, or give out the template.

Opened from the Municipalities place ("Self-assessment…") at a province (for any
of its municipalities) or at a municipality office (for itself only). Checking
the file changes nothing; importing stores it **unsigned**, with the name of
the person who entered it (``SelfAssessmentService.import_sheet``).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.thai_calendar import fiscal_year_be
from secity_desktop.gui.common import translate_buttons
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.services import lists
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.workspace import Workspace


class SelfAssessmentDialog(QtWidgets.QDialog):
    def __init__(self, ws: Workspace, code: str | None, lang: str = "th",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfAssessmentDialog")
        self.setWindowTitle(self.tr("Municipality's self-assessment"))
        self.ws, self.lang = ws, lang
        self.svc = SelfAssessmentService(ws)
        own = ws.municipality_code
        self.code = own or code or ""
        name = lists.municipality(ws, self.code).name_th if self.code else "—"
        form = QtWidgets.QFormLayout(self)
        intro = ThaiLabel(self.tr(
            "For a municipality that filled the department's online form: fill the template "
            "(indicator code, level, note) and bring it in here. It is kept as unsigned, with "
            "the name of who entered it."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.municipality = QtWidgets.QLabel(f"{name} ({self.code})", self)
        form.addRow(self.tr("Municipality"), self.municipality)
        self.year = QtWidgets.QSpinBox(self)
        self.year.setRange(2500, 2700)
        self.year.setValue(fiscal_year_be(dt.date.today()))
        self.year.valueChanged.connect(lambda _v: self.show_current())
        form.addRow(self.tr("Fiscal year"), self.year)
        self.entered_by = QtWidgets.QLineEdit(ws.actor, self)
        self.entered_by.setObjectName("enteredBy")
        form.addRow(self.tr("Entered by"), self.entered_by)
        row = QtWidgets.QHBoxLayout()
        self.file = QtWidgets.QLineEdit(self)
        self.file.setObjectName("selfFile")
        browse = QtWidgets.QPushButton(self.tr("Choose file…"), self)
        browse.clicked.connect(self.choose_file)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Spreadsheet"), row)
        buttons = QtWidgets.QHBoxLayout()
        self.template_button = QtWidgets.QPushButton(self.tr("Save template…"), self)
        self.template_button.clicked.connect(lambda: self.save_template())
        self.check_button = QtWidgets.QPushButton(self.tr("Check"), self)
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QtWidgets.QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("selfImport")
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        for b in (self.template_button, self.check_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.result = ThaiLabel(self)
        self.result.setObjectName("selfResult")
        self.result.setWordWrap(True)
        form.addRow(self.result)
        self.current = ThaiLabel(self)
        self.current.setObjectName("selfCurrent")
        self.current.setWordWrap(True)
        form.addRow(self.current)
        close = translate_buttons(
            QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self))
        close.rejected.connect(self.reject)
        form.addRow(close)
        for b in (self.check_button, self.import_button):
            b.setEnabled(bool(self.code))
        self.show_current()
        self.resize(640, 420)

    def choose_file(self) -> None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Self-assessment spreadsheet"), "",
            self.tr("Spreadsheets (*.xlsx *.csv)"))
        if name:
            self.file.setText(name)

    def save_template(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save template"), "secity-self-assessment.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
            if not name:
                return None
            path = Path(name)
        try:
            written = self.svc.template(path)
        except SecityError as exc:
            self.result.setText(messages.describe(exc, self.lang))
            return None
        self.result.setText(self.tr("Template saved: {path}").format(path=str(written)))
        return written

    def run(self, *, dry_run: bool) -> bool:
        try:
            r = self.svc.import_sheet(
                Path(self.file.text().strip()), municipality=self.code, year=self.year.value(),
                entered_by=self.entered_by.text(), dry_run=dry_run)
        except SecityError as exc:
            self.result.setText(messages.describe(exc, self.lang))
            return False
        text = (
            self.tr("{file}: {answered} of {count} indicators answered; ready to import.")
            if dry_run else
            self.tr("{file}: imported ({answered} of {count} indicators answered), unsigned.")
        ).format(file=r.file_name, answered=r.answered, count=r.count)
        if r.outcome == "same":
            text = self.tr("{file} is already the standing self-assessment.").format(file=r.file_name)
        self.result.setText(text)
        self.show_current()
        return True

    def show_current(self) -> None:
        view = self.svc.find(self.code, self.year.value()) if self.code else None
        if view is None:
            self.current.setText(self.tr("No self-assessment for this year yet."))
            return
        r = view.record
        source = (self.tr("signed by {name}").format(name=r.signer_name or "") if view.signed
                  else self.tr("unsigned spreadsheet, entered by {name}").format(name=r.entered_by or ""))
        self.current.setText(html.escape(self.tr(
            "Standing self-assessment: claimed total {total:.2f} ({source})").format(
                total=view.card.total, source=source)))
