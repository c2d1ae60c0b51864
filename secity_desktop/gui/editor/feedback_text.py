"""Reviewers' words as rich text: overrides, returns and comments, each with who and when.

An assessment returned for revision comes back with the office's reasons; the
assessor reads the assessment-level ones in the editor's feedback banner and an
indicator's own on its page (``services.review.feedback`` gathers them). One
rendering for both, escaped (the words are typed by a person). Texts stay in the
``AssessmentEditor`` translation context, where ``i18n/secity_th.ts`` keys them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from secity_desktop.gui.common import when_text
from secity_desktop.gui.qt import QtCore
from secity_desktop.services.review.feedback import FeedbackItem

translate = QtCore.QCoreApplication.translate


def feedback_line(item: FeedbackItem, lang: str) -> str:
    """One paragraph: what the reviewer did (if anything), their words, who and when."""
    who = translate("AssessmentEditor", "{author}, {when}").format(
        author=item.author, when=when_text(item.at, lang))
    body = html.escape(item.body).replace("\n", "<br>")
    if item.kind == "override":
        head = translate("AssessmentEditor", "The reviewer set level {level} instead of {old}").format(
            level=item.level, old="–" if item.assessor_level is None else item.assessor_level
        )
        return f"<p><b>{html.escape(head)}</b>: {body}<br><small>{html.escape(who)}</small></p>"
    if item.kind == "return":
        head = translate("AssessmentEditor", "Returned for revision")
        return f"<p><b>{html.escape(head)}</b>: {body}<br><small>{html.escape(who)}</small></p>"
    return f"<p>{body}<br><small>{html.escape(who)}</small></p>"


def feedback_html(items: Iterable[FeedbackItem], lang: str) -> str:
    return "".join(feedback_line(i, lang) for i in items)
