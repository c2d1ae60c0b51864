"""`secity review|dashboard|modeltown|export` in-process, as a province office would script them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.core.lifecycle import Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.workspace import open_workspace
from secity_desktop.store import assessments as repo


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    return _received(tmp_path, capsys)


def _received(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *, top: bool = False
) -> tuple[str, str]:
    d = str(tmp_path / "ws")
    assert (
        run(
            capsys,
            "--data-dir",
            d,
            "init",
            "--role",
            "province",
            "--province",
            "50",
            "--name",
            "สนง.จังหวัด",
        )[0]
        == 0
    )
    _, out, _ = run(
        capsys, "--data-dir", d, "assessment", "new", "--municipality", "5001", "--year", "2569"
    )
    aid = out.strip()
    levels = [("1.1", "3"), ("1.2", "4"), ("2.1", "2")]
    if top:  # every indicator at its highest level: a town that reaches a tier
        ws = open_workspace(Path(d))
        levels = [(i.code, str(i.levels[-1].value)) for i in ws.frameworks.current().indicators]
        ws.close()
    for ind, lv in levels:
        assert run(capsys, "--data-dir", d, "assessment", "set", aid, ind, lv)[0] == 0
    ws = open_workspace(Path(d))
    with ws.db.atomic():
        repo.set_status(ws.db, aid, Status.RECEIVED.value, now_iso(), "importer")
    ws.close()
    return d, aid


def test_review_flow(setup: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    d, aid = setup
    code, _, err = run(capsys, "--data-dir", d, "review", "approve", aid)
    assert code == 1 and "start the review first" in err and err.count("\n") == 1
    assert run(capsys, "--data-dir", d, "review", "start", aid)[0] == 0
    code, _, err = run(
        capsys, "--data-dir", d, "review", "override", aid, "1.1", "1", "--reason", "  "
    )
    assert code == 1 and "needs a written reason" in err
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", d, "review", "override", aid, "1.1"])
    assert exited.value.code == 2 and "usage error" in capsys.readouterr().err
    code, out, _ = run(
        capsys,
        "--data-dir",
        d,
        "--json",
        "review",
        "override",
        aid,
        "1.1",
        "1",
        "--reason",
        "แผนไม่เป็นปัจจุบัน",
    )
    assert code == 0 and json.loads(out)["override"]["assessor_level"] == 3
    assert (
        run(capsys, "--data-dir", d, "review", "comment", aid, "ขอเอกสารเพิ่ม", "--indicator", "1.1")[
            0
        ]
        == 0
    )
    code, _, err = run(capsys, "--data-dir", d, "review", "return", aid, "--comment", "")
    assert code == 1 and "needs a comment" in err
    assert (
        run(capsys, "--data-dir", d, "review", "return", aid, "--comment", "แก้ไขตัวชี้วัด 1.1")[0] == 0
    )
    code, out, _ = run(capsys, "--data-dir", d, "review", "show", aid)
    shown = json.loads(out)
    assert shown["status"] == "returned"
    assert [x["action"] for x in shown["decisions"]] == ["start", "return"]
    assert shown["comments"][0]["indicator_code"] == "1.1"
    assert shown["overrides"][0]["reason"] == "แผนไม่เป็นปัจจุบัน"
    assert shown["effective_score"]["total"] < shown["assessor_score"]["total"]


def _approved_with_a_tier(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str]:
    """Another office, whose approved town reaches a tier."""
    d, aid = _received(tmp_path / "good", capsys, top=True)
    run(capsys, "--data-dir", d, "review", "start", aid)
    run(capsys, "--data-dir", d, "review", "approve", aid, "--comment", "ผ่าน")
    return d, aid


def test_dashboard_modeltown_export(
    setup: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d, aid = setup
    code, _, err = run(
        capsys,
        "--data-dir",
        d,
        "modeltown",
        "set",
        "--year",
        "2569",
        "--municipality",
        "5001",
        "--reason",
        "ดีเด่น",
    )
    assert code == 1 and "approved assessment" in err
    run(capsys, "--data-dir", d, "review", "start", aid)
    run(capsys, "--data-dir", d, "review", "approve", aid, "--comment", "ผ่าน")
    code, _, err = run(capsys, "--data-dir", d, "--json", "modeltown", "set", "--year", "2569",
                       "--municipality", "5001", "--reason", "ดีเด่น")
    assert code == 1 and "below every tier" in err  # approved, but nothing to be a model of
    d, aid = _approved_with_a_tier(capsys, tmp_path)
    code, out, err = run(
        capsys,
        "--data-dir",
        d,
        "--json",
        "modeltown",
        "set",
        "--year",
        "2569",
        "--municipality",
        "5001",
        "--reason",
        "คะแนนสูงสุด",
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", d, "--json", "modeltown", "show")
    assert [m["municipality_code"] for m in json.loads(out)] == ["5001"]
    code, out, _ = run(capsys, "--data-dir", d, "--json", "dashboard", "--year", "2569")
    dash = json.loads(out)
    assert dash["province"] == "50" and dash["coverage"]["municipalities"] == 4
    assert dash["coverage"]["assessed"] == 1 and dash["rows"][0]["model_town"] is True
    code, out, _ = run(capsys, "--data-dir", d, "dashboard", "--year", "2569", "--sort", "name")
    assert "coverage: 1/4" in out and "★" in out
    target = tmp_path / "out" / "a.csv"
    code, out, err = run(
        capsys,
        "--data-dir",
        d,
        "export",
        "csv",
        "--what",
        "assessments",
        "--year",
        "2569",
        "-o",
        str(target),
    )
    assert code == 0, err
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines()))
    assert rows[0][0] == "รหัสการประเมิน" and rows[1][0] == aid
    with pytest.raises(SystemExit):
        main(["--data-dir", d, "export", "xlsx", "--what", "nothing", "-o", str(target)])
