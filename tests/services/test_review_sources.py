"""Review data reaches the PDF reports and certificates by default, with no plug-in passed."""

from __future__ import annotations

import inspect
from pathlib import Path

from secity_desktop.services.certificates import CertificateService
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.review.sources import model_town_codes, model_town_of, report_entries
from secity_desktop.services.review.workflow import ReviewService, on_new_revision
from secity_desktop.store import review as rrepo
from tests.services.review_helpers import province_ws, received


def test_review_sources_are_the_defaults() -> None:
    data = inspect.signature(ReportDataService).parameters
    assert data["review"].default is report_entries
    assert data["model_town"].default is model_town_of
    certs = inspect.signature(CertificateService).parameters
    assert certs["model_towns"].default is model_town_codes


def test_review_entries_and_model_town_feed_reports(tmp_path: Path) -> None:
    ws = province_ws(tmp_path)
    aid = received(ws, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs = ReviewService(ws)
    rs.start(aid)
    rs.comment(aid, "ขอแผนที่", indicator="1.1")
    rs.override(aid, "2.1", 2, "หลักฐานไม่ครบ")
    rs.approve(aid, "ผ่าน")
    ModelTownService(ws).set(2569, "5001", "คะแนนสูงสุด")
    entries = report_entries(ws, aid)
    assert [e.kind for e in entries] == ["decision", "comment", "override", "decision"]
    assert (
        entries[2].old_level == 4 and entries[2].new_level == 2 and entries[2].text == "หลักฐานไม่ครบ"
    )
    assert [e.text for e in entries if e.kind == "decision"] == ["เริ่มพิจารณา", "อนุมัติ — ผ่าน"]
    assert model_town_of(ws, "50", 2569) == "5001" and model_town_of(ws, "50", 2570) is None
    assert model_town_codes(ws, 2569) == ["5001"]
    # no plug-in passed: what the CLI and the GUI construct
    data = ReportDataService(ws).assessment(aid)
    assert data.total == 70.0  # the effective score
    ind21 = next(i for i in data.indicators if i.code == "2.1")
    assert (ind21.level, ind21.assessor_level) == (2, 4)
    assert [(e.kind, e.text, e.new_level) for e in ind21.review] == [("override", "หลักฐานไม่ครบ", 2)]
    ind11 = next(i for i in data.indicators if i.code == "1.1")
    assert [(e.kind, e.text) for e in ind11.review] == [("comment", "ขอแผนที่")]
    assert [e.kind for e in data.review] == ["decision", "decision"]
    assert ReportDataService(ws).province("50", 2569).model_town_th is not None
    [cert] = CertificateService(ws).prepare_many(2569, specimen=True)
    assert cert.municipality_code == "5001"
    ws.close()


def test_report_shows_only_overrides_that_stand(tmp_path: Path) -> None:
    """Replaced and withdrawn overrides would contradict the effective level printed beside them."""
    ws = province_ws(tmp_path)
    aid = received(ws, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs = ReviewService(ws)
    rs.start(aid)
    rs.override(aid, "2.1", 1, "ครั้งแรก")
    rs.override(aid, "2.1", 2, "ทบทวนแล้ว")
    rs.override(aid, "1.1", 0, "ไม่มีหลักฐาน")
    rs.override(aid, "1.1", None, "ได้รับหลักฐานเพิ่ม")
    data = ReportDataService(ws).assessment(aid)
    overrides = [e for i in data.indicators for e in i.review if e.kind == "override"]
    assert [(e.indicator_code, e.old_level, e.new_level, e.text) for e in overrides] == [
        ("2.1", 4, 2, "ทบทวนแล้ว")
    ]
    assert next(i for i in data.indicators if i.code == "1.1").level == 2
    assert len(rrepo.overrides(ws.db, aid)) == 4  # the history itself is kept
    ws.close()


def test_importer_decisions_read_in_thai(tmp_path: Path) -> None:
    ws = province_ws(tmp_path)
    aid = received(ws, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs = ReviewService(ws)
    rs.start(aid)
    rs.approve(aid)
    ws.db.execute("UPDATE assessments SET revision = 2 WHERE id = ?", [aid])
    on_new_revision(ws, aid)  # the importer updated the same row in place
    texts = [e.text for e in report_entries(ws, aid)]
    assert texts[-1] == "ได้รับฉบับแก้ไขครั้งที่ 2 หลังอนุมัติ — พิจารณาใหม่"
    assert not any("arrived" in t for t in texts)
    ws.close()


def test_a_province_certifies_only_its_own_model_towns(tmp_path: Path) -> None:
    ws = province_ws(tmp_path)
    aid = received(ws, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs = ReviewService(ws)
    rs.start(aid)
    rs.approve(aid)
    ModelTownService(ws).set(2569, "5001", "คะแนนสูงสุด")
    # e.g. left by an earlier region-level use of the same store
    rrepo.put_model_town(
        ws.db, rrepo.ModelTown("x", "11", 2569, "1101", None, "ทดสอบ", "someone", "2026-01-01")
    )
    assert [t.municipality_code for t in rrepo.model_towns(ws.db, year=2569)] == ["1101", "5001"]
    assert model_town_codes(ws, 2569) == ["5001"]
    ws.close()
