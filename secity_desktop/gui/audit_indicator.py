"""The audit-trail indicator: is this workspace's log whole? Checked on demand, through the runner.

Shown in the About box (Help → About) for the open workspace: one line saying what the last
check found, and "Verify now", which runs ``services.audit_trail.VerifyAuditTrail`` through the
one ``OperationRunner`` — the same check as ``secity audit verify`` (docs/audit.md).
"""

from __future__ import annotations

from secity_desktop.gui.operations import Failure, OperationRunner, show_failure
from secity_desktop.gui.qt import Qt, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.services.audit_trail import TrailReport, VerifyAuditTrail
from secity_desktop.services.workspace import Workspace

GOOD, BAD = "#1b7f3b", "#b00020"


class AuditTrailBox(QtWidgets.QGroupBox):
    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("auditTrailBox")
        self.setTitle(self.tr("Audit trail"))
        self.ws = ws
        self.lang = lang
        self.report: TrailReport | None = None
        self.runner = OperationRunner(self, lang)
        row = QtWidgets.QHBoxLayout(self)
        self.state = ThaiLabel(self.tr("Not checked yet in this session."), self)
        self.state.setObjectName("auditTrailState")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_button = QtWidgets.QPushButton(self.tr("Verify now"), self)
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.clicked.connect(lambda: self.verify())
        row.addWidget(self.state, 1)
        row.addWidget(self.verify_button)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.runner.run(VerifyAuditTrail(self.ws), self.tr("Checking the audit trail"),
                        self._done, self._failed)

    def _done(self, report: TrailReport) -> None:
        self.report = report
        self.verify_button.setEnabled(True)
        if report.ok:
            text = self.tr("Whole: {n} event(s), every hash and link follows; {m} head(s) sent "
                           "in bundles, all still on the chain.").format(
                n=report.events, m=report.announced)
        else:
            parts = []
            if report.first_bad is not None:
                parts.append(self.tr("broken at event {seq} ({problem})").format(
                    seq=report.first_bad, problem=report.problem))
            if report.missing_triggers:
                parts.append(self.tr("append-only protection removed ({names})").format(
                    names=", ".join(report.missing_triggers)))
            for seq, state in report.lost:
                parts.append(self.tr("event {seq} sent in a bundle is {state}").format(
                    seq=seq, state=state))
            text = self.tr("BROKEN: {what}. Tell your administrator and the office you send "
                           "bundles to.").format(what="; ".join(parts))
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {GOOD if report.ok else BAD}")

    def _failed(self, failure: Failure) -> None:
        self.verify_button.setEnabled(True)
        self.state.setText(failure.text)
        show_failure(self, failure)
