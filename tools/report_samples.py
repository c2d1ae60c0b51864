"""Render one of each document from a throwaway sample workspace, and PNGs of their pages.

Tests prove text, fonts and payloads; only looking shows collisions and
overflow, so run this after changing a renderer and open the PNGs.

Usage: ``PYTHONPATH=. python tools/report_samples.py OUT_DIR [--screenshots]``
(``--screenshots`` also copies one page per document into docs/screenshots/).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from secity_desktop import paths
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.crypto.keys import generate
from secity_desktop.reports.assessment_pdf import render_assessment_report
from secity_desktop.reports.certificate_pdf import render_certificate
from secity_desktop.reports.province_pdf import render_province_summary
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.certificates import CertificateService
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography

ISSUED = dt.date(2026, 11, 26)


def _photo(path: Path, rng: random.Random) -> None:
    """A landscape-ish picture: sky, ground, a few trees; enough to look like a photo."""
    img = Image.new("RGB", (1600, 1200), (140 + rng.randrange(60), 190, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 700, 1600, 1200], fill=(90, 140 + rng.randrange(60), 70))
    for _ in range(6):
        x = rng.randrange(100, 1500)
        d.rectangle([x - 12, 560, x + 12, 760], fill=(100, 70, 40))
        d.ellipse([x - 110, 380, x + 110, 620], fill=(40, 110 + rng.randrange(60), 50))
    img.save(path, quality=88)


def _review(ws: Workspace, aid: str) -> None:
    """Run the real review workflow: start, one override with a reason, a comment, approve."""
    repo.set_status(ws.db, aid, Status.RECEIVED.value, "2026-11-19T09:00:00+00:00", "import")
    review = ReviewService(ws)
    review.start(aid)
    review.override(aid, "1.2", 3, "ภาพถ่ายไม่แสดงผลการดำเนินงานปีปัจจุบัน")
    review.comment(aid, "ควรแนบรายงานผลการตรวจวัดคุณภาพน้ำรายไตรมาส", "3.3")
    review.approve(aid, "ผ่านตามเกณฑ์")
    ModelTownService(ws).set(2569, "5001", "คะแนนสูงสุดของจังหวัดและหลักฐานครบถ้วน")


def build(out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="secity-samples-"))
    ws = open_workspace(tmp / "ws")
    init_workspace(ws, role=Role.PROVINCE, province_code="50", user_name="นายสมชาย ใจดี")
    rng = random.Random(2569)
    svc = AssessmentService(ws)
    fw = ws.frameworks.current()
    ids = {}
    for n, m in enumerate(geography.municipalities(ws.db, "50")[:3]):
        a = svc.new(m.code, 2569)
        ids[m.code] = a.id
        for ind in fw.indicators:
            values = [lv.value for lv in ind.levels]
            level = values[-1] if (n == 0 and rng.random() < 0.8) else rng.choice(values[1:])
            note = "มีการดำเนินงานต่อเนื่อง และรายงานผลต่อสภาเทศบาลทุกไตรมาส" if rng.random() < 0.25 else None
            svc.set_response(a.id, ind.code, level, note)
    first = ids["5001"]
    for n in range(9):
        p = tmp / f"IMG_{n:04d}.jpg"
        _photo(p, rng)
        svc.attach(first, fw.indicators[n % 5].code, p)
    doc = tmp / "แผนพัฒนาเมืองสี่ปี 2566-2570.pdf"
    doc.write_bytes(b"%PDF-1.4\n" + b"x" * 250_000)
    svc.attach(first, "1.1", doc)
    ws.set_setting("user_name", "นางสาวพิมพ์ใจ ตรวจดี")
    _review(ws, first)
    # A finalized, signed revision needs the sync flow; the sample shows where its key goes.
    data = ReportDataService(ws, signer=lambda w, a:
                             "SHA256:3f9aC1d2E4b5A69xkq2Lm0Pz7Rt5Uv8Wy1Ab3Cd5Ef7Gh")
    report = dataclasses.replace(data.assessment(first), generated=ISSUED)
    province = dataclasses.replace(ReportDataService(ws).province("50", 2569), generated=ISSUED)
    certs = CertificateService(ws, today=lambda: ISSUED)
    cert = certs.sign(certs.prepare("5001", 2569, signatory_name="นายสมศักดิ์ รักษ์เมือง"),
                      generate())
    files = {
        "report-assessment": render_assessment_report(report, out / "report-assessment.pdf"),
        "report-province": render_province_summary(province, out / "report-province.pdf"),
        "certificate": render_certificate(cert, out / "certificate.pdf"),
    }
    ws.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return files


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    out = Path(argv[1])
    files = build(out)
    for name, pdf in files.items():
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(out / name)], check=True)
    if "--screenshots" in argv:
        shots = paths.project_root() / "docs" / "screenshots"
        for name in files:
            shutil.copy(out / f"{name}-1.png" if (out / f"{name}-1.png").exists()
                        else out / f"{name}-01.png", shots / f"{name}.png")
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
