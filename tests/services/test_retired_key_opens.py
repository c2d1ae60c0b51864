"""A bundle sealed to an office key that has since been rotated still opens (issue 14, gap 1).

Real workspaces and keys: the assessor seals a field bundle to the province's key; the
province rotates its key (the stick is still in transit); the bundle imports at the province
with ONE passphrase — the new one — because the retired private key was kept, re-protected
under it (standard OpenSSH format, the same rounds, never unencrypted).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.core.errors import NotFoundError, WrongPassphraseError
from secity_desktop.crypto import keys
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import rotate
from secity_desktop.services.trust import TrustService
from secity_desktop.store import audit
from tests.bundle import flow
from tests.bundle.office_flow import Offices

NEW_PASS = b"the province's new passphrase"
THIRD_PASS = b"and a third one, later"



def _sealed_to_province(o: Offices, out: Path) -> Path:
    TrustService(o.a).set_office(Identity(o.p).info().fingerprint)
    aid = flow.complete(o.a, evidence_every=0)
    flow.finalize(o.a, aid)
    out.mkdir(exist_ok=True)
    return ExportService(o.a).export([aid], out, Identity(o.a).unlock(flow.PASS), encrypt=True).path


def test_bundle_sealed_to_the_old_office_key_imports_after_the_office_rotates(
    o: Offices, tmp_path: Path
) -> None:
    path = _sealed_to_province(o, tmp_path / "stick")
    old_fp = Identity(o.p).info().fingerprint
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "เครื่องใหม่")
    ident = Identity(o.p)
    # the retired key is kept, encrypted under the NEW passphrase, same format and rounds
    assert [k.fingerprint for k in ident.retired_keys()] == [old_fp]
    assert keys.kdf_rounds(r.retired_key) == keys.kdf_rounds(ident.key_path) > 0
    with pytest.raises(WrongPassphraseError):
        keys.read_private(r.retired_key, flow.PASS)
    assert keys.fingerprint(keys.read_private(r.retired_key, NEW_PASS).public_key()) == old_fp
    assert b"PRIVATE KEY" in r.retired_key.read_bytes() and r.retired_key.stat().st_mode & 0o077 == 0
    # the current key alone cannot open it: that was the gap
    before = flow.snapshot(o.p)
    only_current = ImportService(o.p).import_files([path], own_key=ident.unlock(NEW_PASS))
    assert [x.reason for x in only_current.plan.rejected] == ["not_for_us"]
    assert flow.snapshot(o.p) == before
    # current + retired, one passphrase: it opens, verifies and imports
    opened = ident.unlock_for_reading(NEW_PASS)
    assert [keys.fingerprint(k.public_key()) for k in opened] == [r.new_fingerprint, old_fp]
    result = ImportService(o.p).import_files([path], own_key=opened)
    assert result.ok and not result.plan.rejected, result.as_json()
    assert len(result.plan.items) == 1


def test_openssh_reads_the_retired_key_with_the_new_passphrase(o: Offices, tmp_path: Path) -> None:
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path, "")
    out = subprocess.run(["ssh-keygen", "-y", "-P", NEW_PASS.decode(), "-f", str(r.retired_key)],
                         capture_output=True, text=True, check=True).stdout
    assert keys.fingerprint(keys.parse_public_line(out)[0]) == r.old_fingerprint


def test_retired_keys_follow_passphrase_changes_and_later_rotations(o: Offices, tmp_path: Path) -> None:
    first = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "1", "")
    ident = Identity(o.p)
    ident.change_passphrase(NEW_PASS, THIRD_PASS)
    second = rotate(o.p, THIRD_PASS, NEW_PASS, tmp_path / "2", "")
    got = [keys.fingerprint(k.public_key()) for k in ident.unlock_for_reading(NEW_PASS)]
    assert got == [second.new_fingerprint, *sorted(
        [first.old_fingerprint, second.old_fingerprint],
        key=lambda fp: str(next(k.path for k in ident.retired_keys() if k.fingerprint == fp)))]
    with pytest.raises(WrongPassphraseError):
        ident.unlock_for_reading(THIRD_PASS)


def test_forgetting_a_retired_key_keeps_its_public_half_and_is_audited(o: Offices, tmp_path: Path) -> None:
    path = _sealed_to_province(o, tmp_path / "stick")
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "")
    ident = Identity(o.p)
    info = ident.forget_retired(ident.retired_keys()[0].key_id)
    assert info.fingerprint == r.old_fingerprint
    assert not r.retired_key.exists() and r.retired_key.with_name(r.retired_key.name + ".pub").is_file()
    assert [e for e in audit.events(o.p.db) if e.action == "key.forget_retired"][-1].target == info.fingerprint
    result = ImportService(o.p).import_files([path], own_key=ident.unlock_for_reading(NEW_PASS))
    assert [x.reason for x in result.plan.rejected] == ["not_for_us"]
    with pytest.raises(NotFoundError) as err:
        ident.forget_retired(info.key_id)
    assert err.value.code == "key.retired.unknown"


def test_cli_import_opens_with_the_retired_key_and_key_retired_lists_and_forgets(
    o: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _sealed_to_province(o, tmp_path / "stick")
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "")
    pw = tmp_path / "new.pw"
    pw.write_bytes(NEW_PASS + b"\n")
    pw.chmod(0o600)
    base = ["--data-dir", str(o.p.data_dir)]
    assert main([*base, "bundle", "import", str(path), "--passphrase-file", str(pw)]) == 0
    capsys.readouterr()
    assert main([*base, "key", "retired"]) == 0
    assert r.old_fingerprint in capsys.readouterr().out
    assert main([*base, "key", "forget-retired", r.old_fingerprint]) == 0
    assert not r.retired_key.exists()


def test_only_the_retired_keys_the_files_are_sealed_to_are_opened(o: Offices, tmp_path: Path) -> None:
    """Each retired key costs a full bcrypt unlock: a file not sealed to it does not pay it."""
    old_sealed = _sealed_to_province(o, tmp_path / "stick")
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "")
    ident = Identity(o.p)
    fps = [keys.fingerprint(k.public_key()) for k in ident.unlock_for_reading(NEW_PASS, [old_sealed])]
    assert fps == [r.new_fingerprint, r.old_fingerprint]
    plain = tmp_path / "x.secbundle"
    plain.write_bytes(b"PK\x03\x04 not encrypted")
    missing = tmp_path / "gone.secbundle.age"
    got = ident.unlock_for_reading(NEW_PASS, [plain, missing])
    assert [keys.fingerprint(k.public_key()) for k in got] == [r.new_fingerprint]
