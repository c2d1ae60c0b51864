"""The strips above the editor's panes: what is open, why it is read-only, what comes next.

From the top: the header (municipality, province, fiscal year, framework,
status), the read-only banner with *Edit again* for a complete assessment, the
reviewers' general feedback, the municipality's claim, and the next-step bar
(after "complete": Sync › Send; for an office: Review). They change only when
the status changes or feedback arrives, so the editor builds them once and asks
:meth:`EditorBanners.show_status` after a status move. Texts stay in the
``AssessmentEditor`` translation context, where ``i18n/secity_th.ts`` keys them.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from secity_desktop.core.lifecycle import OFFICE_ROLES, STATUS_LABELS, Role, Status
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel

if TYPE_CHECKING:
    from secity_desktop.gui.editor.editor import AssessmentEditor

translate = QtCore.QCoreApplication.translate


def _wrapping_label(parent: QtWidgets.QWidget, name: str) -> ThaiLabel:
    label = ThaiLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class EditorBanners:
    """The strips' widgets (the editor keeps them as its own attributes) and their texts."""

    def __init__(self, editor: AssessmentEditor, outer: QtWidgets.QVBoxLayout) -> None:
        self.editor = editor
        self.to_review = False  # the next-step button goes to Review (an office), not Send
        self.header = _wrapping_label(editor, "editorHeader")
        outer.addWidget(self.header)
        self.banner = _wrapping_label(editor, "readOnlyBanner")
        self.edit_again_button = QtWidgets.QPushButton(
            translate("AssessmentEditor", "Edit aga&in"), editor)
        self.edit_again_button.setObjectName("editAgainButton")
        self.edit_again_button.setToolTip(translate(
            "AssessmentEditor",
            "Turn this complete assessment back into a draft so that it can be changed"))
        self.edit_again_button.clicked.connect(lambda: editor.edit_again())
        banner_row = QtWidgets.QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.edit_again_button)
        outer.addLayout(banner_row)
        self.feedback_banner = _wrapping_label(editor, "feedbackBanner")
        self.feedback_banner.setTextFormat(Qt.TextFormat.RichText)
        self.feedback_banner.hide()
        outer.addWidget(self.feedback_banner)
        self.claim_banner = _wrapping_label(editor, "claimBanner")
        self.claim_banner.setStyleSheet("background:#fff4d6; padding:4px")
        self.claim_banner.hide()
        outer.addWidget(self.claim_banner)
        self.next_step_bar = QtWidgets.QFrame(editor)
        self.next_step_bar.setObjectName("nextStepBar")
        self.next_step_bar.setStyleSheet("QFrame#nextStepBar { background: #eef6ee; border: 1px solid #b7d7b9; border-radius: 4px; }")
        bar = QtWidgets.QHBoxLayout(self.next_step_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.next_step = _wrapping_label(self.next_step_bar, "nextStep")
        bar.addWidget(self.next_step, 1)
        self.next_step_button = QtWidgets.QPushButton(
            translate("AssessmentEditor", "Go to Send…"), self.next_step_bar)
        self.next_step_button.setObjectName("goToSend")
        bar.addWidget(self.next_step_button)
        self.next_step_bar.hide()
        outer.addWidget(self.next_step_bar)

    def show_status(self, status: Status, editable: bool) -> None:
        """Header, read-only banner, *Edit again* and next step for ``status``."""
        ed = self.editor
        svc, lang, fw, muni_row = ed.svc, ed.lang, ed.fw, ed.municipality
        labels = STATUS_LABELS.get(status, (status.value, status.value))
        label = labels[0] if lang == "th" else labels[1]
        muni = ed._t(muni_row.name_th, muni_row.name_en)
        province = ed._t(muni_row.province_th, muni_row.province_en)
        fw_note = translate("AssessmentEditor", " (provisional)") if fw.is_provisional else ""
        self.header.setText(
            f"<b style='font-size:15pt'>{html.escape(muni)}</b> · {html.escape(province)} · "
            + html.escape(
                translate(
                    "AssessmentEditor", "fiscal year {year} · framework {version}{note} · {status}"
                ).format(year=ed.assessment.year, version=fw.version, note=fw_note, status=label)
            ),
            keep=(muni, province),
        )
        received_from = svc.received_from(ed.aid) if status.editable else None
        self.banner.setText(
            translate(
                "AssessmentEditor",
                "Received from {assessor}: read-only here; the office changes levels with a"
                " review override."
            ).format(assessor=received_from)
            if received_from
            else translate(
                "AssessmentEditor",
                "This assessment is complete: it is locked so that no stray key changes it."
                " Choose \"Edit again\" to change it."
            )
            if status == Status.COMPLETE
            else translate(
                "AssessmentEditor", "This assessment is {status}: it is shown read-only."
            ).format(status=label),
            keep=(received_from or "",),
        )
        self.banner.setVisible(not editable)
        self.edit_again_button.setVisible(svc.needs_edit_again(ed.aid))
        self._show_next_step(status, svc.ws.role)

    def _show_next_step(self, status: Status, role: Role) -> None:
        """After "complete", say where the day goes on: finalizing and sending are under Sync."""
        text = ""
        if role is Role.ASSESSOR and status is Status.COMPLETE:
            text = translate(
                "AssessmentEditor",
                "Complete. Next: finalize and sign it, then send it to the province, "
                "under Sync › Send.")
        elif role is Role.ASSESSOR and status is Status.FINALIZED:
            text = translate(
                "AssessmentEditor",
                "Finalized and signed. Next: send it to the province under Sync › Send "
                "(export to a USB folder).")
        elif role in OFFICE_ROLES and status in (Status.RECEIVED, Status.UNDER_REVIEW):
            text = translate(
                "AssessmentEditor",
                "Read-only here. Next: review it under Review — start the review, "
                "change a level with a reason, then approve it or return it.")
        self.to_review = role in OFFICE_ROLES
        self.next_step_button.setText(translate("AssessmentEditor", "Go to Review…")
                                      if self.to_review
                                      else translate("AssessmentEditor", "Go to Send…"))
        self.next_step.setText(text)
        self.next_step_bar.setVisible(bool(text))
