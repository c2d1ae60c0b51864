"""The assessment editor: navigator | indicator page | score panel, over one assessment.

Nothing waits for a Save button: a level is committed when chosen; a note is
committed after a short pause in typing (≤ 1 s), when the field loses focus,
when another indicator is opened and when the editor closes. Scores come from
the service after every commit (``AssessmentService.scorecard``): the same
effective-level rule as ``secity assessment show``, so a reviewer's standing
override beats the assessor's level here too.

This module holds the editor's state and its commits (levels, notes, undo) and
composes the rest: the panes (``panes.py``), the strips above them
(``banners.py``), when a note is committed (``note_saver.py``), the evidence
commands (``evidence_actions.py``), *Mark complete* and *Edit again*
(``completion.py``) and the reviewers' words (``feedback_text.py``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Status
from secity_desktop.core.thai_calendar import now_utc
from secity_desktop.gui.common import warn
from secity_desktop.gui.editor import completion
from secity_desktop.gui.editor.banners import EditorBanners
from secity_desktop.gui.editor.claim import banner_text
from secity_desktop.gui.editor.commands import LevelCommand, NoteCommand
from secity_desktop.gui.editor.dialogs import FindIndicatorDialog
from secity_desktop.gui.editor.evidence import EvidenceListModel
from secity_desktop.gui.editor.evidence_actions import EvidenceActions
from secity_desktop.gui.editor.feedback_text import feedback_html
from secity_desktop.gui.editor.indicator_page import IndicatorPage
from secity_desktop.gui.editor.navigator import CODE_ROLE, IndicatorTreeModel
from secity_desktop.gui.editor.note_saver import NOTE_DELAY_MS, NoteSaver
from secity_desktop.gui.editor.panes import build_panes
from secity_desktop.gui.editor.score_panel import ScorePanel
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review.feedback import feedback_for
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.session import SessionState


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
    # the panes, laid out by gui/editor/panes.py
    splitter: QtWidgets.QSplitter
    nav_model: IndicatorTreeModel
    tree: QtWidgets.QTreeView
    evidence_model: EvidenceListModel
    page: IndicatorPage
    scroll: QtWidgets.QScrollArea
    score_scroll: QtWidgets.QScrollArea
    score_panel: ScorePanel

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
        self.banners = EditorBanners(self, outer)  # header, read-only, feedback, claim, next step
        b = self.banners
        self.header, self.banner, self.edit_again_button = b.header, b.banner, b.edit_again_button
        self.feedback_banner, self.claim_banner = b.feedback_banner, b.claim_banner
        self.next_step_bar, self.next_step = b.next_step_bar, b.next_step
        self.next_step_button = b.next_step_button
        self.next_step_button.clicked.connect(self._next_step_clicked)
        outer.addWidget(build_panes(self), 1)  # navigator | indicator page | score panel
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.page.level_chosen.connect(self.choose_level)
        self.evidence_actions = EvidenceActions(self)  # add, open, remove; the off-thread copier
        self.importer = self.evidence_actions.importer
        self.page.add_evidence_requested.connect(self.add_evidence_dialog)
        self.page.files_dropped.connect(self.add_files)
        self.page.open_evidence.connect(self.evidence_actions.open)
        self.page.remove_evidence.connect(self.evidence_actions.remove)
        self.score_panel.indicator_requested.connect(self.open_indicator)
        self.score_panel.mark_complete_requested.connect(self.mark_complete)
        self.note_saver = NoteSaver(self.page.note, self.flush_note, lambda: self.editable,
                                    note_delay_ms, self)  # when a note is committed
        for digit in range(10):
            sc = QtGui.QShortcut(QtGui.QKeySequence(str(digit)), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda d=digit: self.choose_digit(d))
        # Whatever gets focus in the page's scroll area is scrolled into view.
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
    def _show_feedback(self) -> None:
        """Banner for the assessment-level words; per-indicator words go on the page."""
        general = self.feedback.general()
        if general:
            self.feedback_banner.setText(feedback_html(general, self.lang))
        self.feedback_banner.setVisible(bool(general))
        self.nav_model.set_feedback_counts(self.feedback.counts())

    def _indicator_feedback(self, code: str) -> str:
        return feedback_html(self.feedback.for_indicator(code), self.lang)

    def _apply_status(self) -> None:
        status = Status(self.assessment.status)
        self.editable = self.svc.can_edit(self.aid)
        self.banners.show_status(status, self.editable)
        self.page.set_editable(self.editable)

    def _next_step_clicked(self) -> None:
        if self.banners.to_review:
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
    def flush_note(self) -> None:
        """Commit the note being typed, if it differs from what is stored."""
        self.note_saver.stop()
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

    # --- evidence (gui/editor/evidence_actions.py) ----------------------------------
    def add_evidence_dialog(self) -> None:
        self.evidence_actions.add_dialog()

    def add_files(self, files: list[Path]) -> None:
        self.evidence_actions.add_files(files)

    # --- completion (gui/editor/completion.py) -----------------------------------
    def mark_complete(self) -> None:
        completion.mark_complete(self)

    def edit_again(self) -> bool:
        """The explicit step before a complete assessment changes: back to a draft."""
        return completion.edit_again(self)

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
