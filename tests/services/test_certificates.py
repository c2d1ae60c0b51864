"""Who may get a certificate, what a signed one records, and its stable number."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))

from report_helpers import ISSUED, YEAR, approve, fill

from secity_desktop import messages
from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.crypto import certpayload
from secity_desktop.crypto.keys import fingerprint, generate, public_line
from secity_desktop.services.certificates import (
    SETTING_SIGNATORY_NAME,
    CertificateService,
    certificate_id,
    workspace_trusted_keys,
)
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit


def _svc(ws: Workspace) -> CertificateService:
    return CertificateService(ws, today=lambda: ISSUED)


def test_approved_top_scorer_gets_a_signed_certificate(ws: Workspace) -> None:
    aid = fill(ws, "5001", top=True)
    approve(ws, aid)
    svc = _svc(ws)
    key = generate()
    data = svc.sign(svc.prepare("5001", YEAR, signatory_name="นายก"), key)
    assert data.tier_code == "excellent" and data.tier_th == "ระดับดีเยี่ยม"
    assert data.signer_fingerprint == fingerprint(key.public_key())
    assert data.payload is not None
    claims = certpayload.verify(data.payload, [key.public_key()]).claims
    assert (claims.municipality_code, claims.year, claims.issued) == ("5001", YEAR, "2026-11-26")
    events = [e for e in audit.events(ws.db, aid) if e.action == "certificate.issue"]
    assert len(events) == 1 and events[0].target == data.certificate_id
    assert audit.verify_chain(ws.db) is None  # the chain is intact


def test_unapproved_only_as_specimen(ws: Workspace) -> None:
    fill(ws, "5001", top=True)
    svc = _svc(ws)
    with pytest.raises(ConflictError, match="not approved") as err:
        svc.prepare("5001", YEAR)
    assert err.value.code == "certificate.not_approved"
    assert "ยังไม่ได้รับการอนุมัติ" in messages.describe(err.value, "th")
    assert svc.prepare("5001", YEAR, specimen=True).payload is None


def test_below_every_tier_is_refused_even_as_specimen(ws: Workspace) -> None:
    from secity_desktop.services.assessments import AssessmentService

    a = AssessmentService(ws).new("5001", YEAR)
    with pytest.raises(ConflictError, match="below every tier") as err:
        _svc(ws).prepare(a.municipality_code, YEAR, specimen=True)
    assert err.value.code == "certificate.below_tier"  # said in Thai, with the town and total
    assert "ต่ำกว่าทุกระดับ" in messages.describe(err.value, "th")


def test_unknown_and_missing(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        _svc(ws).prepare("9999", YEAR)
    with pytest.raises(NotFoundError, match="no assessment"):
        _svc(ws).prepare("5001", YEAR)
    with pytest.raises(ValidationError, match="Buddhist Era"):
        _svc(ws).prepare("5001", 2026)


def test_batch_needs_model_towns_or_codes(ws: Workspace) -> None:
    for code in ("5001", "5002"):
        approve(ws, fill(ws, code, top=True))
    with pytest.raises(ValidationError, match="no model towns"):
        _svc(ws).prepare_many(YEAR)
    svc = CertificateService(ws, model_towns=lambda w, y: ["5002", "5001", "5002"],
                             today=lambda: ISSUED)
    assert [d.municipality_code for d in svc.prepare_many(YEAR)] == ["5002", "5001"]


def test_settings_fill_signatory(ws: Workspace) -> None:
    approve(ws, fill(ws, "5001", top=True))
    ws.set_setting(SETTING_SIGNATORY_NAME, "นางสาวใจดี มีสุข")
    assert _svc(ws).prepare("5001", YEAR).signatory_name == "นางสาวใจดี มีสุข"
    assert _svc(ws).prepare("5001", YEAR, signatory_name="อื่น").signatory_name == "อื่น"


def test_certificate_id_is_stable_and_short() -> None:
    a = certificate_id("5001", YEAR, "excellent", ISSUED)
    assert a == certificate_id("5001", YEAR, "excellent", ISSUED)
    assert a != certificate_id("5001", YEAR, "good", ISSUED)
    assert a.startswith("2569-5001-") and len(a) == 16


def test_workspace_trusts_its_own_key_and_enrolled_keys_only_on_request(ws: Workspace) -> None:
    from secity_desktop.services.identity import Identity
    from secity_desktop.services.trust import TrustService

    assert workspace_trusted_keys(ws) == {}
    identity = Identity(ws)
    identity.set_profile(organisation="สนง.ทสจ.เชียงใหม่")
    identity.create_key(b"long enough passphrase")
    own = workspace_trusted_keys(ws)
    assert [fingerprint(k) for k in own.values()] == [identity.info().fingerprint]
    assert "สนง.ทสจ.เชียงใหม่" in next(iter(own))
    enrolled = generate()
    TrustService(ws).add(public_line(enrolled.public_key(), "ผู้ประเมิน ก"), actor="t")
    assert len(workspace_trusted_keys(ws)) == 1  # an assessor's key does not certify
    assert len(workspace_trusted_keys(ws, include_enrolled=True)) == 2


def test_model_towns_come_from_the_review_workflow(ws: Workspace) -> None:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.model_town import ModelTownService
    from secity_desktop.services.workspace import init_workspace

    init_workspace(ws, role=Role.PROVINCE, province_code="50", user_name="tester")
    approve(ws, fill(ws, "5001", top=True))
    ModelTownService(ws).set(YEAR, "5001", "คะแนนสูงสุดของจังหวัด")
    [data] = _svc(ws).prepare_many(YEAR)
    assert data.municipality_code == "5001"
