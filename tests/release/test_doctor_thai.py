"""``secity doctor`` in Thai: every check's title and detail render from its stable code, so
no English sentence reaches a Thai reader; ``--json`` keeps the codes (docs/thai-everywhere.md)."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import pytest

from secity_desktop.cli import say
from secity_desktop.cli.doctor_cmds import check_line
from secity_desktop.cli.main import main
from secity_desktop.services import doctor

#: Latin words a Thai reader may see: names, units, codes and the English language's name.
ALLOWED = {"SECity", "Desktop", "Python", "Sarabun", "PDF", "MiB", "English", "th", "en",
           "i18n", "messages_th", "toml", "secity"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("SECITY_LANG", raising=False)
    return tmp_path


def _values(data: Any) -> list[str]:
    """Every string fact of the report (paths, versions, platform, font names): data, not prose."""
    if isinstance(data, dict):
        return [v for x in data.values() for v in _values(x)]
    if isinstance(data, list):
        return [v for x in data for v in _values(x)]
    return [str(data)] if data is not None else []


def _english(out: str, data: dict[str, Any]) -> list[str]:
    facts = {k: v for k, v in data.items() if k != "checks"}
    params = [{k: v for k, v in c["params"].items() if k != "error"} for c in data["checks"]]
    for value in sorted(_values(facts) + _values(params), key=len, reverse=True):
        if len(value) > 3:
            out = out.replace(value, " ")
    out = re.sub(r"\b[0-9a-f]{8,}\b", " ", out)  # hash prefixes
    return [w for w in LATIN_WORD.findall(out) if w not in ALLOWED]


def _doctor(ddir: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[str, dict]:
    main(["--data-dir", str(ddir), "doctor", *flags])
    out = capsys.readouterr().out
    main(["--data-dir", str(ddir), "doctor", "--json", *flags])
    return out, json.loads(capsys.readouterr().out)


def test_doctor_speaks_thai_on_a_new_an_open_and_a_broken_workspace(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ddir = home / "w"
    out, data = _doctor(ddir, capsys)
    assert _english(out, data) == []
    assert "✓ พื้นที่ทำงาน: ยังไม่ได้สร้างที่" in out and "(ฉบับร่าง)" in out
    assert main(["--data-dir", str(ddir), "init", "--role", "province", "--province", "50"]) == 0
    capsys.readouterr()
    out, data = _doctor(ddir, capsys)
    assert _english(out, data) == [] and "สำนักงานจังหวัด" in out
    # a refusal inside a check (the workspace cannot be opened) is rendered from its code too
    from secity_desktop.core.errors import StoreError
    from secity_desktop.services import workspace

    def refuse(*_a: object, **_k: object) -> None:
        raise StoreError("workspace schema 99 is newer than this app", code="store_newer",
                         schema=99, known=11)

    monkeypatch.setattr(workspace, "open_workspace", refuse)
    out, data = _doctor(ddir, capsys)
    check = next(c for c in data["checks"] if c["name"] == "workspace")
    assert check["code"] == "workspace.cannot_open" and not check["ok"]
    assert check["params"]["error_code"] == "store_newer"
    assert "schema 99 is newer" in check["detail"]  # --json keeps the English detail and the codes
    assert _english(out, data) == [], out
    assert "✗ พื้นที่ทำงาน: เปิดพื้นที่ทำงาน" in out


def test_the_old_english_lines_fail_the_scan(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The scan is not blind: the English rendering of the same report is caught."""
    out, data = _doctor(home / "w", capsys, "--lang", "en")
    assert {"messages", "words", "present"} <= set(_english(out, data))


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_check_code_and_title_has_thai_with_the_same_params() -> None:
    table = say.catalogue("th")
    problems = [code for code, english in doctor.DETAILS.items()
                if f"doctor_check.{code}" not in table
                or _fields(table[f"doctor_check.{code}"]) != _fields(english)]
    problems += [name for name in doctor.TITLES if f"doctor_check.title.{name}" not in table]
    assert problems == []


def test_a_check_line_renders_in_either_language() -> None:
    check = {"name": "free_disk", "ok": False, "required": False, "code": "free_disk.ok",
             "params": {"size": "120", "folder": "/data"}, "detail": "120 MiB free at /data"}
    assert check_line("th", check) == "! พื้นที่ดิสก์ว่าง: ว่าง 120 MiB ที่ /data"
    assert check_line("en", check) == "! free disk space: 120 MiB free at /data"
