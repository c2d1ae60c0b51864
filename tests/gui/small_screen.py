"""What "fits a small screen" means, checked on real widgets (shared by the tests and the script).

A top-level window fits when it is no larger than the screen's available area;
a button or input fits when the whole of it shows inside its window — unless it
lives in a scroll area, which can bring it into view. A push button narrower
than its own minimum size hint shows its text cut off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from secity_desktop.gui.qt import QtCore, QtWidgets

W = QtWidgets
ROLES_TEXT = ("assessor", "province", "region", "national", "municipality")
INPUTS = (
    W.QAbstractButton,
    W.QLineEdit,
    W.QComboBox,
    W.QAbstractSpinBox,
    W.QPlainTextEdit,
    W.QTextEdit,
    W.QAbstractItemView,
)


def name(widget: QtWidgets.QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    title = widget.window().windowTitle() or type(widget.window()).__name__
    return f"{type(widget).__name__}({widget.objectName() or label!s:.30}) in {title!r}"


def _scrollable(widget: QtWidgets.QWidget, window: QtWidgets.QWidget) -> bool:
    """Inside a scroll area's viewport (other than its own): it can be scrolled into view."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, W.QAbstractScrollArea) and parent is grand.viewport():
            return True
        if isinstance(parent, W.QTabBar | W.QMenuBar | W.QAbstractSpinBox | W.QComboBox):
            return True  # the tab bar's own scroll arrows, a spin box's buttons: Qt's business
        parent = grand
    return False


def clipped(widget: QtWidgets.QWidget, window: QtWidgets.QWidget) -> QtCore.QRect:
    """The part of ``widget`` (in window coordinates) that its ancestors leave showing."""
    shown = QtCore.QRect(widget.mapTo(window, QtCore.QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        origin = parent.mapTo(window, QtCore.QPoint(0, 0)) if parent is not window else QtCore.QPoint()
        shown = shown.intersected(QtCore.QRect(origin, parent.size()))
        if parent is window:
            break
        parent = parent.parentWidget()
    return shown


def problems(window: QtWidgets.QWidget, screen: QtCore.QRect) -> list[str]:
    """Every way ``window`` does not fit ``screen`` (empty when it fits)."""
    out: list[str] = []
    size = window.frameGeometry().size()
    if size.width() > screen.width() or size.height() > screen.height():
        out.append(
            f"{type(window).__name__} {window.windowTitle()!r} is {size.width()}×{size.height()},"
            f" the screen {screen.width()}×{screen.height()}"
        )
    for widget in window.findChildren(W.QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisible() or widget.window() is not window:
            continue
        if _scrollable(widget, window):
            continue
        full = QtCore.QRect(widget.mapTo(window, QtCore.QPoint(0, 0)), widget.size())
        if clipped(widget, window) != full:
            out.append(f"{name(widget)} is cut off at {full} (window {window.size()})")
        elif isinstance(widget, W.QPushButton) and widget.width() < widget.minimumSizeHint().width():
            out.append(f"{name(widget)} is {widget.width()} px wide, its text needs"
                       f" {widget.minimumSizeHint().width()}")
    return out


def walk_tabs(root: QtWidgets.QWidget, visit: Callable[[str], None], path: str = "") -> None:
    """Show every tab of every tab widget under ``root`` (nested ones too) and visit each."""
    app = QtWidgets.QApplication.instance()
    found = [root] if isinstance(root, W.QTabWidget) else list(_outer_tab_widgets(root))
    for tabs in found:
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            if not tabs.isTabVisible(i):
                continue
            tabs.setCurrentIndex(i)
            app.processEvents()  # type: ignore[union-attr]
            where = f"{path}/{tabs.tabText(i).replace('&', '')}"
            visit(where)
            page = tabs.widget(i)
            if isinstance(page, W.QTabWidget):  # a place that is itself tabs (Sync)
                walk_tabs(page, visit, where)
            else:
                for inner in _outer_tab_widgets(page):
                    walk_tabs(inner, visit, where)


def _outer_tab_widgets(root: QtWidgets.QWidget) -> Iterator[QtWidgets.QTabWidget]:
    for tabs in root.findChildren(W.QTabWidget):
        parent = tabs.parentWidget()
        nested = False
        while parent is not None and parent is not root:
            if isinstance(parent, W.QTabWidget):
                nested = True
                break
            parent = parent.parentWidget()
        if not nested:
            yield tabs


class ModalCatcher(QtCore.QObject):
    """Checks each modal dialog that opens while it runs, then closes it (nothing is done)."""

    def __init__(self, check: Callable[[QtWidgets.QWidget], None]) -> None:
        super().__init__()
        self.check = check
        self.seen: list[str] = []
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._poll)

    def __enter__(self) -> ModalCatcher:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()

    def _poll(self) -> None:
        modal = QtWidgets.QApplication.activeModalWidget()
        if modal is None:
            return
        QtWidgets.QApplication.processEvents()
        self.seen.append(modal.windowTitle() or type(modal).__name__)
        try:
            self.check(modal)
        finally:
            if isinstance(modal, W.QDialog):
                modal.reject()
            else:
                modal.close()


# --- the walk: every place, the editor, every menu action, the review dialogs ------------------


def seeded(root, role):  # type: ignore[no-untyped-def]
    """A workspace of ``role`` with data in its lists (demo data, as the app's --demo makes)."""
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services import demo
    from secity_desktop.services.review.demo import seed_review
    from secity_desktop.services.workspace import init_workspace, open_workspace

    ws = open_workspace(root / role.value)
    province = "90" if role in (Role.ASSESSOR, Role.PROVINCE) else None
    town = "5001" if role is Role.MUNICIPALITY else None  # its own self-assessment
    init_workspace(ws, role=role, province_code=province, user_name="สมศรี ทดสอบ",
                   municipality_code=town)
    if role in (Role.ASSESSOR, Role.MUNICIPALITY):
        demo.seed(ws)
    elif role is Role.PROVINCE:
        seed_review(ws)
    return ws


def walk(ws, screen: QtCore.QRect, settings_path, *, resize: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the main window on ``ws``, visit everything reachable, return what does not fit."""
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.gui.models.assessments import ID_ROLE
    from secity_desktop.gui.review_dialogs import OverrideDialog, ReasonDialog

    app = QtWidgets.QApplication.instance()
    found: list[str] = []

    def check(widget: QtWidgets.QWidget, where: str = "") -> None:
        found.extend(f"{where}: {p}" if where else p for p in problems(widget, screen))

    window = MainWindow(ws, "th", cfg.Settings(settings_path), restore=False)
    window.show()
    app.processEvents()  # type: ignore[union-attr]
    if resize:  # the whole frame on the screen, as a maximized window has it
        window.resize(screen.size() - (window.frameGeometry().size() - window.size()))
        app.processEvents()  # type: ignore[union-attr]
    def visit(where: str) -> None:
        """Check the place, then every dialog its "…" buttons open (each is cancelled)."""
        check(window, where)
        page = window.places.currentWidget()
        with ModalCatcher(lambda m: check(m, f"{where} dialog")):
            for button in page.findChildren(W.QPushButton):
                if button.isVisible() and button.isEnabled() and button.text().endswith("…"):
                    before = set(QtWidgets.QApplication.topLevelWidgets())
                    button.click()
                    app.processEvents()  # type: ignore[union-attr]
                    for extra in set(QtWidgets.QApplication.topLevelWidgets()) - before:
                        if extra.isVisible() and extra is not window:
                            check(extra, f"{where} window")
                            extra.close()

    try:
        walk_tabs(window, visit)
        table = window.assessment_table.view
        if table.model().rowCount():
            window.places.setCurrentWidget(window.assessments_stack)
            editor = window.open_assessment(str(table.model().index(0, 0).data(ID_ROLE)))
            app.processEvents()  # type: ignore[union-attr]
            check(window, "editor")
            with ModalCatcher(lambda m: check(m, "editor dialog")):
                editor.find_indicator()
                editor.mark_complete()
        with ModalCatcher(lambda m: check(m, "menu")):
            for menu_action in window.menuBar().actions():
                menu = menu_action.menu()
                for action in menu.actions() if menu is not None else []:
                    if action.isSeparator() or not action.isEnabled() or action is window.act_quit:
                        continue
                    before = set(QtWidgets.QApplication.topLevelWidgets())
                    action.trigger()
                    app.processEvents()  # type: ignore[union-attr]
                    for extra in set(QtWidgets.QApplication.topLevelWidgets()) - before:
                        if extra.isVisible() and extra is not window:
                            check(extra, "window")
                            extra.close()
        review = getattr(window, "review_place", None)
        if review is not None:
            fw = ws.frameworks.current()
            longest = max(fw.indicators, key=lambda i: max(len(lv.label_th) for lv in i.levels))
            for dialog in (
                OverrideDialog(longest, longest.levels[0].value, None, "th", window),
                ReasonDialog("เหตุผล", "โปรดเขียนเหตุผล", window),
            ):
                dialog.show()
                app.processEvents()  # type: ignore[union-attr]
                check(dialog, "review dialog")
                dialog.close()
    finally:
        window.close()
    return found


def main() -> int:
    """Walk every role on the real primary screen (run in a child process by the tests)."""
    import sys
    import tempfile
    from pathlib import Path

    from secity_desktop.core.lifecycle import Role
    from secity_desktop.gui.fonts import load_fonts
    from secity_desktop.gui.i18n import Translations

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    load_fonts(app)  # type: ignore[arg-type]
    translations = Translations(app)  # type: ignore[arg-type]
    if not translations.install("th"):  # kept referenced: a collected one takes Thai with it
        raise SystemExit("the Thai catalogue did not load")
    ROLES = [Role(r) for r in ROLES_TEXT]
    screen = app.primaryScreen().availableGeometry()  # type: ignore[union-attr]
    print(f"screen {screen.width()}×{screen.height()} at {app.primaryScreen().devicePixelRatio()}x")  # type: ignore[union-attr]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for role in ROLES:
            ws = seeded(Path(tmp), role)
            for line in walk(ws, screen, Path(tmp) / f"{role.value}.ini", resize=False):
                print(f"{role.value}: {line}")
                bad += 1
            print(f"{role.value}: walked")
            ws.close()
    return 1 if bad else 0
