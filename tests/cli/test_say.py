"""What the command line prints on success reads in the person's language; --json keeps codes."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.cli import say
from secity_desktop.cli.main import main

CLI = paths.project_root() / "secity_desktop" / "cli"


def _say_calls() -> list[tuple[str, ast.Call]]:
    """``ctx.say(key, english, …)`` and, where no ctx is at hand, ``say(lang, key, english, …)``."""
    out = []
    for py in sorted(CLI.glob("*.py")):
        if py.name in ("say.py", "context.py"):  # the helper itself passes key and English on
            continue
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if (isinstance(node.func, ast.Attribute) and node.func.attr == "say"
                    and len(node.args) == 2):
                out.append((f"{py.name}:{node.lineno}", node))
            elif (isinstance(node.func, ast.Name) and node.func.id == "say"
                    and len(node.args) == 3):
                node.args = node.args[1:]
                out.append((f"{py.name}:{node.lineno}", node))
    return out


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_line_has_thai_that_uses_only_passed_params() -> None:
    table = say.catalogue("th")
    calls = _say_calls()
    assert len(calls) >= 150, "every command speaks through ctx.say"
    problems = []
    for where, call in calls:
        key, english = (a.value if isinstance(a, ast.Constant) else None for a in call.args)
        passed = {kw.arg for kw in call.keywords if kw.arg}
        if not isinstance(key, str) or not isinstance(english, str):
            problems.append(f"{where}: key and English must be literals")
        elif key not in table:
            problems.append(f"{where}: no Thai for {key}")
        elif not (_fields(table[key]) <= passed and _fields(english) <= passed):
            problems.append(f"{where}: {key} names params the call does not pass")
    assert problems == []


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_init_and_assessment_lines_in_thai_and_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECITY_LANG", raising=False)  # the default: Thai
    d = str(tmp_path / "ws")
    out = _run(capsys, "--data-dir", d, "init", "--name", "สมศรี")
    assert "พื้นที่ทำงานพร้อมใช้" in out and "ผู้ประเมิน" in out and "workspace" not in out
    aid = _run(capsys, "--data-dir", d, "assessment", "new", "--municipality", "5001",
                "--year", "2569").strip()
    out = _run(capsys, "--data-dir", d, "assessment", "set", aid, "1.1", "3")
    assert "คะแนนรวม" in out and "total" not in out
    out = _run(capsys, "--data-dir", d, "assessment", "show", aid)
    assert "[ร่าง]" in out and "องค์ประกอบที่" in out and "draft" not in out

    out = _run(capsys, "--data-dir", d, "--lang", "en", "assessment", "show", aid)
    assert "[draft]" in out and "component" in out
    monkeypatch.setenv("SECITY_LANG", "en")
    assert "total" in _run(capsys, "--data-dir", d, "assessment", "set", aid, "1.1", "2")
    # --lang beats the environment; --json keeps codes whatever the language
    assert "คะแนนรวม" in _run(capsys, "--data-dir", d, "--lang", "th",
                                "assessment", "set", aid, "1.1", "3")
    data = json.loads(_run(capsys, "--data-dir", d, "--lang", "th", "--json",
                           "assessment", "show", aid))
    assert '"draft"' in json.dumps(data) and "ร่าง" not in json.dumps(data, ensure_ascii=False)


def test_no_line_escapes_the_check() -> None:
    """A bare ``say(...)`` (``say = ctx.say``) or ``**params`` would hide a key from the check above."""
    hidden = []
    for py in sorted(CLI.glob("*.py")):
        if py.name in ("say.py", "context.py"):  # the helper itself
            continue
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id == "say" and len(node.args) != 3:
                hidden.append(f"{py.name}:{node.lineno}: say() not as say(lang, key, english)")
            if (isinstance(node.func, ast.Attribute) and node.func.attr == "say"
                    and any(kw.arg is None for kw in node.keywords)):
                hidden.append(f"{py.name}:{node.lineno}: **params")
    assert hidden == []


def test_status_words_come_from_the_catalogue() -> None:
    assert say.say("th", "review.moved", "{id}: {old_status} → {new_status}", id="a",
                   old_status="received", new_status="under_review") == "a: ได้รับแล้ว → กำลังพิจารณา"
    assert say.say("en", "review.moved", "{id}: {old_status} → {new_status}", id="a",
                   old_status="received", new_status="under_review") == "a: received → under_review"
    assert say.say("th", "no.such.key", "fallback {x}", x=1) == "fallback 1"


def test_the_workspace_language_chosen_in_the_gui_is_the_cli_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from secity_desktop.services.language import set_language, workspace_language
    from secity_desktop.services.workspace import open_workspace

    monkeypatch.delenv("SECITY_LANG", raising=False)
    d = tmp_path / "ws"
    _run(capsys, "--data-dir", str(d), "init", "--name", "สมศรี")
    assert workspace_language(d) is None  # not chosen yet: Thai
    aid = _run(capsys, "--data-dir", str(d), "assessment", "new", "--municipality", "5001",
               "--year", "2569").strip()
    assert "คะแนนรวม" in _run(capsys, "--data-dir", str(d), "assessment", "set", aid, "1.1", "3")
    ws = open_workspace(d)
    set_language(ws, "en")  # what Preferences does when English is chosen
    ws.close()
    assert workspace_language(d) == "en"
    assert "total" in _run(capsys, "--data-dir", str(d), "assessment", "set", aid, "1.1", "2")
    # the flag and the environment still win
    assert "คะแนนรวม" in _run(capsys, "--data-dir", str(d), "--lang", "th",
                                "assessment", "set", aid, "1.1", "3")
    monkeypatch.setenv("SECITY_LANG", "th")
    assert "คะแนนรวม" in _run(capsys, "--data-dir", str(d), "assessment", "set", aid, "1.1", "2")
    assert workspace_language(tmp_path / "nowhere") is None
