"""A municipality that rotated its key: its self bundle carries the rotation (issue 14, gap 3).

Real keys: the province enrolled the municipality's key (role municipality); the municipality
rotates, signs its self-assessment with the new key and sends it. The province accepts it
under the moved enrolment (the new key keeps the role and the municipality it speaks for),
exactly as a field bundle carries an assessor's rotation.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.bundle.read import verify_bundle
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import rotate
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.self_export import export_self
from secity_desktop.services.trust import TrustService
from tests.bundle import flow
from tests.services import self_helpers as sh

NEW_PASS = b"the municipality's new passphrase"


def test_a_self_bundle_carries_the_municipalitys_rotation(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, m)
    old_fp = Identity(m).info().fingerprint
    r = rotate(m, sh.PASS, NEW_PASS, tmp_path / "st", "คอมพิวเตอร์เครื่องใหม่")
    aid = flow.complete(m, "5001", 2569, evidence_every=0, tag="self")
    key = Identity(m).unlock(NEW_PASS)
    RevisionService(m).finalize(aid, key)
    (tmp_path / "out").mkdir()
    bundle = export_self(m, [aid], tmp_path / "out", key).path
    assert len(verify_bundle(bundle, TrustService(prov).all()).key_statements) == 1
    result = ImportService(prov).import_files([bundle])
    assert result.ok, result.as_json()
    assert {(n.kind, n.outcome) for n in result.plan.statements} == {("rotate", "applied")}
    new = TrustService(prov).get(r.new_fingerprint)
    assert (new.role, new.municipality_code) == ("municipality", "5001")
    assert TrustService(prov).get(old_fp).retired
    view = SelfAssessmentService(prov).show("5001", 2569)
    assert view.signed and view.record.signer_fingerprint == r.new_fingerprint


def test_without_the_statement_the_new_municipality_key_is_unknown(tmp_path: Path) -> None:
    """The same bundle minus its statement: the office cannot know the new key (the gap)."""
    m = sh.municipality(tmp_path / "m")
    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, m)
    rotate(m, sh.PASS, NEW_PASS, tmp_path / "st", "")
    with m.db.conn:
        m.db.execute("DELETE FROM key_statements")
    aid = flow.complete(m, "5001", 2569, evidence_every=0, tag="self")
    key = Identity(m).unlock(NEW_PASS)
    RevisionService(m).finalize(aid, key)
    (tmp_path / "out").mkdir()
    bundle = export_self(m, [aid], tmp_path / "out", key).path
    result = ImportService(prov).import_files([bundle])
    assert [x.reason for x in result.plan.rejected] == ["unknown_signer"]
