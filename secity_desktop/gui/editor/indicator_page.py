"""One indicator: what it asks, its levels as a choice, the note and the evidence.

The page only shows and reports; the editor decides what a click means
(an undoable command through the service).
"""

from __future__ import annotations

import html
import itertools
from pathlib import Path

from secity_desktop.core.framework import Component, Indicator
from secity_desktop.gui.editor.claim import ClaimBox
from secity_desktop.gui.editor.evidence import EVIDENCE_ID_ROLE, EvidenceListModel
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells


class LevelRow(QtWidgets.QFrame):
    """A radio button with the level's full criterion text beside it, wrapped, all clickable."""

    def __init__(self, value: int, text: str, evidence: str, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.value = value
        self.setObjectName("levelRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.radio = QtWidgets.QRadioButton(str(value), self)
        self.radio.setObjectName(f"level{value}")
        self.radio.setToolTip(self.tr("Choose level {value} (press {value})").format(value=value))
        layout.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        evidence_word = self.tr("Evidence:")
        body = f"{html.escape(text)}"
        if evidence:
            body += (
                f"<br><span style='color:#55606e'>{html.escape(evidence_word)} "
                f"{html.escape(evidence)}</span>"
            )
        self.label = ThaiLabel(body, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred
        )
        # A wrapped label's minimum height is taken at a narrow width; a sensible minimum
        # width keeps the scroll page from reserving (and spreading) that phantom height.
        self.label.setMinimumWidth(280)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Maximum
        )
        layout.addWidget(self.label, 1)
        self.claim_tag = QtWidgets.QLabel(self.tr("Municipality's claim"), self)
        self.claim_tag.setObjectName("claimTag")
        self.claim_tag.setStyleSheet(
            "background:#e0a800; color:#222; border-radius:3px; padding:1px 4px")
        self.claim_tag.hide()
        layout.addWidget(self.claim_tag, 0, Qt.AlignmentFlag.AlignTop)

        self.chosen = False
        self.hovered = False

    def set_chosen(self, chosen: bool) -> None:
        """Highlight by painting, not by restyling: a restyle relayouts every wrapped text."""
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def enterEvent(self, event: QtCore.QEvent) -> None:
        self.hovered = True
        self.update()
        super().enterEvent(event)  # type: ignore[arg-type]

    def leaveEvent(self, event: QtCore.QEvent) -> None:
        self.hovered = False
        self.update()
        super().leaveEvent(event)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        if self.chosen or self.hovered:
            p = QtGui.QPainter(self)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            fill, edge = ("#e6f0fb", "#8fb3df") if self.chosen else ("#f0f4fa", "#d5dfec")
            p.setPen(QtGui.QPen(QtGui.QColor(edge), 1))
            p.setBrush(QtGui.QColor(fill))
            p.drawRoundedRect(QtCore.QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
            p.end()
        super().paintEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.radio.click()
        super().mouseReleaseEvent(event)


class IndicatorPage(QtWidgets.QWidget):
    level_chosen = Signal(object)
    add_evidence_requested = Signal()
    files_dropped = Signal(list)
    open_evidence = Signal(int)
    remove_evidence = Signal(int)

    def __init__(
        self, evidence_model: EvidenceListModel, lang: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setAcceptDrops(True)
        self.indicator: Indicator | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSpacing(8)
        self.component_label = ThaiLabel(self)
        self.component_label.setObjectName("componentLabel")
        self.component_label.setWordWrap(True)
        layout.addWidget(self.component_label)
        self.title = ThaiLabel(self)
        self.title.setObjectName("indicatorTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.description = ThaiLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.description)
        self.feedback_box = QtWidgets.QGroupBox(self.tr("Reviewer's comments"), self)
        self.feedback_box.setObjectName("feedbackBox")
        fb = QtWidgets.QVBoxLayout(self.feedback_box)
        self.feedback_label = ThaiLabel(self.feedback_box)
        self.feedback_label.setObjectName("feedbackLabel")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setTextFormat(Qt.TextFormat.RichText)
        self.feedback_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fb.addWidget(self.feedback_label)
        self.feedback_box.hide()
        layout.addWidget(self.feedback_box)
        self.claim_box = ClaimBox(self)
        layout.addWidget(self.claim_box)

        self.levels_box = QtWidgets.QGroupBox(self.tr("Level (press a digit to choose)"), self)
        self.levels_layout = QtWidgets.QVBoxLayout(self.levels_box)
        self.levels_layout.setSpacing(2)
        self.group = QtWidgets.QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._clicked)
        self.rows: list[LevelRow] = []
        layout.addWidget(self.levels_box)
        clear_row = QtWidgets.QHBoxLayout()
        self.clear_button = QtWidgets.QPushButton(self.tr("Clear answer"), self)
        self.clear_button.setToolTip(self.tr("Remove the chosen level (Ctrl+Backspace)"))
        self.clear_button.clicked.connect(lambda: self.level_chosen.emit(None))
        clear_row.addWidget(self.clear_button)
        self.answered_label = QtWidgets.QLabel(self)
        self.answered_label.setObjectName("answeredLabel")
        clear_row.addWidget(self.answered_label, 1)
        layout.addLayout(clear_row)

        note_label = QtWidgets.QLabel(self.tr("&Note"), self)
        layout.addWidget(note_label)
        self.note = QtWidgets.QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setTabChangesFocus(True)
        self.note.setUndoRedoEnabled(False)
        self.note.setPlaceholderText(
            self.tr("What you saw, who you spoke to, what to check again… (saved as you type)")
        )
        self.note.setMinimumHeight(90)
        self.note.setMaximumHeight(160)
        note_label.setBuddy(self.note)
        layout.addWidget(self.note)

        self.evidence_box = QtWidgets.QGroupBox(self.tr("Evidence"), self)
        ev_layout = QtWidgets.QVBoxLayout(self.evidence_box)
        self.evidence_hint = ThaiLabel(self.evidence_box)
        self.evidence_hint.setWordWrap(True)
        ev_layout.addWidget(self.evidence_hint)
        self.evidence_view = thai_cells(QtWidgets.QListView(self.evidence_box))
        self.evidence_view.setObjectName("evidenceList")
        self.evidence_view.setModel(evidence_model)
        self.evidence_view.setIconSize(QtCore.QSize(72, 72))
        self.evidence_view.setViewMode(QtWidgets.QListView.ViewMode.ListMode)
        self.evidence_view.setSpacing(2)
        self.evidence_view.setMinimumHeight(96)
        self.evidence_view.setAcceptDrops(False)
        self.evidence_view.doubleClicked.connect(
            lambda i: self.open_evidence.emit(int(i.data(EVIDENCE_ID_ROLE)))
        )
        ev_layout.addWidget(self.evidence_view)
        buttons = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton(
            self.tr("&Add photo or document…"), self.evidence_box
        )
        self.add_button.setToolTip(
            self.tr("Add files as evidence (Ctrl+E), or drop them on this page")
        )
        self.add_button.clicked.connect(self.add_evidence_requested)
        self.open_button = QtWidgets.QPushButton(self.tr("&Open"), self.evidence_box)
        self.open_button.setToolTip(self.tr("Open the selected file with the system viewer"))
        self.open_button.clicked.connect(lambda: self._emit_selected(self.open_evidence))
        self.remove_button = QtWidgets.QPushButton(self.tr("&Remove…"), self.evidence_box)
        self.remove_button.setToolTip(
            self.tr("Remove the selected file from this indicator (kept in the audit log)")
        )
        self.remove_button.clicked.connect(lambda: self._emit_selected(self.remove_evidence))
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        ev_layout.addLayout(buttons)
        # On its own line: beside the buttons it made the page wider than a 1024 px
        # screen's middle pane, and the whole page scrolled sideways.
        drop = ThaiLabel(self.tr("or drop files here"), self.evidence_box)
        drop.setStyleSheet("color:#55606e")
        drop.setWordWrap(True)
        ev_layout.addWidget(drop)
        layout.addWidget(self.evidence_box)
        layout.addStretch(1)

    def _t(self, th: str, en: str) -> str:
        return th if self.lang == "th" or not en else en

    def _emit_selected(self, signal: QtCore.SignalInstance) -> None:
        idx = self.evidence_view.currentIndex()
        if idx.isValid():
            signal.emit(int(idx.data(EVIDENCE_ID_ROLE)))

    def _clicked(self, value: int) -> None:
        self.level_chosen.emit(value)

    def show_indicator(self, comp: Component, ind: Indicator) -> None:
        self.indicator = ind
        self.component_label.setText(
            self.tr("Component {code}: {title}").format(
                code=comp.code, title=self._t(comp.title_th, comp.title_en)
            )
        )
        self.title.setText(f"{ind.code}  {self._t(ind.title_th, ind.title_en)}")
        self.description.setText(self._t(ind.description_th, ind.description_en))
        for row in self.rows:
            self.group.removeButton(row.radio)
            self.levels_layout.removeWidget(row)
            row.hide()  # deleteLater waits for the event loop; the old rows must go now
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for lv in ind.levels:
            row = LevelRow(
                lv.value,
                self._t(lv.label_th, lv.label_en),
                self._t(lv.evidence_th, lv.evidence_en),
                self.levels_box,
            )
            self.group.addButton(row.radio, lv.value)
            self.levels_layout.addWidget(row)
            self.rows.append(row)
        self._tab_order()
        self.evidence_hint.setText(
            self.tr("Evidence is required when the level is above {lowest}.").format(
                lowest=ind.min_value
            )
            if ind.evidence_required
            else self.tr("Evidence is optional for this indicator.")
        )

    def set_feedback(self, rich_text: str) -> None:
        """The reviewers' words on this indicator, or nothing (box hidden) when there are none."""
        self.feedback_label.setText(rich_text)
        self.feedback_box.setVisible(bool(rich_text))

    def set_level(self, level: int | None) -> None:
        """Show the recorded level without emitting a choice."""
        self.group.setExclusive(False)
        for row in self.rows:
            chosen = row.value == level
            if row.radio.isChecked() != chosen:
                row.radio.setChecked(chosen)
            row.set_chosen(chosen)
        self.group.setExclusive(True)
        self.clear_button.setEnabled(level is not None and self.levels_box.isEnabled())
        self._level_tab_stop()

    def _tab_order(self) -> None:
        """Tab: levels (one stop; arrows move between them) → clear → note → evidence.

        Level rows are made per indicator, after everything else, so Qt would put
        them last in the focus chain; the order is set again each time.
        """
        chain: list[QtWidgets.QWidget] = [r.radio for r in self.rows]
        chain += [self.clear_button, self.note, self.evidence_view]
        chain += [self.add_button, self.open_button, self.remove_button]
        for first, second in itertools.pairwise(chain):
            QtWidgets.QWidget.setTabOrder(first, second)
        self._level_tab_stop()

    def _level_tab_stop(self) -> None:
        """Only the chosen level (or the first) is a Tab stop: the group is one stop."""
        checked = next((r for r in self.rows if r.radio.isChecked()), None)
        stop = checked or (self.rows[0] if self.rows else None)
        for row in self.rows:
            row.radio.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if row is stop else Qt.FocusPolicy.ClickFocus
            )

    @property
    def first_level(self) -> QtWidgets.QWidget:
        """Where Tab from the navigator lands: the chosen level, else the first."""
        for row in self.rows:
            if row.radio.focusPolicy() == Qt.FocusPolicy.StrongFocus:
                return row.radio
        return self.clear_button

    def set_claimed(self, level: int | None) -> None:
        """Tag the level the municipality claimed (None: no claim, or not answered)."""
        for row in self.rows:
            row.claim_tag.setVisible(level is not None and row.value == level)

    def set_state_text(self, text: str) -> None:
        self.answered_label.setText(text)

    def set_editable(self, editable: bool) -> None:
        self.levels_box.setEnabled(editable)
        self.clear_button.setEnabled(editable)
        self.note.setReadOnly(not editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.setAcceptDrops(editable)

    # --- drag and drop ------------------------------------------------------
    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
