"""What a person does to an indicator's evidence in the editor: add, open, remove.

Adding copies the files off the GUI thread (``evidence.EvidenceImporter``);
opening copies a blob out under its original name, also off-thread, and hands it
to the system viewer; removing asks first (it is recorded in the audit log).
Each change that reaches the store is reported back to the editor, which
refreshes the list, the score and the "saved" time. Texts stay in the
``AssessmentEditor`` translation context, where ``i18n/secity_th.ts`` keys them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from secity_desktop import messages, paths
from secity_desktop.core.errors import SecityError
from secity_desktop.gui.common import confirm
from secity_desktop.gui.editor.evidence import EvidenceImporter
from secity_desktop.gui.qt import QtCore, QtGui, QtWidgets
from secity_desktop.services.front_ops import CopyEvidenceOut
from secity_desktop.services.types import Evidence

if TYPE_CHECKING:
    from secity_desktop.gui.editor.editor import AssessmentEditor

translate = QtCore.QCoreApplication.translate


class EvidenceActions:
    """The editor's evidence commands; ``importer`` is the editor's off-thread copier."""

    def __init__(self, editor: AssessmentEditor) -> None:
        self.editor = editor
        self.importer = EvidenceImporter(editor.svc, editor, editor.lang)
        self.importer.attached.connect(self._attached)
        self.importer.failed.connect(editor._error)

    def add_dialog(self) -> None:
        ed = self.editor
        if not ed.editable or ed.current is None:
            return
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(
            ed,
            translate("AssessmentEditor", "Add evidence to {code}").format(code=ed.current),
            str(Path.home()),
            translate(
                "AssessmentEditor",
                "Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xlsx *.mp4 *.mov);;All files (*)"
            ),
        )
        self.add_files([Path(f) for f in files])

    def add_files(self, files: list[Path]) -> None:
        ed = self.editor
        started = ed.editable and ed.current is not None and bool(files)
        if started and not self.importer.start(ed.aid, str(ed.current), files):
            ed._error(translate(
                "AssessmentEditor", "Still copying the previous files; try again when it is done."))

    def _attached(self, item: Evidence) -> None:
        ed = self.editor
        if item.indicator_code == ed.current:
            ed.evidence_model.set_items(ed.svc.evidence(ed.aid, ed.current))
        ed._committed()

    def remove(self, evidence_id: int) -> None:
        ed = self.editor
        if not ed.editable:
            return
        item = ed.svc.evidence_item(evidence_id)
        if not confirm(
            ed,
            translate("AssessmentEditor", "Remove evidence"),
            translate(
                "AssessmentEditor",
                "Remove {name} from indicator {code}? The removal is recorded in the audit log."
            ).format(name=item.original_name, code=item.indicator_code),
            translate("AssessmentEditor", "Remove"),
        ):
            return
        try:
            ed.svc.remove_evidence(evidence_id)
        except SecityError as exc:
            ed._error(messages.describe(exc, ed.lang))
            return
        ed.evidence_model.set_items(ed.svc.evidence(ed.aid, item.indicator_code))
        ed._committed()

    def open(self, evidence_id: int) -> None:
        """Copy out under the original name (off-thread) and hand it to the system viewer."""
        folder = Path(platformdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "open"
        self.importer.runner.run(
            CopyEvidenceOut(self.editor.svc, evidence_id, folder),
            translate("AssessmentEditor", "Opening evidence…"),
            lambda target: QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(target))),
            lambda failure: self.editor._error(failure.text) if not failure.cancelled else None,
        )
