"""The municipality's claim beside the assessor's choice: a box on the indicator page, a banner.

The claim comes from ``services.self_assessments.Claim`` (the municipality's signed
self-assessment or its unsigned spreadsheet); this module only shows it. An
indicator where the claim and the verified level differ is highlighted (amber),
and the banner counts the disagreements (docs/self-assessment.md).
"""

from __future__ import annotations

import html

from secity_desktop.gui.qt import Qt, QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel
from secity_desktop.services.self_assessments import Claim

DISAGREE_STYLE = "QFrame#claimBox { background:#fff4d6; border:1px solid #e0a800; }"
AGREE_STYLE = "QFrame#claimBox { background:#eef6ee; border:1px solid #9cc79c; }"


class ClaimBox(QtWidgets.QFrame):
    """What the municipality said about this indicator: level, note, evidence names."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimBox")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.title = QtWidgets.QLabel(self.tr("Municipality's self-assessment"), self)
        self.title.setStyleSheet("color:#55606e")
        layout.addWidget(self.title)
        self.label = ThaiLabel(self)
        self.label.setObjectName("claimLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.disagrees = False
        self.hide()

    def show_claim(self, claim: Claim | None, code: str, chosen: int | None, lang: str) -> None:
        if claim is None:
            self.hide()
            return
        view = claim.view
        ind = view.framework.indicator(code)
        resp = view.responses.get(code)
        level = resp.level if resp else None
        if ind is None:
            self.hide()
            return
        if level is None:
            head = self.tr("The municipality did not answer this indicator.")
        else:
            lv = ind.level(level)
            text = (lv.label_th if lang == "th" else lv.label_en) if lv else ""
            head = self.tr("Claimed level {level}: {text}").format(level=level, text=text)
        self.disagrees = chosen is not None and level is not None and chosen != level
        parts = [f"<b>{html.escape(head)}</b>"]
        if self.disagrees:
            parts.append(html.escape(self.tr("Differs from the level chosen here ({chosen}).").format(
                chosen=chosen)))
        if resp and resp.note:
            parts.append(html.escape(self.tr("Note: {note}").format(note=resp.note)))
        files = view.evidence_for(code)
        if files:
            parts.append(html.escape(self.tr("Evidence: {files}").format(
                files=", ".join(f.name for f in files))))
        if not claim.comparable:
            parts.append(html.escape(self.tr(
                "Made under another framework version: shown, not compared.")))
        self.label.setText("<br>".join(parts))
        self.setStyleSheet(DISAGREE_STYLE if self.disagrees else AGREE_STYLE)
        self.show()


def banner_text(claim: Claim | None) -> str:
    """One line over the editor: the claim's source, its total and how many levels differ."""
    if claim is None:
        return ""
    r = claim.view.record
    source = (
        QtCore.QCoreApplication.translate("ClaimBanner", "signed by {name}").format(
            name=r.signer_name or "")
        if claim.view.signed
        else QtCore.QCoreApplication.translate(
            "ClaimBanner", "unsigned spreadsheet, entered by {name}").format(
                name=r.entered_by or "")
    )
    if claim.gap is None:
        return QtCore.QCoreApplication.translate(
            "ClaimBanner",
            "The municipality's self-assessment ({source}) uses another framework version;"
            " it is not compared.").format(source=source)
    return QtCore.QCoreApplication.translate(
        "ClaimBanner",
        "Municipality's self-assessment ({source}): claimed {claimed:.2f}, verified"
        " {verified:.2f} (gap {gap:+.2f}); {n} indicator(s) disagree.",
    ).format(source=source, claimed=claim.gap.claimed_total, verified=claim.gap.verified_total,
             gap=claim.gap.total_gap, n=claim.gap.disagreements)
