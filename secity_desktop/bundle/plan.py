"""Merge rules: what importing verified revisions would do to a store (the dry run).

Decisions on values only: this module reads no table. The import service asks
:func:`facts_wanted` which store facts the bundles touch, reads them from the
store into a :class:`PlanFacts`, and hands them to :func:`plan_import`. The plan
is shown to a person before anything is written, and the same plan is then
applied in one transaction. Rules (revision ids are UUIDs made on the assessor's
device):

* a revision whose id is already stored with the same content → **skip**
  (importing twice changes nothing);
* the same id with *different* signed content → the bundle is refused
  (``revision_clash``): one id can never mean two things;
* a revision superseding one we hold, where nothing else supersedes it → **update**;
* a revision superseding one that another stored (or earlier in this batch)
  revision already supersedes → **conflict**: both kept, flagged for a person;
* a first revision for a municipality, year and framework that already has an
  assessment from another chain → **conflict** (both kept, flagged);
* anything else → **add** (including an older revision arriving after a newer one).

A bundle's ``kind`` decides where it may go: ``field`` bundles to an office,
``return`` bundles (a province's reviews) to the assessor who sent the
revisions, ``upward`` bundles (a province's approved results) to a region or
the nation. Reviews are planned as ``add`` (something new) or ``skip``;
what they mean is applied by the importer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from secity_desktop.bundle.documents import ReviewDoc
from secity_desktop.bundle.read import VerifiedBundle, VerifiedRevision
from secity_desktop.core.audit_anchor import AnchorNote
from secity_desktop.core.lifecycle import Role, accepts_bundle

RootKey = tuple[str, int, str]
"""(municipality code, fiscal year, framework hash): where a first revision belongs."""


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    CONFLICT = "conflict"
    #: older than a revision already held for the same assessment (a replay): recorded only,
    #: never received, never in the review queue or an upward bundle
    STALE = "stale"


@dataclass(frozen=True)
class PlanItem:
    bundle: Path
    revision: VerifiedRevision
    action: Action
    note: str = ""
    other_id: str | None = None  # the revision this one conflicts with

    @property
    def doc(self):  # type: ignore[no-untyped-def]
        return self.revision.doc

    def as_json(self) -> dict[str, object]:
        d = self.revision.doc
        return {
            "bundle": self.bundle.name,
            "id": d.id,
            "revision": d.revision,
            "supersedes": d.supersedes,
            "municipality": d.municipality.code,
            "municipality_th": d.municipality.name_th,
            "year": d.year,
            "assessor": d.assessor.name,
            "action": self.action.value,
            "note": self.note,
            "conflicts_with": self.other_id,
        }


@dataclass(frozen=True)
class ReviewItem:
    bundle: Path
    doc: ReviewDoc
    action: Action
    note: str = ""
    municipality_th: str = ""

    def as_json(self) -> dict[str, object]:
        d = self.doc
        return {
            "bundle": self.bundle.name,
            "assessment_id": d.assessment_id,
            "revision": d.revision,
            "municipality": d.municipality_code,
            "municipality_th": self.municipality_th,
            "year": d.year,
            "status": d.status,
            "comments": len(d.comments),
            "overrides": sum(1 for o in d.overrides if o.current and o.level is not None),
            "action": self.action.value,
            "note": self.note,
        }


@dataclass(frozen=True)
class Rejection:
    path: Path
    reason: str
    message: str
    file_sha256: str | None = None
    size: int = 0
    sender_fingerprint: str | None = None
    sender_name: str | None = None
    sender_organisation: str | None = None
    sender_public: str | None = None  # the key an unknown signer claims, to compare and enrol

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"bundle": self.path.name, "reason": self.reason,
                                  "message": self.message}
        if self.sender_fingerprint:  # a claim only: compare it with the sender before enrolling
            out["sender"] = {"name": self.sender_name, "organisation": self.sender_organisation,
                             "fingerprint": self.sender_fingerprint}
        return out


@dataclass
class Plan:
    bundles: list[VerifiedBundle] = field(default_factory=list)
    items: list[PlanItem] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    reviews: list[ReviewItem] = field(default_factory=list)
    #: what each bundle's audit head says about its sender's log (services/audit_trail.py)
    anchors: list[AnchorNote] = field(default_factory=list)
    #: what each carried key statement does (services/key_statements.py ``StatementNote``)
    statements: list[Any] = field(default_factory=list)

    def count(self, action: Action) -> int:
        return sum(1 for i in self.items if i.action is action)

    def items_of(self, vb: VerifiedBundle) -> list[PlanItem]:
        by_path: dict[Path, list[PlanItem]] = {}
        for i in self.items:
            by_path.setdefault(i.bundle, []).append(i)
        return by_path.get(vb.path, [])

    def items_by_bundle(self) -> dict[Path, list[PlanItem]]:
        out: dict[Path, list[PlanItem]] = {vb.path: [] for vb in self.bundles}
        for i in self.items:
            out.setdefault(i.bundle, []).append(i)
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "items": [i.as_json() for i in self.items],
            "reviews": [r.as_json() for r in self.reviews],
            "rejected": [r.as_json() for r in self.rejected],
            "audit_anchors": [a.as_json() for a in self.anchors],
            "key_statements": [s.as_json() for s in self.statements],
            "late_keys": {vb.path.name: sorted(vb.late_keys) for vb in self.bundles if vb.late_keys},
            "counts": {a.value: self.count(a) for a in Action}
            | {"rejected": len(self.rejected), "reviews": sum(
                1 for r in self.reviews if r.action is not Action.SKIP)},
        }

    def reviews_by_bundle(self) -> dict[Path, list[ReviewItem]]:
        out: dict[Path, list[ReviewItem]] = {vb.path: [] for vb in self.bundles}
        for r in self.reviews:
            out.setdefault(r.bundle, []).append(r)
        return out


@dataclass(frozen=True)
class FactsWanted:
    """The keys a batch of bundles touches: what the import service must read for the plan."""

    assessment_ids: frozenset[str]  # revisions, the ones they supersede, reviewed assessments
    superseded: frozenset[str]
    roots: frozenset[RootKey]
    municipalities: frozenset[str]
    provinces: frozenset[str]


@dataclass(frozen=True)
class PlanFacts:
    """What the store holds, for the keys in :class:`FactsWanted` (read before planning)."""

    #: assessment id → SHA-256 of its signed revision, for rows that have one
    revision_sha: Mapping[str, str] = field(default_factory=dict)
    #: assessment rows that exist (with or without a signed revision)
    assessments: frozenset[str] = frozenset()
    #: superseded id → the stored rows that supersede it
    successors: Mapping[str, Sequence[str]] = field(default_factory=dict)
    #: (municipality, year, framework) → stored first revisions
    first_revisions: Mapping[RootKey, Sequence[str]] = field(default_factory=dict)
    #: municipality code → its province, for municipalities this workspace lists
    municipality_province: Mapping[str, str] = field(default_factory=dict)
    #: municipality code → Thai name
    municipality_names: Mapping[str, str] = field(default_factory=dict)
    #: province codes this workspace knows
    provinces: frozenset[str] = frozenset()
    #: assessment id → ids of the review decisions stored for it
    decision_ids: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: SHA-256 of the signed self-assessments already held (``self`` bundles)
    self_shas: frozenset[str] = frozenset()


def facts_wanted(verified: Sequence[VerifiedBundle]) -> FactsWanted:
    ids: set[str] = set()
    superseded: set[str] = set()
    roots: set[RootKey] = set()
    munis: set[str] = set()
    provinces: set[str] = set()
    for vb in verified:
        for rev in vb.revisions:
            d = rev.doc
            ids.add(d.id)
            superseded.add(d.id)  # a held revision superseding it makes it a stale replay
            if d.supersedes:
                ids.add(d.supersedes)
                superseded.add(d.supersedes)
            else:
                roots.add((d.municipality.code, d.year, d.framework.hash))
        munis |= {m.code for m in vb.manifest.municipalities}
        for rv in vb.reviews:
            ids.add(rv.assessment_id)
            munis.add(rv.municipality_code)
        if vb.manifest.sender.province:
            provinces.add(vb.manifest.sender.province)
    return FactsWanted(
        frozenset(ids), frozenset(superseded), frozenset(roots), frozenset(munis),
        frozenset(provinces),
    )


class _State:
    """What the store holds (the facts), plus what earlier items of this batch will add."""

    def __init__(self, facts: PlanFacts) -> None:
        self.facts = facts
        self.batch_sha: dict[str, str] = {}
        self.batch_successor: dict[str, str] = {}
        self.batch_roots: dict[RootKey, str] = {}

    def stored_sha(self, rid: str) -> str | None:
        """The held revision's SHA-256; "" for a row without a signed revision; None if absent."""
        if rid in self.batch_sha:
            return self.batch_sha[rid]
        if rid in self.facts.revision_sha:
            return self.facts.revision_sha[rid]
        return "" if rid in self.facts.assessments else None

    def successor(self, superseded: str, not_id: str) -> str | None:
        if superseded in self.batch_successor and self.batch_successor[superseded] != not_id:
            return self.batch_successor[superseded]
        return next((i for i in self.facts.successors.get(superseded, ()) if i != not_id), None)

    def other_root(self, key: RootKey, not_id: str) -> str | None:
        if key in self.batch_roots and self.batch_roots[key] != not_id:
            return self.batch_roots[key]
        return next((i for i in self.facts.first_revisions.get(key, ()) if i != not_id), None)

    def add(self, rev: VerifiedRevision) -> None:
        d = rev.doc
        self.batch_sha[d.id] = rev.sha256
        if d.supersedes:
            self.batch_successor.setdefault(d.supersedes, d.id)
        else:
            self.batch_roots.setdefault((d.municipality.code, d.year, d.framework.hash), d.id)


_WRONG_KIND = {
    "field": "this is an assessor's field bundle; import it at the province office",
    "return": "this is a province's return-for-revision bundle; import it in the assessor's"
    " workspace that sent the assessment",
    "upward": "this is a province's bundle of approved results; import it at a regional or"
    " national workspace",
    "self": "this is a municipality's self-assessment; import it at its province office or in"
    " the assessor's workspace",
}


def _bundle_problem(
    facts: PlanFacts, vb: VerifiedBundle, role: Role, province: str | None
) -> tuple[str, str] | None:
    """Reasons to refuse a verified bundle because of what this workspace is or holds."""
    kind = vb.manifest.kind
    if not accepts_bundle(role, kind):
        return "wrong_kind", _WRONG_KIND[kind]
    if kind == "return":
        return _return_problem(facts, vb)
    if kind == "upward":
        if vb.manifest.sender.province not in facts.provinces:
            return "unknown_province", f"province {vb.manifest.sender.province!r} is not one of the 76"
        return None  # the sending province vouches for its municipalities; unknown ones are added
    for m in vb.manifest.municipalities:
        held = facts.municipality_province.get(m.code)
        if held is None:
            return (
                "unknown_municipality",
                f"municipality {m.code} ({m.name_th}) is not in this office's list; import the "
                "department's municipality list (`secity municipality import`) and try again",
            )
        if role is Role.PROVINCE and province and held != province:
            return (
                "wrong_province",
                f"municipality {m.code} ({m.name_th}) belongs to province {held}, not {province}",
            )
    return None


def _return_problem(facts: PlanFacts, vb: VerifiedBundle) -> tuple[str, str] | None:
    for rv in vb.reviews:
        sha = facts.revision_sha.get(rv.assessment_id)
        if sha is None:
            return (
                "unknown_assessment",
                f"assessment {rv.assessment_id} (municipality {rv.municipality_code}, {rv.year}) "
                "was not finalized in this workspace; open the workspace that sent it",
            )
        if sha != rv.revision_sha256:
            return (
                "revision_clash",
                f"the province judged revision {rv.revision} of {rv.assessment_id} with other "
                "content than this workspace signed",
            )
    return None


def _review_items(facts: PlanFacts, vb: VerifiedBundle) -> list[ReviewItem]:
    out = []
    for rv in vb.reviews:
        known = facts.decision_ids.get(rv.assessment_id, frozenset())
        muni = facts.municipality_names.get(rv.municipality_code) or next(
            (m.name_th for m in vb.manifest.municipalities if m.code == rv.municipality_code), ""
        )
        if {d.id for d in rv.decisions} <= known:
            out.append(ReviewItem(vb.path, rv, Action.SKIP, "already here", muni))
        elif vb.manifest.kind == "return":
            out.append(ReviewItem(vb.path, rv, Action.ADD, "returned for revision: reopens it", muni))
        else:
            out.append(ReviewItem(vb.path, rv, Action.ADD, f"{rv.status} by the province", muni))
    return out


def plan_import(
    facts: PlanFacts,
    verified: Sequence[VerifiedBundle],
    rejected: Sequence[Rejection] = (),
    *,
    role: Role = Role.PROVINCE,
    province: str | None = None,
) -> Plan:
    """What importing ``verified`` would do, given what the store holds (``facts``)."""
    plan = Plan(rejected=list(rejected))
    state = _State(facts)
    for vb in verified:
        problem = _bundle_problem(facts, vb, role, province)
        items: list[PlanItem] = []
        saved = (dict(state.batch_sha), dict(state.batch_successor), dict(state.batch_roots))
        if vb.kind == "self" and not problem:
            # a municipality's claim is kept beside the verified work, never merged into it
            for rev in sorted(vb.revisions, key=lambda r: (r.doc.revision, r.doc.id)):
                held = rev.sha256 in facts.self_shas or rev.sha256 in state.batch_sha.values()
                items.append(PlanItem(
                    vb.path, rev, Action.SKIP if held else Action.ADD,
                    "already here" if held else "self-assessment",
                ))
                state.batch_sha["self:" + rev.doc.id] = rev.sha256
            plan.bundles.append(vb)
            plan.items.extend(items)
            continue
        for rev in sorted(vb.revisions, key=lambda r: (r.doc.revision, r.doc.id)):
            if problem:
                break
            d = rev.doc
            known = state.stored_sha(d.id)
            if known is not None:
                if known == rev.sha256:
                    items.append(PlanItem(vb.path, rev, Action.SKIP, "already here"))
                    continue
                problem = (
                    "revision_clash",
                    f"revision {d.id} is already here with different signed content",
                )
                break
            newer = state.successor(d.id, d.id)
            if newer:
                items.append(PlanItem(
                    vb.path, rev, Action.STALE,
                    f"stale replay: {newer} (held here) already supersedes this revision", newer,
                ))
                continue
            if d.supersedes:
                other = state.successor(d.supersedes, d.id)
                if other:
                    items.append(PlanItem(
                        vb.path, rev, Action.CONFLICT,
                        f"{other} also supersedes {d.supersedes}; both kept for review", other,
                    ))
                elif state.stored_sha(d.supersedes) is not None:
                    items.append(PlanItem(vb.path, rev, Action.UPDATE, f"newer revision of {d.supersedes}"))
                else:
                    items.append(PlanItem(
                        vb.path, rev, Action.ADD, f"supersedes {d.supersedes}, which is not here"
                    ))
            else:
                other = state.other_root((d.municipality.code, d.year, d.framework.hash), d.id)
                if other:
                    items.append(PlanItem(
                        vb.path, rev, Action.CONFLICT,
                        f"assessment {other} already covers this municipality and year", other,
                    ))
                else:
                    items.append(PlanItem(vb.path, rev, Action.ADD))
            state.add(rev)
        if problem:
            state.batch_sha, state.batch_successor, state.batch_roots = saved
            plan.rejected.append(Rejection(
                vb.path, problem[0], problem[1], vb.file_sha256, vb.size,
                vb.signer.fingerprint, vb.signer.name,
            ))
            continue
        plan.bundles.append(vb)
        plan.items.extend(items)
        plan.reviews.extend(_review_items(facts, vb))
    return plan
