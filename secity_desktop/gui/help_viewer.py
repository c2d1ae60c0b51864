"""Help › User guide (F1): the guide's local Markdown pages in a browser window.

Pages are read from ``docs/guide/<lang>/`` through :mod:`services.guide`
(never from the network), rendered to HTML with markdown-it so the anchors
F1 jumps to survive (Qt's own Markdown import drops raw HTML), and shown in a
QTextBrowser that follows links between pages and shows the screenshots.
F1 opens the page for the place the person is in: the current tab of the main
window (and, in Sync, its current page) is turned into a place key that
``services.guide.PLACE_PAGES`` maps to a page per role.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from secity_desktop.core.errors import SecityError
from secity_desktop.gui import common
from secity_desktop.gui.operations import Failure, OperationRunner
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets, Signal
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.messages import describe
from secity_desktop.services import guide

# main-window attribute -> place key; class names are the fallback if an attribute is renamed
PLACE_ATTRS = (
    ("assessments_stack", "assessments"),
    ("municipality_place", "municipalities"),
    ("municipality_table", "municipalities"),
    ("framework_view", "framework"),
    ("sync_place", "sync"),
    ("review_place", "review"),
    ("dashboard_place", "dashboard"),
    ("coverage_place", "coverage"),
    ("progress_place", "progress"),
    ("reports_place", "reports"),
)
PLACE_CLASSES = {
    "SyncPlace": "sync",
    "ReviewPlace": "review",
    "DashboardPlace": "dashboard",
    "CoveragePlace": "coverage",
    "ProgressPlace": "progress",
    "ReportsPlace": "reports",
    "FrameworkView": "framework",
}
SYNC_ATTRS = (
    ("export_page", "export"),
    ("import_page", "import"),
    ("trust_page", "trust"),
    ("key_page", "key"),
    ("send_page", "send"),
    ("conflicts_page", "conflicts"),
    ("history_page", "history"),
)
ROLE_GROUPS = (
    ("all", QtCore.QT_TRANSLATE_NOOP("HelpViewer", "For everyone")),
    ("assessor", QtCore.QT_TRANSLATE_NOOP("HelpViewer", "Field assessor")),
    ("province", QtCore.QT_TRANSLATE_NOOP("HelpViewer", "Provincial office")),
    ("office", QtCore.QT_TRANSLATE_NOOP("HelpViewer", "Regional and national offices")),
)
PAGE_ROLE = QtCore.Qt.ItemDataRole.UserRole


def place_key(window: Any, widget: QtWidgets.QWidget | None = None) -> str:
    """The place key of ``widget`` (default: the window's current tab), e.g. ``sync/import``."""
    widget = widget if widget is not None else window.places.currentWidget()
    key_of = getattr(window.places, "key_of", None)  # lazy places: ask without building any
    if key_of is not None:
        key = key_of(widget)
    else:
        key = next((k for attr, k in PLACE_ATTRS if getattr(window, attr, None) is widget), None)
    key = key or PLACE_CLASSES.get(type(widget).__name__, "")
    if key == "sync" and isinstance(widget, QtWidgets.QTabWidget):
        page = widget.currentWidget()
        sub = next((k for attr, k in SYNC_ATTRS if getattr(widget, attr, None) is page), None)
        if sub:
            key = f"sync/{sub}"
    return key


def page_for(window: Any, widget: QtWidgets.QWidget | None = None) -> str:
    """The guide page (``name`` or ``name#anchor``) F1 opens in ``window`` right now."""
    return guide.page_for_place(place_key(window, widget), window.ws.role)


def _group(page: guide.GuidePage) -> str:
    if set(page.roles) >= set(guide.ALL_ROLES):
        return "all"
    if "assessor" in page.roles:
        return "assessor"
    return "province" if "province" in page.roles else "office"


class GuideBrowser(QtWidgets.QTextBrowser):
    """A QTextBrowser that reads guide pages as HTML rendered from their Markdown."""

    def __init__(self, lang: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setOpenExternalLinks(False)  # offline: nothing leaves the machine
        self.setObjectName("guideBrowser")
        self.image_width = 640
        self._relayout = QtCore.QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(150)
        self._relayout.timeout.connect(self._fit_images)

    def _wanted_width(self) -> int:
        """Screenshots fill the page's width, never wider than they were taken (1366 px)."""
        return max(320, min(self.viewport().width() - 40, 1366))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if abs(self._wanted_width() - self.image_width) > 24:
            self._relayout.start()

    def _fit_images(self) -> None:
        """Re-read the page with screenshots sized to the new width, keeping the reading place."""
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.image_width = self._wanted_width()
        self.reload()
        bar.setValue(round(ratio * bar.maximum()))

    def loadResource(self, kind: int, url: QtCore.QUrl) -> Any:
        path = url.toLocalFile() if url.isLocalFile() else ""
        if path.endswith(".md"):
            page = guide.read_page(Path(path), self.lang)
            return re.sub(r"<img ", f'<img width="{self.image_width}" ', guide.page_html(page))
        return super().loadResource(kind, url)

    def doSetSource(self, name: QtCore.QUrl,
                    kind: QtGui.QTextDocument.ResourceType
                    = QtGui.QTextDocument.ResourceType.UnknownResource) -> None:
        if name.toLocalFile().endswith(".md"):
            kind = QtGui.QTextDocument.ResourceType.HtmlResource
        super().doSetSource(name, kind)


class HelpViewer(QtWidgets.QDialog):
    """The guide: contents per role on the left, the page on the right, Back/Home/Print."""

    pdf_written = Signal(str)

    def __init__(self, lang: str = "th", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang if lang in guide.LANGUAGES else "th"
        self.setObjectName("helpViewer")
        self.setWindowTitle(self.tr("User guide — SECity Desktop"))
        self.setWindowFlag(QtCore.Qt.WindowType.WindowMaximizeButtonHint, True)
        self.pages = guide.pages(self.lang)

        self.contents = QtWidgets.QTreeWidget(self)
        self.contents.setObjectName("guideContents")
        self.contents.setHeaderHidden(True)
        groups = {key: QtWidgets.QTreeWidgetItem([self.tr(label)]) for key, label in ROLE_GROUPS}
        for item in groups.values():
            item.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
            self.contents.addTopLevelItem(item)
        for page in self.pages:
            child = QtWidgets.QTreeWidgetItem([page.title])
            child.setData(0, PAGE_ROLE, page.name)
            child.setToolTip(0, page.title)
            groups[_group(page)].addChild(child)
        self.contents.expandAll()
        self.contents.itemActivated.connect(self._item_chosen)
        self.contents.itemClicked.connect(self._item_chosen)

        self.browser = GuideBrowser(self.lang, self)
        self.browser.sourceChanged.connect(self._source_changed)

        self.back_button = QtWidgets.QPushButton(self.tr("Back"), self)
        self.back_button.setShortcut(QtGui.QKeySequence("Alt+Left"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.home_button = QtWidgets.QPushButton(self.tr("Contents"), self)
        self.home_button.clicked.connect(lambda: self.open_page(guide.HOME))
        self.print_button = QtWidgets.QPushButton(self.tr("Print / save as PDF…"), self)
        self.print_button.setToolTip(self.tr("The whole guide as a printable PDF"))
        self.print_button.clicked.connect(lambda: self.save_pdf())  # not clicked(bool) as the argument
        bar = QtWidgets.QHBoxLayout()
        for b in (self.back_button, self.home_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.print_button)

        right = QtWidgets.QWidget(self)
        rv = QtWidgets.QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(bar)
        rv.addWidget(self.browser, 1)
        split = QtWidgets.QSplitter(self)
        split.addWidget(self.contents)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 710])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(split, 1)
        self.status = ThaiLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        screen = self.screen().availableGeometry() if self.screen() else None
        w, h = 1000, 700
        if screen is not None:
            w, h = min(w, screen.width() - 40), min(h, screen.height() - 60)
        self.resize(w, h)
        self.browser.image_width = max(320, min(w - 290 - 80, 1366))
        self.task: object | None = None
        self.open_page(guide.HOME)

    def open_page(self, name: str) -> None:
        """Show page ``name`` (``page`` or ``page#anchor``) of the guide."""
        page, _, anchor = name.partition("#")
        url = QtCore.QUrl.fromLocalFile(str(guide.page_path(page, self.lang)))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem

    def _item_chosen(self, item: QtWidgets.QTreeWidgetItem, _column: int = 0) -> None:
        name = item.data(0, PAGE_ROLE)
        if name:
            self.open_page(str(name))

    def _source_changed(self, url: QtCore.QUrl) -> None:
        """Keep the contents list on the page shown (links move between pages too)."""
        stem = Path(url.toLocalFile()).stem
        it = QtWidgets.QTreeWidgetItemIterator(self.contents)
        while it.value():
            item = it.value()
            if item.data(0, PAGE_ROLE) == stem:
                self.contents.setCurrentItem(item)
                break
            it += 1

    def save_pdf(self, target: Path | None = None) -> None:
        """Print the whole guide to a PDF with the Thai PDF layer, on a worker thread."""
        if target is None:
            suggested = self.tr("SECity user guide.pdf")
            name, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save the guide as PDF"), suggested, self.tr("PDF files (*.pdf)")
            )
            if not name:
                return
            target = Path(name)
        out = target
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Making the PDF…"))

        def done(pages: object) -> None:
            self.print_button.setEnabled(True)
            self.status.setText(
                self.tr("Written: {path} ({pages} pages)").format(path=str(out), pages=pages)
            )
            self.task = None
            self.pdf_written.emit(str(out))

        def failed(failure: Failure) -> None:
            self.print_button.setEnabled(True)
            self.status.setText(self.tr("Not done: {reason}").format(
                reason=describe(failure.exc, self.lang)))
            self.task = None

        runner = self.findChild(OperationRunner) or OperationRunner(self, self.lang)
        self.task = runner.run(guide.GuidePdfOperation(out, self.lang),
                               self.tr("Making the PDF…"), done, failed)

def show_guide(window: Any, page: str | None = None) -> HelpViewer | None:
    """Open (or raise) the window's guide on ``page`` (default: the page for the current place)."""
    viewer = getattr(window, "guide_viewer", None)
    try:
        if viewer is None:
            viewer = HelpViewer(window.lang, window)
            window.guide_viewer = viewer
        viewer.open_page(page or page_for(window))
    except SecityError as exc:  # an install without docs/guide: say so, never a traceback
        common.warn(window, "SECity Desktop", describe(exc, window.lang))
        return None
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer
