"""Importing the register: dry-run classes, updates not duplicates, history, seat and assessments kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secity_desktop.core.errors import ConflictError, ValidationError
from secity_desktop.core.reference import ImportRejected
from secity_desktop.services import municipalities as msvc
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.operations import run_inline
from secity_desktop.services.register import RegisterImport, import_register, parse_settlements
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace, open_workspace
from secity_desktop.store import geography
from tests.services.review_helpers import province_ws, received


def csv(tmp_path: Path, text: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def outcomes(result: object) -> dict[int, str]:
    return {p.line: p.outcome.value for p in result.preview.rows}  # type: ignore[attr-defined]


def count(ws: Workspace) -> int:
    return int(ws.db.execute("SELECT count(*) FROM municipalities").fetchone()[0])


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def test_starter_seat_town_takes_the_official_code_and_keeps_everything(prov: Workspace, tmp_path: Path) -> None:
    """The Surat Thani bug, in Chiang Mai: the official list names the starter seat town."""
    a = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})  # a tier: model town
    rs = ReviewService(prov)
    rs.start(a)
    rs.approve(a)
    ModelTownService(prov).set(2569, "5001", "best in the province")
    before = count(prov)
    f = csv(tmp_path, "รหัส,ชื่อ,จังหวัด\n5000101,ทน.เชียงใหม่,เชียงใหม่\n5000102,ทต.หนองหอย,50\n")
    dry = import_register(prov, f, dry_run=True)
    assert outcomes(dry) == {2: "update", 3: "add"}
    assert count(prov) == before  # a dry run writes nothing
    done = import_register(prov, f, list_date="2026-06-05")
    assert done.applied is not None and done.applied.list_id
    assert count(prov) == before + 1  # no second เทศบาลนครเชียงใหม่
    m = geography.municipality(prov.db, "5000101")
    assert (m.code, m.official_code, m.is_seat, m.name_th) == ("5001", "5000101", True, "เทศบาลนครเชียงใหม่")
    # the assessment and the model town stay on the one record; the department code finds it
    assert prov.db.execute("SELECT count(*) FROM assessments WHERE municipality_code = '5001'").fetchone()[0] >= 1
    assert ModelTownService(prov).list(year=2569)[0].municipality_code == "5001"
    assert ModelTownService(prov).set(2569, "5000101", "chosen again by its department code").municipality_code == "5001"
    detail = msvc.detail(prov, "5000101")
    assert [x["code"] for x in detail.aliases] == ["5000101"]
    # a second import of the same list changes nothing and adds nothing
    again = import_register(prov, f)
    assert outcomes(again) == {2: "same", 3: "same"} and count(prov) == before + 1


def test_abbreviations_spacing_and_full_names_match_one_record(ws: Workspace, tmp_path: Path) -> None:
    import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด\nทต.พนม,สุราษฎร์ธานี\nอบต.พนม,84\n", "a.csv"))
    n = count(ws)
    second = import_register(ws, csv(tmp_path, "ชื่อ,ประเภท,จังหวัด\nเทศบาล ตำบล พนม,,84\nพนม,อบต.,จังหวัดสุราษฎร์ธานี\n", "b.csv"))
    assert outcomes(second) == {2: "same", 3: "same"} and count(ws) == n
    names = {m.name_th for m in geography.municipalities(ws.db, "84")}
    assert {"เทศบาลตำบลพนม", "องค์การบริหารส่วนตำบลพนม"} <= names  # stored in full
    assert not any(x.startswith(("ทต.", "อบต.")) for x in names)


def test_type_upgrade_keeps_history_with_date_and_source(ws: Workspace, tmp_path: Path) -> None:
    import_register(ws, csv(tmp_path, "รหัส,ชื่อ,จังหวัด\n8400201,ทต.พนม,84\n", "2566.csv"))
    a = AssessmentService(ws).new("8400201", 2567)
    up = import_register(
        ws, csv(tmp_path, "ชื่อ,จังหวัด,วันที่ยกฐานะ\nทม.พนม,84,31/10/2567\n", "2568.csv"), dry_run=True
    )
    row = up.preview.rows[0]
    assert row.outcome.value == "update" and row.record == "8400201"
    assert {c.field for c in row.changes} == {"name_th", "type"}
    import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด,วันที่ยกฐานะ\nทม.พนม,84,31/10/2567\n", "2568.csv"))
    d = msvc.detail(ws, "8400201")
    assert d.record.type == "mueang" and d.record.name_th == "เทศบาลเมืองพนม"
    assert [(t["type"], t["previous_type"], t["since"]) for t in d.type_history] == [
        ("tambon", None, None), ("mueang", "tambon", "2024-10-31")
    ]
    assert "2568.csv" in d.type_history[1]["source"] and "line 2" in d.type_history[1]["source"]
    assert AssessmentService(ws).get(a.id).municipality_code == "8400201"


def test_sao_upgraded_is_ambiguous_until_settled(ws: Workspace, tmp_path: Path) -> None:
    import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด\nอบต.ดอนสัก,84\n", "a.csv"))
    sao = next(m.code for m in geography.municipalities(ws.db, "84") if m.name_th.endswith("ดอนสัก"))
    f = csv(tmp_path, "ชื่อ,จังหวัด\nทต.ดอนสัก,84\n", "b.csv")
    dry = import_register(ws, f, dry_run=True)
    assert outcomes(dry) == {2: "ambiguous"} and dry.preview.rows[0].candidates == [sao]
    with pytest.raises(ValidationError) as refused:
        import_register(ws, f)
    assert refused.value.code == "register.unsettled"
    n = count(ws)
    import_register(ws, f, settle={2: sao})
    assert count(ws) == n and geography.municipality(ws.db, sao).type == "tambon"
    assert [t["type"] for t in msvc.detail(ws, sao).type_history] == ["sao", "tambon"]
    # settling "new" on a row that plainly names a record is refused, never a duplicate
    assert outcomes(import_register(ws, f, settle={2: "new"}, dry_run=True)) == {2: "refused"}


def test_several_candidates_are_ambiguous_and_never_guessed(ws: Workspace, tmp_path: Path) -> None:
    import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด,อำเภอ\nอบต.บ้านใหม่,84,อ.พนม\nอบต.บ้านใหม่,84,อ.ไชยา\n", "a.csv"))
    dry = import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด\nอบต.บ้านใหม่,84\n", "b.csv"), dry_run=True)
    assert outcomes(dry) == {2: "ambiguous"} and len(dry.preview.rows[0].candidates) == 2
    # the district tells them apart
    by_district = import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด,อำเภอ\nอบต.บ้านใหม่,84,ไชยา\n", "c.csv"), dry_run=True)
    assert outcomes(by_district) == {2: "same"}


def test_refused_rows_reject_the_whole_file(ws: Workspace, tmp_path: Path) -> None:
    n = count(ws)
    f = csv(
        tmp_path,
        "รหัส,ชื่อ,จังหวัด,เมืองศูนย์กลางจังหวัด\n"
        "9000101,ทต.ดี,90,\n"
        "8401,ทน.สุราษฎร์ธานี,90,\n"  # 8401 is in Surat Thani (84), not Songkhla
        "9000103,ทต.ใหม่,90,1\n"  # Songkhla already has its seat town
        "9000104,ทต.ไหน,Atlantis,\n"
        "9000105,กรุงเทพมหานคร,90,\n",
    )
    dry = import_register(ws, f, dry_run=True)
    assert outcomes(dry) == {2: "add", 3: "refused", 4: "refused", 5: "refused", 6: "refused"}
    codes = {p.line: p.reasons[0].code for p in dry.preview.rows if p.reasons}
    assert codes == {3: "row.code_other_province", 4: "row.seat_twice", 5: "row.unknown_province", 6: "row.wrong_province_for_type"}
    with pytest.raises(ImportRejected) as rejected:
        import_register(ws, f)
    assert "line 3" in str(rejected.value) and rejected.value.code == "import_rejected"
    assert count(ws) == n


def test_every_form_including_bangkok_and_pattaya(ws: Workspace, tmp_path: Path) -> None:
    f = csv(
        tmp_path,
        "รหัส,ชื่อ,จังหวัด\n1000001,กรุงเทพมหานคร,กรุงเทพฯ\n2000001,เมืองพัทยา,ชลบุรี\n"
        "2000002,อบจ.ชลบุรี,20\n2000003,อบต.บางละมุง,20\n",
    )
    import_register(ws, f)
    types = {m.code: m.type for m in geography.municipalities(ws.db) if m.code.startswith(("1000", "2000"))}
    assert types == {"1000001": "bangkok", "2000001": "pattaya", "2000002": "pao", "2000003": "sao"}
    assert geography.municipality(ws.db, "1000001").province_code == "10"
    assert "10" not in {p["code"] for p in geography.provinces(ws.db)}  # outside the programme
    assert "10" in {p["code"] for p in geography.provinces(ws.db, outside=True)}


def test_a_new_department_code_keeps_the_old_one_as_former(ws: Workspace, tmp_path: Path) -> None:
    import_register(ws, csv(tmp_path, "รหัส,ชื่อ,จังหวัด\n5000101,ทน.เชียงใหม่,50\n", "a.csv"))
    dry = import_register(ws, csv(tmp_path, "รหัส,ชื่อ,จังหวัด\n3500101,ทน.เชียงใหม่,50\n", "b.csv"), dry_run=True)
    assert outcomes(dry) == {2: "update"}
    import_register(ws, csv(tmp_path, "รหัส,ชื่อ,จังหวัด\n3500101,ทน.เชียงใหม่,50\n", "b.csv"))
    kinds = {a["code"]: a["kind"] for a in msvc.detail(ws, "5001").aliases}
    assert kinds == {"5000101": "former", "3500101": "official"}
    assert geography.municipality(ws.db, "5000101").code == geography.municipality(ws.db, "3500101").code == "5001"


def test_rows_without_codes_get_local_codes(ws: Workspace, tmp_path: Path) -> None:
    done = import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด\nทต.หนึ่ง,84\nทต.สอง,84\nทต.หนึ่ง,84\n"), dry_run=True)
    assert outcomes(done) == {2: "add", 3: "add", 4: "refused"}  # the same name twice, no code
    ok = import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด\nทต.หนึ่ง,84\nทต.สอง,84\n", "ok.csv"))
    assert ok.applied is not None
    codes = sorted(ok.applied.new_codes.values())
    assert len(codes) == 2 and all(c.startswith("L84-") and len(c) == 12 for c in codes)
    # another workspace importing the same list gives the same bodies the same codes
    other = open_workspace(tmp_path / "other")
    again = import_register(other, csv(tmp_path, "ชื่อ,จังหวัด\nทต.สอง,84\nทต.หนึ่ง,84\n", "ok2.csv"))
    assert again.applied is not None and sorted(again.applied.new_codes.values()) == codes
    other.close()


def test_preview_then_a_changed_register_is_refused(ws: Workspace, tmp_path: Path) -> None:
    op = RegisterImport(ws, csv(tmp_path, "ชื่อ,จังหวัด\nทต.หนึ่ง,84\n"))
    op.prepare()
    op.work(lambda *_: True)
    import_register(ws, csv(tmp_path, "ชื่อ,จังหวัด\nทต.สอง,84\n", "other.csv"))
    with pytest.raises(ConflictError) as changed:
        op.finish()
    assert changed.value.code == "register.changed"
    assert run_inline(RegisterImport(ws, csv(tmp_path, "ชื่อ,จังหวัด\nทต.หนึ่ง,84\n"))).applied is not None


def test_settlements_parse_and_refuse_nonsense() -> None:
    assert parse_settlements(["12=8401", "15=NEW", "3=skip"]) == {12: "8401", 15: "new", 3: "skip"}
    for bad in ("12", "x=1", "4="):
        with pytest.raises(ValidationError):
            parse_settlements([bad])


def test_a_twin_left_by_the_old_import_is_pointed_out(ws: Workspace, tmp_path: Path) -> None:
    """Stores imported before the register may hold a town twice (8401 and 8400101): said, not hidden."""
    ws.db.execute(
        "INSERT INTO municipalities (code, name_th, type, province_code, official_code)"
        " VALUES ('8400101', 'เทศบาลนครสุราษฎร์ธานี', 'nakhon', '84', '8400101')"
    )
    dry = import_register(ws, csv(tmp_path, "รหัส,ชื่อ,จังหวัด\n8400101,ทน.สุราษฎร์ธานี,84\n"), dry_run=True)
    row = dry.preview.rows[0]
    assert (row.outcome.value, row.record) == ("same", "8400101")
    assert [r.code for r in row.reasons] == ["row.twin_record"] and "8401" in row.reasons[0].message
