"""The always-visible score: components, total, tier, answered / N and what is missing.

It is fed a ``ScoreCard`` computed in memory from the editor's levels, so it
updates on every change without a database read.
"""

from __future__ import annotations

import html

from secity_desktop.core.framework import Framework
from secity_desktop.core.scoring import ScoreCard
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel

MAX_LISTED = 12


class ScorePanel(QtWidgets.QFrame):
    indicator_requested = Signal(str)
    mark_complete_requested = Signal()

    def __init__(self, fw: Framework, lang: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.fw = fw
        self.lang = lang
        self.setObjectName("scorePanel")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setMinimumWidth(240)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSpacing(6)
        # Fixed hints: a score text that grows must not relayout the whole splitter
        # (and repaint the editor) on every answer.
        layout.setSizeConstraint(QtWidgets.QLayout.SizeConstraint.SetNoConstraint)
        heading = QtWidgets.QLabel(self.tr("Score"), self)
        heading.setObjectName("panelHeading")
        layout.addWidget(heading)
        self.total = QtWidgets.QLabel(self)
        self.total.setObjectName("totalScore")
        self.total.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.total)
        self.tier = ThaiLabel(self)
        self.tier.setObjectName("tierLabel")
        self.tier.setWordWrap(True)
        layout.addWidget(self.tier)
        self.answered = QtWidgets.QLabel(self)
        layout.addWidget(self.answered)
        grid = QtWidgets.QGridLayout()
        grid.setVerticalSpacing(4)
        self.bars: list[QtWidgets.QProgressBar] = []
        self.comp_labels: list[QtWidgets.QLabel] = []
        for row, comp in enumerate(fw.components):
            title = comp.title_th if lang == "th" or not comp.title_en else comp.title_en
            name = ThaiLabel(f"{comp.code}. {html.escape(title)}", self)
            name.setWordWrap(True)
            value = QtWidgets.QLabel(self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            bar = QtWidgets.QProgressBar(self)
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
            bar.setFixedHeight(6)
            # a row of its own per component: a box lays the wrapped name out at the width it
            # really gets (a grid guessed the height at another width and clipped line one)
            line = QtWidgets.QHBoxLayout()
            line.addWidget(name, 1)
            line.addWidget(value, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(line, 2 * row, 0)
            grid.addWidget(bar, 2 * row + 1, 0)
            self.bars.append(bar)
            self.comp_labels.append(value)
        layout.addLayout(grid)
        self.missing = ThaiLabel(self)
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.RichText)
        self.missing.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.missing.linkActivated.connect(self._link)
        layout.addWidget(self.missing)
        layout.addStretch(1)
        self.complete_button = QtWidgets.QPushButton(self.tr("Mark complete…"), self)
        self.complete_button.setToolTip(
            self.tr(
                "Check that nothing is missing and mark the assessment complete (Ctrl+Shift+Return)"
            )
        )
        self.complete_button.clicked.connect(self.mark_complete_requested)
        layout.addWidget(self.complete_button)

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(240, 360)

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(290, 560)

    def _link(self, href: str) -> None:
        if href.startswith("ind:"):
            self.indicator_requested.emit(href[4:])

    def set_card(self, card: ScoreCard) -> None:
        self.total.setText(self.tr("{total} / 100").format(total=f"{card.total:.2f}"))
        self.tier.setProperty("below", card.tier is None)
        self.tier.setStyleSheet("" if card.tier else "color: #8a6d1f;")
        if card.tier:
            self.tier.setText(card.tier.label_th if self.lang == "th" else card.tier.label_en)
        else:
            lowest = self.fw.tiers[-1]
            self.tier.setText(
                self.tr("Below every tier ({points} points short of {tier})").format(
                    points=f"{lowest.min_total - card.total:.2f}",
                    tier=lowest.label_th if self.lang == "th" else lowest.label_en,
                )
            )
        self.answered.setText(
            self.tr("Answered {answered} of {count}").format(
                answered=card.answered, count=card.count
            )
        )
        for comp, bar, label in zip(card.components, self.bars, self.comp_labels, strict=True):
            label.setText(f"{comp.score:.2f} / {comp.weight:g}")
            value = round(10 * comp.percent)
            if bar.value() != value:
                bar.setValue(value)
        self.missing.setText(self._missing_html(card))

    def _missing_html(self, card: ScoreCard) -> str:
        def links(codes: tuple[str, ...]) -> str:
            shown = ", ".join(f"<a href='ind:{c}'>{c}</a>" for c in codes[:MAX_LISTED])
            more = len(codes) - MAX_LISTED
            return shown + (" " + self.tr("and {n} more").format(n=more) if more > 0 else "")

        not_answered = self.tr("Not answered:")
        evidence_missing = self.tr("Evidence missing:")
        parts = []
        if card.unanswered:
            parts.append(f"<b>{html.escape(not_answered)}</b> {links(card.unanswered)}")
        if card.evidence_missing:
            parts.append(f"<b>{html.escape(evidence_missing)}</b> {links(card.evidence_missing)}")
        if not parts:
            return html.escape(self.tr("Nothing is missing."))
        return "<br>".join(parts)
