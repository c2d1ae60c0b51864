"""What the reviewers said, shown to the assessor beside the work it is about.

A return bundle stores the province's rows under the revision it judged;
the assessor then edits a newer revision that ``supersedes`` it. So feedback
for an assessment is collected along its supersedes chain — the row itself,
then each older revision — and every return counts, not only the last one:
an assessor fixing a second return still sees what the first asked for.
Only overrides still standing are shown (a withdrawn one no longer applies).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from secity_desktop.services.review.timeline import timeline
from secity_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class FeedbackItem:
    kind: str  # "return" (the decision's comment), "comment" or "override"
    revision: int
    indicator_code: str | None
    body: str
    author: str
    at: str
    assessor_level: int | None = None
    level: int | None = None


@dataclass
class Feedback:
    items: list[FeedbackItem] = field(default_factory=list)  # newest first

    def __bool__(self) -> bool:
        return bool(self.items)

    def general(self) -> list[FeedbackItem]:
        """About the assessment as a whole: return reasons and assessment-level comments."""
        return [i for i in self.items if i.indicator_code is None]

    def for_indicator(self, code: str) -> list[FeedbackItem]:
        return [i for i in self.items if i.indicator_code == code]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in self.items:
            if i.indicator_code:
                out[i.indicator_code] = out.get(i.indicator_code, 0) + 1
        return out


def feedback_for(ws: Workspace, assessment_id: str) -> Feedback:
    """What the reviewers said along the chain, from the one review timeline."""
    tl = timeline(ws, assessment_id)
    items: list[FeedbackItem] = []
    for a in tl.chain:
        for d in tl.decisions(a.id):
            if d.action == "return" and d.comment:
                items.append(FeedbackItem("return", d.revision, None, d.comment, d.author, d.at))
        for c in tl.comments(a.id):
            items.append(
                FeedbackItem("comment", c.revision, c.indicator_code, c.body, c.author, c.at)
            )
        for o in tl.overrides(a.id, standing_only=True):
            items.append(
                FeedbackItem("override", o.revision, o.indicator_code, o.reason, o.author,
                             o.at, o.assessor_level, o.level)
            )
    items.sort(key=lambda i: i.at, reverse=True)
    return Feedback(items)
