"""Marking an assessment complete, and the explicit step back to a draft (*Edit again*).

"Complete" is a promise to the province that every indicator is answered with its
evidence, so it is asked for, not inferred: an incomplete assessment shows what
is still missing (and opens the indicator picked there), a complete one asks for
confirmation. A complete assessment is locked so that no stray key changes it;
*Edit again* is the one deliberate way back. Texts stay in the
``AssessmentEditor`` translation context, where ``i18n/secity_th.ts`` keys them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Status
from secity_desktop.gui.common import confirm
from secity_desktop.gui.editor.dialogs import MissingDialog
from secity_desktop.gui.qt import QtCore

if TYPE_CHECKING:
    from secity_desktop.gui.editor.editor import AssessmentEditor

translate = QtCore.QCoreApplication.translate


def mark_complete(ed: AssessmentEditor) -> None:
    """*Mark complete…*: what is missing, or a confirmation and the status move."""
    ed.flush_note()
    if not ed.editable:
        return
    if not ed.card.complete:
        dialog = MissingDialog(ed.fw, ed.card, ed.lang, ed)
        if dialog.exec() and dialog.target:
            ed.open_indicator(dialog.target)
        return
    if Status(ed.assessment.status) == Status.COMPLETE:
        return
    if confirm(
        ed,
        translate("AssessmentEditor", "Mark complete"),
        translate(
            "AssessmentEditor",
            "All {n} indicators are answered and the evidence is attached. Mark this assessment complete?"
        ).format(n=ed.card.count),
        translate("AssessmentEditor", "Mark complete"),
    ):
        try:
            ed.svc.mark_complete(ed.aid)
        except SecityError as exc:
            ed._error(messages.describe(exc, ed.lang))
            return
        ed._committed()


def edit_again(ed: AssessmentEditor) -> bool:
    """The explicit step before a complete assessment changes: back to a draft."""
    try:
        changed = ed.svc.edit_again(ed.aid)
    except SecityError as exc:
        ed._error(messages.describe(exc, ed.lang))
        return False
    if changed:
        ed._committed()
        ed.page.levels_box.setFocus()
    return changed
