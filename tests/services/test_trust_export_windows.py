"""``secity trust export`` states key windows; an outsider with only that file gets the history.

Real keys (issue 14, gap 4): the nation enrolled the province's key; the province rotates and
the nation applies the rotation. The nation's allowed_signers file then says when the old key
stopped counting (``valid-before``) and when the new one began (``valid-after``): real
``ssh-keygen -Y verify`` honours it with ``-Overify-time=``, and ``secity certificate verify
--trusted-keys FILE`` — run where there is no workspace at all — judges a certificate the old
key signed after the rotation ``key_retired``, one it signed before ``valid``.
"""

from __future__ import annotations

import json
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.crypto import certpayload, keys
from secity_desktop.crypto.allowed_signers import read_windows
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import apply_statement, reenrol, rotate
from secity_desktop.services.trust import TrustService
from tests.bundle import flow
from tests.bundle.conftest import keygen_available, run_keygen  # noqa: F401
from tests.bundle.office_flow import Offices

NEW_PASS = b"the province's new passphrase"



def _utc(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp).astimezone(UTC)


def _z(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _cert(key, signed_at: datetime) -> str:  # type: ignore[no-untyped-def]
    pub = key.public_key()
    claims = certpayload.CertificateClaims(
        certificate_id="2569-5001-ABCDEF", municipality_code="5001",
        municipality_th="เทศบาลนครเชียงใหม่", year=2569, tier="excellent",
        issued=signed_at.date().isoformat(), signer=keys.fingerprint(pub),
        signed_at=_z(signed_at), key_valid_from="2026-01-01T00:00:00Z")
    return certpayload.sign(claims, key)


@pytest.mark.usefixtures("keygen_available")
def test_exported_windows_hold_for_ssh_keygen_and_for_certificate_verify(
    o: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_key = o.key(o.p)
    aid = flow.complete(o.a, evidence_every=0)
    o.submit(aid, "r1.secbundle")
    o.approve(aid)
    from secity_desktop.services.office_bundles import OfficeBundleService

    svc = OfficeBundleService(o.p)
    up = svc.export(svc.prepare_upward(2569), tmp_path, old_key).path  # signed by the old key
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "")
    apply_statement(o.n, r.statement.read_bytes(), actor="n")
    rotated_at = _utc(TrustService(o.n).get(r.old_fingerprint).retired_at or "")
    allowed = tmp_path / "allowed_signers"
    assert main(["--data-dir", str(o.n.data_dir), "trust", "export", str(allowed)]) == 0
    text = allowed.read_text("utf-8")
    windows = read_windows(text)
    assert _utc(windows[r.old_fingerprint].valid_until or "") == rotated_at.replace(microsecond=0) \
        + (timedelta(seconds=1) if rotated_at.microsecond else timedelta())
    assert windows[r.old_fingerprint].ending == "retired"
    assert windows[r.new_fingerprint].valid_from is not None and windows[r.new_fingerprint].valid_until is None
    # ssh-keygen: the old key's manifest signature is good at its signing time, not now
    with zipfile.ZipFile(up) as z:
        manifest, sig = z.read("manifest.json"), z.read("manifest.json.sig")
    (tmp_path / "m.sig").write_bytes(sig)
    made = _utc(json.loads(manifest)["created_at"])
    principal = TrustService(o.n).get(r.old_fingerprint).principal

    def verify_at(t: datetime | None) -> int:
        args = ["-Y", "verify", "-f", str(allowed), "-I", principal, "-n", BUNDLE_NAMESPACE,
                "-s", str(tmp_path / "m.sig")]
        if t is not None:
            args.append(f"-Overify-time={t.strftime('%Y%m%d%H%M%SZ')}")
        return run_keygen(args, stdin=manifest, check=False).returncode

    assert verify_at(made) == 0
    assert verify_at(rotated_at + timedelta(seconds=2)) != 0
    # certificate verify with ONLY the file (no workspace here): the history check applies
    outsider = tmp_path / "outsider"
    before = _cert(old_key, rotated_at - timedelta(minutes=5))
    after = _cert(old_key, rotated_at + timedelta(minutes=5))
    base = ["--data-dir", str(outsider), "certificate", "verify", "--trusted-keys", str(allowed),
            "--json"]
    assert main([*base, before]) == 0
    assert json.loads(capsys.readouterr().out)["genuine"] is True
    assert main([*base, after]) == 1
    got = json.loads(capsys.readouterr().out)
    assert got["genuine"] is False and got["reason"] == "key_retired"
    assert not outsider.exists() or not any(outsider.iterdir())


def test_revoked_from_a_date_is_stated_and_an_outright_revocation_left_out(o: Offices) -> None:
    a_fp = Identity(o.a).info().fingerprint
    fresh = keys.generate()
    new = reenrol(o.p, keys.public_line(fresh.public_key(), ""), a_fp, "แล็ปท็อปหาย",
                  revoked_from="2026-11-01")
    text = TrustService(o.p).allowed_signers()
    w = read_windows(text)
    assert w[a_fp].ending == "revoked" and "revoked from" in text
    assert _utc(w[a_fp].valid_until or "") == datetime(2026, 10, 31, 17, 0, tzinfo=UTC)
    assert _utc(w[new.fingerprint].valid_from or "") == datetime(2026, 10, 31, 17, 0, tzinfo=UTC)
    TrustService(o.p).revoke(new.fingerprint, reason="ถูกขโมย")
    listed = certpayload.read_trusted_keys(TrustService(o.p).allowed_signers()).values()
    assert new.fingerprint not in {keys.fingerprint(k) for k in listed}  # revoked outright: gone
    assert a_fp in {keys.fingerprint(k) for k in listed}


def test_bundle_verify_with_only_the_exported_file_judges_the_window(
    o: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An assessor rotated; a bundle the OLD key made afterwards is refused by ``bundle verify
    --allowed-signers`` as by the import (``key_retired``); one made before is accepted."""
    from secity_desktop.bundle.write import write_bundle
    from secity_desktop.services.bundle_export import ExportService

    old_key = Identity(o.a).unlock(flow.PASS)
    aid = flow.complete(o.a, evidence_every=0)
    flow.finalize(o.a, aid)
    before = flow.export(o.a, [aid], tmp_path / "before.secbundle")
    r = rotate(o.a, flow.PASS, NEW_PASS, tmp_path / "st", "")
    apply_statement(o.p, r.statement.read_bytes(), actor="p")
    time.sleep(1.1)  # the file states windows in whole seconds (OpenSSH's precision)
    job = ExportService(o.a).prepare([aid])
    sender = job.sender.model_copy(update={"key_fingerprint": r.old_fingerprint,
                                           "key_id": keys.key_id(old_key.public_key())})
    (tmp_path / "after").mkdir()
    after = write_bundle(tmp_path / "after" / "after.secbundle", job.revisions, job.frameworks,
                         job.blob_path, sender, old_key, audit_head=job.audit_head).path
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(TrustService(o.p).allowed_signers(), "utf-8")
    outsider = ["--data-dir", str(tmp_path / "outsider"), "bundle", "verify", "--allowed-signers",
                str(allowed), "--json"]
    assert main([*outsider, str(before)]) == 0
    capsys.readouterr()
    assert main([*outsider, str(after)]) == 1
    got = json.loads(capsys.readouterr().out)
    assert [x["reason"] for x in got] == ["key_retired"]
