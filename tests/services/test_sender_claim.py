"""A bundle refused for an unknown signer says who it claims to be, and can be enrolled from.

The claim is only what the bundle says (the key in its signature, the sender in
its manifest); the office compares the fingerprint with the sender before it
enrols. Enrolling from the claim must make the same bundle importable, and a
bundle refused for anything else offers nobody to enrol.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop import messages
from secity_desktop.cli.main import main
from secity_desktop.core.errors import ValidationError
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.import_preview import preview
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow


def _field(tmp_path: Path) -> tuple[Path, str, Workspace, Workspace]:
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    aid = flow.complete(a, "5001", evidence_every=6)
    flow.finalize(a, aid)
    path = flow.export(a, [aid], tmp_path / "field.secbundle")
    return path, aid, a, p


def test_refusal_carries_the_claimed_sender_and_enrolling_it_imports(tmp_path: Path) -> None:
    path, _aid, a, p = _field(tmp_path)
    try:
        me = Identity(a).info()
        plan = ImportService(p).dry_run([path])
        (rej,) = plan.rejected
        assert rej.reason == "unknown_signer"
        assert (rej.sender_name, rej.sender_fingerprint) == ("สมชาย ใจดี", me.fingerprint)
        assert rej.as_json()["sender"] == {"name": "สมชาย ใจดี", "organisation": rej.sender_organisation,
                                           "fingerprint": me.fingerprint}
        (row,) = preview(plan).rows
        assert row.enrolable and row.sender == "สมชาย ใจดี"
        assert "ลงทะเบียน" in messages.render(f"bundle.{row.reason}", {}, "th", row.message)
        claim = ImportService(p).sender_claim(path)
        TrustService(p).add(claim.sender_public or "", name=claim.sender_name)
        assert ImportService(p).import_files([path]).ok
        with pytest.raises(ValidationError) as err:  # now known: nobody to enrol from it
            ImportService(p).sender_claim(path)
        assert err.value.code == "trust.sender_not_enrolable"
        assert path.name in messages.describe(err.value, "th")
    finally:
        a.close()
        p.close()


def test_a_forged_signature_claims_nobody(tmp_path: Path) -> None:
    """A manifest signature that does not verify with its own key gives no claim to enrol."""
    import zipfile

    path, _aid, a, p = _field(tmp_path)
    try:
        forged = tmp_path / "forged.secbundle"
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(forged, "w") as zout:
            for item in zin.infolist():
                data = zin.read(item)
                if item.filename == "manifest.json":
                    data = data.replace("สมชาย".encode(), "สมหญิง".encode())
                zout.writestr(item, data)
        (rej,) = ImportService(p).dry_run([forged]).rejected
        assert rej.sender_public is None and rej.sender_fingerprint is None
    finally:
        a.close()
        p.close()


def test_cli_enrols_from_a_bundle_only_with_the_fingerprint_read_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _aid, a, p = _field(tmp_path)
    fp = Identity(a).info().fingerprint
    d = str(p.data_dir)
    a.close()
    p.close()
    assert main(["--data-dir", d, "bundle", "import", "--dry-run", str(path)]) != 0
    assert f"--from-bundle {path} --fingerprint {fp}" in capsys.readouterr().err
    assert main(["--data-dir", d, "trust", "add", "--from-bundle", str(path)]) == 1
    assert "--fingerprint" in capsys.readouterr().err
    wrong = "SHA256:" + "A" * 43
    assert main(["--data-dir", d, "trust", "add", "--from-bundle", str(path),
                 "--fingerprint", wrong]) == 1
    assert "nothing was enrolled" in capsys.readouterr().err
    assert main(["--data-dir", d, "--json", "trust", "add", "--from-bundle", str(path),
                 "--fingerprint", fp]) == 0
    assert '"name": "สมชาย ใจดี"' in capsys.readouterr().out
    assert main(["--data-dir", d, "bundle", "import", str(path)]) == 0
