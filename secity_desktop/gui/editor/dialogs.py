"""Small editor dialogs: find an indicator (Ctrl+F) and the mark-complete summary."""

from __future__ import annotations

import html

from secity_desktop.core.framework import Framework
from secity_desktop.core.scoring import ScoreCard
from secity_desktop.gui.common import fit_to_screen, translate_buttons
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import set_thai_html, thai_cells


def indicator_matches(fw: Framework, query: str) -> list[str]:
    """Codes whose code starts with the query, or whose Thai/English words all contain it."""
    q = query.strip().lower()
    if not q:
        return [i.code for i in fw.indicators]
    words = q.split()
    hits = []
    for ind in fw.indicators:
        hay = " ".join(
            (ind.code, ind.title_th, ind.title_en, ind.description_th, ind.description_en)
        ).lower()
        if ind.code.startswith(q) or all(w in hay for w in words):
            hits.append(ind.code)
    return hits


class FindIndicatorDialog(QtWidgets.QDialog):
    def __init__(self, fw: Framework, lang: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.fw = fw
        self.lang = lang
        self.setWindowTitle(self.tr("Find indicator"))
        fit_to_screen(self, 560, 420)
        layout = QtWidgets.QVBoxLayout(self)
        self.query = QtWidgets.QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Code (e.g. 2.3) or words in Thai or English"))
        self.query.setClearButtonEnabled(True)
        layout.addWidget(self.query)
        self.results = thai_cells(QtWidgets.QListWidget(self))
        self.results.setUniformItemSizes(False)
        layout.addWidget(self.results, 1)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Open
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.query.textChanged.connect(self._refresh)
        self.query.returnPressed.connect(self.accept)
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self._refresh("")

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """Up/Down in the search box move the selection, so the mouse is never needed."""
        if obj is self.query and event.type() == QtCore.QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(obj, event)

    def _refresh(self, text: str) -> None:
        self.results.clear()
        for code in indicator_matches(self.fw, text):
            ind = self.fw.indicator(code)
            assert ind is not None
            title = ind.title_th if self.lang == "th" else ind.title_en
            item = QtWidgets.QListWidgetItem(f"{code}  {title}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.results.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None


class MissingDialog(QtWidgets.QDialog):
    """Lists what keeps the assessment from being complete, with a way to go there."""

    def __init__(
        self, fw: Framework, card: ScoreCard, lang: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not ready to mark complete"))
        fit_to_screen(self, 560, 420)
        self.target: str | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr("Before it can be marked complete:"), self))
        text = QtWidgets.QTextBrowser(self)
        text.setOpenLinks(False)
        text.anchorClicked.connect(lambda url: self._go(url.toString()))

        def title(code: str) -> str:
            ind = fw.indicator(code)
            assert ind is not None
            return ind.title_th if lang == "th" else ind.title_en

        head_unanswered = self.tr("Not answered ({n})").format(n=len(card.unanswered))
        head_evidence = self.tr("Evidence missing ({n})").format(n=len(card.evidence_missing))
        parts = []
        if card.unanswered:
            parts.append(f"<h4>{html.escape(head_unanswered)}</h4><ul>")
            parts += [
                f"<li><a href='{c}'>{c}</a> {html.escape(title(c))}</li>" for c in card.unanswered
            ]
            parts.append("</ul>")
        if card.evidence_missing:
            parts.append(f"<h4>{html.escape(head_evidence)}</h4><ul>")
            parts += [
                f"<li><a href='{c}'>{c}</a> {html.escape(title(c))}</li>"
                for c in card.evidence_missing
            ]
            parts.append("</ul>")
        set_thai_html(text, "".join(parts))
        layout.addWidget(text, 1)
        self.first = (card.unanswered or card.evidence_missing or (None,))[0]
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(buttons)
        go = buttons.addButton(
            self.tr("&Go to first"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        go.setDefault(True)
        go.clicked.connect(lambda: self._go(self.first or ""))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _go(self, code: str) -> None:
        self.target = code or None
        self.accept()
