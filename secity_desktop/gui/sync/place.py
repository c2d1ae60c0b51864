"""The Sync place: one tab in the main window with role-appropriate pages."""

from __future__ import annotations

from secity_desktop.core.models import Role
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.sync.dialogs import AskPassphrase, ask_passphrase
from secity_desktop.gui.sync.export_page import ExportPage
from secity_desktop.gui.sync.import_page import ImportPage
from secity_desktop.gui.sync.key_page import KeyPage
from secity_desktop.gui.sync.trust_page import TrustPage
from secity_desktop.services.identity import Identity
from secity_desktop.services.sync_export import ExportService
from secity_desktop.services.sync_import import ImportService
from secity_desktop.services.workspace import Workspace


class SyncPlace(QtWidgets.QTabWidget):
    """Assessor: Export and My key. Office: Import and Trust registry."""

    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None,
                 ask: AskPassphrase = ask_passphrase) -> None:
        super().__init__(parent)
        self.setObjectName("syncPlace")
        self.ws = ws
        self.export_page: ExportPage | None = None
        self.key_page: KeyPage | None = None
        self.import_page: ImportPage | None = None
        self.trust_page: TrustPage | None = None
        if ws.role is Role.ASSESSOR:
            self.export_page = ExportPage(ExportService(ws), ask, self)
            self.key_page = KeyPage(Identity(ws), ask, self)
            self.addTab(self.export_page, self.tr("Send (export)"))
            self.addTab(self.key_page, self.tr("My signing key"))
        else:
            self.import_page = ImportPage(ImportService(ws), self)
            self.trust_page = TrustPage(ws, self)
            self.addTab(self.import_page, self.tr("Receive (import)"))
            self.addTab(self.trust_page, self.tr("Trusted assessor keys"))

    def refresh(self) -> None:
        if self.export_page is not None:
            self.export_page.model.reload()
