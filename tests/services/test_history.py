"""Past results: matched like the register, kept with their source, unknown awards verbatim."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.reference import ImportRejected
from secity_desktop.services import municipalities as msvc
from secity_desktop.services.history import import_history, past_results
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.register import import_register
from secity_desktop.services.workspace import Workspace

AWARDS = (
    "ปีงบประมาณ,จังหวัด,ชื่อ,รางวัล,ระดับ\n"
    "2565,เชียงใหม่,ทน.เชียงใหม่,ระดับดีเยี่ยม,ระดับพื้นที่\n"
    "2566,50,เทศบาลนครเชียงใหม่,รางวัลชนะเลิศ,ระดับประเทศ\n"
    "2566,50,ทม.แม่เหียะ,รองชนะเลิศ อันดับ ๑,พื้นที่\n"
    "2567,50,เทศบาลนครเชียงใหม่,รางวัลพิเศษด้านน้ำ,ระดับพื้นที่\n"
)


def write(tmp_path: Path, text: str, name: str = "awards.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_keeps_source_and_unknown_awards(ws: Workspace, tmp_path: Path) -> None:
    f = write(tmp_path, AWARDS)
    dry = import_history(ws, f, dry_run=True)
    assert [p.outcome for p in dry.preview.rows] == ["add"] * 4 and past_results(ws) == []
    done = import_history(ws, f)
    assert done.added == 4
    rows = past_results(ws, municipality_code="5001")
    assert [(r.year, r.level, r.award_code) for r in rows] == [
        (2567, "area", "other"), (2566, "national", "winner"), (2565, "area", "excellent")
    ]
    assert rows[0].award_text == "รางวัลพิเศษด้านน้ำ"  # kept verbatim
    assert (rows[1].source_file, rows[1].source_line, len(rows[1].source_sha256)) == ("awards.csv", 3, 64)
    # the same file again: every row already recorded
    assert [p.outcome for p in import_history(ws, f).preview.rows] == ["same"] * 4
    assert len(past_results(ws)) == 4
    assert [r.year for r in msvc.detail(ws, "5001").history] == [2567, 2566, 2565]
    assert [r.year for r in ModelTownService(ws).past_awards("5001")] == [2567, 2566, 2565]


def test_a_former_form_still_finds_the_body(ws: Workspace, tmp_path: Path) -> None:
    import_register(ws, write(tmp_path, "ชื่อ,จังหวัด\nอบต.หนองหอย,50\n", "r1.csv"))
    code = next(m.code for m in msvc.municipalities(ws, "50") if m.name_th.endswith("หนองหอย"))
    import_register(ws, write(tmp_path, "ชื่อ,จังหวัด\nทต.หนองหอย,50\n", "r2.csv"), settle={2: code})
    f = write(tmp_path, "ปี,จังหวัด,ชื่อ,รางวัล,ระดับ\n2562,50,อบต.หนองหอย,ชมเชย,พื้นที่\n")
    assert [p.record for p in import_history(ws, f).preview.rows] == [code]


def test_refused_and_ambiguous_rows_change_nothing(ws: Workspace, tmp_path: Path) -> None:
    import_register(ws, write(tmp_path, "ชื่อ,จังหวัด\nอบต.สุเทพ,50\n", "r.csv"))
    f = write(
        tmp_path,
        "ปี,จังหวัด,ชื่อ,รางวัล,ระดับ\n"
        "2566,50,สุเทพ,ชมเชย,พื้นที่\n"  # no form: เทศบาลตำบลสุเทพ or อบต.สุเทพ?
        "2024,50,ทน.เชียงใหม่,ชมเชย,พื้นที่\n"  # Christian Era
        "2566,50,ทต.ไม่มีจริง,ชมเชย,พื้นที่\n"
        "2566,50,ทน.เชียงใหม่,ชมเชย,\n",  # no level
    )
    dry = import_history(ws, f, dry_run=True)
    assert [(p.line, p.outcome) for p in dry.preview.rows] == [
        (2, "ambiguous"), (3, "refused"), (4, "refused"), (5, "refused")
    ]
    assert [p.reasons[0].code for p in dry.preview.rows[1:]] == ["row.bad_year", "row.not_in_register", "row.bad_level"]
    with pytest.raises(ImportRejected):
        import_history(ws, f)
    assert past_results(ws) == []
    # a --level default fills the missing column; the ambiguous row is settled by a person
    ok = write(tmp_path, "ปี,จังหวัด,ชื่อ,รางวัล\n2566,50,สุเทพ,ชมเชย\n", "ok.csv")
    with pytest.raises(ValidationError) as waiting:
        import_history(ws, ok, level="area")
    assert waiting.value.code == "register.unsettled"
    assert import_history(ws, ok, level="area", settle={2: "5003"}).added == 1


def test_xlsx_with_codes(ws: Workspace, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["ปีงบประมาณ", "จังหวัด", "รหัส", "ผลการประเมิน", "ระดับ"])
    sheet.append([2566, "เชียงใหม่", 5001, "ระดับดีมาก", "ระดับพื้นที่"])
    path = tmp_path / "awards.xlsx"
    wb.save(path)
    assert import_history(ws, path).added == 1
    assert past_results(ws, year=2566)[0].award_code == "very_good"
