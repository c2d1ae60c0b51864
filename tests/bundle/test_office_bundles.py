"""Return-for-revision bundles (province → assessor) and upward bundles (province → nation)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from secity_desktop.bundle.read import verify_bundle
from secity_desktop.core.errors import BundleRejected, ValidationError
from secity_desktop.core.lifecycle import Status
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.coverage import CoverageService
from secity_desktop.services.identity import Identity
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.office_bundles import OfficeBundleService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.trust import TrustService
from secity_desktop.store import assessments as repo
from secity_desktop.store import review as rrepo
from tests.bundle import flow, hostile
from tests.bundle.office_flow import Offices

REVIEW_TABLES = ("review_decisions", "review_comments", "review_overrides", "model_towns")



def _rows(ws, *tables: str) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    return {t: sorted(map(tuple, ws.db.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}


def _snapshot(ws) -> dict:  # type: ignore[no-untyped-def]
    return flow.snapshot(ws) | _rows(ws, *REVIEW_TABLES)


# --- return for revision --------------------------------------------------------------
def test_return_bundle_reopens_the_assessment_with_the_comments(o: Offices) -> None:
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    path = o.return_bundle(aid)
    assert "-return-" in path.name

    vb = verify_bundle(path, TrustService(o.a).all())
    assert vb.kind == "return" and vb.revisions == [] and len(vb.reviews) == 1
    assert vb.signer.name == "ทสจ.เชียงใหม่"

    plan = ImportService(o.a).dry_run([path])
    assert [r.action.value for r in plan.reviews] == ["add"]
    assert repo.get(o.a.db, aid).status == Status.FINALIZED  # a dry run changes nothing

    result = ImportService(o.a).import_files([path])
    assert result.ok
    assert repo.get(o.a.db, aid).status == Status.RETURNED
    draft = o.a.db.execute("SELECT id FROM assessments WHERE supersedes = ?", [aid]).fetchone()[0]
    d = repo.get(o.a.db, draft)
    assert (d.status, d.revision) == (Status.DRAFT, 2)
    # the province's words are stored at the assessor's, on the revision they judged
    comments = rrepo.comments(o.a.db, aid)
    assert {c.body for c in comments} == {"ภาพถ่ายไม่ชัด ถ่ายใหม่"}
    assert rrepo.decisions(o.a.db, aid)[-1].comment == "กรุณาแนบภาพถ่ายที่ชัดเจนกว่านี้"
    # the new draft is editable, and goes back to the province as an update
    ind = o.first_indicator(aid)
    AssessmentService(o.a).set_response(draft, ind.code, ind.levels[1].value, "ถ่ายภาพใหม่แล้ว")
    AssessmentService(o.a).mark_complete(draft)
    o.submit(draft, "r2.secbundle")
    assert repo.get(o.p.db, draft).status == Status.RECEIVED
    assert repo.get(o.p.db, draft).supersedes == aid

    again = ImportService(o.a).import_files([path])  # twice changes nothing
    assert again.ok and [r.action.value for r in again.plan.reviews] == ["skip"]
    assert o.a.db.execute("SELECT count(*) FROM assessments").fetchone()[0] == 2


def test_return_bundle_from_an_unenrolled_province_is_refused(o: Offices, tmp_path: Path) -> None:
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    path = o.return_bundle(aid)
    TrustService(o.a).revoke(TrustService(o.a).all()[0].fingerprint, actor="t")
    before = _snapshot(o.a)
    result = ImportService(o.a).import_files([path])
    assert [r.reason for r in result.plan.rejected] == ["revoked_key"]
    assert _snapshot(o.a) == before
    assert result.quarantined[path].is_file()


def test_return_bundle_for_someone_elses_assessment_is_refused(o: Offices, tmp_path: Path) -> None:
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    path = o.return_bundle(aid)
    other = flow.assessor(tmp_path / "other")
    TrustService(other).add(
        TrustService(o.a).all()[0].public_line, actor=other.actor, name="ทสจ."
    )
    result = ImportService(other).import_files([path])
    assert [r.reason for r in result.plan.rejected] == ["unknown_assessment"]
    other.close()


def test_office_bundles_go_only_where_they_belong(o: Offices) -> None:
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    back = o.return_bundle(aid)
    TrustService(o.p).add(
        TrustService(o.n).all()[0].public_line, actor="t", name="ourselves"
    )
    plan = ImportService(o.p).dry_run([back])
    assert [r.reason for r in plan.rejected] == ["wrong_kind"]
    assert "assessor" in plan.rejected[0].message

    with pytest.raises(ValidationError, match="province"):
        OfficeBundleService(o.a).prepare_return([aid])
    with pytest.raises(ValidationError, match="province"):
        OfficeBundleService(o.n).prepare_upward()


def test_only_returned_signed_assessments_can_be_returned(o: Offices) -> None:
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    from secity_desktop.core.errors import ConflictError

    with pytest.raises(ConflictError, match="not returned"):
        OfficeBundleService(o.p).prepare_return([aid])


# --- upward ---------------------------------------------------------------------------
def test_upward_bundle_carries_approved_results_and_the_model_town(o: Offices) -> None:
    aid = flow.complete(o.a, evidence_every=1)  # top levels: a model town must reach a tier
    o.submit(aid, "r1.secbundle")
    o.approve(aid)
    ModelTownService(o.p).set(2569, "5001", "คะแนนสูงสุดของจังหวัด")
    assert [c.assessment_id for c in OfficeBundleService(o.p).candidates("upward")] == [aid]
    path = o.upward()
    assert "-upward-" in path.name

    result = ImportService(o.n).import_files([path])
    assert result.ok, result.as_json()
    a = repo.get(o.n.db, aid)
    assert a.status == Status.APPROVED
    # the reviewer's override travelled: the nation scores exactly as the province did
    assert AssessmentService(o.n).scorecard(aid).total == AssessmentService(o.p).scorecard(aid).total
    assert AssessmentService(o.n).scorecard(aid).total != pytest.approx(
        AssessmentService(o.a).scorecard(aid).total
    )
    town = rrepo.model_town(o.n.db, "50", 2569)
    assert town is not None and (town.municipality_code, town.assessment_id) == ("5001", aid)
    # the assessor's own signature is kept, vouched for by the province
    rev = o.n.db.execute("SELECT signer_fingerprint FROM revisions WHERE assessment_id = ?", [aid]).fetchone()
    assert rev[0] == flow.Identity(o.a).info().fingerprint  # type: ignore[attr-defined]

    again = ImportService(o.n).import_files([path])
    assert again.ok and again.plan.count(again.plan.items[0].action) == 1
    assert again.plan.items[0].action.value == "skip"
    assert [r.action.value for r in again.plan.reviews] == ["skip"]

    cov = CoverageService(o.n).report(2569)
    assert len(cov.provinces) == 76
    cm = next(p for p in cov.provinces if p.code == "50")
    assert cm.seat_approved and cm.model_town is not None and cm.model_town.municipality_code == "5001"
    assert (cov.with_seat_approved, cov.with_model_town, cov.reporting) == (1, 1, 1)
    region = CoverageService(o.n).report(2569, region_office=cm.region_office)
    assert 0 < len(region.provinces) < 76 and any(p.code == "50" for p in region.provinces)


def test_upward_adds_municipalities_the_nation_does_not_list(o: Offices) -> None:
    for ws in (o.a, o.p):  # a municipality only the province (and its assessor) know
        ws.db.execute(
            "INSERT INTO municipalities (code, name_th, name_en, type, province_code, is_seat)"
            " VALUES ('5099', 'เทศบาลตำบลทดสอบ', 'Test', 'tambon', '50', 0)"
        )
        ws.db.conn.commit()
    aid = flow.complete(o.a, muni="5099", evidence_every=6)
    o.submit(aid, "r1.secbundle")
    o.approve(aid, override=False)
    result = ImportService(o.n).import_files([o.upward()])
    assert result.ok, result.as_json()
    row = o.n.db.execute("SELECT name_th, province_code FROM municipalities WHERE code = '5099'").fetchone()
    assert tuple(row) == ("เทศบาลตำบลทดสอบ", "50")


def test_a_newer_approval_updates_the_nation(o: Offices) -> None:
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    o.approve(aid)
    assert ImportService(o.n).import_files([o.upward()]).ok
    new = RevisionService(o.a).revise(aid)
    AssessmentService(o.a).mark_complete(new.id)
    o.submit(new.id, "r2.secbundle")
    # approval then a new revision: review reopens on import, without anyone asking
    assert repo.get(o.p.db, new.id).status == Status.UNDER_REVIEW
    ReviewService(o.p).approve(new.id)
    result = ImportService(o.n).import_files([o.upward()])
    assert result.ok
    assert {i.doc.id: i.action.value for i in result.plan.items}[new.id] == "update"
    assert repo.get(o.n.db, new.id).status == Status.APPROVED


def test_upward_needs_an_enrolled_province_and_a_national_workspace(o: Offices) -> None:
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    o.approve(aid)
    path = o.upward()
    TrustService(o.n).revoke(TrustService(o.n).all()[0].fingerprint, actor="t")
    before = _snapshot(o.n)
    assert [r.reason for r in ImportService(o.n).import_files([path]).plan.rejected] == ["revoked_key"]
    assert _snapshot(o.n) == before
    TrustService(o.p).add(TrustService(o.n).all()[0].public_line, actor="t", name="self")
    assert [r.reason for r in ImportService(o.p).dry_run([path]).rejected] == ["wrong_kind"]


# --- a province speaking beyond its authority, or lying about its assessors -------------
def _forged(o: Offices, path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """Re-sign an edited manifest with the real province key: only the content rules can catch it."""
    items = hostile.with_manifest(hostile.entries(path), o.key(o.p), edit)
    out = path.with_name("forged.secbundle")
    out.write_bytes(hostile.rezip(items))
    return out


def _upward_ready(o: Offices) -> Path:
    aid = flow.complete(o.a, evidence_every=1)  # top levels: a model town must reach a tier
    o.submit(aid, "r1.secbundle")
    o.approve(aid)
    ModelTownService(o.p).set(2569, "5001", "คะแนนสูงสุด")
    return o.upward()


def _reason(o: Offices, path: Path) -> str:
    with pytest.raises(BundleRejected) as exc:
        verify_bundle(path, TrustService(o.n).all())
    return exc.value.reason


def test_forged_upward_contents_are_refused(o: Offices) -> None:
    path = _upward_ready(o)

    def other_province(m: dict) -> None:
        m["municipalities"][0]["province_code"] = "10"

    def other_town(m: dict) -> None:
        m["model_towns"][0]["province_code"] = "10"

    def no_review(m: dict) -> None:
        m["entries"] = [e for e in m["entries"] if not e["path"].startswith("reviews/")]
        m["reviews"] = []

    def as_field(m: dict) -> None:
        m["kind"] = "field"

    def unknown_kind(m: dict) -> None:
        m["kind"] = "sideways"

    assert _reason(o, _forged(o, path, other_province)) == "revision_mismatch"
    assert _reason(o, _forged(o, path, other_town)) == "wrong_province"
    # relabelled as a field bundle, the assessor signatures would need keys the nation never enrolled
    assert _reason(o, _forged(o, path, as_field)) == "unknown_signer"
    assert _reason(o, _forged(o, path, unknown_kind)) == "bad_manifest"
    items = hostile.drop(hostile.entries(path), lambda n: n.startswith("reviews/"))
    items = hostile.with_manifest(items, o.key(o.p), no_review)
    bare = path.with_name("bare.secbundle")
    bare.write_bytes(hostile.rezip(items))
    assert _reason(o, bare) == "bad_manifest"


def _swap_entry(o: Offices, path: Path, name: str, data: bytes, out_name: str) -> Path:
    """Replace one member and re-list it in a manifest the real province key re-signs."""
    items = hostile.replace(hostile.entries(path), name, data)

    def relist(m: dict) -> None:
        for e in m["entries"]:
            if e["path"] == name:
                e["sha256"], e["size"] = hashlib.sha256(data).hexdigest(), len(data)

    out = path.with_name(out_name)
    out.write_bytes(hostile.rezip(hostile.with_manifest(items, o.key(o.p), relist)))
    return out


def _member(path: Path, pred) -> str:  # type: ignore[no-untyped-def]
    return next(hostile.name_of(i) for i, _ in hostile.entries(path) if pred(hostile.name_of(i)))


def test_a_review_of_other_content_is_refused(o: Offices) -> None:
    from secity_desktop.core.framework import canonical_json

    path = _upward_ready(o)
    name = _member(path, lambda n: n.startswith("reviews/"))
    doc = json.loads(hostile.get(hostile.entries(path), name))
    doc["revision_sha256"] = "0" * 64
    raw = canonical_json(doc).encode("utf-8")
    assert _reason(o, _swap_entry(o, path, name, raw, "stale.secbundle")) == "bad_review"


def test_an_assessor_signature_the_province_altered_is_refused(o: Offices) -> None:
    from secity_desktop.crypto import sshsig
    from secity_desktop.crypto.constants import BUNDLE_NAMESPACE

    path = _upward_ready(o)
    name = _member(path, lambda n: n.startswith("revisions/") and n.endswith(".sig"))
    rev = hostile.get(hostile.entries(path), name.removesuffix(".sig"))
    # the province signs the assessor's revision with its own key, as if it were the assessor
    sig = sshsig.sign(Identity(o.p).unlock(flow.PASS), rev, BUNDLE_NAMESPACE).encode()
    assert _reason(o, _swap_entry(o, path, name, sig, "impostor.secbundle")) == "sender_mismatch"
