"""The import dry run as rows a person reads: one per revision, review, model town, refusal.

Field bundles carry revisions; a province's return bundle carries only
reviews (why it was returned, with the reviewer's comments); an upward bundle
carries revisions, the province's review of each and its model-town choices —
every one is a row, so nothing in a bundle is applied unseen. The front ends
word the rows; this module only lifts them out of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from secity_desktop.bundle.plan import Action, Plan


@dataclass(frozen=True)
class PlanRow:
    file: str
    content: str  # "revision", "returned", "approved", "town", or "" for a refused file
    municipality: str
    year: str
    revision: str
    sender: str
    comments: str
    action: str  # add, update, skip, conflict, review, town, refused
    note: str  # the merge note, the model town's reason or "[reason] message" of a refusal
    review_status: str = ""  # for review rows: "returned" or "approved"
    review_said: str = ""  # the reviewer's last words on it
    # for refused rows: the stable reason (``bundle.<reason>`` in the catalogue), the English
    # message, and who the bundle claims sent it (only a claim: compare before enrolling)
    reason: str = ""
    message: str = ""
    sender_fingerprint: str = ""
    sender_organisation: str = ""
    sender_public: str = ""

    @property
    def enrolable(self) -> bool:
        """Refused only because its signer is not enrolled, and it carries the key to enrol."""
        return self.action == "refused" and self.reason == "unknown_signer" and bool(
            self.sender_public)


@dataclass(frozen=True)
class ImportPreview:
    rows: list[PlanRow]
    counts: dict[str, int]  # add, update, skip, conflict, rejected, reviews
    applicable: bool  # something to apply (a bundle to import or a refusal to record)


def preview(plan: Plan) -> ImportPreview:
    rows: list[PlanRow] = []
    signers = {vb.path: vb.signer.name for vb in plan.bundles}
    for i in plan.items:
        d = i.doc
        rows.append(PlanRow(i.bundle.name, "revision", f"{d.municipality.name_th} ({d.municipality.code})",
                            str(d.year), str(d.revision), d.assessor.name, "", i.action.value, i.note))
    for r in plan.reviews:
        rd = r.doc
        name = r.municipality_th or rd.municipality_code
        said = next((x.comment for x in reversed(rd.decisions) if x.comment), "")
        rows.append(PlanRow(
            r.bundle.name, rd.status, f"{name} ({rd.municipality_code})", str(rd.year),
            str(rd.revision), signers.get(r.bundle, ""), str(len(rd.comments)),
            "skip" if r.action is Action.SKIP else "review", r.note, rd.status, said,
        ))
    for vb in plan.bundles:
        names = {m.code: m.name_th for m in vb.manifest.municipalities}
        for t in vb.manifest.model_towns:
            name = names.get(t.municipality_code, t.municipality_code)
            rows.append(PlanRow(vb.path.name, "town", f"{name} ({t.municipality_code})",
                                str(t.year), "", vb.signer.name, "", "town", t.reason))
    for rej in plan.rejected:
        rows.append(PlanRow(rej.path.name, "", "", "", "", rej.sender_name or "", "", "refused",
                            f"[{rej.reason}] {rej.message}", reason=rej.reason,
                            message=rej.message,
                            sender_fingerprint=rej.sender_fingerprint or "",
                            sender_organisation=rej.sender_organisation or "",
                            sender_public=rej.sender_public or ""))
    counts = dict(plan.as_json()["counts"])  # type: ignore[call-overload]
    return ImportPreview(rows, counts, bool(plan.bundles or plan.rejected))
