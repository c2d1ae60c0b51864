"""`secity municipality import --dry-run/--settle`, `municipality show`, `secity history`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secity_desktop.cli.main import main


@pytest.fixture
def ddir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    d = str(tmp_path / "ws")
    assert main(["--data-dir", d, "init"]) == 0
    capsys.readouterr()
    return d


def run(ddir: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", ddir, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_dry_run_lists_each_row_and_changes_nothing(ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "dla.csv"
    f.write_text("รหัส,ชื่อ,จังหวัด\n8400101,ทน.สุราษฎร์ธานี,84\n8400201,ทต.พนม,84\n", encoding="utf-8")
    code, out, _ = run(ddir, capsys, "municipality", "import", str(f), "--dry-run")
    assert code == 0
    assert "line 2     update    8401" in out and "official_code: — → 8400101" in out
    assert "line 3     add       8400201   เทศบาลตำบลพนม" in out
    assert "would import — add 1 · update 1" in out
    assert run(ddir, capsys, "municipality", "show", "8400101")[0] == 1  # nothing written
    code, out, _ = run(ddir, capsys, "--json", "municipality", "import", str(f), "--date", "2026-06-05")
    data = json.loads(out)
    assert data["counts"]["add"] == 1 and not data["dry_run"]
    code, out, _ = run(ddir, capsys, "--json", "municipality", "show", "8400101")
    shown = json.loads(out)
    assert shown["code"] == "8401" and shown["is_seat"] and shown["aliases"][0]["code"] == "8400101"
    assert shown["type_history"][0]["type"] == "nakhon" and shown["history"] == []


def test_ambiguous_rows_need_settle(ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.csv"
    a.write_text("รหัส,ชื่อ,จังหวัด\n8400301,อบต.ดอนสัก,84\n", encoding="utf-8")
    assert run(ddir, capsys, "municipality", "import", str(a))[0] == 0
    b = tmp_path / "b.csv"
    b.write_text("ชื่อ,จังหวัด\nทต.ดอนสัก,84\n", encoding="utf-8")
    code, _, err = run(ddir, capsys, "municipality", "import", str(b))
    assert code == 1 and "--settle" in err and "lines 2" in err
    code, out, _ = run(ddir, capsys, "municipality", "import", str(b), "--settle", "2=8400301")
    assert code == 0 and "update" in out
    code, out, _ = run(ddir, capsys, "municipality", "show", "8400301")
    assert "เทศบาลตำบลดอนสัก" in out and "องค์การบริหารส่วนตำบล" in out  # both forms listed
    assert run(ddir, capsys, "municipality", "import", str(b), "--settle", "two=x")[0] == 1


def test_history_import_and_list(ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "awards.csv"
    f.write_text(
        "ปีงบประมาณ,จังหวัด,ชื่อ,รางวัล\n2566,เชียงใหม่,ทน.เชียงใหม่,รางวัลชนะเลิศ\n"
        "2567,50,ทน.เชียงใหม่,รางวัลความมุ่งมั่นในการพัฒนาเมืองสู่ความน่าอยู่อย่างยั่งยืน\n",
        encoding="utf-8",
    )
    code, _, err = run(ddir, capsys, "history", "import", str(f))
    assert code == 1 and "line 2" in err  # no level column and no --level
    code, out, _ = run(ddir, capsys, "history", "import", str(f), "--level", "national", "--dry-run")
    assert code == 0 and "would import — add 2" in out
    assert run(ddir, capsys, "history", "import", str(f), "--level", "national")[0] == 0
    code, out, _ = run(ddir, capsys, "--json", "history", "list", "--municipality", "5001")
    rows = json.loads(out)
    assert [(r["year"], r["award"], r["level"]) for r in rows] == [(2567, "commitment", "national"), (2566, "winner", "national")]
    assert rows[0]["source"]["file"] == "awards.csv" and rows[0]["source"]["line"] == 3
    code, out, _ = run(ddir, capsys, "municipality", "show", "5001")
    assert "2566 national รางวัลชนะเลิศ" in out
