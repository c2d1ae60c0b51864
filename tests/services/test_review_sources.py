"""Review data reaches the PDF reports and certificates through their plug points."""

from __future__ import annotations

from pathlib import Path

from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.review import ReviewService
from secity_desktop.services.review_sources import model_town_codes, model_town_of, report_entries
from tests.services.review_helpers import province_ws, received


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
    assert entries[-1].text == "กำลังพิจารณา → อนุมัติแล้ว: ผ่าน"
    assert model_town_of(ws, "50", 2569) == "5001" and model_town_of(ws, "50", 2570) is None
    assert model_town_codes(ws, 2569) == ["5001"]
    data = ReportDataService(ws, review=report_entries, model_town=model_town_of).assessment(aid)
    assert data.total == 70.0  # the effective score
    ind21 = next(i for i in data.indicators if i.code == "2.1")
    assert ind21.review and ind21.review[0].new_level == 2
    assert [e.kind for e in data.review] == ["decision", "decision"]
    ws.close()
