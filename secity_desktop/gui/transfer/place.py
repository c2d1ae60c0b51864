"""The Sync place: one tab in the main window with role-appropriate pages.

Bundles flow down and up the programme, and each role gets the pages for its
part of that flow:

* assessor — send finalized revisions (field bundles), receive the province's
  return bundles, trust the province office's key, own signing key;
* province — receive field bundles, send returns and upward bundles, trust
  assessors' keys, the office's own signing key;
* region and national — receive upward bundles and trust provinces' keys.

Every role keeps the import history.
"""

from __future__ import annotations

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.gui.transfer.conflicts_page import ConflictsPage
from secity_desktop.gui.transfer.dialogs import AskPassphrase, ask_passphrase
from secity_desktop.gui.transfer.field_bundle_page import ExportPage
from secity_desktop.gui.transfer.history_page import ImportHistoryPage
from secity_desktop.gui.transfer.import_page import ImportPage
from secity_desktop.gui.transfer.key_page import KeyPage
from secity_desktop.gui.transfer.send_page import SendPage
from secity_desktop.gui.transfer.trust_page import TrustPage
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.conflicts import ConflictService
from secity_desktop.services.identity import Identity
from secity_desktop.services.office_bundles import OfficeBundleService
from secity_desktop.services.workspace import Workspace


class SyncPlace(QtWidgets.QTabWidget):
    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None,
                 ask: AskPassphrase = ask_passphrase, lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("syncPlace")
        self.ws = ws
        self.ask = ask
        self.export_page: ExportPage | None = None
        self.send_page: SendPage | None = None
        self.key_page: KeyPage | None = None
        self.conflicts_page: ConflictsPage | None = None
        self.import_page = ImportPage(ImportService(ws), self, lang, ask)
        self.trust_page = TrustPage(ws, self, lang)
        self.history_page = ImportHistoryPage(self.import_page.svc, self, lang)
        self.import_page.applied.connect(lambda _r: self.history_page.model.reload())
        self.import_page.enrolled.connect(lambda _fp: self.trust_page.model.reload())
        if ws.role in (Role.ASSESSOR, Role.MUNICIPALITY):
            self.export_page = ExportPage(ExportService(ws), ask, self, lang)
            self.key_page = KeyPage(Identity(ws), ask, self, lang=lang)
            if ws.role is Role.MUNICIPALITY:  # it sends its self-assessment; it receives nothing
                self.addTab(self.export_page, self.tr("Send self-assessment"))
                # kept (the history page and the window's signals use it) but not a tab:
                # hidden, or it would paint over the tabs as a loose child of this widget
                self.import_page.hide()
            else:
                self.addTab(self.export_page, self.tr("Send (export)"))
                self.addTab(self.import_page, self.tr("Receive returns"))
            self.addTab(self.trust_page, self.trust_page.title())
            self.addTab(self.key_page, self.tr("My signing key"))
        else:
            self.addTab(self.import_page, self.tr("Receive (import)"))
            if ws.role is Role.PROVINCE:
                self.send_page = SendPage(OfficeBundleService(ws), ask, lang, self)
                self.addTab(self.send_page, self.tr("Send results"))
            self.addTab(self.trust_page, self.trust_page.title())
            # every office has a key: a province signs with it, and every office opens the
            # bundles encrypted to it (a region or the nation gives its public key to provinces)
            self.key_page = KeyPage(Identity(ws), ask, self, office=True, lang=lang)
            self.addTab(self.key_page, self.tr("Office signing key"))
            self.conflicts_page = ConflictsPage(ConflictService(ws), self, lang)
            self.addTab(self.conflicts_page, self.tr("Conflicts"))
            self.import_page.applied.connect(lambda _r: self._conflicts_changed())
            self.conflicts_page.resolved.connect(lambda _n: self._conflicts_changed())
            self._conflicts_changed()
        self.addTab(self.history_page, self.tr("Import history"))

    def _conflicts_changed(self) -> None:
        """Reload, and put the number still open in the tab's title so it is not missed."""
        page = self.conflicts_page
        if page is None:
            return
        page.model.reload()
        n = page.model.open_count() if not page.model.include_resolved else sum(
            1 for c in page.svc.list())
        title = self.tr("Conflicts") + (f" ({n})" if n else "")
        self.setTabText(self.indexOf(page), title)

    def refresh(self) -> None:
        """The store may have changed elsewhere (review, editor): re-read what the pages show."""
        if self.export_page is not None:
            self.export_page.model.reload()
            self.export_page.refresh_ready()
        if self.send_page is not None and not self.send_page.writer.busy:
            self.send_page.refresh()
        self.trust_page.model.reload()
