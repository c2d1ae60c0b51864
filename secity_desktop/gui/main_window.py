"""The main window: a few clear places over one workspace.

It only wires places together; each place is its own widget over services,
so this file stays small as places are added. The Assessments place is a
stack: the list, and the editor for the assessment opened from it; what the
window holds besides is built by its own module: the list page and its
empty-list hint (``assessment_list_page.py``), the other places
(``window_places.py``), the actions and menus (``window_actions.py``) and the
status bar (``window_status.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.assessment_list_page import build_list_page
from secity_desktop.gui.common import fit_to_screen
from secity_desktop.gui.filter_table import FilterTable
from secity_desktop.gui.idle_warm import warm_places
from secity_desktop.gui.models.assessments import (
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    AssessmentTableModel,
)
from secity_desktop.gui.models.years import fill_years
from secity_desktop.gui.places import PlaceTabs
from secity_desktop.gui.province_places import refresh_office_places, warm_dashboard, warm_scores
from secity_desktop.gui.qt import QtGui, QtWidgets
from secity_desktop.gui.style import STYLE_SHEET
from secity_desktop.gui.window_actions import add_actions, add_menus
from secity_desktop.gui.window_places import add_lazy_places
from secity_desktop.gui.window_status import add_status_labels, saved_text
from secity_desktop.services import lists
from secity_desktop.services.lists import AssessmentList
from secity_desktop.services.session import SessionState
from secity_desktop.services.workspace import Workspace

OPEN_KEY = "open_assessment"

if TYPE_CHECKING:  # imported when each place is first built (start-up pays for none of them)
    import datetime as dt

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
        self.assessments_stack.addWidget(build_list_page(self, held))
        self.places.add_place("assessments", self.tr("Assessments"), self.assessments_stack)
        add_lazy_places(self)  # every other place is built when first shown (gui/places.py)
        self.places.currentChanged.connect(self._place_changed)
        year = self.assessment_model.year  # the dashboard's first visit finds them summed
        self.score_warmer = warm_scores(self, [year, year - 1] if year else held[:2])
        self.place_warmer = warm_places(self)  # their modules load while the person looks
        self.dashboard_warmer = warm_dashboard(self)  # its first refresh too (office roles)

        self._editor_actions = add_actions(self)  # act_new, act_undo… (gui/window_actions.py)
        self._sync_actions()
        add_menus(self)
        add_status_labels(self)
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
        self.saved_label.setText(saved_text(moment, self.lang))

    # --- Edit menu on the editor (flush the note first so undo sees the latest typing) -----
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
