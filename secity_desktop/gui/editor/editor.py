"""The assessment editor: navigator | indicator page | score panel, over one assessment.

Nothing waits for a Save button: a level is committed when chosen; a note is
committed after a short pause in typing (≤ 1 s), when the field loses focus,
when another indicator is opened and when the editor closes. Scores come from
the service after every commit (``AssessmentService.scorecard``): the same
effective-level rule as ``secity assessment show``, so a reviewer's standing
override beats the assessor's level here too.
"""

from __future__ import annotations

import contextlib
import html
from pathlib import Path

import platformdirs

from secity_desktop import messages, paths
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import OFFICE_ROLES, STATUS_LABELS, Role, Status
from secity_desktop.core.thai_calendar import now_utc
from secity_desktop.gui.common import confirm, warn, when_text
from secity_desktop.gui.editor.claim import banner_text
from secity_desktop.gui.editor.commands import LevelCommand, NoteCommand
from secity_desktop.gui.editor.dialogs import FindIndicatorDialog, MissingDialog
from secity_desktop.gui.editor.evidence import EvidenceImporter, EvidenceListModel
from secity_desktop.gui.editor.indicator_page import IndicatorPage
from secity_desktop.gui.editor.navigator import CODE_ROLE, IndicatorTreeModel
from secity_desktop.gui.editor.score_panel import ScorePanel
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.front_ops import CopyEvidenceOut
from secity_desktop.services.review.feedback import FeedbackItem, feedback_for
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.session import SessionState
from secity_desktop.services.types import Evidence

NOTE_DELAY_MS = 700
NOTE_MAX_DELAY_MS = 1000


def level_for_digit(values: list[int], digit: int) -> int | None:
    """The level whose value is the digit; otherwise the digit-th level (1-based)."""
    if digit in values:
        return digit
    return values[digit - 1] if 1 <= digit <= len(values) else None


class AssessmentEditor(QtWidgets.QWidget):
    saved = Signal(object)  # datetime of the last commit
    changed = Signal(str)  # assessment id, for the list to refresh its row
    current_changed = Signal(str)
    send_requested = Signal()  # the next step after "complete": Sync › Send
    review_requested = Signal(str)  # an office's next step on a received assessment: Review

    def __init__(
        self,
        svc: AssessmentService,
        assessment_id: str,
        lang: str = "th",
        parent: QtWidgets.QWidget | None = None,
        note_delay_ms: int = NOTE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        view = svc.view(assessment_id)
        self.assessment = view.assessment
        self.aid = view.assessment.id
        self.fw = view.framework
        self.municipality = view.municipality
        self.levels: dict[str, int | None] = {c: r.level for c, r in view.responses.items()}
        self.notes: dict[str, str] = {c: r.note for c, r in view.responses.items()}
        self.undo_stack = QtGui.QUndoStack(self)
        self.current: str | None = None
        self.card = view.card
        self.feedback = feedback_for(svc.ws, self.aid)
        self.claims = SelfAssessmentService(svc.ws)
        self.claim = self.claims.claim_for(self.aid)
        self._build(note_delay_ms)
        self._apply_status()
        self._show_feedback()
        self.refresh_score()
        self.session = SessionState(svc.ws)
        start = self.session.get(f"indicator:{self.aid}")
        self.open_indicator(
            start if start and self.fw.indicator(start) else self.fw.indicators[0].code
        )

    # --- layout -------------------------------------------------------------
    def _t(self, th: str, en: str) -> str:
        return th if self.lang == "th" or not en else en

    def _build(self, note_delay_ms: int) -> None:
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.header = ThaiLabel(self)
        self.header.setObjectName("editorHeader")
        self.header.setWordWrap(True)
        outer.addWidget(self.header)
        self.banner = ThaiLabel(self)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.edit_again_button = QtWidgets.QPushButton(self.tr("Edit aga&in"), self)
        self.edit_again_button.setObjectName("editAgainButton")
        self.edit_again_button.setToolTip(
            self.tr("Turn this complete assessment back into a draft so that it can be changed")
        )
        self.edit_again_button.clicked.connect(lambda: self.edit_again())
        banner_row = QtWidgets.QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.edit_again_button)
        outer.addLayout(banner_row)
        self.feedback_banner = ThaiLabel(self)
        self.feedback_banner.setObjectName("feedbackBanner")
        self.feedback_banner.setWordWrap(True)
        self.feedback_banner.setTextFormat(Qt.TextFormat.RichText)
        self.feedback_banner.hide()
        outer.addWidget(self.feedback_banner)
        self.claim_banner = ThaiLabel(self)
        self.claim_banner.setObjectName("claimBanner")
        self.claim_banner.setWordWrap(True)
        self.claim_banner.setStyleSheet("background:#fff4d6; padding:4px")
        self.claim_banner.hide()
        outer.addWidget(self.claim_banner)
        self.next_step_bar = QtWidgets.QFrame(self)
        self.next_step_bar.setObjectName("nextStepBar")
        self.next_step_bar.setStyleSheet("QFrame#nextStepBar { background: #eef6ee; border: 1px solid #b7d7b9; border-radius: 4px; }")
        bar = QtWidgets.QHBoxLayout(self.next_step_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.next_step = ThaiLabel(self.next_step_bar)
        self.next_step.setObjectName("nextStep")
        self.next_step.setWordWrap(True)
        bar.addWidget(self.next_step, 1)
        self.next_step_button = QtWidgets.QPushButton(self.tr("Go to Send…"), self.next_step_bar)
        self.next_step_button.setObjectName("goToSend")
        self.next_step_button.clicked.connect(self._next_step_clicked)
        bar.addWidget(self.next_step_button)
        self.next_step_bar.hide()
        outer.addWidget(self.next_step_bar)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        self.nav_model = IndicatorTreeModel(self.fw, self.lang, self)
        self.tree = thai_cells(QtWidgets.QTreeView(self.splitter))
        self.tree.setObjectName("indicatorTree")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.nav_model)
        self.tree.expandAll()
        self.tree.setItemsExpandable(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setMinimumWidth(220)
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.evidence_model = EvidenceListModel(self.svc.evidence_path, self.lang, self)
        self.page = IndicatorPage(self.evidence_model, self.lang)
        self.scroll = QtWidgets.QScrollArea(self.splitter)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.page)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        # The panel scrolls rather than squeeze: at 1024×600 with a next-step bar and a long
        # "still missing" list, a squeezed panel drew component names under their bars.
        self.score_scroll = QtWidgets.QScrollArea(self.splitter)
        self.score_scroll.setObjectName("scoreScroll")
        self.score_scroll.setWidgetResizable(True)
        self.score_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.score_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.score_panel = ScorePanel(self.fw, self.lang)
        self.score_scroll.setWidget(self.score_panel)
        self.score_scroll.setMinimumWidth(  # never narrower than the panel: nothing cut at right
            self.score_panel.minimumSizeHint().width()
            + self.score_scroll.verticalScrollBar().sizeHint().width())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([300, 760, 280])
        outer.addWidget(self.splitter, 1)
        self.page.level_chosen.connect(self.choose_level)
        self.page.add_evidence_requested.connect(self.add_evidence_dialog)
        self.page.files_dropped.connect(self.add_files)
        self.page.open_evidence.connect(self.open_evidence)
        self.page.remove_evidence.connect(self.remove_evidence)
        self.score_panel.indicator_requested.connect(self.open_indicator)
        self.score_panel.mark_complete_requested.connect(self.mark_complete)
        self.note_timer = QtCore.QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(note_delay_ms)
        self.note_timer.timeout.connect(self.flush_note)
        # Continuous typing never pauses; this cap commits at least once a second anyway.
        self.note_cap_timer = QtCore.QTimer(self)
        self.note_cap_timer.setSingleShot(True)
        self.note_cap_timer.setInterval(max(note_delay_ms, NOTE_MAX_DELAY_MS))
        self.note_cap_timer.timeout.connect(self.flush_note)
        self.page.note.textChanged.connect(self._note_typed)
        self.page.note.installEventFilter(self)
        self.importer = EvidenceImporter(self.svc, self, self.lang)
        self.importer.attached.connect(self._attached)
        self.importer.failed.connect(self._error)
        for digit in range(10):
            sc = QtGui.QShortcut(QtGui.QKeySequence(str(digit)), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda d=digit: self.choose_digit(d))
        # The scroll area itself is no Tab stop; whatever gets focus in it is scrolled into view.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QtWidgets.QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]

    def _focus_changed(self, _old: QtWidgets.QWidget | None, new: QtWidgets.QWidget | None) -> None:
        """Keep the focused widget in view (Tab, the note shortcut, a digit on a level)."""
        if new is not None and self.page.isAncestorOf(new):
            self.show_widget(new)

    def show_widget(self, widget: QtWidgets.QWidget) -> None:
        """Scroll so the whole widget shows (ensureWidgetVisible shows only a text cursor)."""
        centre = widget.mapTo(self.page, widget.rect().center())
        half_w = min(widget.width(), self.scroll.viewport().width()) // 2
        half_h = min(widget.height(), self.scroll.viewport().height()) // 2
        self.scroll.ensureVisible(centre.x(), centre.y(), half_w + 8, half_h + 8)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab from the navigator enters the levels (their rows are rebuilt per indicator)."""
        focus = QtWidgets.QApplication.focusWidget()
        if next and focus is self.tree:
            self.page.first_level.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if not next and any(focus is r.radio for r in self.page.rows):
            self.tree.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    # --- reviewers' feedback ---------------------------------------------------
    def _feedback_line(self, item: FeedbackItem) -> str:
        who = self.tr("{author}, {when}").format(author=item.author, when=when_text(item.at, self.lang))
        body = html.escape(item.body).replace("\n", "<br>")
        if item.kind == "override":
            head = self.tr("The reviewer set level {level} instead of {old}").format(
                level=item.level, old="–" if item.assessor_level is None else item.assessor_level
            )
            return f"<p><b>{html.escape(head)}</b>: {body}<br><small>{html.escape(who)}</small></p>"
        if item.kind == "return":
            head = self.tr("Returned for revision")
            return f"<p><b>{html.escape(head)}</b>: {body}<br><small>{html.escape(who)}</small></p>"
        return f"<p>{body}<br><small>{html.escape(who)}</small></p>"

    def _show_feedback(self) -> None:
        """Banner for the assessment-level words; per-indicator words go on the page."""
        general = self.feedback.general()
        if general:
            self.feedback_banner.setText("".join(self._feedback_line(i) for i in general))
        self.feedback_banner.setVisible(bool(general))
        self.nav_model.set_feedback_counts(self.feedback.counts())

    def _indicator_feedback(self, code: str) -> str:
        return "".join(self._feedback_line(i) for i in self.feedback.for_indicator(code))

    def _apply_status(self) -> None:
        status = Status(self.assessment.status)
        self.editable = self.svc.can_edit(self.aid)
        labels = STATUS_LABELS.get(status, (status.value, status.value))
        muni = self._t(self.municipality.name_th, self.municipality.name_en)
        province = self._t(self.municipality.province_th, self.municipality.province_en)
        fw_note = self.tr(" (provisional)") if self.fw.is_provisional else ""
        self.header.setText(
            f"<b style='font-size:15pt'>{html.escape(muni)}</b> · {html.escape(province)} · "
            + html.escape(
                self.tr("fiscal year {year} · framework {version}{note} · {status}").format(
                    year=self.assessment.year,
                    version=self.fw.version,
                    note=fw_note,
                    status=labels[0] if self.lang == "th" else labels[1],
                )
            ),
            keep=(muni, province),
        )
        received_from = self.svc.received_from(self.aid) if status.editable else None
        self.banner.setText(
            self.tr(
                "Received from {assessor}: read-only here; the office changes levels with a"
                " review override."
            ).format(assessor=received_from)
            if received_from
            else self.tr(
                "This assessment is complete: it is locked so that no stray key changes it."
                " Choose \"Edit again\" to change it."
            )
            if status == Status.COMPLETE
            else self.tr("This assessment is {status}: it is shown read-only.").format(
                status=labels[0] if self.lang == "th" else labels[1]
            ),
            keep=(received_from or "",),
        )
        self.banner.setVisible(not self.editable)
        self.edit_again_button.setVisible(self.svc.needs_edit_again(self.aid))
        self.page.set_editable(self.editable)
        self._show_next_step(status)

    def _show_next_step(self, status: Status) -> None:
        """After "complete", say where the day goes on: finalizing and sending are under Sync."""
        text = ""
        if self.svc.ws.role is Role.ASSESSOR and status is Status.COMPLETE:
            text = self.tr("Complete. Next: finalize and sign it, then send it to the province, "
                           "under Sync › Send.")
        elif self.svc.ws.role is Role.ASSESSOR and status is Status.FINALIZED:
            text = self.tr("Finalized and signed. Next: send it to the province under Sync › Send "
                           "(export to a USB folder).")
        elif self.svc.ws.role in OFFICE_ROLES and status in (Status.RECEIVED, Status.UNDER_REVIEW):
            text = self.tr("Read-only here. Next: review it under Review — start the review, "
                           "change a level with a reason, then approve it or return it.")
        self._to_review = self.svc.ws.role in OFFICE_ROLES
        self.next_step_button.setText(self.tr("Go to Review…") if self._to_review
                                      else self.tr("Go to Send…"))
        self.next_step.setText(text)
        self.next_step_bar.setVisible(bool(text))

    def _next_step_clicked(self) -> None:
        if getattr(self, "_to_review", False):
            self.review_requested.emit(self.aid)
        else:
            self.send_requested.emit()

    # --- navigation -----------------------------------------------------------
    def open_indicator(self, code: str) -> None:
        ind = self.fw.indicator(code)
        comp = self.fw.component_of(code)
        if ind is None or comp is None:
            return
        if code == self.current:
            return
        self.flush_note()
        self.current = code
        self.page.show_indicator(comp, ind)
        self.page.set_feedback(self._indicator_feedback(code))
        self.page.set_editable(self.editable)
        self.page.set_level(self.levels.get(code))
        self._show_claim()
        self.page.note.blockSignals(True)
        self.page.note.setPlainText(self.notes.get(code, ""))
        self.page.note.blockSignals(False)
        self.evidence_model.set_items(self.svc.evidence(self.aid, code))
        self._update_state_text()
        idx = self.nav_model.index_of(code)
        if self.tree.currentIndex() != idx:
            self.tree.setCurrentIndex(idx)
        self.tree.scrollTo(idx)
        if idx.row() == 0:  # show the component heading above its first indicator
            self.tree.scrollTo(idx.parent())
        self.scroll.verticalScrollBar().setValue(0)
        self.session.put(f"indicator:{self.aid}", code)
        self.current_changed.emit(code)

    def _tree_current(self, current: QtCore.QModelIndex, _prev: QtCore.QModelIndex) -> None:
        code = current.data(CODE_ROLE)
        if code:
            self.open_indicator(str(code))

    def step(self, delta: int) -> None:
        codes = self.nav_model.codes()
        pos = codes.index(self.current) if self.current in codes else 0
        self.open_indicator(codes[max(0, min(len(codes) - 1, pos + delta))])

    def find_indicator(self) -> None:
        dialog = FindIndicatorDialog(self.fw, self.lang, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.chosen():
            self.open_indicator(str(dialog.chosen()))
            self.tree.setFocus()

    # --- levels -----------------------------------------------------------------
    def choose_digit(self, digit: int) -> None:
        ind = self.fw.indicator(self.current or "")
        if ind is not None:
            level = level_for_digit([lv.value for lv in ind.levels], digit)
            if level is not None:
                self.choose_level(level)

    def choose_level(self, level: int | None) -> None:
        code = self.current
        if code is None or not self.editable:
            return
        old = self.levels.get(code)
        if old == level:
            return
        text = (
            self.tr("Clear {code}").format(code=code)
            if level is None
            else self.tr("Set {code} to level {level}").format(code=code, level=level)
        )
        self.undo_stack.push(LevelCommand(self, code, old, level, text))

    def apply_level(self, code: str, level: int | None) -> None:
        try:
            self.svc.set_response(self.aid, code, level)
        except SecityError as exc:
            self._error(messages.describe(exc, self.lang))
            self.page.set_level(self.levels.get(self.current or ""))
            return
        self.levels[code] = level
        if code == self.current:
            self.page.set_level(level)
        else:
            self.open_indicator(code)
        self._committed()

    def clear_level(self) -> None:
        self.choose_level(None)

    # --- notes ------------------------------------------------------------------
    def _note_typed(self) -> None:
        if self.editable:
            self.note_timer.start()
            if not self.note_cap_timer.isActive():
                self.note_cap_timer.start()

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if obj is self.page.note:
            if event.type() == QtCore.QEvent.Type.FocusOut:
                self.flush_note()
            elif event.type() == QtCore.QEvent.Type.ShortcutOverride and (
                event.matches(QtGui.QKeySequence.StandardKey.Undo)  # type: ignore[attr-defined]
                or event.matches(QtGui.QKeySequence.StandardKey.Redo)  # type: ignore[attr-defined]
            ):
                # Let the window's Undo/Redo (one history for levels and notes) have the key.
                event.ignore()
                return True
        return super().eventFilter(obj, event)

    def flush_note(self) -> None:
        """Commit the note being typed, if it differs from what is stored."""
        self.note_timer.stop()
        self.note_cap_timer.stop()
        code = self.current
        if code is None or not self.editable:
            return
        text = self.page.note.toPlainText()
        old = self.notes.get(code, "")
        if text == old:
            return
        try:
            self.svc.set_note(self.aid, code, text)
        except SecityError as exc:
            self._error(messages.describe(exc, self.lang))
            return
        self.notes[code] = text
        self.undo_stack.push(
            NoteCommand(self, code, old, text, self.tr("Edit note on {code}").format(code=code))
        )
        self._committed()

    def apply_note(self, code: str, note: str) -> None:
        try:
            self.svc.set_note(self.aid, code, note)
        except SecityError as exc:
            self._error(messages.describe(exc, self.lang))
            return
        self.notes[code] = note
        if code != self.current:
            self.open_indicator(code)
        else:
            self.page.note.blockSignals(True)
            self.page.note.setPlainText(note)
            self.page.note.moveCursor(QtGui.QTextCursor.MoveOperation.End)
            self.page.note.blockSignals(False)
        self._committed()

    # --- evidence ---------------------------------------------------------------
    def add_evidence_dialog(self) -> None:
        if not self.editable or self.current is None:
            return
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self,
            self.tr("Add evidence to {code}").format(code=self.current),
            str(Path.home()),
            self.tr(
                "Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xlsx *.mp4 *.mov);;All files (*)"
            ),
        )
        self.add_files([Path(f) for f in files])

    def add_files(self, files: list[Path]) -> None:
        started = self.editable and self.current is not None and bool(files)
        if started and not self.importer.start(self.aid, str(self.current), files):
            self._error(self.tr("Still copying the previous files; try again when it is done."))

    def _attached(self, item: Evidence) -> None:
        if item.indicator_code == self.current:
            self.evidence_model.set_items(self.svc.evidence(self.aid, self.current))
        self._committed()

    def remove_evidence(self, evidence_id: int) -> None:
        if not self.editable:
            return
        item = self.svc.evidence_item(evidence_id)
        if not confirm(
            self,
            self.tr("Remove evidence"),
            self.tr(
                "Remove {name} from indicator {code}? The removal is recorded in the audit log."
            ).format(name=item.original_name, code=item.indicator_code),
            self.tr("Remove"),
        ):
            return
        try:
            self.svc.remove_evidence(evidence_id)
        except SecityError as exc:
            self._error(messages.describe(exc, self.lang))
            return
        self.evidence_model.set_items(self.svc.evidence(self.aid, item.indicator_code))
        self._committed()

    def open_evidence(self, evidence_id: int) -> None:
        """Copy out under the original name (off-thread) and hand it to the system viewer."""
        folder = Path(platformdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "open"
        self.importer.runner.run(
            CopyEvidenceOut(self.svc, evidence_id, folder), self.tr("Opening evidence…"),
            lambda target: QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(target))),
            lambda failure: self._error(failure.text) if not failure.cancelled else None,
        )

    # --- completion ---------------------------------------------------------------
    def mark_complete(self) -> None:
        self.flush_note()
        if not self.editable:
            return
        if not self.card.complete:
            dialog = MissingDialog(self.fw, self.card, self.lang, self)
            if dialog.exec() and dialog.target:
                self.open_indicator(dialog.target)
            return
        if Status(self.assessment.status) == Status.COMPLETE:
            return
        if confirm(
            self,
            self.tr("Mark complete"),
            self.tr(
                "All {n} indicators are answered and the evidence is attached. Mark this assessment complete?"
            ).format(n=self.card.count),
            self.tr("Mark complete"),
        ):
            try:
                self.svc.mark_complete(self.aid)
            except SecityError as exc:
                self._error(messages.describe(exc, self.lang))
                return
            self._committed()

    def edit_again(self) -> bool:
        """The explicit step before a complete assessment changes: back to a draft."""
        try:
            changed = self.svc.edit_again(self.aid)
        except SecityError as exc:
            self._error(messages.describe(exc, self.lang))
            return False
        if changed:
            self._committed()
            self.page.levels_box.setFocus()
        return changed

    # --- after every commit ---------------------------------------------------------
    def refresh_score(self) -> None:
        self.card = self.svc.scorecard(self.aid)
        self.nav_model.set_card(self.card)
        self.score_panel.set_card(self.card)
        self.score_panel.complete_button.setEnabled(
            self.editable and Status(self.assessment.status) != Status.COMPLETE
        )
        if self.claim is not None:  # the gap follows every change of the verified levels
            self.claim = self.claims.claim_for(self.aid)
            if self.current is not None:
                self._show_claim()

    def _show_claim(self) -> None:
        """The municipality's claim for the open indicator, beside the level that counts here."""
        code = self.current or ""
        chosen = self.card.indicator(code).level if self.card.indicator(code) else None
        resp = self.claim.view.responses.get(code) if self.claim else None
        self.page.claim_box.show_claim(self.claim, code, chosen, self.lang)
        self.page.set_claimed(resp.level if resp else None)
        text = banner_text(self.claim)
        self.claim_banner.setText(text)
        self.claim_banner.setVisible(bool(text))

    def _update_state_text(self) -> None:
        if self.current is not None:
            self.page.set_state_text(self.nav_model.state_label(self.current))

    def _committed(self) -> None:
        status_before = self.assessment.status
        self.assessment = self.svc.get(self.aid)
        if self.assessment.status != status_before:
            self._apply_status()
        self.refresh_score()
        self._update_state_text()
        self.saved.emit(now_utc())
        self.changed.emit(self.aid)

    def _error(self, message: str) -> None:
        warn(self, self.tr("SECity Desktop"), message)

    def close_editor(self) -> None:
        """Commit everything pending; called before the editor goes away."""
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            QtWidgets.QApplication.instance().focusChanged.disconnect(self._focus_changed)  # type: ignore[union-attr]
        self.flush_note()
        self.importer.wait()
