"""The main window: a few clear places over one workspace.

It only wires places together; each place is its own widget over services,
so this file stays small as places are added. The Assessments place is a
stack: the list, and the editor for the assessment opened from it.
"""

from __future__ import annotations

import datetime as dt

from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.backup_actions import add_backup_actions
from secity_desktop.gui.editor.editor import AssessmentEditor
from secity_desktop.gui.filter_table import FilterTable
from secity_desktop.gui.framework_view import FrameworkView
from secity_desktop.gui.models.assessments import (
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    AssessmentTableModel,
)
from secity_desktop.gui.municipality_place import MunicipalityPlace
from secity_desktop.gui.new_assessment import NewAssessmentDialog
from secity_desktop.gui.operations import OperationRunner
from secity_desktop.gui.preferences import PreferencesDialog
from secity_desktop.gui.province_places import add_province_places
from secity_desktop.gui.qt import QtGui, QtWidgets
from secity_desktop.gui.reports_place import ReportsPlace
from secity_desktop.gui.style import STYLE_SHEET
from secity_desktop.gui.transfer.place import SyncPlace
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.lists import AssessmentList
from secity_desktop.services.session import SessionState
from secity_desktop.services.workspace import Workspace

ROLE_LABELS = {
    Role.ASSESSOR: ("ผู้ประเมิน", "Assessor"),
    Role.PROVINCE: ("สำนักงานจังหวัด", "Province"),
    Role.REGION: ("สำนักงานภาค", "Region"),
    Role.NATIONAL: ("ส่วนกลาง", "National"),
}
OPEN_KEY = "open_assessment"


class MainWindow(QtWidgets.QMainWindow):
    def __init__(
        self,
        ws: Workspace,
        lang: str = "th",
        settings: cfg.Settings | None = None,
        *,
        restore: bool = True,
    ) -> None:
        super().__init__()
        self.ws = ws
        self.lang = lang
        self.settings = settings or cfg.Settings()
        self.assessments = AssessmentService(ws)
        self.session = SessionState(ws)
        self.editor: AssessmentEditor | None = None
        self._set_title(self.tr("SECity Desktop — Sustainable Environment City"))
        self.setStyleSheet(STYLE_SHEET)
        self.resize(1280, 760)

        self.places = QtWidgets.QTabWidget(self)
        self.places.setDocumentMode(True)
        self.setCentralWidget(self.places)

        self.assessment_model = AssessmentTableModel(self.assessments, lang, self)
        self.assessment_table = FilterTable(
            self.assessment_model,
            self.tr("Filter by municipality, province, code or year…"),
            SEARCH_ROLE,
            SORT_ROLE,
            self,
        )
        self.assessment_table.setObjectName("assessmentsPlace")
        self.assessment_table.view.activated.connect(self._open_index)
        self.assessments_stack = QtWidgets.QStackedWidget(self)
        self.assessments_stack.addWidget(self._list_page())
        self.add_place(self.assessments_stack, self.tr("Assessments"))

        self.municipality_place = MunicipalityPlace(ws, lang, self)  # register, imports, pages
        self.municipality_model = self.municipality_place.model
        self.municipality_table = self.municipality_place.table
        self.add_place(self.municipality_place, self.tr("Municipalities"))

        self.framework_view = FrameworkView(ws.frameworks.current(), lang, self)
        self.add_place(self.framework_view, self.tr("Framework"))

        self.sync_place = SyncPlace(ws, self, lang=lang)
        self.add_place(self.sync_place, self.tr("Sync"))
        self.sync_place.import_page.applied.connect(lambda _r: self._after_import())
        self.places.currentChanged.connect(self._place_changed)

        add_province_places(self)  # Review, Dashboard (and Coverage) for office roles
        self.reports_place = ReportsPlace(ws, self, lang)
        self.add_place(self.reports_place, self.tr("Reports"))

        self._actions()

        self._menus()
        self._status()
        for table in (self.assessment_table, self.municipality_table):
            table.view.resizeColumnsToContents()
        geometry = self.settings.state(cfg.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if restore:
            last = self.session.get(OPEN_KEY)
            if last and self.assessment_model.has(last):
                self.open_assessment(last)

    def _set_title(self, text: str) -> None:
        """Every title says so when the workspace holds demo data."""
        if self.ws.setting("demo") == "1":
            text += " " + self.tr("(demo data)")
        self.setWindowTitle(text)

    def _place_changed(self, index: int) -> None:
        if self.places.widget(index) is self.sync_place:
            self.sync_place.refresh()

    def add_place(self, widget: QtWidgets.QWidget, title: str) -> int:
        return self.places.addTab(widget, title)

    def _list_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        bar = QtWidgets.QHBoxLayout()
        self.new_button = QtWidgets.QPushButton(self.tr("&New assessment…"), page)
        self.new_button.setToolTip(self.tr("Start an assessment for a municipality (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button = QtWidgets.QPushButton(self.tr("&Open"), page)
        self.open_button.setToolTip(self.tr("Open the selected assessment (Enter)"))
        self.open_button.clicked.connect(
            lambda: self._open_index(self.assessment_table.view.currentIndex())
        )
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self._empty_hint(page))
        layout.addWidget(self.assessment_table, 1)
        return page

    def _empty_hint(self, page: QtWidgets.QWidget) -> QtWidgets.QWidget:
        """An empty list says what comes first: an office imports bundles, an assessor starts one."""
        self.empty_hint = QtWidgets.QFrame(page)
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setStyleSheet("QFrame#emptyHint { background: #eef6ee; border: 1px solid #b7d7b9; border-radius: 4px; }")
        row = QtWidgets.QHBoxLayout(self.empty_hint)
        row.setContentsMargins(8, 4, 8, 4)
        label = QtWidgets.QLabel(self.empty_hint)
        label.setObjectName("emptyHintText")
        label.setWordWrap(True)
        row.addWidget(label, 1)
        if self.ws.role is Role.ASSESSOR:
            label.setText(self.tr("No assessments yet: start one with “New assessment…”."))
        else:
            label.setText(self.tr(
                "Nothing here yet. Assessments reach this office in signed bundles: import the "
                "bundles you receive under Sync › Receive (import)."))
            button = QtWidgets.QPushButton(self.tr("Import a bundle…"), self.empty_hint)
            button.setObjectName("importHintButton")
            button.clicked.connect(self.show_import)
            row.addWidget(button)
        for signal in (self.assessment_model.modelReset, self.assessment_model.rowsInserted,
                       self.assessment_model.rowsRemoved):
            signal.connect(self._update_empty_hint)
        self._update_empty_hint()
        return self.empty_hint

    def _update_empty_hint(self) -> None:
        self.empty_hint.setVisible(self.assessment_model.rowCount() == 0)

    def show_import(self) -> None:
        """Sync › Receive (import): where an office's day starts."""
        self.places.setCurrentWidget(self.sync_place)
        self.sync_place.setCurrentWidget(self.sync_place.import_page)

    def show_send(self) -> None:
        """Sync › Send: where an assessor finalizes and exports."""
        self.places.setCurrentWidget(self.sync_place)
        if self.sync_place.export_page is not None:
            self.sync_place.export_page.refresh_ready()
            self.sync_place.setCurrentWidget(self.sync_place.export_page)

    # --- actions and menus ------------------------------------------------------
    def _action(
        self, text: str, slot: object, *keys: QtGui.QKeySequence | str, tip: str = ""
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        if keys:
            action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
        shortcut = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(
            f"{tip or text.replace('&', '')} ({shortcut})" if shortcut else tip or text
        )
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _actions(self) -> None:
        K = QtGui.QKeySequence.StandardKey
        self.act_new = self._action(self.tr("&New assessment…"), self.new_assessment, K.New)
        self.act_back = self._action(
            self.tr("&Back to the list"), self.show_list, "Alt+Left", "Ctrl+L"
        )
        self.act_prefs = self._action(self.tr("&Preferences…"), self.preferences, "Ctrl+,")
        self.act_quit = self._action(self.tr("&Quit"), self.close, K.Quit)
        self.act_undo = self._action(self.tr("&Undo"), self.undo, "Ctrl+Z")
        self.act_redo = self._action(self.tr("&Redo"), self.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.act_find = self._action(self.tr("&Find indicator…"), self.find, K.Find)
        self.act_next = self._action(
            self.tr("&Next indicator"), lambda: self._step(1), "Ctrl+Down", "PgDown"
        )
        self.act_prev = self._action(
            self.tr("&Previous indicator"), lambda: self._step(-1), "Ctrl+Up", "PgUp"
        )
        self.act_clear = self._action(self.tr("&Clear answer"), self._clear, "Ctrl+Backspace")
        self.act_attach = self._action(self.tr("&Attach evidence…"), self._attach, "Ctrl+E")
        self.act_note = self._action(self.tr("Go to the &note"), self._focus_note, "Ctrl+Shift+N")
        self.act_tree = self._action(
            self.tr("Go to the indicator &list"), self._focus_tree, "Ctrl+Shift+L"
        )
        self.act_complete = self._action(
            self.tr("&Mark complete…"), self._complete, "Ctrl+Shift+Return"
        )
        self._editor_actions = [
            self.act_undo,
            self.act_redo,
            self.act_back,
            self.act_find,
            self.act_next,
            self.act_prev,
            self.act_clear,
            self.act_attach,
            self.act_note,
            self.act_tree,
            self.act_complete,
        ]
        self._sync_actions()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for a in (self.act_new, self.act_back, None, self.act_prefs, None, self.act_quit):
            file_menu.addAction(a) if a else file_menu.addSeparator()
        add_backup_actions(self, file_menu, before=self.act_quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for a in (self.act_undo, self.act_redo, None, self.act_find):
            edit_menu.addAction(a) if a else edit_menu.addSeparator()
        ass_menu = self.menuBar().addMenu(self.tr("&Assessment"))
        for a in (
            self.act_next,
            self.act_prev,
            self.act_tree,
            self.act_note,
            None,
            self.act_clear,
            self.act_attach,
            None,
            self.act_complete,
        ):
            ass_menu.addAction(a) if a else ass_menu.addSeparator()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        from secity_desktop.gui.help_viewer import add_guide_action  # User guide (F1)

        add_guide_action(self, help_menu)
        about = QtGui.QAction(self.tr("&About SECity Desktop"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _status(self) -> None:
        role = ROLE_LABELS[self.ws.role][0 if self.lang == "th" else 1]
        province = self.ws.province_code or "—"
        text = self.tr("Workspace: {path} · role: {role} · province: {province}").format(
            path=str(self.ws.data_dir), role=role, province=province
        )
        self.saved_label = QtWidgets.QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addWidget(self.saved_label, 1)
        self.workspace_label = QtWidgets.QLabel(text, self)
        self.statusBar().addPermanentWidget(self.workspace_label)
        if self.ws.setting("demo") == "1":  # never mistake demo data for real results
            self.demo_label = QtWidgets.QLabel(self.tr("DEMO DATA"), self)
            self.demo_label.setObjectName("demoLabel")
            self.demo_label.setStyleSheet("color: white; background: #b26a00; padding: 0 6px;")
            self.statusBar().addPermanentWidget(self.demo_label)

    def _sync_actions(self) -> None:
        on = self.editor is not None
        for a in self._editor_actions:
            a.setEnabled(on)

    # --- assessments --------------------------------------------------------------
    def new_assessment(self) -> None:
        dialog = NewAssessmentDialog(self.assessments, self.lang, self)
        if dialog.exec() and dialog.created_id:
            self.assessment_model.reload()
            self.open_assessment(dialog.created_id)

    def _open_index(self, index: object) -> None:
        if getattr(index, "isValid", lambda: False)():
            self.open_assessment(str(index.data(ID_ROLE)))  # type: ignore[attr-defined]

    def open_assessment(self, assessment_id: str) -> AssessmentEditor:
        self.close_editor()
        editor = AssessmentEditor(
            self.assessments,
            assessment_id,
            self.lang,
            self,
            self.settings.get(cfg.NOTE_SAVE_DELAY_MS),
        )
        state = self.settings.state(cfg.EDITOR_SPLITTER)
        if state is not None:
            editor.splitter.restoreState(state)
        editor.saved.connect(self._saved)
        editor.changed.connect(self.assessment_model.refresh_id)
        editor.send_requested.connect(self.show_send)
        self.editor = editor
        self.assessments_stack.addWidget(editor)
        self.assessments_stack.setCurrentWidget(editor)
        self.places.setCurrentWidget(self.assessments_stack)
        self.session.put(OPEN_KEY, assessment_id)
        self._set_title(
            f"{editor.municipality.name_th if self.lang == 'th' else editor.municipality.name_en or editor.municipality.name_th} {editor.assessment.year} — SECity Desktop"
        )
        self._sync_actions()
        editor.tree.setFocus()
        return editor

    def _after_import(self) -> None:
        """An import can return the open assessment: follow it to the draft it opened.

        Otherwise the editor would keep showing a revision whose status (and the
        reviewers' feedback) changed underneath it.
        """
        self.assessment_model.reload()
        if self.editor is None:
            return
        aid = self.editor.aid
        current = self.assessments.get(aid)
        newer = AssessmentList(self.ws).successor(aid)
        if newer is not None:
            self.open_assessment(newer)
        elif current.status != self.editor.assessment.status:
            self.open_assessment(aid)

    def close_editor(self) -> None:
        if self.editor is None:
            return
        self.editor.close_editor()
        self.settings.set_state(cfg.EDITOR_SPLITTER, self.editor.splitter.saveState())
        self.assessments_stack.removeWidget(self.editor)
        self.editor.deleteLater()
        self.editor = None
        self._sync_actions()

    def show_list(self) -> None:
        self.close_editor()
        self.session.put(OPEN_KEY, None)
        self.assessments_stack.setCurrentIndex(0)
        self._set_title(self.tr("SECity Desktop — Sustainable Environment City"))
        self.assessment_table.view.setFocus()

    def _saved(self, moment: dt.datetime) -> None:
        local = moment.astimezone()
        when = (
            f"{format_date_th(local.date(), short=True)} {local:%H:%M:%S}"
            if self.lang == "th"
            else f"{local:%Y-%m-%d %H:%M:%S}"
        )
        self.saved_label.setText(self.tr("All changes saved · last saved {when}").format(when=when))

    # --- editor commands (flush the note first so undo sees the latest typing) -----------
    def undo(self) -> None:
        if self.editor is not None:
            self.editor.flush_note()
            self.editor.undo_stack.undo()

    def redo(self) -> None:
        if self.editor is not None:
            self.editor.flush_note()
            self.editor.undo_stack.redo()

    def find(self) -> None:
        if self.editor is not None:
            self.editor.find_indicator()
        else:
            self.assessment_table.filter.setFocus()

    def _step(self, delta: int) -> None:
        if self.editor is not None:
            self.editor.step(delta)

    def _clear(self) -> None:
        if self.editor is not None:
            self.editor.clear_level()

    def _attach(self) -> None:
        if self.editor is not None:
            self.editor.add_evidence_dialog()

    def _complete(self) -> None:
        if self.editor is not None:
            self.editor.mark_complete()

    def _focus_note(self) -> None:
        if self.editor is not None:
            self.editor.page.note.setFocus()

    def _focus_tree(self) -> None:
        if self.editor is not None:
            self.editor.tree.setFocus()

    def preferences(self) -> None:
        from secity_desktop.services.onboarding import summary

        PreferencesDialog(self.settings, self, summary(self.ws), self.lang).exec()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        for runner in self.findChildren(OperationRunner):  # stop long work; nothing half-written
            runner.cancel_all()
        for runner in self.findChildren(OperationRunner):
            runner.wait()
        if self.editor is not None:
            self.editor.close_editor()
            self.settings.set_state(cfg.EDITOR_SPLITTER, self.editor.splitter.saveState())
        self.settings.set_state(cfg.GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)

    def _about(self) -> None:
        from secity_desktop.gui.about import AboutDialog

        AboutDialog(self.ws.frameworks.current(), self, self.ws.data_dir).exec()
