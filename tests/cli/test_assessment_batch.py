"""``secity assessment set --stdin``: one durable edit and one JSON result per line."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.services.workspace import open_workspace


@pytest.fixture
def ws_and_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    d = str(tmp_path / "ws")
    assert main(["--data-dir", d, "init", "--name", "ผู้ประเมิน ทดสอบ"]) == 0
    assert main(["--data-dir", d, "assessment", "new", "--municipality", "5001",
                 "--year", "2569", "--json"]) == 0
    ws = open_workspace(Path(d), create=False)
    try:
        aid = ws.db.execute("SELECT id FROM assessments").fetchone()[0]
    finally:
        ws.close()
    return d, aid


def _batch(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], d: str,
           lines: list[str], *extra: str) -> tuple[int, list[dict[str, object]]]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    capsys.readouterr()
    code = main(["--data-dir", d, *extra, "assessment", "set", "--stdin"])
    out = capsys.readouterr().out
    return code, [json.loads(x) for x in out.splitlines()]


def test_each_line_applied_with_its_own_result(
    ws_and_id: tuple[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    d, aid = ws_and_id
    lines = [
        json.dumps({"id": aid, "indicator": "1.1", "level": 2}),
        json.dumps({"id": aid, "indicator": "1.2", "level": 99}),  # off the scale
        "",
        "{not json",
        json.dumps({"id": aid, "indicator": "9.9", "level": 1}),  # no such indicator
        json.dumps({"id": aid, "indicator": "1.3", "level": 3, "note": "ดูภาพถ่าย"}),
        json.dumps({"id": aid, "indicator": "1.4", "level": "3"}),  # a string is refused
        json.dumps({"id": aid, "indicator": "1.1", "level": None}),  # null clears
        json.dumps({"id": "no-such-id", "indicator": "1.1", "level": 1}),
        json.dumps({"id": aid, "indicator": "1.5", "level": 1, "extra": 1}),
    ]
    code, results = _batch(monkeypatch, capsys, d, lines, "--lang", "th")
    assert code == 1  # some lines were refused
    assert [r["line"] for r in results] == [1, 2, 4, 5, 6, 7, 8, 9, 10]  # the blank one skipped
    ok = {r["line"]: r for r in results if r["ok"]}
    assert set(ok) == {1, 6, 8}
    assert ok[6] == {"line": 6, "ok": True, "id": aid, "indicator": "1.3", "level": 3}
    bad = {r["line"]: r for r in results if not r["ok"]}
    assert bad[2]["code"] == "response.level_off_scale" and "มาตรวัด" in str(bad[2]["error"])
    assert bad[4]["code"] == "batch.bad_json"
    assert bad[5]["code"] == "response.no_indicator"
    assert bad[7]["code"] == "batch.bad_level"
    assert bad[9]["code"] == "assessment.unknown"
    assert bad[10]["code"] == "batch.unknown_field"
    ws = open_workspace(Path(d), create=False)
    try:
        levels = dict(ws.db.execute(
            "SELECT indicator_code, level FROM responses WHERE assessment_id = ?", [aid]))
        notes = dict(ws.db.execute(
            "SELECT indicator_code, note FROM responses WHERE assessment_id = ?", [aid]))
        audited = ws.db.execute(
            "SELECT count(*) FROM audit WHERE action = 'response.set'").fetchone()[0]
    finally:
        ws.close()
    assert levels.get("1.1") is None and levels["1.3"] == 3 and "1.2" not in levels
    assert notes["1.3"] == "ดูภาพถ่าย"
    assert audited == 3  # one audited edit per applied line, none for a refused one


def test_all_good_lines_exit_zero(
    ws_and_id: tuple[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    d, aid = ws_and_id
    lines = [json.dumps({"id": aid, "indicator": c, "level": 1}) for c in ("1.1", "1.2")]
    code, results = _batch(monkeypatch, capsys, d, lines)
    assert code == 0 and all(r["ok"] for r in results) and len(results) == 2


def test_stdin_and_arguments_together_are_refused(
    ws_and_id: tuple[str, str], capsys: pytest.CaptureFixture[str],
) -> None:
    d, aid = ws_and_id
    assert main(["--data-dir", d, "--lang", "en", "assessment", "set", aid, "--stdin"]) == 1
    assert "--stdin" in capsys.readouterr().err
    assert main(["--data-dir", d, "--lang", "en", "assessment", "set", aid]) == 1
    assert "or --stdin" in capsys.readouterr().err
