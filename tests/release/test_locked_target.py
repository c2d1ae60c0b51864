"""A PDF still open in a viewer (Windows refuses to replace it): one clear line, in Thai too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from secity_desktop import atomic, messages
from secity_desktop.atomic import TargetInUseError, replace_target
from secity_desktop.bundle.zipwriter import DeterministicZipWriter
from secity_desktop.cli.main import main
from secity_desktop.reports.common import atomic_output


def _locked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", refuse)


def test_replace_target_says_the_file_is_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp = tmp_path / "part"
    tmp.write_bytes(b"x")
    _locked(monkeypatch)
    with pytest.raises(TargetInUseError) as caught:
        replace_target(tmp, tmp_path / "cert.pdf")
    exc = caught.value
    assert exc.code == "file_in_use" and exc.params == {"path": str(tmp_path / "cert.pdf")}
    thai = messages.describe(exc, "th")
    assert "เปิดค้างอยู่ในโปรแกรมอื่น" in thai and str(tmp_path / "cert.pdf") in thai
    assert "\n" not in thai and "\n" not in str(exc)


def test_pdf_target_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF old, open in a viewer")
    _locked(monkeypatch)
    with pytest.raises(TargetInUseError), atomic_output(target) as tmp:
        tmp.write_bytes(b"%PDF new")
    assert target.read_bytes() == b"%PDF old, open in a viewer"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temp file left


def test_bundle_target_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.secbundle"
    _locked(monkeypatch)
    with pytest.raises(TargetInUseError), DeterministicZipWriter(target) as z:
        z.add_bytes("manifest.json", b"{}")
    assert list(tmp_path.iterdir()) == []


def test_cli_prints_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    ddir = tmp_path / "w"
    assert main(["--data-dir", str(ddir), "init", "--role", "assessor"]) == 0
    (tmp_path / "pass.txt").write_text("correct horse battery\n")
    (tmp_path / "pass.txt").chmod(0o600)  # a readable passphrase file would add a warning line
    capsys.readouterr()
    monkeypatch.setattr(atomic.os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(13, "in use")))
    rc = main(["--data-dir", str(ddir), "key", "init", "--passphrase-file", str(tmp_path / "pass.txt")])
    err = capsys.readouterr().err
    assert rc == 1
    assert err.count("\n") == 1 and err.startswith("secity: cannot write") and "Traceback" not in err
