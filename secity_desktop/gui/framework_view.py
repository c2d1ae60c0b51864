"""Browsing the framework: components → indicators, with each indicator's levels.

Shows the provisional banner whenever the framework is not official, because
the shipped indicator wording is a draft and nobody should mistake it for the
department's criteria.
"""

from __future__ import annotations

import html

from secity_desktop.core.framework import Component, Framework, Indicator
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, set_thai_html, thai_cells

CODE_ROLE = Qt.ItemDataRole.UserRole + 10


def provisional_banner(
    fw: Framework, lang: str, parent: QtWidgets.QWidget | None = None
) -> QtWidgets.QLabel:
    label = ThaiLabel(parent)
    label.setWordWrap(True)
    label.setObjectName("provisionalBanner")
    note = fw.framework.source_note_th if lang == "th" else fw.framework.source_note_en
    head = QtCore.QCoreApplication.translate(
        "FrameworkView",
        "Provisional framework: indicator wording and cut-offs are a draft, not the official criteria.",
    )
    label.setText(f"<b>{html.escape(head)}</b><br>{html.escape(note)}")
    label.setStyleSheet(
        "QLabel#provisionalBanner { background: #fff4ce; color: #5c4400;"
        " border: 1px solid #e0c36a; border-radius: 4px; padding: 6px; }"
    )
    label.setVisible(fw.is_provisional)
    return label


class FrameworkView(QtWidgets.QWidget):
    def __init__(
        self, fw: Framework, lang: str = "th", parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.fw = fw
        self.lang = lang
        layout = QtWidgets.QVBoxLayout(self)
        title = fw.framework.title_th if lang == "th" else fw.framework.title_en
        version_word = self.tr("version")
        header = QtWidgets.QLabel(
            f"<b>{html.escape(title)}</b> — {version_word} {html.escape(fw.version)}"
            f" · {html.escape(fw.hash[:12])}…"
        )
        layout.addWidget(header)
        layout.addWidget(provisional_banner(fw, lang, self))
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        self.tree = thai_cells(QtWidgets.QTreeView(split))
        self.tree.setHeaderHidden(True)
        self.model = QtGui.QStandardItemModel(self)
        self._fill()
        self.tree.setModel(self.model)
        self.tree.expandAll()
        self.details = QtWidgets.QTextBrowser(split)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        self.tree.selectionModel().currentChanged.connect(self._show_current)
        first = self.model.index(0, 0)
        if first.isValid():  # never a blank pane: the first indicator's levels to start with
            self.tree.setCurrentIndex(self.model.index(0, 0, first))

    def _t(self, th: str, en: str) -> str:
        return th if self.lang == "th" or not en else en

    def _fill(self) -> None:
        root = self.model.invisibleRootItem()
        for c in self.fw.components:
            item = QtGui.QStandardItem(
                f"{c.code}. {self._t(c.title_th, c.title_en)} ({c.weight:g}%)"
            )
            item.setEditable(False)
            for ind in c.indicators:
                child = QtGui.QStandardItem(f"{ind.code} {self._t(ind.title_th, ind.title_en)}")
                child.setEditable(False)
                child.setData(ind.code, CODE_ROLE)
                item.appendRow(child)
            root.appendRow(item)

    def _show_current(self) -> None:
        index = self.tree.currentIndex()
        code = index.data(CODE_ROLE)
        if code:
            set_thai_html(self.details, self.indicator_html(self.fw.indicator(code)))
        elif index.isValid():  # a component: its weight and indicators, and what to click
            set_thai_html(self.details, self.component_html(self.fw.components[index.row()]))
        else:
            self.details.clear()

    def component_html(self, c: Component) -> str:
        e = html.escape
        items = "".join(
            f"<li>{e(i.code)} {e(self._t(i.title_th, i.title_en))}</li>" for i in c.indicators
        )
        weight = self.tr("Weight: {w}% of the total").format(w=f"{c.weight:g}")
        hint = self.tr("Choose an indicator to see its levels and the evidence each needs.")
        title = self._t(c.title_th, c.title_en)
        return (f"<h3>{e(c.code)}. {e(title)}</h3><p>{e(weight)}</p>"
                f"<ul>{items}</ul><p><i>{e(hint)}</i></p>")

    def indicator_html(self, ind: Indicator) -> str:
        e = html.escape
        evidence_word = self.tr("Evidence")
        rows = "".join(
            f"<tr><td valign='top'><b>{lv.value}</b></td><td>{e(self._t(lv.label_th, lv.label_en))}"
            + (
                f"<br><i>{e(evidence_word)}: {e(self._t(lv.evidence_th, lv.evidence_en))}</i>"
                if lv.evidence_th or lv.evidence_en
                else ""
            )
            + "</td></tr>"
            for lv in ind.levels
        )
        return (
            f"<h3>{e(ind.code)} {e(self._t(ind.title_th, ind.title_en))}</h3>"
            f"<p>{e(self._t(ind.description_th, ind.description_en))}</p>"
            f"<table cellspacing='6'>{rows}</table>"
        )
