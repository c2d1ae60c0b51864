"""`secity assessment set` on a complete assessment refuses until `secity assessment reopen`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import open_workspace
from tests.bundle import flow


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_refuses_a_complete_assessment_until_reopen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=6)
    assert AssessmentService(a).get(aid).status == "complete"
    a.close()
    d = str(tmp_path / "a")
    code, out, err = run(capsys, "--data-dir", d, "assessment", "set", aid, "1.1", "0")
    assert (code, out) == (1, "")
    assert f"choose \"edit again\" first (`secity assessment reopen {aid}`)" in err
    monkeypatch.setenv("SECITY_LANG", "th")
    code, _, err = run(capsys, "--data-dir", d, "assessment", "note", aid, "1.1", "พิมพ์ผิด")
    assert code == 1 and "แก้ไขอีกครั้ง" in err and f"secity assessment reopen {aid}" in err
    monkeypatch.setenv("SECITY_LANG", "en")
    ws = open_workspace(Path(d))
    assert AssessmentService(ws).get(aid).status == "complete"
    ws.close()

    code, out, _ = run(capsys, "--data-dir", d, "assessment", "reopen", aid, "--json")
    assert code == 0 and json.loads(out) == {"id": aid, "status": "draft", "changed": True}
    assert run(capsys, "--data-dir", d, "assessment", "set", aid, "1.1", "0")[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "assessment", "reopen", aid)
    assert code == 0 and "already editable" in out


def test_reopen_refuses_a_finalized_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=6)
    flow.finalize(a, aid)
    a.close()
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "a"), "assessment", "reopen", aid)
    assert (code, out) == (1, "")
    assert "only a complete assessment can be edited again" in err
    assert "start a new revision" in err
