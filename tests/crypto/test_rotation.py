"""Key statements: who must sign each kind, and every way a forged or altered one is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secity_desktop.core.errors import SignatureError, ValidationError
from secity_desktop.core.framework import canonical_json
from secity_desktop.crypto import keys, rotation, sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE, KEYS_NAMESPACE
from tests.bundle.conftest import run_keygen

HOLDER = rotation.Holder(name="สมชาย ใจดี", organisation="สสภ.1", province="50")
T0, T1 = "2026-11-27T10:00:00+07:00", "2026-11-28T00:00:00+07:00"


@pytest.fixture(scope="module")
def k():  # type: ignore[no-untyped-def]
    return {n: keys.generate() for n in ("old", "new", "office", "thief")}


def _rotate(k, **over):  # type: ignore[no-untyped-def]
    args = dict(holder=HOLDER, old=k["old"].public_key(), new=k["new"].public_key(),
                made_by=k["old"].public_key(), effective_at=T1, made_at=T0, reason="เครื่องใหม่")
    args.update(over)
    return rotation.statement("rotate", **args)


def _resigned(env: bytes, edit, signers) -> bytes:  # type: ignore[no-untyped-def]
    """Edit the statement text and sign it again with ``signers`` (role → key)."""
    outer = json.loads(env)
    doc = json.loads(outer["statement"])
    edit(doc)
    raw = canonical_json(doc).encode()
    outer["statement"] = raw.decode()
    for role, key in signers.items():
        outer["signatures"][role] = sshsig.sign(key, raw, KEYS_NAMESPACE)
    return canonical_json(outer).encode()


def test_rotation_signed_by_old_and_new_verifies(k) -> None:  # type: ignore[no-untyped-def]
    env = rotation.sign(_rotate(k), {"old": k["old"], "new": k["new"]})
    st = rotation.verify(env)
    assert st.kind == "rotate" and st.new is not None
    assert st.old.fingerprint == keys.fingerprint(k["old"].public_key())
    assert st.new.key_id == keys.key_id(k["new"].public_key())
    assert st.effective_at == T1


def test_statement_signature_checks_with_ssh_keygen(k, tmp_path: Path, keygen_available: None) -> None:  # type: ignore[no-untyped-def]
    env = json.loads(rotation.sign(_rotate(k), {"old": k["old"], "new": k["new"]}))
    (tmp_path / "st.sig").write_text(env["signatures"]["old"])
    allowed = tmp_path / "allowed"
    allowed.write_text(f'old namespaces="{KEYS_NAMESPACE}" {keys.public_line(k["old"].public_key(), "")}\n')
    out = run_keygen(["-Y", "verify", "-f", str(allowed), "-I", "old", "-n", KEYS_NAMESPACE,
                      "-s", str(tmp_path / "st.sig")], stdin=env["statement"].encode())
    assert b"Good" in out.stdout


@pytest.mark.parametrize("missing", ["old", "new"])
def test_rotation_needs_both_signatures(k, missing: str) -> None:  # type: ignore[no-untyped-def]
    signers = {r: k[r] for r in ("old", "new") if r != missing}
    with pytest.raises(ValidationError) as info:
        rotation.sign(_rotate(k), signers)
    assert info.value.code == "key_statement.missing_signature"
    env = json.loads(rotation.sign(_rotate(k), {"old": k["old"], "new": k["new"]}))
    del env["signatures"][missing]
    with pytest.raises(ValidationError) as info:
        rotation.verify(canonical_json(env).encode())
    assert info.value.code == "key_statement.missing_signature"


def test_a_thief_cannot_rotate_someone_elses_key_to_theirs(k) -> None:  # type: ignore[no-untyped-def]
    """Without the old key the old signature cannot be made: signed by the thief instead, refused."""
    st = _rotate(k, new=k["thief"].public_key())
    raw = st.canonical()
    env = {"statement": raw.decode(), "signatures": {
        "old": sshsig.sign(k["thief"], raw, KEYS_NAMESPACE), "new": sshsig.sign(k["thief"], raw, KEYS_NAMESPACE)}}
    with pytest.raises(SignatureError) as info:
        rotation.verify(canonical_json(env).encode())
    assert info.value.reason == "unknown_key"


def test_rotating_to_a_key_one_does_not_hold_is_refused(k) -> None:  # type: ignore[no-untyped-def]
    st = _rotate(k, new=k["office"].public_key())  # binding the office's key to oneself
    raw = st.canonical()
    env = {"statement": raw.decode(), "signatures": {
        "old": sshsig.sign(k["old"], raw, KEYS_NAMESPACE), "new": sshsig.sign(k["old"], raw, KEYS_NAMESPACE)}}
    with pytest.raises(SignatureError):
        rotation.verify(canonical_json(env).encode())


def test_altered_after_signing(k) -> None:  # type: ignore[no-untyped-def]
    env = rotation.sign(_rotate(k), {"old": k["old"], "new": k["new"]})
    outer = json.loads(env)
    doc = json.loads(outer["statement"])
    doc["effective_at"] = "2027-01-01T00:00:00+07:00"
    outer["statement"] = canonical_json(doc)
    with pytest.raises(SignatureError) as info:
        rotation.verify(canonical_json(outer).encode())
    assert info.value.reason == "bad_signature"


def test_signature_for_another_purpose(k) -> None:  # type: ignore[no-untyped-def]
    st = _rotate(k)
    raw = st.canonical()
    env = {"statement": raw.decode(), "signatures": {
        "old": sshsig.sign(k["old"], raw, BUNDLE_NAMESPACE), "new": sshsig.sign(k["new"], raw, KEYS_NAMESPACE)}}
    with pytest.raises(SignatureError) as info:
        rotation.verify(canonical_json(env).encode())
    assert info.value.reason == "wrong_namespace"


def test_fingerprint_that_is_not_the_keys_own(k) -> None:  # type: ignore[no-untyped-def]
    env = rotation.sign(_rotate(k), {"old": k["old"], "new": k["new"]})
    other = keys.fingerprint(k["thief"].public_key())
    forged = _resigned(env, lambda d: d["new"].update(fingerprint=other), {"old": k["old"], "new": k["new"]})
    with pytest.raises(ValidationError) as info:
        rotation.verify(forged)
    assert info.value.code == "key_statement.key_mismatch"


def test_rules_of_each_kind(k) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        _rotate(k, new=k["old"].public_key())
    assert info.value.code == "key_statement.same_key"
    with pytest.raises(ValidationError) as info:
        _rotate(k, effective_at="2026-11-01T00:00:00+07:00")
    assert info.value.code == "key_statement.bad_times"
    with pytest.raises(ValidationError):
        _rotate(k, made_by=k["office"].public_key())
    with pytest.raises(ValidationError):
        rotation.statement("revoke", holder=HOLDER, old=k["old"].public_key(), new=k["new"].public_key(),
                           made_by=k["office"].public_key(), effective_at=T0, made_at=T1, reason="x")
    with pytest.raises(ValidationError):
        rotation.statement("reenrol", holder=HOLDER, old=k["old"].public_key(), new=k["new"].public_key(),
                           made_by=k["old"].public_key(), effective_at=T0, made_at=T1, reason="x")


def test_office_revocation_from_a_past_date(k) -> None:  # type: ignore[no-untyped-def]
    st = rotation.statement("revoke", holder=HOLDER, old=k["old"].public_key(), new=None,
                            made_by=k["office"].public_key(), effective_at="2026-11-20T08:00:00+07:00",
                            made_at=T0, reason="แล็ปท็อปถูกขโมย")
    env = rotation.sign(st, {"office": k["office"]})
    assert rotation.verify(env, [k["office"].public_key()]).effective_at == "2026-11-20T08:00:00+07:00"
    with pytest.raises(SignatureError) as info:  # an office this verifier does not trust
        rotation.verify(env, [k["thief"].public_key()])
    assert info.value.reason == "unknown_key"
    forged = _resigned(env, lambda d: None, {"office": k["thief"]})
    with pytest.raises(SignatureError):
        rotation.verify(forged, [k["office"].public_key()])


def test_reenrolment_after_a_loss(k) -> None:  # type: ignore[no-untyped-def]
    st = rotation.statement("reenrol", holder=HOLDER, old=k["old"].public_key(), new=k["new"].public_key(),
                            made_by=k["office"].public_key(), effective_at="2026-11-20T08:00:00+07:00",
                            made_at=T0, reason="สูญหาย")
    env = rotation.sign(st, {"office": k["office"]})
    assert rotation.verify(env, [k["office"].public_key()]).kind == "reenrol"
    with_new = json.loads(rotation.sign(st, {"office": k["office"], "new": k["new"]}))
    with_new["signatures"]["new"] = sshsig.sign(k["thief"], with_new["statement"].encode(), KEYS_NAMESPACE)
    with pytest.raises(SignatureError):  # a possession signature, when present, must hold
        rotation.verify(canonical_json(with_new).encode(), [k["office"].public_key()])


@pytest.mark.parametrize(
    "junk",
    [b"", b"not json", b"[]", b'{"statement": "{}", "signatures": {}}',
     b'{"statement": 1, "signatures": {}}', b"x" * (rotation.MAX_ENVELOPE + 1)],
)
def test_junk_is_malformed(junk: bytes) -> None:
    with pytest.raises(ValidationError) as info:
        rotation.verify(junk)
    assert info.value.code == "key_statement.malformed"


def test_non_canonical_statement_refused(k) -> None:  # type: ignore[no-untyped-def]
    env = json.loads(rotation.sign(_rotate(k), {"old": k["old"], "new": k["new"]}))
    raw = json.dumps(json.loads(env["statement"]), indent=1).encode()
    env = {"statement": raw.decode(), "signatures": {
        "old": sshsig.sign(k["old"], raw, KEYS_NAMESPACE), "new": sshsig.sign(k["new"], raw, KEYS_NAMESPACE)}}
    with pytest.raises(ValidationError) as info:
        rotation.verify(canonical_json(env).encode())
    assert info.value.code == "key_statement.malformed"


def test_unknown_signature_role_refused(k) -> None:  # type: ignore[no-untyped-def]
    env = json.loads(rotation.sign(_rotate(k), {"old": k["old"], "new": k["new"]}))
    env["signatures"]["extra"] = env["signatures"]["old"]
    with pytest.raises(ValidationError):
        rotation.verify(canonical_json(env).encode())


@pytest.mark.parametrize("code", ["malformed", "same_key", "bad_times", "missing_signature", "key_mismatch"])
def test_each_refusal_has_thai_text(code: str) -> None:
    from secity_desktop import messages

    text = messages.render(f"key_statement.{code}", {"role": "old"}, "th")
    assert text and text != messages.render("error", {}, "th") and "{" not in text
