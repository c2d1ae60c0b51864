"""The editor's three panes in one splitter: navigator | indicator page | score panel.

Their sizes are tuned for the field laptops' 1024×600 screens: the navigator
keeps its codes readable, the page takes the width, the score panel scrolls
rather than squeeze and is never narrower than its own contents. The window
saves and restores the splitter's state between editors (``gui/main_window.py``).
The panes' behaviour lives in their own modules (``navigator.py``,
``indicator_page.py``, ``score_panel.py``); this one only lays them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secity_desktop.gui.editor.evidence import EvidenceListModel
from secity_desktop.gui.editor.indicator_page import IndicatorPage
from secity_desktop.gui.editor.navigator import IndicatorTreeModel
from secity_desktop.gui.editor.score_panel import ScorePanel
from secity_desktop.gui.qt import Qt, QtWidgets
from secity_desktop.gui.thai_wrap import thai_cells

if TYPE_CHECKING:
    from secity_desktop.gui.editor.editor import AssessmentEditor


def build_panes(editor: AssessmentEditor) -> QtWidgets.QSplitter:
    """The splitter; its parts become ``editor.tree``, ``editor.page``, ``editor.score_panel``…"""
    splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal, editor)
    editor.splitter = splitter
    editor.nav_model = IndicatorTreeModel(editor.fw, editor.lang, editor)
    tree = editor.tree = thai_cells(QtWidgets.QTreeView(splitter))
    tree.setObjectName("indicatorTree")
    tree.setHeaderHidden(True)
    tree.setModel(editor.nav_model)
    tree.expandAll()
    tree.setItemsExpandable(False)
    tree.setRootIsDecorated(False)
    tree.setIndentation(12)
    tree.setMinimumWidth(220)
    editor.evidence_model = EvidenceListModel(editor.svc.evidence_path, editor.lang, editor)
    editor.page = IndicatorPage(editor.evidence_model, editor.lang)
    scroll = editor.scroll = QtWidgets.QScrollArea(splitter)
    scroll.setWidgetResizable(True)
    scroll.setWidget(editor.page)
    scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    # The panel scrolls rather than squeeze: at 1024×600 with a next-step bar and a long
    # "still missing" list, a squeezed panel drew component names under their bars.
    score_scroll = editor.score_scroll = QtWidgets.QScrollArea(splitter)
    score_scroll.setObjectName("scoreScroll")
    score_scroll.setWidgetResizable(True)
    score_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    score_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    editor.score_panel = ScorePanel(editor.fw, editor.lang)
    score_scroll.setWidget(editor.score_panel)
    score_scroll.setMinimumWidth(  # never narrower than the panel: nothing cut at right
        editor.score_panel.minimumSizeHint().width()
        + score_scroll.verticalScrollBar().sizeHint().width())
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 5)
    splitter.setStretchFactor(2, 2)
    splitter.setSizes([300, 760, 280])
    # The scroll area itself is no Tab stop; whatever gets focus in it is scrolled into view.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return splitter
