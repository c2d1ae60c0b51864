"""`secity municipality import`: the department's list, all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from secity_desktop.cli.main import main


@pytest.fixture
def ddir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    d = str(tmp_path / "ws")
    assert main(["--data-dir", d, "init"]) == 0
    capsys.readouterr()
    return d


def _count(ddir: str, capsys: pytest.CaptureFixture[str]) -> int:
    main(["--data-dir", ddir, "--json", "municipality", "list"])
    return len(json.loads(capsys.readouterr().out))


def test_csv_with_thai_headers(
    ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _count(ddir, capsys)
    f = tmp_path / "dla.csv"
    f.write_text(
        "รหัส,ชื่อ,ประเภท,จังหวัด\n"
        "6500101,เทศบาลตำบลวังทอง,เทศบาลตำบล,พิษณุโลก\n"
        "5000301,เทศบาลเมืองแม่โจ้,เมือง,50\n",
        encoding="utf-8-sig",
    )
    assert main(["--data-dir", ddir, "municipality", "import", str(f), "--date", "2026-06-05"]) == 0
    capsys.readouterr()
    assert _count(ddir, capsys) == before + 2
    main(["--data-dir", ddir, "--json", "municipality", "list", "--province", "65"])
    rows = json.loads(capsys.readouterr().out)
    assert {"code": "6500101", "name_th": "เทศบาลตำบลวังทอง", "type": "tambon"}.items() <= next(
        r for r in rows if r["code"] == "6500101"
    ).items()


def test_xlsx(ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["รหัส อปท.", "ชื่อ อปท.", "ประเภท", "จังหวัด", "ชื่อภาษาอังกฤษ"])
    ws.append([1200901, "เทศบาลนครปากเกร็ด", "นคร", "นนทบุรี", "Pak Kret City Municipality"])
    path = tmp_path / "dla.xlsx"
    wb.save(path)
    assert main(["--data-dir", ddir, "municipality", "import", str(path)]) == 0


def test_bad_rows_reported_by_line_and_nothing_changed(
    ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _count(ddir, capsys)
    f = tmp_path / "bad.csv"
    f.write_text(
        "code,name_th,type,province_code\n"
        "9999901,เทศบาลตำบลดี,tambon,90\n"
        "9999902,,tambon,90\n"
        "9999903,เทศบาลตำบลผิด,village,90\n"
        "9999904,เทศบาลตำบลไกล,tambon,Atlantis\n"
        "9999901,ซ้ำ,tambon,90\n",
        encoding="utf-8",
    )
    assert main(["--data-dir", ddir, "municipality", "import", str(f)]) == 1
    err = capsys.readouterr().err
    for needle in (
        "line 3: name is empty",
        "line 4: unknown type 'village'",
        "line 5: unknown province 'Atlantis'",
        "line 6: code 9999901 repeats line 2",
        "nothing was changed",
    ):
        assert needle in err
    assert _count(ddir, capsys) == before


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"\xff\xfe\x00bad", "not UTF-8"), (b"a,b\n1,2\n", "missing column"), (b"", "empty")],
)
def test_unusable_files(
    ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, needle: str
) -> None:
    f = tmp_path / "x.csv"
    f.write_bytes(content)
    assert main(["--data-dir", ddir, "municipality", "import", str(f)]) == 1
    assert needle in capsys.readouterr().err


def test_not_an_xlsx(ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "x.xlsx"
    f.write_bytes(b"PK\x03\x04 truncated")
    assert main(["--data-dir", ddir, "municipality", "import", str(f)]) == 1
    assert "not a readable XLSX" in capsys.readouterr().err
