"""Certificates: embedded fonts, the text a person reads, the QR payload, the template, batches."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from report_helpers import ISSUED
from thai_helpers import poppler, squash

from secity_desktop.crypto import certpayload
from secity_desktop.crypto.keys import fingerprint, generate
from secity_desktop.reports.certificate_pdf import (
    PAGE,
    file_name,
    render_certificate,
    render_certificates,
)
from secity_desktop.reports.certificate_template import CertificateTemplate, default_template_path
from secity_desktop.reports.common import ReportError
from secity_desktop.reports.data import CertificateData
from secity_desktop.services.certificates import payloads_in_pdf

KEY = generate()


def _data(code: str = "5001", name: str = "เทศบาลนครเชียงใหม่", signed: bool = True,
          tier: str = "excellent", tier_th: str = "ระดับดีเยี่ยม") -> CertificateData:
    d = CertificateData(
        certificate_id=f"2569-{code}-ABC123",
        municipality_code=code,
        municipality_th=name,
        province_th="เชียงใหม่",
        year=2569,
        tier_code=tier,
        tier_th=tier_th,
        issued=ISSUED,
        signatory_name="นายสมศักดิ์ รักษ์เมือง",
    )
    if not signed:
        return d
    claims = certpayload.CertificateClaims(
        d.certificate_id, code, name, 2569, tier, ISSUED.isoformat(), fingerprint(KEY.public_key()),
        signed_at=SIGNED_AT, key_valid_from=KEY_FROM,
    )
    return dataclasses.replace(d, payload=certpayload.sign(claims, KEY),
                               signer_fingerprint=claims.signer, signed_at=SIGNED_AT,
                               key_valid_from=KEY_FROM)


SIGNED_AT = "2026-11-26T03:00:00Z"  # 10:00 in Thailand, 26 Nov 2569
KEY_FROM = "2026-06-01T02:00:00Z"


def test_key_and_its_window_are_printed_in_be(tmp_path: Path) -> None:
    """The signing key's fingerprint and validity window, as the QR states them, in BE."""
    pdf = render_certificate(_data(), tmp_path / "c.pdf")
    text = squash(poppler("pdftotext", str(pdf), "-"))
    assert squash("กุญแจลงนาม " + fingerprint(KEY.public_key())) in text
    assert squash("กุญแจใช้ได้ตั้งแต่ 1 มิถุนายน 2569 และยังใช้ได้ขณะลงนาม") in text
    assert squash("ลงนามเมื่อ 26 พฤศจิกายน 2569") in text
    claims, _, _ = certpayload.parse(certpayload.find_payloads(pdf.read_bytes())[0])
    assert (claims.signed_at, claims.key_valid_from, claims.key_valid_until) == (
        SIGNED_AT, KEY_FROM, None)


def test_only_embedded_fonts(tmp_path: Path) -> None:
    pdf = render_certificate(_data(), tmp_path / "c.pdf")
    rows = poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        assert "Sarabun" in row and " yes yes " in row, row


def test_text_holds_name_tier_year_and_thai_wording(tmp_path: Path) -> None:
    pdf = render_certificate(_data(), tmp_path / "c.pdf")
    text = squash(poppler("pdftotext", str(pdf), "-"))
    for expected in ("เทศบาลนครเชียงใหม่", "ระดับดีเยี่ยม", "พ.ศ.2569", "เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า",
                     "ให้ไว้ณวันที่26เดือนพฤศจิกายนพ.ศ.2569", "(นายสมศักดิ์รักษ์เมือง)",
                     "ผู้ว่าราชการจังหวัดเชียงใหม่",
                     "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่",
                     "กรมการเปลี่ยนแปลงสภาพภูมิอากาศและสิ่งแวดล้อม"):
        assert expected in text, expected


def test_thai_digits_option(tmp_path: Path) -> None:
    pdf = render_certificate(_data(), tmp_path / "c.pdf", thai_numerals=True)
    text = squash(poppler("pdftotext", str(pdf), "-"))
    assert "พ.ศ.๒๕๖๙" in text and "วันที่๒๖เดือน" in text
    assert "2569-5001-ABC123" in text  # the certificate number stays typeable


def test_payload_in_metadata_verifies(tmp_path: Path) -> None:
    d = _data()
    pdf = render_certificate(d, tmp_path / "c.pdf")
    info = poppler("pdfinfo", str(pdf))
    assert d.payload is not None and d.payload in info
    [found] = payloads_in_pdf(pdf)
    assert certpayload.verify(found, [KEY.public_key()]).claims.municipality_code == "5001"


def test_specimen_has_no_payload_and_says_so(tmp_path: Path) -> None:
    pdf = render_certificate(_data(signed=False), tmp_path / "c.pdf")
    text = squash(poppler("pdftotext", str(pdf), "-"))
    assert "ไม่มีลายมือชื่อดิจิทัล" in text
    assert "SECITY-CERT1" not in poppler("pdfinfo", str(pdf))


def test_everything_inside_the_border(tmp_path: Path) -> None:
    long_name = "เทศบาลตำบลบ้านใหม่สามัคคีพัฒนาเจริญรุ่งเรืองยิ่งยืนยงมั่นคง"
    pdf = render_certificate(_data(name=long_name), tmp_path / "c.pdf")
    html = poppler("pdftotext", "-bbox", str(pdf), "-")
    boxes = [tuple(float(v) for v in m) for m in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    assert len(boxes) >= 12  # one box per drawn line (ActualText spans)
    w, h = PAGE
    for x0, y0, x1, y1 in boxes:
        assert x0 >= 30 and x1 <= w - 30 and y0 >= 30 and y1 <= h - 30, (x0, y0, x1, y1)


def test_template_errors_are_clear(tmp_path: Path) -> None:
    good = default_template_path().read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(good.replace("{tier}", "{award}"), encoding="utf-8")
    with pytest.raises(ReportError, match=r"unknown placeholder\(s\) \{award\}"):
        CertificateTemplate.load(bad)
    bad.write_text(good.replace('title = "เกียรติบัตร"', ""), encoding="utf-8")
    with pytest.raises(ReportError, match="lacks text for title"):
        CertificateTemplate.load(bad)
    with pytest.raises(ReportError, match="cannot read"):
        CertificateTemplate.load(tmp_path / "missing.toml")


def test_edited_template_wording_is_used(tmp_path: Path) -> None:
    text = default_template_path().read_text(encoding="utf-8")
    edited = tmp_path / "t.toml"
    edited.write_text(text.replace("ขอให้รักษามาตรฐาน", "ขอแสดงความยินดีและขอให้รักษามาตรฐาน")
                      .replace("thai_digits = false", "thai_digits = true"), encoding="utf-8")
    pdf = render_certificate(_data(), tmp_path / "c.pdf", CertificateTemplate.load(edited))
    out = squash(poppler("pdftotext", str(pdf), "-"))
    assert "ขอแสดงความยินดี" in out and "๒๕๖๙" in out


def _batch(n: int) -> list[CertificateData]:
    return [_data(code=f"50{i:02d}") for i in range(1, n + 1)]


def test_batch_to_folder_reports_progress(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = render_certificates(_batch(4), tmp_path / "out",
                                 progress=lambda d, t: calls.append((d, t)) or True)
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert not result.cancelled
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        file_name(d) for d in _batch(4))


def test_batch_cancel_keeps_finished_files_only(tmp_path: Path) -> None:
    result = render_certificates(_batch(5), tmp_path / "out", progress=lambda d, t: d < 2)
    assert result.cancelled and len(result.written) == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in result.written]


def test_batch_into_one_pdf_and_cancel_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    result = render_certificates(_batch(3), out)
    assert result.written == [out]
    assert re.search(r"Pages:\s+3", poppler("pdfinfo", str(out)))
    assert len(payloads_in_pdf(out)) == 3
    out2 = tmp_path / "cancelled.pdf"
    result = render_certificates(_batch(3), out2, progress=lambda d, t: False)
    assert result.cancelled and not out2.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*")) == []


def test_printed_qr_matches_the_payload_module_for_module(tmp_path: Path) -> None:
    """No QR decoder here, so sample the rendered page at every module centre instead."""
    from PIL import Image

    from secity_desktop.reports.certificate_pdf import QR_SIZE, qr_code

    d = _data()
    assert d.payload is not None
    pdf = render_certificate(d, tmp_path / "c.pdf")
    dpi = 300
    poppler("pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(tmp_path / "page"))
    page = Image.open(tmp_path / "page.png").convert("L")
    scale = dpi / 72
    matrix = [list(row) for row in qr_code(d.payload).matrix_iter(scale=1, border=4)]
    module = QR_SIZE / len(matrix)
    left, top = 44.0, PAGE[1] - 52.0 - QR_SIZE
    wrong = 0
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            x = (left + (c + 0.5) * module) * scale
            y = (top + (r + 0.5) * module) * scale
            wrong += (page.getpixel((int(x), int(y))) < 128) != bool(dark)
    assert wrong == 0
