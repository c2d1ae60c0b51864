"""The main window: a few clear places over one workspace.

It only wires places together; each place is its own widget over services,
so this file stays small as places are added. The Assessments place is a
stack: the list, and the editor for the assessment opened from it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.backup_actions import add_backup_actions
from secity_desktop.gui.common import fit_to_screen
from secity_desktop.gui.filter_table import FilterTable, fit_columns
from secity_desktop.gui.idle_warm import warm_places
from secity_desktop.gui.models.assessments import (
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    AssessmentTableModel,
)
from secity_desktop.gui.models.years import fill_years, year_combo
from secity_desktop.gui.places import PlaceTabs
from secity_desktop.gui.province_places import (
    add_province_places,
    refresh_office_places,
    warm_dashboard,
    warm_scores,
)
from secity_desktop.gui.qt import QtGui, QtWidgets
from secity_desktop.gui.style import STYLE_SHEET
from secity_desktop.gui.thai_wrap import ThaiLabel, descent_shortfall
from secity_desktop.services import lists
from secity_desktop.services.lists import AssessmentList
from secity_desktop.services.session import SessionState
from secity_desktop.services.workspace import Workspace

ROLE_LABELS = {
    Role.ASSESSOR: ("ผู้ประเมิน", "Assessor"),
    Role.PROVINCE: ("สำนักงานจังหวัด", "Province"),
    Role.REGION: ("สำนักงานภาค", "Region"),
    Role.NATIONAL: ("ส่วนกลาง", "National"),
    Role.MUNICIPALITY: ("เทศบาล (ประเมินตนเอง)", "Municipality (self-assessment)"),
}
OPEN_KEY = "open_assessment"

if TYPE_CHECKING:  # imported when each place is first built (start-up pays for none of them)
    from secity_desktop.gui.coverage_place import CoveragePlace
    from secity_desktop.gui.dashboard_place import DashboardPlace
    from secity_desktop.gui.editor.editor import AssessmentEditor
    from secity_desktop.gui.framework_view import FrameworkView
    from secity_desktop.gui.municipality_place import MunicipalityPlace
    from secity_desktop.gui.reports_place import ReportsPlace
    from secity_desktop.gui.review_place import ReviewPlace
    from secity_desktop.gui.transfer.place import SyncPlace
    from secity_desktop.services.assessments import AssessmentService  # when first used


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
        self._assessments: AssessmentService | None = None  # the list needs none: see below
        self.session = SessionState(ws)
        self.editor: AssessmentEditor | None = None
        self._set_title(self.tr("SECity Desktop — Sustainable Environment City"))
        self.setStyleSheet(STYLE_SHEET)
        fit_to_screen(self, 1280, 760, cap=False)  # 1024×600 laptops: the whole window shows

        self.places = PlaceTabs(self)
        self.places.setDocumentMode(True)
        self.setCentralWidget(self.places)

        held = lists.years(ws)  # an office's list opens on the current fiscal year
        self.assessment_model = AssessmentTableModel(
            ws, lang, self, year=lists.default_year(ws, held)
        )
        self.assessment_table = FilterTable(
            self.assessment_model,
            self.tr("Filter by municipality, province, code or year…"),
            SEARCH_ROLE,
            SORT_ROLE,
            self,
            sort_column=self.assessment_model.column_of("updated"),  # newest edit first
        )
        self.assessment_table.setObjectName("assessmentsPlace")
        self.assessment_table.view.activated.connect(self._open_index)
        self.assessments_stack = QtWidgets.QStackedWidget(self)
        self.assessments_stack.addWidget(self._list_page(held))
        self.places.add_place("assessments", self.tr("Assessments"), self.assessments_stack)
        # Every other place is built the first time it is shown (or asked for): gui/places.py
        self.places.add_lazy("municipalities", self.tr("Municipalities"), self._municipalities)
        self.places.add_lazy("framework", self.tr("Framework"), self._framework)
        self.places.add_lazy("sync", self.tr("Sync"), self._sync)
        add_province_places(self)  # Review, Dashboard (and Coverage) for office roles
        self.places.add_lazy("reports", self.tr("Reports"), self._reports)
        self.places.currentChanged.connect(self._place_changed)
        year = self.assessment_model.year  # the dashboard's first visit finds them summed
        self.score_warmer = warm_scores(self, [year, year - 1] if year else held[:2])
        self.place_warmer = warm_places(self)  # their modules load while the person looks
        self.dashboard_warmer = warm_dashboard(self)  # its first refresh too (office roles)

        self._actions()

        self._menus()
        self._status()
        self.assessment_table.view.resizeColumnsToContents()
        for view in self.findChildren(QtWidgets.QAbstractItemView):
            view.setTabKeyNavigation(False)  # Tab leaves every list; arrows move inside it
        geometry = self.settings.state(cfg.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
            if not self.isMaximized():  # saved on a larger screen: bring it back within this one
                fit_to_screen(self, self.width(), self.height(), cap=False)
        if restore:
            last = self.session.get(OPEN_KEY)
            if last and self.assessment_model.exists(last):
                self.open_assessment(last)

    @property
    def assessments(self) -> AssessmentService:
        """The assessment use cases (editor, new assessment, review links), made when first used:
        the list reads through ``services.lists``, and the use cases' modules (status moves,
        the audit chain, revisions, evidence) are not needed to show it."""
        if self._assessments is None:
            from secity_desktop.services.assessments import AssessmentService

            self._assessments = AssessmentService(self.ws)
        return self._assessments

    def _set_title(self, text: str) -> None:
        """Every title says so when the workspace holds demo data."""
        if self.ws.setting("demo") == "1":
            text += " " + self.tr("(demo data)")
        self.setWindowTitle(text)

    def _place_changed(self, index: int) -> None:
        sync = self.places.built_place("sync")
        if sync is not None and self.places.widget(index) is sync:
            sync.refresh()  # type: ignore[attr-defined]

    # --- places (built on first show; these accessors build on demand) -------------------
    def place(self, key: str) -> QtWidgets.QWidget | None:
        """The place named ``key``, built now if it was not yet (None: no such place here)."""
        return self.places.place(key)

    @property
    def municipality_place(self) -> MunicipalityPlace:
        return self.place("municipalities")  # type: ignore[return-value]

    @property
    def municipality_model(self) -> Any:
        return self.municipality_place.model

    @property
    def municipality_table(self) -> FilterTable:
        return self.municipality_place.table

    @property
    def framework_view(self) -> FrameworkView:
        return self.place("framework")  # type: ignore[return-value]

    @property
    def sync_place(self) -> SyncPlace:
        return self.place("sync")  # type: ignore[return-value]

    @property
    def reports_place(self) -> ReportsPlace:
        return self.place("reports")  # type: ignore[return-value]

    @property
    def review_place(self) -> ReviewPlace | None:
        return self.place("review")  # type: ignore[return-value]

    @property
    def dashboard_place(self) -> DashboardPlace | None:
        return self.place("dashboard")  # type: ignore[return-value]

    @property
    def coverage_place(self) -> CoveragePlace | None:
        return self.place("coverage")  # type: ignore[return-value]

    def _municipalities(self) -> QtWidgets.QWidget:
        from secity_desktop.gui.municipality_place import MunicipalityPlace

        place = MunicipalityPlace(self.ws, self.lang, self)  # register, imports, pages
        fit_columns(place.table.view)  # the rows on show, as plain text
        return place

    def _framework(self) -> QtWidgets.QWidget:
        from secity_desktop.gui.framework_view import FrameworkView

        return FrameworkView(self.ws.frameworks.current(), self.lang, self)

    def _sync(self) -> QtWidgets.QWidget:
        from secity_desktop.gui.transfer.place import SyncPlace

        sync = SyncPlace(self.ws, self, lang=self.lang)
        sync.import_page.applied.connect(lambda _r: self._after_import())
        return sync

    def _reports(self) -> QtWidgets.QWidget:
        from secity_desktop.gui.reports_place import ReportsPlace

        return ReportsPlace(self.ws, self, self.lang)

    def _list_page(self, held: list[int]) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget(self)
        layout = QtWidgets.QVBoxLayout(page)
        bar = QtWidgets.QHBoxLayout()
        # (a button made with its text alone: made with (text, parent), PySide6 tries the
        # (icon, text) overload and builds QIcon's enums, 150 theme icons, ≈ 5 ms of a start)
        self.new_button = QtWidgets.QPushButton(page)
        self.new_button.setText(self.tr("&New assessment…"))
        self.new_button.setToolTip(self.tr("Start an assessment for a municipality (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button = QtWidgets.QPushButton(page)
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the selected assessment (Enter)"))
        self.open_button.clicked.connect(
            lambda: self._open_index(self.assessment_table.view.currentIndex())
        )
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        self.year_combo = year_combo(page, held, self.assessment_model.year)
        self.year_combo.setObjectName("assessmentsYear")
        self.year_combo.currentIndexChanged.connect(
            lambda _i: self.assessment_model.set_year(self.year_combo.currentData())
        )
        bar.addWidget(QtWidgets.QLabel(self.tr("Fiscal year"), page))
        bar.addWidget(self.year_combo)
        layout.addLayout(bar)
        layout.addWidget(self._empty_hint(page))
        layout.addWidget(self.assessment_table, 1)
        return page

    def _empty_hint(self, page: QtWidgets.QWidget) -> QtWidgets.QWidget:
        """An empty list says what comes first: an office imports bundles, an assessor starts one.

        Only the (hidden) frame is made with the window: its label, button and style are made
        the first time the list is empty (most starts show a list with rows and never pay for
        them: a styled frame and a Thai label cost ≈ 7 ms of a ≈ 250 ms start)."""
        self.empty_hint = QtWidgets.QFrame(page)
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setVisible(False)
        self._empty_hint_label: ThaiLabel | None = None
        for signal in (self.assessment_model.modelReset, self.assessment_model.rowsInserted,
                       self.assessment_model.rowsRemoved):
            signal.connect(self._update_empty_hint)
        self._update_empty_hint()
        return self.empty_hint

    def _fill_empty_hint(self) -> ThaiLabel:
        self.empty_hint.setStyleSheet("QFrame#emptyHint { background: #eef6ee; border: 1px solid #b7d7b9; border-radius: 4px; }")
        row = QtWidgets.QHBoxLayout(self.empty_hint)
        row.setContentsMargins(8, 4, 8, 4)
        label = ThaiLabel(self.empty_hint)
        label.setObjectName("emptyHintText")
        label.setWordWrap(True)
        row.addWidget(label, 1)
        # Its text is set here, when the hint first shows: a ThaiLabel marks its word breaks
        # with PyThaiNLP, whose dictionary takes ~0.5 s to load.
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
        return label

    def _update_empty_hint(self) -> None:
        empty = self.assessment_model.rowCount() == 0
        if empty and self._empty_hint_label is None:
            self._empty_hint_label = self._fill_empty_hint()
        self.empty_hint.setVisible(empty)

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

    def show_review(self, assessment_id: str) -> None:
        """Review, on ``assessment_id`` (its year chosen): an office's next step on a received one."""
        place = self.review_place
        if place is None:
            return
        self.places.setCurrentWidget(place)
        year = self.assessments.get(assessment_id).year
        if place.year_combo.findData(year) >= 0:
            place.year_combo.setCurrentIndex(place.year_combo.findData(year))
        place.select(assessment_id)

    # --- actions and menus ------------------------------------------------------
    def _action(
        self, text: str, slot: object, *keys: QtGui.QKeySequence | str, tip: str = ""
    ) -> QtGui.QAction:
        action = QtGui.QAction(self)  # (not QAction(text, self): see _list_page on QIcon)
        action.setText(text)
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
        from secity_desktop.gui.guide_action import add_guide_action  # User guide (F1)

        add_guide_action(self, help_menu)
        about = QtGui.QAction(self)
        about.setText(self.tr("&About SECity Desktop"))
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
        self.workspace_label.setObjectName("workspaceLabel")  # a path's underscores kept (thai_wrap)
        self.workspace_label.setContentsMargins(0, 0, 0, descent_shortfall(self.workspace_label.font()))
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
        from secity_desktop.gui.new_assessment import NewAssessmentDialog

        dialog = NewAssessmentDialog(self.assessments, self.lang, self)
        if dialog.exec() and dialog.created_id:
            self._reload_list()
            self.open_assessment(dialog.created_id)

    def _open_index(self, index: object) -> None:
        if getattr(index, "isValid", lambda: False)():
            self.open_assessment(str(index.data(ID_ROLE)))  # type: ignore[attr-defined]

    def open_assessment(self, assessment_id: str) -> AssessmentEditor:
        from secity_desktop.gui.editor.editor import AssessmentEditor  # not on the start path

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
        editor.review_requested.connect(self.show_review)
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
        self._reload_list()
        refresh_office_places(self)  # an import can bring a new year or new decisions
        if self.editor is None:
            return
        aid = self.editor.aid
        current = self.assessments.get(aid)
        newer = AssessmentList(self.ws).successor(aid)
        if newer is not None:
            self.open_assessment(newer)
        elif current.status != self.editor.assessment.status:
            self.open_assessment(aid)

    def _reload_list(self) -> None:
        """Re-read the list; a new year (an import, a new assessment) joins the year filter."""
        fill_years(self.year_combo, lists.years(self.ws), self.assessment_model.year)
        self.assessment_model.reload()

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
        from secity_desktop.gui.preferences import PreferencesDialog
        from secity_desktop.services.onboarding import summary

        dialog = PreferencesDialog(self.settings, self, summary(self.ws), self.lang)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            from secity_desktop.services.language import set_language

            set_language(self.ws, str(dialog.language.currentData()))  # the CLI speaks it too

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        from secity_desktop.gui.operations import OperationRunner  # (not needed to start)

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

        AboutDialog(self.ws.frameworks.current(), self, self.ws.data_dir, self.ws,
                    self.lang).exec()
