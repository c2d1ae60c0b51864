"""The main window: a few clear places over one workspace.

It only wires places together; each place is its own widget over services,
so this file stays small as places are added.
"""

from __future__ import annotations

from secity_desktop import __version__
from secity_desktop.core.models import Role
from secity_desktop.gui.filter_table import FilterTable
from secity_desktop.gui.framework_view import FrameworkView
from secity_desktop.gui.models.assessments import SEARCH_ROLE, SORT_ROLE, AssessmentTableModel
from secity_desktop.gui.models.municipalities import MunicipalityTableModel
from secity_desktop.gui.qt import Qt, QtGui, QtWidgets
from secity_desktop.gui.reports_place import ReportsPlace
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace

ROLE_LABELS = {
    Role.ASSESSOR: ("ผู้ประเมิน", "Assessor"),
    Role.PROVINCE: ("สำนักงานจังหวัด", "Province"),
    Role.REGION: ("สำนักงานภาค", "Region"),
    Role.NATIONAL: ("ส่วนกลาง", "National"),
}


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, ws: Workspace, lang: str = "th") -> None:
        super().__init__()
        self.ws = ws
        self.lang = lang
        self.assessments = AssessmentService(ws)
        self.setWindowTitle(self.tr("SECity Desktop — Sustainable Environment City"))
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
        self.add_place(self.assessment_table, self.tr("Assessments"))

        self.municipality_model = MunicipalityTableModel(ws, lang, self)
        self.municipality_table = FilterTable(
            self.municipality_model,
            self.tr("Filter by name (Thai or English), code or province…"),
            Qt.ItemDataRole.UserRole,
            None,
            self,
        )
        self.add_place(self.municipality_table, self.tr("Municipalities"))

        self.framework_view = FrameworkView(ws.frameworks.current(), lang, self)
        self.add_place(self.framework_view, self.tr("Framework"))

        self.reports_place = ReportsPlace(ws, self)
        self.add_place(self.reports_place, self.tr("Reports"))

        self._menus()
        self._status()
        for table in (self.assessment_table, self.municipality_table):
            table.view.resizeColumnsToContents()

    def add_place(self, widget: QtWidgets.QWidget, title: str) -> int:
        return self.places.addTab(widget, title)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QtGui.QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QtGui.QAction(self.tr("&About SECity Desktop"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _status(self) -> None:
        role = ROLE_LABELS[self.ws.role][0 if self.lang == "th" else 1]
        province = self.ws.province_code or "—"
        text = self.tr("Workspace: {path} · role: {role} · province: {province}").format(
            path=str(self.ws.data_dir), role=role, province=province
        )
        self.workspace_label = QtWidgets.QLabel(text, self)
        self.statusBar().addPermanentWidget(self.workspace_label)

    def _about(self) -> None:
        fw = self.ws.frameworks.current()
        QtWidgets.QMessageBox.about(
            self,
            self.tr("About SECity Desktop"),
            self.tr("SECity Desktop {version}\nFramework {fw} ({status})").format(
                version=__version__, fw=fw.version, status=fw.status
            ),
        )
