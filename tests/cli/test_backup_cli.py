"""``secity backup …`` end to end, Thai error lines, crash reports, the passphrase-file warning."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from secity_desktop import log
from secity_desktop.cli import backup_cmds
from secity_desktop.cli.main import main
from secity_desktop.store.migrations import SCHEMA_VERSION
from tests.bundle import flow


@pytest.fixture
def ws_dir(tmp_path: Path) -> str:
    ws = flow.assessor(tmp_path / "w")
    flow.complete(ws, evidence_every=6)
    ws.close()
    return str(tmp_path / "w")


def test_create_verify_restore(ws_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", ws_dir, "backup", "create", str(tmp_path / "b")]) == 0
    assert "backup written to" in capsys.readouterr().out
    assert main(["backup", "verify", str(tmp_path / "b.secbackup"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["backup", "restore", str(tmp_path / "b.secbackup")]) == 1
    assert "--data-dir" in capsys.readouterr().err
    code = main(["backup", "restore", str(tmp_path / "b.secbackup"), "--data-dir",
                 str(tmp_path / "r"), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["assessments"] == 1 and data["missing_evidence"] == [] and data["key_fingerprint"]
    assert main(["--data-dir", str(tmp_path / "r"), "assessment", "list", "--json"]) == 0


def test_old_backup_command_is_an_alias(ws_dir: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert backup_cmds.legacy_argv(["--data-dir", "x", "backup", "f"]) == [
        "--data-dir", "x", "backup", "create", "f"]
    assert backup_cmds.legacy_argv(["backup", "verify", "f"]) == ["backup", "verify", "f"]
    assert backup_cmds.legacy_argv(["bundle", "import", "backup"]) == ["bundle", "import", "backup"]
    assert main(["--data-dir", ws_dir, "backup", str(tmp_path / "old.secbackup")]) == 0
    assert (tmp_path / "old.secbackup").is_file()


def test_list_auto_and_config(ws_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", ws_dir, "backup", "config", "--keep-days", "3", "--folder",
                 str(tmp_path / "daily")]) == 0
    assert main(["--data-dir", ws_dir, "backup", "auto"]) == 0
    assert main(["--data-dir", ws_dir, "backup", "auto"]) == 0
    assert "exists" in capsys.readouterr().out
    assert main(["--data-dir", ws_dir, "backup", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [b["kind"] for b in data["backups"]] == ["daily"] and data["keep_days"] == 3


def test_refusal_in_thai_by_default(ws_dir: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SECITY_LANG")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("mine")
    assert main(["--data-dir", ws_dir, "backup", "create", str(tmp_path / "b")]) == 0
    capsys.readouterr()
    assert main(["backup", "restore", str(tmp_path / "b.secbackup"), "--data-dir", str(busy)]) == 1
    err = capsys.readouterr().err
    assert "ไม่ใช่โฟลเดอร์ว่าง" in err and (busy / "x").read_text() == "mine"
    assert main(["--lang", "en", "backup", "restore", str(tmp_path / "b.secbackup"),
                 "--data-dir", str(busy)]) == 1
    assert "not an empty folder" in capsys.readouterr().err


def test_a_bug_prints_one_thai_line_and_saves_a_report(
        ws_dir: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def boom(ctx: object) -> int:
        return {}["missing"]  # type: ignore[no-any-return]

    monkeypatch.setattr(backup_cmds, "cmd_list", boom)
    monkeypatch.delenv("SECITY_LANG")
    assert main(["--data-dir", ws_dir, "backup", "list"]) == 70
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "KeyError" in err[0] and "เกิดข้อผิดพลาดที่ไม่คาดคิด" in err[0]
    report = Path(err[0].rsplit(" ", 1)[1])
    text = report.read_text("utf-8")
    assert "Traceback" in text and "KeyError" in text and "version:" in text
    assert f"schema: {SCHEMA_VERSION}" in text and f"data_dir: {ws_dir}" in text
    assert report.parent == log.log_dir() / "crash"
    assert main(["--debug", "--data-dir", ws_dir, "backup", "list"]) == 70
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mode bits; Windows is skipped by design")
def test_passphrase_file_readable_by_others_warns(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    d = str(tmp_path / "w")
    assert main(["--data-dir", d, "init"]) == 0
    pp = tmp_path / "pp"
    pp.write_text("long enough passphrase\n")
    pp.chmod(0o644)
    capsys.readouterr()
    assert main(["--data-dir", d, "key", "init", "--passphrase-file", str(pp)]) == 0
    err = capsys.readouterr().err
    assert "can be read by other users" in err and "chmod 600" in err
    pp.chmod(0o600)
    assert main(["--data-dir", d, "key", "passwd", "--passphrase-file", str(pp),
                 "--new-passphrase-file", str(pp)]) == 0
    assert "other users" not in capsys.readouterr().err
