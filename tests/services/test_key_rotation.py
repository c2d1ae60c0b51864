"""Key rotation (issue 14): ``key rotate`` at the assessor, ``trust apply`` at the office.

Real keys and real bundles: after the rotation the assessor signs with the new key and the
province accepts it under the same enrolment; a bundle the old key signed *before* the
rotation is still accepted (the grace), one it signed after is refused (``key_retired``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.core.errors import ConflictError, SecityError
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import apply_statement, rotate
from secity_desktop.services.trust import TrustService
from secity_desktop.store import audit
from tests.bundle import flow
from tests.bundle.office_flow import Offices

NEW_PASS = b"a brand new passphrase"



def test_rotation_moves_the_enrolment_and_retires_the_old_key(o: Offices, tmp_path: Path) -> None:
    aid = flow.complete(o.a, evidence_every=0)
    flow.finalize(o.a, aid)
    old_bundle = flow.export(o.a, [aid], tmp_path / "old.secbundle")
    old_fp = Identity(o.a).info().fingerprint
    r = rotate(o.a, flow.PASS, NEW_PASS, tmp_path / "out", "แล็ปท็อปเครื่องใหม่")
    assert r.old_fingerprint == old_fp and Identity(o.a).info().fingerprint == r.new_fingerprint
    assert r.retired_key.is_file() and r.statement.is_file()
    assert Identity(o.a).unlock(NEW_PASS)  # the new key opens with the new passphrase
    k = apply_statement(o.p, r.statement.read_bytes(), actor="p")
    assert k.fingerprint == r.new_fingerprint and k.name == TrustService(o.p).get(old_fp).name
    old = TrustService(o.p).get(old_fp)
    assert not old.revoked and old.retired and not old.active  # retired, not revoked
    assert k.valid_from == old.retired_at
    assert [e.action for e in audit.events(o.p.db)][-1] == "trust.rotate"
    # the new key's bundles are accepted under the moved enrolment
    other = flow.complete(o.a, muni="5002", evidence_every=0)
    from secity_desktop.services.revisions import RevisionService

    RevisionService(o.a).finalize(other, Identity(o.a).unlock(NEW_PASS))
    from secity_desktop.services.bundle_export import ExportService

    new_bundle = ExportService(o.a).export([other], tmp_path, Identity(o.a).unlock(NEW_PASS)).path
    result = ImportService(o.p).import_files([new_bundle, old_bundle])
    # the old bundle was signed before the rotation: it arrives within the grace, accepted
    assert sorted(i.doc.id for i in result.plan.items) == sorted([other, aid])
    assert not result.plan.rejected
    assert result.plan.as_json()["late_keys"] == {"old.secbundle": [old_fp]}
    # applying it twice, or a statement for a key not enrolled here, is refused with a code
    with pytest.raises(ConflictError) as err:
        apply_statement(o.p, r.statement.read_bytes())
    assert err.value.code == "key_statement.already"
    with pytest.raises(SecityError) as err2:
        apply_statement(o.n, r.statement.read_bytes())
    assert err2.value.code == "rotation.old_not_enrolled"


def test_a_forged_statement_is_refused(o: Offices, tmp_path: Path) -> None:
    r = rotate(o.a, flow.PASS, NEW_PASS, tmp_path, "")
    data = r.statement.read_bytes().replace(b"key rotation", b"key rotatioN")
    with pytest.raises(SecityError):
        apply_statement(o.p, data)
    assert TrustService(o.p).get(r.old_fingerprint).active


def test_cli_rotate_and_apply(o: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old_pw, new_pw = tmp_path / "old.pw", tmp_path / "new.pw"
    old_pw.write_bytes(flow.PASS + b"\n")
    new_pw.write_bytes(NEW_PASS + b"\n")
    old_pw.chmod(0o600)
    new_pw.chmod(0o600)
    rc = main(["--data-dir", str(o.a.data_dir), "key", "rotate", "-o", str(tmp_path / "st"),
               "--passphrase-file", str(old_pw), "--new-passphrase-file", str(new_pw)])
    assert rc == 0
    statement = next((tmp_path / "st").glob("secity-rotation-*.json"))
    rc = main(["--data-dir", str(o.p.data_dir), "trust", "apply", str(statement)])
    assert rc == 0 and "moved to" in capsys.readouterr().out


def test_reenrol_after_a_lost_key_revokes_the_old_one_from_a_date(o: Offices, tmp_path: Path) -> None:
    """The laptop is lost: the office enrols a new key by hand and revokes the old one."""
    from secity_desktop.crypto import keys
    from secity_desktop.services.key_rotation import reenrol

    aid = flow.complete(o.a, evidence_every=0)
    flow.finalize(o.a, aid)
    assert ImportService(o.p).import_files([flow.export(o.a, [aid], tmp_path / "a.secbundle")]).ok
    late = flow.complete(o.a, muni="5002", evidence_every=0)
    flow.finalize(o.a, late)
    in_transit = flow.export(o.a, [late], tmp_path / "transit.secbundle")  # made before the loss
    lost_at = now_iso()
    stolen = flow.export(o.a, [aid], tmp_path / "after.secbundle")  # made after: a thief's
    old_fp = Identity(o.a).info().fingerprint
    fresh = keys.generate()
    line = keys.public_line(fresh.public_key(), "")
    with pytest.raises(SecityError) as err:
        reenrol(o.p, line, old_fp, "  ")
    assert err.value.code == "rotation.reason_required"
    k = reenrol(o.p, line, old_fp, "แล็ปท็อปหาย แจ้งทางโทรศัพท์", actor="p", revoked_from=lost_at)
    old = TrustService(o.p).get(old_fp)
    assert old.revoked and old.revoked_from and "แล็ปท็อปหาย" in (old.revoke_reason or "")
    assert k.name == old.name and not k.revoked
    events = [e for e in audit.events(o.p.db) if e.action == "trust.reenrol"]
    assert events and events[-1].reason == "แล็ปท็อปหาย แจ้งทางโทรศัพท์"
    # what was received before stays; a bundle signed by the lost key after the date is refused,
    # one signed before it (still on a stick) is accepted
    assert o.p.db.execute("SELECT count(*) FROM revisions WHERE assessment_id = ?", [aid]).fetchone()[0] == 1
    assert [r.reason for r in ImportService(o.p).import_files([stolen]).plan.rejected] == ["revoked_key"]
    got = ImportService(o.p).import_files([in_transit])
    assert got.ok and [i.doc.id for i in got.plan.items] == [late]
