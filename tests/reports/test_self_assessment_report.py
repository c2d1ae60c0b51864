"""The assessment PDF shows the municipality's claim beside the verified levels (read back)."""

from __future__ import annotations

import csv
from pathlib import Path

from thai_helpers import poppler, squash

from secity_desktop.reports.assessment_pdf import render_assessment_report
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow


def test_report_has_claimed_vs_verified_per_component_and_indicator(tmp_path: Path) -> None:
    prov: Workspace = flow.province(tmp_path / "p")
    a = flow.assessor(tmp_path / "a")
    flow.enrol(prov, a)
    aid = flow.complete(a, "5001", 2569, evidence_every=2)
    flow.finalize(a, aid)
    from secity_desktop.services.bundle_import import ImportService

    assert ImportService(prov).import_files([flow.export(a, [aid], tmp_path / "f")]).ok
    fw = prov.frameworks.current()
    sheet = tmp_path / "sar.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["รหัสตัวชี้วัด", "ระดับ", "หมายเหตุ"])  # the Thai headers work too
        for ind in fw.indicators:
            w.writerow([ind.code, ind.max_value, "มีแผนครบถ้วน" if ind.code == "1.2" else ""])
    SelfAssessmentService(prov).import_sheet(sheet, municipality="5001", year=2569,
                                             entered_by="นางสาวกรอก ข้อมูล")
    data = ReportDataService(prov).assessment(aid)
    assert data.claim is not None and data.claim.disagreements == len(fw.indicators) // 2
    pdf = render_assessment_report(data, tmp_path / "r.pdf")
    text = squash(poppler("pdftotext", str(pdf), "-"))
    assert squash("การประเมินตนเองของเทศบาลเทียบกับผลการตรวจประเมิน") in text
    assert squash("ไม่ได้ลงนาม") in text and squash("นางสาวกรอก") in text
    assert squash("เทศบาลประเมินตนเอง 100.00 คะแนน") in text
    assert squash(f"ระดับไม่ตรงกัน {data.claim.disagreements} ตัวชี้วัด") in text
    assert squash("ไม่ตรงกับผลตรวจประเมิน") in text and squash("มีแผนครบถ้วน") in text
    for comp in fw.components:
        assert squash(f"{comp.title_th}") in text
    poppler("pdftoppm", "-r", "60", "-f", "1", "-l", "2", "-png", str(pdf), str(tmp_path / "page"))
    assert list(tmp_path.glob("page*.png"))
