"""`secity trend …` and `secity report trend …` run in-process like a user would."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))

from thai_helpers import poppler, squash

from secity_desktop.cli.main import main
from tests.services.trend_helpers import FULL1, FULL2, HALF1, LOW1, MID2, result, two_versions


@pytest.fixture
def ddir(tmp_path: Path) -> str:
    ws = two_versions(tmp_path)
    result(ws, "5001", 2566, HALF1)
    result(ws, "5001", 2567, FULL1)
    result(ws, "5001", 2568, MID2, "test-2")
    result(ws, "5002", 2566, LOW1)
    result(ws, "5002", 2567, FULL1)
    result(ws, "5002", 2568, FULL2, "test-2")
    ws.close()
    return str(tmp_path / "ws")


def _json(capsys: pytest.CaptureFixture[str], ddir: str, *argv: str) -> dict[str, object]:
    assert main(["--data-dir", ddir, "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_trend_json_for_each_scope(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    m = _json(capsys, ddir, "trend", "--municipality", "5001")
    assert [y["year"] for y in m["years"]] == [2566, 2567, 2568]  # type: ignore[index]
    assert [y["link"] for y in m["years"]] == ["first", "same", "break"]  # type: ignore[index]
    assert m["breaks"] == [2568] and m["years"][1]["change"] == 60.0  # type: ignore[index]
    p = _json(capsys, ddir, "trend", "--province", "50")
    assert p["scope"] == "province" and p["seat"] == "5001"
    assert [y["seat_tier"] for y in p["years"]] == [None, "excellent", None]  # type: ignore[index]
    improved = p["most_improved"]
    assert improved["from_year"] == 2566 and improved["not_comparable"] == 2  # type: ignore[index]
    p = _json(capsys, ddir, "trend", "--province", "50", "--until", "2567")
    assert p["most_improved"]["rows"][0]["municipality"] == "5002"  # type: ignore[index]
    n = _json(capsys, ddir, "trend", "--national")
    assert n["scope"] == "national" and n["years"][1]["seat_tiers"]["excellent"] == 1  # type: ignore[index]
    assert main(["--data-dir", ddir, "trend", "--municipality", "5001"]) == 0
    text = capsys.readouterr().out
    assert "framework break before 2568" in text and "| 2568" in text


def test_trend_refusals(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):  # exactly one scope
        main(["--data-dir", ddir, "trend", "--municipality", "5001", "--national"])
    assert main(["--data-dir", ddir, "--lang", "th", "trend", "--province", "50",
                 "--since", "2568", "--until", "2566"]) == 1
    assert "ปีเริ่มต้น 2568 ต้องมาก่อนปีสุดท้าย 2566" in capsys.readouterr().err


def test_report_trend_pdfs_are_thai_with_be_years(ddir: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.pdf"
    assert main(["--data-dir", ddir, "report", "trend", "--municipality", "5001", "-o",
                 str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    text = squash(poppler("pdftotext", "-layout", str(out), "-"))
    for want in ("ผลการประเมินเมืองสิ่งแวดล้อมยั่งยืนตลอดหลายปี", "เทศบาลนครเชียงใหม่",
                 "ปีพ.ศ.", "2566", "2567", "2568", "ดีเยี่ยม", "เปลี่ยนเกณฑ์",
                 "minitest-1", "minitest-2", "ไม่มีผลรางวัลในอดีตที่บันทึกไว้", "60.00", "+60.00"):
        assert want in text, want
    assert main(["--data-dir", ddir, "--json", "report", "trend", "--province", "50", "-o",
                 str(tmp_path / "p")]) == 0
    written = Path(json.loads(capsys.readouterr().out)["output"])
    assert written.suffix == ".pdf"
    text = squash(poppler("pdftotext", "-layout", str(written), "-"))
    for want in ("ความก้าวหน้าสู่เป้าหมายเมืองสิ่งแวดล้อมยั่งยืน", "จังหวัดเชียงใหม่",
                 "เมืองศูนย์กลาง", "เทศบาลที่พัฒนาขึ้นมากที่สุด", "2566", "2568"):
        assert want in text, want
    assert main(["--data-dir", ddir, "report", "trend", "--national", "-o",
                 str(tmp_path / "n.pdf")]) == 0
    text = squash(poppler("pdftotext", "-layout", str(tmp_path / "n.pdf"), "-"))
    assert "ระดับประเทศ" in text and "มีเมืองต้นแบบ" in text and "เป้าหมาย" in text
    fonts = poppler("pdffonts", str(tmp_path / "n.pdf"))
    assert "Helvetica" not in fonts  # every font embedded Sarabun
