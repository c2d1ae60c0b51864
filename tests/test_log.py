"""The log: where it lives, what a --debug run adds, and that no secret ever reaches it."""

from __future__ import annotations

import base64
import logging
import os
from pathlib import Path

import platformdirs
import pytest

from secity_desktop import log, paths
from secity_desktop.cli.main import main
from tests.bundle import flow

PASSPHRASE = "Zebra-Quartz-9137-unique"


def test_log_goes_to_the_platform_log_dir_in_the_test_home(tmp_path: Path) -> None:
    where = log.setup()
    assert where == Path(platformdirs.user_log_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "secity.log"
    assert str(where).startswith(os.environ["XDG_STATE_HOME"])
    log.get("test").info("hello")
    assert "hello" in where.read_text("utf-8")
    handler = next(h for h in logging.getLogger("secity").handlers if hasattr(h, "maxBytes"))
    assert handler.maxBytes == 1_000_000 and handler.backupCount == 5  # type: ignore[attr-defined]


def test_debug_raises_the_level() -> None:
    log.setup()
    log.get("t").debug("quiet")
    log.setup(debug=True)
    log.get("t").debug("loud")
    text = log.log_path().read_text("utf-8")
    assert "loud" in text and "quiet" not in text


def test_operation_line_and_refusal_with_code(tmp_path: Path) -> None:
    log.setup()
    assert main(["--data-dir", str(tmp_path / "w"), "init"]) == 0
    assert main(["--data-dir", str(tmp_path / "w"), "assessment", "new", "--municipality",
                 "9999", "--year", "2569"]) == 1
    text = log.log_path().read_text("utf-8")
    assert "cli init done in" in text
    assert "cli assessment new refused code=" in text


def test_no_passphrase_or_key_material_reaches_the_log(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A whole signing flow with a known passphrase, then every log and report is scanned."""
    d = str(tmp_path / "w")
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE + "\n")
    pp.chmod(0o600)
    wrong = tmp_path / "wrong"
    wrong.write_text(PASSPHRASE[::-1] + "\n")
    wrong.chmod(0o600)
    run = lambda *a: main(["--debug", "--data-dir", d, *a])  # noqa: E731
    assert run("init", "--name", "ทดสอบ") == 0
    assert run("key", "init", "--passphrase-file", str(pp)) == 0
    from secity_desktop.services.workspace import open_workspace

    ws = open_workspace(Path(d))
    aid = flow.complete(ws, evidence_every=7)
    ws.close()
    assert run("assessment", "finalize", aid, "--passphrase-file", str(wrong)) == 1
    assert run("assessment", "finalize", aid, "--passphrase-file", str(pp)) == 0
    assert run("bundle", "export", aid, "-o", str(tmp_path), "--passphrase-file", str(pp),
               "--unencrypted") == 0
    assert run("backup", "create", str(tmp_path / "b.secbackup")) == 0
    assert run("key", "passwd", "--passphrase-file", str(pp), "--new-passphrase-file", str(pp)) == 0
    capsys.readouterr()
    key_file = (Path(d) / "keys" / "assessor_ed25519").read_bytes()
    body = b"".join(line for line in key_file.splitlines()
                    if line and not line.startswith(b"-----"))
    raw = base64.b64decode(body)
    needles = [PASSPHRASE.encode(), PASSPHRASE[::-1].encode(), body[:40], body[-40:],
               raw[-64:-32].hex().encode(), b"PRIVATE KEY", b"openssh-key-v1"]
    logs = [p for p in log.log_dir().rglob("*") if p.is_file()]
    assert logs, "the flow wrote no log at all"
    text = b"".join(p.read_bytes() for p in logs)
    assert b"cli assessment finalize" in text  # the flow really was logged
    for needle in needles:
        assert needle not in text, needle


def test_redactor_strips_key_blocks_and_passphrase_pairs() -> None:
    block = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----"
    assert "AAAA" not in log.redact(f"oops {block} end")
    assert "hunter2" not in log.redact("passphrase=hunter2 next")


def test_the_log_rolls_over_at_its_limit_like_the_standard_handler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``log.RotatingFile`` keeps ``RotatingFileHandler``'s rule without importing
    ``logging.handlers`` until a file is full: the file never passes the limit, the
    older lines move to ``.1`` … ``.5``, and nothing is lost but the oldest file."""
    monkeypatch.setattr(log, "MAX_BYTES", 2_000)
    where = log.setup()
    assert where is not None
    for n in range(200):
        log.get("roll").info("line %03d %s", n, "x" * 40)
    log.shutdown()
    files = sorted(where.parent.glob("secity.log*"))
    assert [f.name for f in files] == ["secity.log", *(f"secity.log.{i}" for i in range(1, 6))]
    assert all(f.stat().st_size <= 2_000 for f in files)
    newest = where.read_text("utf-8")
    assert "line 199" in newest
    kept = sorted(int(line.split("line ")[1][:3]) for f in files
                  for line in f.read_text("utf-8").splitlines())
    assert kept == list(range(kept[0], 200)) and 0 < kept[0] < 200 - 5 * 2_000 // 200
