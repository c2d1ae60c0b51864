"""A certificate states its signing key's validity window; verification judges it (issue 14).

Real keys and the real key events: the province issues, rotates its key (the nation
applies the rotation statement), loses a key (the nation re-enrols a new one and revokes
the old one from a date). The verdicts: ``valid``, ``key_retired``, ``revoked_key``,
``outside_stated_window``, ``unknown_key``, ``bad_signature``.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))

from report_helpers import ISSUED, YEAR, approve, fill

from secity_desktop.cli.main import main
from secity_desktop.core.errors import ConflictError
from secity_desktop.core.key_window import utc_stamp
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import certpayload, keys
from secity_desktop.services.certificate_check import (
    CertificateVerdict,
    reason_text,
    trusted_keys,
    verify,
    window_text,
)
from secity_desktop.services.certificates import CertificateService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import apply_statement, reenrol, rotate
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from tests.bundle import flow
from tests.bundle.office_flow import Offices, offices

NEW_PASS = b"a brand new passphrase"


@pytest.fixture
def o(tmp_path: Path) -> Iterator[Offices]:
    offs = offices(tmp_path)
    aid = fill(offs.p, "5001", top=True)
    approve(offs.p, aid)
    yield offs
    offs.close()


def issue(ws: Workspace, key, now=now_iso) -> str:  # type: ignore[no-untyped-def]
    svc = CertificateService(ws, today=lambda: ISSUED, now=now)
    data = svc.sign(svc.prepare("5001", YEAR), key)
    assert data.payload is not None
    return data.payload


def check(ws: Workspace, payload: str, enrolled: bool = True) -> CertificateVerdict:
    [v] = verify([payload], trusted_keys(ws, include_enrolled=enrolled), ws)
    return v


def later() -> None:
    """Payload times are whole seconds: keep key events and signatures in different seconds."""
    time.sleep(1.05)


def test_the_certificate_states_the_key_and_its_window(o: Offices) -> None:
    payload = issue(o.p, o.key(o.p))
    claims = certpayload.parse(payload)[0]
    created = next(e.at for e in audit.events(o.p.db, actions=["key.create"]))
    assert claims.signer == Identity(o.p).info().fingerprint
    assert claims.key_valid_from == utc_stamp(created) and claims.key_valid_until is None
    assert claims.signed_at >= claims.key_valid_from
    v = check(o.p, payload)
    assert v.genuine and v.verdict == "valid" and v.history_known
    assert v.as_json()["key_window"] == {"stated": True, "valid_from": claims.key_valid_from,
                                         "valid_until": None}
    assert "ยังใช้ได้" in window_text(v, "th") and "still valid" in window_text(v, "en")


def test_signed_before_a_rotation_stays_valid_after_it(o: Offices, tmp_path: Path) -> None:
    old_key = o.key(o.p)
    before = issue(o.p, old_key)
    later()
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "เครื่องใหม่")
    apply_statement(o.n, r.statement.read_bytes(), actor="n")
    later()
    # at the issuing office (its retired key is still its own) and at the nation
    for ws in (o.p, o.n):
        v = check(ws, before)
        assert v.genuine, (ws, v)
        assert v.known_ending == "retired" and v.known_until is not None
    # the retired key cannot sign any more here ...
    with pytest.raises(ConflictError) as err:
        issue(o.p, old_key)
    assert err.value.code == "certificate_key.key_retired"
    # ... and a certificate it signs elsewhere after the rotation is refused
    claims = dataclasses.replace(certpayload.parse(before)[0], signed_at=utc_stamp(now_iso()))
    after = certpayload.sign(claims, old_key)
    for ws in (o.p, o.n):
        v = check(ws, after)
        assert not v.genuine and v.reason == "key_retired"
        assert "เปลี่ยนเป็นกุญแจใหม่" in reason_text(v, "th")
    # the new key's certificates state a window starting at the rotation
    fresh = issue(o.p, Identity(o.p).unlock(NEW_PASS))
    c = certpayload.parse(fresh)[0]
    assert c.signer == r.new_fingerprint and c.key_valid_from <= c.signed_at
    assert c.key_valid_from >= certpayload.parse(before)[0].signed_at
    assert check(o.p, fresh).genuine and check(o.n, fresh).genuine


def test_a_revoked_key_signing_after_the_revocation_date_is_refused(o: Offices,
                                                                     tmp_path: Path) -> None:
    lost = o.key(o.p)
    before = issue(o.p, lost)
    later()
    revoked_from = now_iso()
    fresh = keys.generate()
    reenrol(o.n, keys.public_line(fresh.public_key(), ""), Identity(o.p).info().fingerprint,
            "แล็ปท็อปของสำนักงานหาย", revoked_from=revoked_from, actor="n")
    later()
    stolen = issue(o.p, lost)  # whoever has the laptop signs on
    v = check(o.n, stolen)
    assert not v.genuine and v.reason == "revoked_key" and v.known_ending == "revoked"
    assert "เพิกถอน" in reason_text(v, "th") and "revoked" in v.message
    assert check(o.n, before).genuine  # what it signed before stays valid
    # the verdict needs the nation's history: without --include-enrolled the key is unknown
    assert check(o.n, stolen, enrolled=False).reason == "unknown_key"


def test_cli_verdicts_thai_english_and_json(o: Offices, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    lost = o.key(o.p)
    later()
    reenrol(o.n, keys.public_line(keys.generate().public_key(), ""),
            Identity(o.p).info().fingerprint, "หาย", revoked_from=now_iso(), actor="n")
    later()
    stolen = issue(o.p, lost)
    capsys.readouterr()
    args = ["--data-dir", str(o.n.data_dir), "certificate", "verify", stolen, "--include-enrolled"]
    assert main(["--lang", "th", *args]) == 1
    err = capsys.readouterr().err
    assert "ไม่ใช่ของจริง (revoked_key)" in err and "หลังจากกุญแจนี้ถูกเพิกถอน" in err
    assert "พ.ศ." not in err and "2569" in err  # BE dates
    assert main(["--lang", "en", *args]) == 1
    err = capsys.readouterr().err
    assert "NOT GENUINE (revoked_key)" in err and "after its key was revoked" in err
    assert main(["--json", *args]) == 1
    out = json.loads(capsys.readouterr().out)
    assert (out["genuine"], out["verdict"], out["key_history"]["ending"]) == (
        False, "revoked_key", "revoked")
    assert out["signed_at"] == certpayload.parse(stolen)[0].signed_at


def test_a_window_the_certificate_contradicts_or_a_forged_one(o: Offices) -> None:
    key = o.key(o.p)
    genuine = certpayload.parse(issue(o.p, key))[0]
    # signed (really, by the key) at a time outside the window it states itself
    odd = dataclasses.replace(genuine, key_valid_until=genuine.key_valid_from,
                              signed_at=genuine.signed_at)
    v = check(o.p, certpayload.sign(odd, key))
    assert not v.genuine and v.reason == "outside_stated_window"
    assert "นอกช่วง" in reason_text(v, "th")
    # the window (or the time) changed by someone else breaks the signature
    payload = issue(o.p, key)
    sig = payload.rsplit(".", 1)[1]
    for forged in (dataclasses.replace(genuine, key_valid_until="2099-01-01T00:00:00Z"),
                   dataclasses.replace(genuine, signed_at="2020-01-01T00:00:00Z")):
        body = base64.urlsafe_b64encode(certpayload.canonical_bytes(forged)).decode().rstrip("=")
        v = check(o.p, certpayload.PREFIX + body + "." + sig)
        assert not v.genuine and v.reason == "bad_signature"
    # a key nobody here knows
    stranger = keys.generate()
    other = dataclasses.replace(genuine, signer=keys.fingerprint(stranger.public_key()))
    assert check(o.p, certpayload.sign(other, stranger)).reason == "unknown_key"


def test_a_version_1_certificate_is_judged_by_its_issue_date(o: Offices) -> None:
    key = o.key(o.p)
    v1 = dataclasses.replace(certpayload.parse(issue(o.p, key))[0], signed_at="",
                             key_valid_from="")
    v = check(o.n, certpayload.sign(v1, key))
    assert v.genuine and not v.signed_at and v.as_json()["key_window"]["stated"] is False
    assert "รุ่นแรก" in window_text(v, "th")


def test_the_issuing_office_finds_its_certificates_in_its_register(o: Offices) -> None:
    """A thief backdating a certificate with a stolen key passes every window; the issuing
    office's register (certificate.issue events) is what shows it was not issued there."""
    key = o.key(o.p)
    payload = issue(o.p, key)
    assert check(o.p, payload).in_register is True
    assert check(o.n, payload).in_register is None  # not the nation's key: nothing to look up
    claims = dataclasses.replace(certpayload.parse(payload)[0], certificate_id="2569-5001-FFFFFF")
    v = check(o.p, certpayload.sign(claims, key))
    assert v.genuine and v.in_register is False and v.as_json()["in_register"] is False
    assert "ไม่พบในทะเบียน" in window_text(v, "th") and "NOT in this office" in window_text(v, "en")
