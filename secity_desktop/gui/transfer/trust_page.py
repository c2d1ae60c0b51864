"""The trust registry: the keys whose bundles this workspace accepts; add from file, revoke, export.

Every role keeps one: an office enrols its assessors' keys (field bundles),
an assessor enrols their province office's key (return bundles), and a
region or the nation enrols the provinces' keys (upward bundles). Only the
wording changes with the role, so a person reads who they should ask.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Role
from secity_desktop.gui import common
from secity_desktop.gui.common import when_text
from secity_desktop.gui.models.columns import UNHANDLED, Column, ColumnTableModel
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.gui.transfer.dialogs import show_error
from secity_desktop.gui.transfer.enrol_dialog import EnrolKeyDialog
from secity_desktop.gui.transfer.reenrol_dialog import ReenrolDialog
from secity_desktop.services import lists
from secity_desktop.services.key_rotation import apply_statement
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace

FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole + 1
REVOKED = "#888888"


class TrustTableModel(ColumnTableModel[TrustedKey]):
    """Holds fingerprints; rows are read from the registry on reload (a registry is small)."""

    def __init__(self, registry: TrustService, parent: QtCore.QObject | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.registry = registry
        self.lang = lang
        self.offices: set[str] = set()
        self.reload()

    def columns(self) -> list[Column[TrustedKey]]:
        def grey(k: TrustedKey) -> str | None:
            return REVOKED if not k.active else None

        return [
            Column(self.tr("Name"), lambda k: k.name, foreground=grey),
            Column(self.tr("Organisation"), lambda k: k.organisation, foreground=grey),
            Column(self.tr("Fingerprint"), lambda k: k.fingerprint, foreground=grey),
            Column(self.tr("Enrolled"), lambda k: when_text(k.enrolled_at, self.lang), foreground=grey),
            Column(self.tr("Enrolled by"), lambda k: k.enrolled_by, foreground=grey),
            Column(self.tr("Revoked"), lambda k: when_text(k.revoked_at, self.lang), foreground=grey),
            Column(self.tr("Replaced"), lambda k: when_text(k.retired_at, self.lang), foreground=grey),
            Column(self.tr("Signs for"), lambda k: self.tr("municipality {code} (self-assessment)")
                   .format(code=k.municipality_code) if k.role == "municipality" else "",
                   foreground=grey),
            Column(self.tr("Office key"), lambda k: self.tr("yes — bundles are encrypted to it")
                   if k.fingerprint in self.offices else "", foreground=grey),
        ]

    def reload(self) -> None:
        self.offices = {k.fingerprint for k in self.registry.office_keys()}
        self.set_rows(self.registry.all())

    def key_at(self, row: int) -> TrustedKey:
        return self.row_at(row)

    def row_data(self, row: TrustedKey, column: int, role: int) -> Any:
        return row.fingerprint if role == FINGERPRINT_ROLE else UNHANDLED


# Widest a column other than the name and the fingerprint grows to its contents (px).
COLUMN_CAP = 240
FINGERPRINT_COLUMN = 2


class TrustPage(QtWidgets.QWidget):
    def __init__(self, ws: Workspace, parent: QtWidgets.QWidget | None = None,
                 lang: str = "th") -> None:
        super().__init__(parent)
        self.setObjectName("trustPage")
        self.ws = ws
        self.lang = lang
        self.registry = TrustService(ws)
        self.model = TrustTableModel(self.registry, self, lang)
        layout = QtWidgets.QVBoxLayout(self)
        intro = ThaiLabel(self.intro_text(), self)
        intro.setObjectName("trustIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = thai_cells(QtWidgets.QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.viewport().installEventFilter(self)
        self.model.modelReset.connect(self.fit_columns)
        layout.addWidget(self.view)
        row = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton(self.tr("Enrol key from file…"), self)
        self.add_button.clicked.connect(lambda: self.add_from_file())
        self.revoke_button = QtWidgets.QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.clicked.connect(lambda: self.revoke_selected())
        self.export_button = QtWidgets.QPushButton(self.tr("Export allowed_signers…"), self)
        self.export_button.clicked.connect(lambda: self.export_allowed())
        self.add_municipality_button = QtWidgets.QPushButton(
            self.tr("Enrol a municipality's key…"), self)
        self.add_municipality_button.setObjectName("enrolMunicipalityKey")
        self.add_municipality_button.setToolTip(self.tr(
            "A municipality office's key: it signs only that municipality's self-assessment"))
        self.add_municipality_button.clicked.connect(lambda: self.add_municipality_key())
        self.add_municipality_button.setVisible(ws.role in (Role.PROVINCE, Role.ASSESSOR))
        for b in (self.add_button, self.add_municipality_button, self.revoke_button,
                  self.export_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        # key changes (docs/key-rotation.md): recovery after a loss, statements received as files
        changes = QtWidgets.QHBoxLayout()
        self.reenrol_button = QtWidgets.QPushButton(self.tr("Re-enrol a lost key…"), self)
        self.reenrol_button.setObjectName("reenrolKey")
        self.reenrol_button.setToolTip(self.tr(
            "The holder lost their key: enrol their new key and revoke the old one from a date"))
        self.reenrol_button.clicked.connect(lambda: self.open_reenrol())
        self.apply_button = QtWidgets.QPushButton(self.tr("Apply key statement…"), self)
        self.apply_button.setObjectName("applyKeyStatement")
        self.apply_button.setToolTip(self.tr(
            "A signed key change received as a file: a rotation, a re-enrolment or a revocation"))
        self.apply_button.clicked.connect(lambda: self.apply_statement_file())
        changes.addWidget(self.reenrol_button)
        changes.addWidget(self.apply_button)
        changes.addStretch(1)
        layout.addLayout(changes)
        self.status = ThaiLabel("", self)
        self.status.setObjectName("trustStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QtCore.QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """The name column takes the room left (never less than its names need); the others
        are as wide as their contents, up to :data:`COLUMN_CAP` (the fingerprint whole).

        With the last column stretched, an empty "Office key" column took the room and the
        names were cut ("สมศรี…") at 1024 px."""
        header = self.view.horizontalHeader()
        others = 0
        for c in range(1, self.model.columnCount()):
            want = max(self.view.sizeHintForColumn(c), header.sectionSizeHint(c))
            width = want if c == FINGERPRINT_COLUMN else min(want, COLUMN_CAP)
            header.resizeSection(c, width)
            others += width
        name = max(self.view.sizeHintForColumn(0), header.sectionSizeHint(0))
        header.resizeSection(0, max(name, self.view.viewport().width() - others))

    def title(self) -> str:
        """The tab's name: whose keys these are, seen from this workspace's role."""
        if self.ws.role is Role.ASSESSOR:
            return self.tr("Trusted office keys")
        if self.ws.role is Role.PROVINCE:
            return self.tr("Trusted assessor keys")
        return self.tr("Trusted province keys")

    def intro_text(self) -> str:
        if self.ws.role is Role.ASSESSOR:
            return self.tr(
                "Only return bundles signed by these keys are accepted. Enrol your province "
                "office's key from the file the office gives you, after checking its "
                "fingerprint with them.")
        if self.ws.role is Role.PROVINCE:
            return self.tr(
                "Only bundles signed by these keys are accepted. Enrol a key from the file the "
                "assessor gives you, after checking its fingerprint with them.")
        return self.tr(
            "Only upward bundles signed by these keys are accepted. Enrol each province "
            "office's key from the file it gives you, after checking its fingerprint with them.")

    def _owner(self) -> str:
        return self.tr("the assessor") if self.ws.role is Role.PROVINCE else self.tr("the office")

    def add_municipality_key(self, path: Path | None = None, code: str | None = None,
                             name: str | None = None) -> None:
        """Choose the municipality (this province's, or any for an assessor), then the key file."""
        if code is None:
            choices = [f"{m.name_th} ({m.code})"
                       for m in lists.municipalities(self.ws, self.ws.province_code or None)]
            picked, ok = QtWidgets.QInputDialog.getItem(
                self, self.tr("Enrol a municipality's key"),
                self.tr("Which municipality does this key speak for?"), choices, 0, True)
            if not ok or not picked:
                return
            code = picked.rsplit("(", 1)[-1].rstrip(")")
        self.add_from_file(path, name, "" if name is not None else None, municipality=code)

    def add_from_file(self, path: Path | None = None, name: str | None = None,
                      organisation: str | None = None, municipality: str | None = None,
                      office: bool | None = None) -> None:
        """Enrol a key. ``office``: bundles sent from here are encrypted to it — an assessor
        (or a municipality office) enrols only offices (default yes); a province is asked (its
        region's or the nation's key is one, an assessor's is not); a region or the nation
        sends nothing. ``municipality``: the key speaks for that municipality's self-assessments."""
        if path is None:
            fname, _ = QtWidgets.QFileDialog.getOpenFileName(
                self, self.tr("Public key to enrol"), "", self.tr("Public key (*.pub);;All files (*)"))
            if not fname:
                return
            path = Path(fname)
        try:
            text = self.registry.read_key_file(path)
            fp, comment = self.registry.inspect(text)
            if name is None:
                dialog = EnrolKeyDialog(fp, comment, organisation or "", self._owner(), self)
                if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                    return
                name, organisation = dialog.name.text(), dialog.organisation.text()
                if office is None and self.ws.role is Role.PROVINCE and not municipality:
                    office = common.ask(
                        self, self.tr("Enrol key"),
                        self.tr("Is this the key of the region or national office you send "
                                "results to? Upward bundles are encrypted to office keys. "
                                "(An assessor's key is not an office key.)"), default=False)
            if office is None:
                office = self.ws.role in (Role.ASSESSOR, Role.MUNICIPALITY) and not municipality
            self.registry.add(
                text, actor=self.ws.actor, name=name, organisation=organisation or "",
                role="municipality" if municipality else "assessor", municipality=municipality,
                office=office)
        except SecityError as exc:
            show_error(self, exc, self.lang)
        self.model.reload()

    def revoke_selected(self, reason: str | None = None) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        key = self.model.key_at(rows[0].row())
        if reason is None:
            reason, ok = QtWidgets.QInputDialog.getText(
                self, self.tr("Revoke key"),
                self.tr("Revoke the key of {name}? Bundles it signs will be refused.\nReason:").format(
                    name=key.name))
            if not ok:
                return
        try:
            self.registry.revoke(key.fingerprint, actor=self.ws.actor, reason=reason)
        except SecityError as exc:
            show_error(self, exc, self.lang)
        self.model.reload()

    def reenrol_dialog(self) -> ReenrolDialog:
        rows = self.view.selectionModel().selectedRows()
        old = self.model.key_at(rows[0].row()).fingerprint if rows else None
        return ReenrolDialog(self.ws, self, self.lang, old=old)

    def open_reenrol(self, dialog: ReenrolDialog | None = None) -> TrustedKey | None:
        """The re-enrol form (the selected key preselected as the old one)."""
        dialog = dialog or self.reenrol_dialog()
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.result_key is None:
            return None
        k = dialog.result_key
        self.status.setText(self.tr("{name} is enrolled with the new key {fingerprint}; the old key "
                                    "is revoked from {date}.").format(
            name=k.name, fingerprint=k.fingerprint, date=when_text(k.valid_from, self.lang)))
        self.model.reload()
        return k

    def apply_statement_file(self, path: Path | None = None) -> TrustedKey | None:
        """Apply a signed key statement file (rotation, re-enrolment, revocation)."""
        if path is None:
            fname, _ = QtWidgets.QFileDialog.getOpenFileName(
                self, self.tr("Key statement to apply"), "",
                self.tr("Key statements (*.json);;All files (*)"))
            if not fname:
                return None
            path = Path(fname)
        try:
            data = self.registry.read_statement_file(path)
            k = apply_statement(self.ws, data, actor=self.ws.actor)
        except SecityError as exc:
            show_error(self, exc, self.lang)
            return None
        finally:
            self.model.reload()
        if k.revoked:
            text = self.tr("The key of {name} ({fingerprint}) is revoked from {date}.")
            date = k.revoked_at
        else:
            text = self.tr("The enrolment of {name} moved to the key {fingerprint} (from {date}); "
                           "the old key no longer signs new work.")
            date = k.valid_from
        self.status.setText(text.format(name=k.name, fingerprint=k.fingerprint,
                                        date=when_text(date, self.lang)))
        return k

    def export_allowed(self, target: Path | None = None) -> None:
        if target is None:
            fname, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Export allowed_signers"), "allowed_signers")
            if not fname:
                return
            target = Path(fname)
        self.registry.export_allowed_signers(target)
