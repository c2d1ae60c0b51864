"""Benchmarks for PDF reports and certificates.

``run()`` returns ``(figure, value, unit)`` rows; the lead's ``bench/run.py``
calls every ``bench_*.py``. Each figure is set against a baseline measured in
the same run — a bare reportlab canvas page with one ``drawString`` — so the
numbers mean something on any machine. Targets: one certificate ≤ 0.5 s; an
assessment report with 34 indicators and 100 photo thumbnails ≤ 3 s.

Run alone: ``PYTHONPATH=. python bench/bench_reports.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.crypto import certpayload
from secity_desktop.crypto.keys import fingerprint, generate
from secity_desktop.reports.assessment_pdf import render_assessment_report
from secity_desktop.reports.certificate_pdf import render_certificate, render_certificates
from secity_desktop.reports.certificate_template import CertificateTemplate
from secity_desktop.reports.data import CertificateData
from secity_desktop.reports.fonts import register_fonts
from secity_desktop.reports.thumbnails import clear_cache
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.workspace import init_workspace, open_workspace
from secity_desktop.store import assessments as repo

PHOTOS = 100
PHOTO_SIZE = (2400, 1800)  # a typical downsized phone photo (4.3 MP)


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _baseline(folder: Path) -> float:
    def page() -> None:
        c = Canvas(str(folder / "baseline.pdf"))
        c.drawString(72, 720, "SECity baseline")
        c.showPage()
        c.save()

    return _best(page, 5)


def _certificate(n: int, key) -> CertificateData:  # type: ignore[no-untyped-def]
    code = f"{10 + n:02d}01"
    claims = certpayload.CertificateClaims(
        f"2569-{code}-ABC{n:03d}", code, "เทศบาลเมืองประจวบคีรีขันธ์", 2569, "excellent",
        "2026-11-26", fingerprint(key.public_key()),
    )
    return CertificateData(
        certificate_id=claims.certificate_id, municipality_code=code,
        municipality_th=claims.municipality_th, province_th="ประจวบคีรีขันธ์", year=2569,
        tier_code="excellent", tier_th="ระดับดีเยี่ยม", issued=dt.date(2026, 11, 26),
        signatory_name="นายสมศักดิ์ รักษ์เมือง", payload=certpayload.sign(claims, key),
        signer_fingerprint=claims.signer,
    )


def _photo(rng: random.Random) -> bytes:
    small = Image.effect_noise((240, 180), 60).convert("RGB")
    tint = Image.new("RGB", small.size, (rng.randrange(256), rng.randrange(256), 90))
    img = Image.blend(small, tint, 0.5).resize(PHOTO_SIZE, Image.Resampling.BILINEAR)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def _assessment_workspace(folder: Path) -> tuple[object, str]:
    ws = open_workspace(folder / "ws")
    init_workspace(ws, role=Role.PROVINCE, province_code="50", user_name="bench")
    svc = AssessmentService(ws)
    a = svc.new("5001", 2569)
    rng = random.Random(7)
    fw = ws.frameworks.current()
    for ind in fw.indicators:
        svc.set_response(a.id, ind.code, ind.levels[-1].value, "บันทึกประกอบการประเมิน " * 3)
    photos = folder / "photos"
    photos.mkdir()
    for n in range(PHOTOS):
        path = photos / f"IMG_{n:04d}.jpg"
        path.write_bytes(_photo(rng))
        svc.attach(a.id, fw.indicators[n % len(fw.indicators)].code, path)
    repo.set_status(ws.db, a.id, Status.APPROVED.value, "2026-11-20T00:00:00+00:00", "bench")
    return ws, a.id


def run() -> list[tuple[str, float, str]]:
    """(figure, value, unit) rows, each set beside the bare-canvas baseline of the same run."""
    register_fonts()
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="secity-bench-") as tmp:
        folder = Path(tmp)
        base = _baseline(folder)
        key = generate()
        tpl = CertificateTemplate.load()
        one = _certificate(0, key)
        render_certificate(one, folder / "warm.pdf", tpl)  # font tables and newmm loaded once
        cert = _best(lambda: render_certificate(one, folder / "one.pdf", tpl))
        batch = [_certificate(n, key) for n in range(76)]
        files = _best(lambda: render_certificates(batch, folder / "batch"), 1)
        single = _best(lambda: render_certificates(batch, folder / "all.pdf"), 1)
        ws, aid = _assessment_workspace(folder)
        data_service = ReportDataService(ws)  # type: ignore[arg-type]

        def report() -> None:
            clear_cache()  # cold: every photo decoded and thumbnailed again
            render_assessment_report(data_service.assessment(aid), folder / "report.pdf")

        cold = _best(report, 2)
        pages = _pages(folder / "report.pdf")
        data = data_service.assessment(aid)
        warm = _best(lambda: render_assessment_report(data, folder / "warm-report.pdf"), 2)
        ws.close()  # type: ignore[attr-defined]
    rows += [
        ("certificate, signed, with QR (target ≤ 500 ms)", cert * 1e3, "ms"),
        ("76 certificates, one file each", files, "s"),
        ("  per certificate", files / 76 * 1e3, "ms"),
        ("76 certificates in one 76-page PDF", single, "s"),
        (f"report: 34 indicators, {PHOTOS} photos (target ≤ 3 s)", cold, "s"),
        ("  pages in that report", float(pages), "pages"),
        ("  same report, thumbnails cached", warm, "s"),
        ("  baseline: bare canvas page, one drawString", base * 1e3, "ms"),
    ]
    return rows


def _pages(pdf: Path) -> int:
    return pdf.read_bytes().count(b"/Type /Page\n") or pdf.read_bytes().count(b"/Type /Page ")


if __name__ == "__main__":
    for figure, value, unit in run():
        print(f"{figure:72} {value:10.3f}  {unit}")
    sys.exit(0)
