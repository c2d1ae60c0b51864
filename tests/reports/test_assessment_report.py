"""Assessment reports and province summaries, built from a real workspace and read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_helpers import YEAR, add_images, chiang_mai, fill
from thai_helpers import poppler, squash

from secity_desktop.core.errors import Cancelled
from secity_desktop.reports.assessment_pdf import render_assessment_report
from secity_desktop.reports.data import ReviewEntry
from secity_desktop.reports.province_pdf import render_province_summary
from secity_desktop.reports.thumbnails import make_thumbnail
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography


def _fonts_embedded(pdf: Path) -> None:
    rows = poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        assert "Sarabun" in row and " yes yes " in row, row


def test_report_holds_every_indicator_title_and_level_text(ws: Workspace, tmp_path: Path) -> None:
    ids = chiang_mai(ws, tmp_path)
    data = ReportDataService(ws).assessment(ids["5001"])
    pdf = render_assessment_report(data, tmp_path / "r.pdf")
    _fonts_embedded(pdf)
    text = squash(poppler("pdftotext", str(pdf), "-"))
    fw = ws.frameworks.current()
    for ind in fw.indicators:
        assert squash(ind.title_th) in text, ind.code
        assert squash(ind.levels[-1].label_th) in text, ind.code  # top level chosen everywhere
    for comp in fw.components:
        assert squash(comp.title_th) in text
    assert "เทศบาลนครเชียงใหม่" in text and "พ.ศ.2569" in text
    assert "100.00" in text and "ระดับดีเยี่ยม" in text
    assert "เกณฑ์ฉบับร่างชั่วคราว" in text  # provisional framework stated
    assert "แผนพัฒนาเมือง.pdf" in text  # documents listed by name and size
    assert "ผลการพิจารณาของสำนักงาน" in text and "—" in text  # no review yet: a dash


def test_report_embeds_one_thumbnail_per_photo(ws: Workspace, tmp_path: Path) -> None:
    ids = chiang_mai(ws, tmp_path, images=4)
    pdf = render_assessment_report(ReportDataService(ws).assessment(ids["5001"]), tmp_path / "r.pdf")
    rows = poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert len(rows) == 4
    for row in rows:
        cols = row.split()
        assert cols[2] == "image" and int(cols[3]) <= 240 and int(cols[4]) <= 240
        assert cols[8] == "jpeg"


def test_review_entries_render_when_present(ws: Workspace, tmp_path: Path) -> None:
    def review(_ws: Workspace, _aid: str) -> tuple[ReviewEntry, ...]:
        return (
            ReviewEntry("decision", "2026-11-20T10:00:00", "ผู้ตรวจ ก", "อนุมัติ"),
            ReviewEntry("override", "2026-11-20T09:00:00", "ผู้ตรวจ ก", "หลักฐานไม่ครบถ้วน",
                        indicator_code="1.2", old_level=4, new_level=3),
            ReviewEntry("comment", "2026-11-19T09:00:00", "ผู้ตรวจ ข", "ควรแนบภาพถ่ายเพิ่มเติม",
                        indicator_code="2.1"),
        )

    ids = chiang_mai(ws, tmp_path)
    data = ReportDataService(ws, review=review, signer=lambda w, a: "SHA256:abcDEF").assessment(
        ids["5001"])
    text = squash(poppler("pdftotext", str(render_assessment_report(data, tmp_path / "r.pdf")),
                          "-"))
    assert "ผลการพิจารณา:อนุมัติ" in text
    assert "ปรับระดับโดยผู้พิจารณา:ตัวชี้วัด1.2จาก4เป็น3—เหตุผล:หลักฐานไม่ครบถ้วน" in text
    assert "ควรแนบภาพถ่ายเพิ่มเติม" in text
    assert "SHA256:abcDEF" in text


def test_unanswered_indicators_show_a_dash(ws: Workspace, tmp_path: Path) -> None:
    from secity_desktop.services.assessments import AssessmentService

    a = AssessmentService(ws).new("5001", YEAR)
    data = ReportDataService(ws).assessment(a.id)
    text = squash(poppler("pdftotext", str(render_assessment_report(data, tmp_path / "r.pdf")),
                          "-"))
    assert text.count("ยังไม่ได้ประเมิน") == 34
    assert "ยังไม่ถึงเกณฑ์ระดับใด" in text


def test_cancel_during_thumbnails_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    ids = chiang_mai(ws, tmp_path, images=5)
    data = ReportDataService(ws).assessment(ids["5001"])
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(Cancelled):
        render_assessment_report(data, tmp_path / "r.pdf", progress=progress)
    assert seen == [(1, 5), (2, 5)]
    assert not (tmp_path / "r.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_broken_image_is_listed_not_fatal(ws: Workspace, tmp_path: Path) -> None:
    ids = chiang_mai(ws, tmp_path, images=1)
    from secity_desktop.services.assessments import AssessmentService

    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff not really a jpeg")
    AssessmentService(ws).attach(ids["5004"] if "5004" in ids else ids["5002"], "1.1", bad)
    target = ids["5004"] if "5004" in ids else ids["5002"]
    data = ReportDataService(ws).assessment(target)
    assert make_thumbnail(bad) is None
    text = squash(poppler("pdftotext", str(render_assessment_report(data, tmp_path / "r.pdf")),
                          "-"))
    assert "broken.jpg" in text


def test_province_summary_ranks_and_covers(ws: Workspace, tmp_path: Path) -> None:
    ids = chiang_mai(ws, tmp_path)
    svc = ReportDataService(ws, model_town=lambda w, p, y: "5001")
    data = svc.province("50", YEAR)
    totals = [r.total for r in data.rows if r.assessed]
    assert totals == sorted(totals, reverse=True) and totals[0] == pytest.approx(100.0)
    assert data.assessed == len(ids) and len(data.rows) == len(geography.municipalities(ws.db, "50"))
    assert data.model_town_th == "เทศบาลนครเชียงใหม่" and data.approved == 1
    pdf = render_province_summary(data, tmp_path / "p.pdf")
    _fonts_embedded(pdf)
    text = squash(poppler("pdftotext", str(pdf), "-"))
    for m in geography.municipalities(ws.db, "50"):
        assert squash(m.name_th) in text
    assert f"ประเมินแล้ว{data.assessed}จาก{len(data.rows)}เทศบาล" in text
    assert "ยังไม่ประเมิน" in text  # the one left out is listed, not dropped
    assert "(เมืองต้นแบบ)" in text
    layout = poppler("pdftotext", "-layout", str(pdf), "-")
    first = next(line for line in layout.splitlines() if re.match(r"\s*1\s+5\d\d\d", line))
    assert "5001" in first


def test_province_summary_latest_revision_and_year_only(ws: Workspace, tmp_path: Path) -> None:
    fill(ws, "5001", top=True)
    fill(ws, "5002", top=False, year=YEAR - 1)
    data = ReportDataService(ws).province("50", YEAR)
    assert [r.municipality_code for r in data.rows if r.assessed] == ["5001"]


def test_many_thumbnails_share_decoding(ws: Workspace, tmp_path: Path) -> None:
    aid = fill(ws, "5001", top=True)
    add_images(ws, aid, tmp_path / "a", 2, seed=2)
    add_images(ws, aid, tmp_path / "b", 2, seed=2)  # same pixels → same blobs
    data = ReportDataService(ws).assessment(aid)
    shas = [e.sha256 for i in data.indicators for e in i.evidence if e.is_image]
    assert len(shas) == 4 and len(set(shas)) == 2
    pdf = render_assessment_report(data, tmp_path / "r.pdf")
    rows = poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert len(rows) == 4  # drawn four times (reportlab may share the XObject)


def test_review_workflow_shows_in_report_and_summary(ws: Workspace, tmp_path: Path) -> None:
    """Real decisions, an override and a comment from the review service, and a model town."""
    from secity_desktop.core.lifecycle import Role, Status
    from secity_desktop.services.model_town import ModelTownService
    from secity_desktop.services.review.workflow import ReviewService
    from secity_desktop.services.workspace import init_workspace
    from secity_desktop.store import assessments as repo

    init_workspace(ws, role=Role.PROVINCE, province_code="50", user_name="ผู้ตรวจ ก")
    aid = fill(ws, "5001", top=True)
    repo.set_status(ws.db, aid, Status.RECEIVED.value, "2026-11-19T00:00:00+00:00", "importer")
    review = ReviewService(ws)
    review.start(aid)
    review.override(aid, "1.2", 2, "หลักฐานเป็นของปีที่แล้ว")
    review.comment(aid, "ควรแนบภาพถ่ายเพิ่มเติม", "2.1")
    review.approve(aid, "ผ่านตามเกณฑ์")
    ModelTownService(ws).set(YEAR, "5001", "คะแนนสูงสุด")
    data = ReportDataService(ws).assessment(aid)
    ind = next(i for i in data.indicators if i.code == "1.2")
    assert (ind.level, ind.assessor_level) == (2, 4)
    assert data.total < 100  # scored on the reviewer's level
    text = squash(poppler("pdftotext", str(render_assessment_report(data, tmp_path / "r.pdf")),
                          "-"))
    assert "ระดับ2(ช่วง0–4)ปรับโดยผู้พิจารณาจากระดับ4ของผู้ประเมิน" in text
    assert "ผลการพิจารณา:อนุมัติ—ผ่านตามเกณฑ์" in text
    assert "เหตุผล:หลักฐานเป็นของปีที่แล้ว" in text and "ควรแนบภาพถ่ายเพิ่มเติม" in text
    summary = ReportDataService(ws).province("50", YEAR)
    assert summary.model_town_th == "เทศบาลนครเชียงใหม่" and summary.approved == 1


def test_review_dates_in_the_report_are_buddhist_era() -> None:
    from secity_desktop.reports.assessment_pdf import _review_text
    from secity_desktop.reports.data import ReviewEntry

    text = _review_text(ReviewEntry("comment", "2026-11-27T05:00:00+00:00", "กานดา", "ดี", "1.1"))
    assert "2569" in text and "2026" not in text
