"""Certificate QR payloads: signing, offline verification and every way a fake fails."""

from __future__ import annotations

import base64
import dataclasses
import json

import pytest
import segno

from secity_desktop.core.errors import SignatureError
from secity_desktop.crypto import certpayload as cp
from secity_desktop.crypto.allowed_signers import allowed_signers_text, principal_for
from secity_desktop.crypto.keys import fingerprint, generate, public_line


def _claims(key, name: str = "เทศบาลนครเชียงใหม่", tier: str = "excellent") -> cp.CertificateClaims:  # type: ignore[no-untyped-def]
    return cp.CertificateClaims(
        certificate_id="2569-5001-ABCDEF",
        municipality_code="5001",
        municipality_th=name,
        year=2569,
        tier=tier,
        issued="2026-11-26",
        signer=fingerprint(key.public_key()),
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_round_trip_names_signer_and_claims() -> None:
    key = generate()
    payload = cp.sign(_claims(key), key)
    assert payload.startswith("SECITY-CERT1:")
    result = cp.verify(payload, {"สนง.ทสจ.เชียงใหม่": key.public_key()})
    assert result.claims == _claims(key)
    assert result.signer_label == "สนง.ทสจ.เชียงใหม่"


def test_claims_are_canonical_json_with_short_keys() -> None:
    key = generate()
    payload = cp.sign(_claims(key), key)
    body = payload[len(cp.PREFIX) :].split(".")[0]
    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert data == {
        "v": 1, "i": "2569-5001-ABCDEF", "m": "5001", "n": "เทศบาลนครเชียงใหม่", "y": 2569,
        "t": "excellent", "d": "2026-11-26", "k": fingerprint(key.public_key())[7:],
    }


def test_tampered_tier_fails_with_a_clear_reason() -> None:
    key = generate()
    payload = cp.sign(_claims(key, tier="good"), key)
    sig = payload.rsplit(".", 1)[1]
    forged_claims = _claims(key, tier="excellent")
    forged = cp.PREFIX + _b64(cp.canonical_bytes(forged_claims)) + "." + sig
    with pytest.raises(SignatureError) as err:
        cp.verify(forged, [key.public_key()])
    assert err.value.reason == "bad_signature"
    assert "altered" in str(err.value)


def test_tampered_signature_fails() -> None:
    key = generate()
    head, sig = cp.sign(_claims(key), key).rsplit(".", 1)
    raw = bytearray(base64.urlsafe_b64decode(sig + "=="))
    raw[0] ^= 1
    with pytest.raises(SignatureError) as err:
        cp.verify(head + "." + _b64(bytes(raw)), [key.public_key()])
    assert err.value.reason == "bad_signature"


def test_unknown_key_fails_and_names_the_fingerprint() -> None:
    key, other = generate(), generate()
    payload = cp.sign(_claims(key), key)
    with pytest.raises(SignatureError) as err:
        cp.verify(payload, [other.public_key()])
    assert err.value.reason == "unknown_key"
    assert fingerprint(key.public_key()) in str(err.value)


def test_a_trusted_key_cannot_vouch_for_claims_naming_another_signer() -> None:
    """An attacker signs with their own key but writes the province's fingerprint in."""
    province, attacker = generate(), generate()
    claims = _claims(province)
    head = cp.PREFIX + _b64(cp.canonical_bytes(claims))
    forged = head + "." + _b64(attacker.sign(head.encode()))
    with pytest.raises(SignatureError) as err:
        cp.verify(forged, [province.public_key()])
    assert err.value.reason == "bad_signature"


def test_signing_refuses_claims_naming_another_key() -> None:
    key, other = generate(), generate()
    with pytest.raises(SignatureError) as err:
        cp.sign(_claims(other), key)
    assert err.value.reason == "wrong_key"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "SECITY-CERT2:abc.def",
        "SECITY-CERT1:abc",
        "SECITY-CERT1:!!!.abc",
        "SECITY-CERT1:" + _b64(b"not json") + "." + _b64(b"x" * 64),
        "SECITY-CERT1:" + _b64(b'{"v":2}') + "." + _b64(b"x" * 64),
        "SECITY-CERT1:" + _b64(b'{"v":1,"i":"x"}') + "." + _b64(b"x" * 64),
        "SECITY-CERT1:" + _b64(b'{"v":1}') + "." + _b64(b"short"),
        "SECITY-CERT1:" + "A" * 3000 + "." + _b64(b"x" * 64),
    ],
)
def test_malformed_payloads_are_refused(text: str) -> None:
    with pytest.raises(SignatureError) as err:
        cp.verify(text, [generate().public_key()])
    assert err.value.reason == "malformed"


def test_extra_claim_fields_are_refused() -> None:
    key = generate()
    data = {**_claims(key).to_json(), "x": "extra"}
    head = cp.PREFIX + _b64(json.dumps(data).encode())
    payload = head + "." + _b64(key.sign(head.encode()))
    with pytest.raises(SignatureError) as err:
        cp.verify(payload, [key.public_key()])
    assert err.value.reason == "malformed"


def _v2(key, until: str | None = None, signed_at: str = "2026-11-26T03:00:00Z"):  # type: ignore[no-untyped-def]
    return dataclasses.replace(_claims(key), signed_at=signed_at,
                               key_valid_from="2026-06-01T02:00:00Z", key_valid_until=until)


@pytest.mark.parametrize(
    ("name", "until", "max_version"),
    [("เทศบาลนครเจ้าพระยาสุรศักดิ์", None, 17), ("เทศบาลตำบล" + "ก" * 30, None, 18),
     ("เทศบาลตำบล" + "ก" * 30, "2026-12-01T00:00:00Z", 18)],
)
def test_qr_stays_small_for_long_names(name: str, until: str | None, max_version: int) -> None:
    """With the key window (version-2 claims), version 17 (85 modules + quiet zone) printed
    44 mm wide gives ~0.47 mm modules; 18 ~0.45 mm (reports/certificate_pdf.QR_SIZE)."""
    key = generate()
    claims = dataclasses.replace(_v2(key, until), municipality_th=name, tier="very_good")
    payload = cp.sign(claims, key)
    assert segno.make(payload, error="m", micro=False, boost_error=False).version <= max_version


def test_version_2_carries_the_key_window_and_version_1_still_verifies() -> None:
    key = generate()
    for claims in (_v2(key), _v2(key, "2026-12-01T00:00:00Z"), _claims(key)):
        got = cp.verify(cp.sign(claims, key), [key.public_key()]).claims
        assert got == claims
        assert json.loads(cp.canonical_bytes(claims))["v"] == (2 if claims.signed_at else 1)
    assert "u" not in json.loads(cp.canonical_bytes(_v2(key)))  # still valid: no end stated


def test_a_forged_window_is_refused_by_the_signature() -> None:
    """Stretching the stated window (or moving the signing time) breaks the signature."""
    key = generate()
    payload = cp.sign(_v2(key, "2026-12-01T00:00:00Z"), key)
    for forged_claims in (_v2(key), _v2(key, "2030-01-01T00:00:00Z"),
                          _v2(key, "2026-12-01T00:00:00Z", signed_at="2026-11-20T00:00:00Z")):
        body = _b64(cp.canonical_bytes(forged_claims))
        forged = cp.PREFIX + body + "." + payload.rsplit(".", 1)[1]
        with pytest.raises(SignatureError) as err:
            cp.verify(forged, [key.public_key()])
        assert err.value.reason == "bad_signature"


@pytest.mark.parametrize("change", [{"s": "2026-11-26"}, {"f": ""}, {"x": "1"}, {"v": True},
                                    {"u": "tomorrow"}])
def test_version_2_times_must_be_utc_stamps(change: dict[str, object]) -> None:
    key = generate()
    data = {**_v2(key).to_json(), **change}
    head = cp.PREFIX + _b64(json.dumps(data, ensure_ascii=False).encode())
    payload = head + "." + _b64(key.sign(head.encode()))
    with pytest.raises(SignatureError) as err:
        cp.verify(payload, [key.public_key()])
    assert err.value.reason == "malformed"


def test_find_payloads_in_bytes_dedupes_in_order() -> None:
    key = generate()
    a = cp.sign(_claims(key), key)
    b = cp.sign(_claims(key, tier="good"), key)
    blob = f"/Keywords ({a} {b} {a})".encode()
    assert cp.find_payloads(blob) == [a, b]


def test_read_trusted_keys_from_public_lines_and_allowed_signers() -> None:
    k1, k2 = generate(), generate()
    text = public_line(k1.public_key(), "สนง.ทสจ.เชียงใหม่") + "\n"
    text += allowed_signers_text([(principal_for(k2.public_key()), public_line(k2.public_key(), "ภาค 1"))])
    keys = cp.read_trusted_keys(text, "test")
    assert {fingerprint(k) for k in keys.values()} == {
        fingerprint(k1.public_key()), fingerprint(k2.public_key())
    }
    assert "สนง.ทสจ.เชียงใหม่" in keys and "ภาค 1" in keys


def test_read_trusted_keys_refuses_a_file_without_keys() -> None:
    with pytest.raises(SignatureError):
        cp.read_trusted_keys("# nothing here\n", "empty.txt")
