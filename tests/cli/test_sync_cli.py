"""CLI parity for keys, finalize/revise, bundles and the trust registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secity_desktop.cli import passphrase
from secity_desktop.cli.main import main
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import open_workspace


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _complete(data_dir: Path) -> str:
    ws = open_workspace(data_dir)
    try:
        from tests.bundle.flow import complete

        return complete(ws, evidence_every=6)
    finally:
        ws.close()


def test_assessor_to_office_by_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, p = str(tmp_path / "a"), str(tmp_path / "p")
    pp = tmp_path / "pp"
    pp.write_text("correct horse battery\n")
    assert run(capsys, "--data-dir", a, "init", "--name", "สมชาย")[0] == 0
    code, out, _ = run(capsys, "--data-dir", a, "key", "init", "--organisation", "สสภ.1",
                       "--passphrase-file", str(pp), "--json")
    assert code == 0
    fp = json.loads(out)["fingerprint"]
    code, out, _ = run(capsys, "--data-dir", a, "key", "show", "--json", "--qr", str(tmp_path / "q.svg"))
    assert json.loads(out)["fingerprint"] == fp and (tmp_path / "q.svg").is_file()
    assert "PRIVATE" not in out
    assert run(capsys, "--data-dir", a, "key", "export", str(tmp_path / "me.pub"))[0] == 0

    aid = _complete(Path(a))
    code, _, err = run(capsys, "--data-dir", a, "assessment", "finalize", aid,
                       "--passphrase-file", str(tmp_path / "missing"))
    assert code == 1 and "passphrase file" in err
    assert run(capsys, "--data-dir", a, "assessment", "finalize", aid, "--passphrase-file", str(pp))[0] == 0
    code, out, _ = run(capsys, "--data-dir", a, "bundle", "export", "--list", "--unsent", "--json")
    assert [c["assessment_id"] for c in json.loads(out)] == [aid]
    # encrypted by default: with no office key enrolled, the export is refused, nothing written
    code, out, err = run(capsys, "--data-dir", a, "--lang", "en", "bundle", "export", "--unsent",
                         "-o", str(tmp_path), "--passphrase-file", str(pp), "--json")
    assert code == 1 and "office key" in err and not list(tmp_path.glob("*.secbundle*"))
    # this flow checks the plain layer (ssh-keygen, allowed_signers): asked for, and recorded
    code, out, err = run(capsys, "--data-dir", a, "bundle", "export", "--unsent", "-o", str(tmp_path),
                         "--passphrase-file", str(pp), "--json", "--unencrypted")
    assert code == 0 and "about" in err and json.loads(out)["encrypted_to"] == []
    bundle = Path(json.loads(out)["path"])
    assert bundle.suffix == ".secbundle" and bundle.parent == tmp_path
    code, out, _ = run(capsys, "--data-dir", a, "bundle", "export", "--list", "--unsent")
    assert "nothing" in out

    assert run(capsys, "--data-dir", p, "init", "--role", "province", "--province", "50")[0] == 0
    code, _, err = run(capsys, "--data-dir", p, "bundle", "verify", str(bundle))
    assert code == 1
    code, _, err = run(capsys, "--data-dir", p, "trust", "add", str(tmp_path / "me.pub"),
                       "--fingerprint", "SHA256:" + "A" * 43)
    assert code == 1 and "nothing was enrolled" in err
    assert run(capsys, "--data-dir", p, "trust", "add", str(tmp_path / "me.pub"),
               "--fingerprint", fp, "--organisation", "สสภ.1")[0] == 0
    code, out, _ = run(capsys, "--data-dir", p, "trust", "list", "--json")
    assert json.loads(out)[0]["name"] == "สมชาย"
    code, out, _ = run(capsys, "--data-dir", p, "bundle", "verify", str(bundle), "--json")
    assert code == 0 and json.loads(out)[0]["ok"]
    code, out, _ = run(capsys, "--data-dir", p, "bundle", "import", "--dry-run", str(bundle), "--json")
    assert code == 0 and json.loads(out)["counts"]["add"] == 1
    ws = open_workspace(Path(p))
    assert AssessmentService(ws).list() == []
    ws.close()
    code, out, _ = run(capsys, "--data-dir", p, "bundle", "import", str(bundle))
    assert code == 0 and "add" in out
    code, out, _ = run(capsys, "--data-dir", p, "bundle", "import", str(bundle), "--json")
    assert json.loads(out)["counts"]["skip"] == 1
    code, out, _ = run(capsys, "--data-dir", p, "bundle", "history")
    assert "applied" in out and "nothing_new" in out
    assert run(capsys, "--data-dir", p, "trust", "export", str(tmp_path / "allowed"))[0] == 0
    assert "namespaces=" in (tmp_path / "allowed").read_text()
    code, out, _ = run(capsys, "--data-dir", p, "bundle", "verify", str(bundle),
                       "--allowed-signers", str(tmp_path / "allowed"))
    assert code == 0 and "OK" in out
    assert run(capsys, "--data-dir", p, "trust", "revoke", fp, "--reason", "lost")[0] == 0
    code, out, err = run(capsys, "--data-dir", p, "bundle", "verify", str(bundle))
    assert code == 1 and "revoked_key" in err and out == ""  # refusals go to stderr

    code, out, _ = run(capsys, "--data-dir", a, "assessment", "revise", aid, "--json")
    assert code == 0 and json.loads(out)["supersedes"] == aid


def test_office_commands_refused_on_assessor_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An assessor keeps a trust registry (for the province's key) but signs no office bundles."""
    a = str(tmp_path / "a")
    run(capsys, "--data-dir", a, "init")
    code, out, _ = run(capsys, "--data-dir", a, "trust", "list", "--json")
    assert code == 0 and json.loads(out) == []
    for kind in ("return", "upward"):
        code, _, err = run(capsys, "--data-dir", a, "bundle", kind, "--passphrase-file", "/nonexistent")
        assert code == 1 and "province" in err, err
    code, out, err = run(capsys, "--data-dir", a, "bundle", "import", str(tmp_path / "x.secbundle"))
    assert code == 1 and "unreadable" in err and "rejected 1" in out
    assert "no copy kept in quarantine (the file could not be read)" in err


def test_no_passphrase_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["key", "init", "--passphrase", "secret"])
    assert exc.value.code == 2


def test_prompt_retries_wrong_passphrase(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    a = str(tmp_path / "a")
    pp = tmp_path / "pp"
    pp.write_text("correct horse battery")
    run(capsys, "--data-dir", a, "init")
    run(capsys, "--data-dir", a, "key", "init", "--passphrase-file", str(pp))
    aid = _complete(Path(a))
    answers = iter(["wrong", "still wrong", "correct horse battery"])
    monkeypatch.setattr(passphrase.sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(passphrase.getpass, "getpass", lambda prompt: next(answers))
    code, _, err = run(capsys, "--data-dir", a, "assessment", "finalize", aid)
    assert code == 0 and err.count("Wrong passphrase") == 2
    assert "Traceback" not in err


def test_no_terminal_and_no_file_is_a_clear_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    a = str(tmp_path / "a")
    run(capsys, "--data-dir", a, "init")
    monkeypatch.setattr(passphrase.sys.stdin, "isatty", lambda: False)
    code, _, err = run(capsys, "--data-dir", a, "key", "init")
    assert code == 1 and "--passphrase-file" in err
