"""`secity report …` and `secity certificate verify …`, run in-process like a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))

from report_helpers import chiang_mai
from thai_helpers import poppler, squash

from secity_desktop.cli.main import main
from secity_desktop.core.lifecycle import Role
from secity_desktop.crypto import certpayload
from secity_desktop.crypto.keys import generate, public_line, write_private
from secity_desktop.services.workspace import init_workspace, open_workspace

PASS = b"correct horse battery"


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, object]:
    ddir = tmp_path / "ws"
    ws = open_workspace(ddir)
    init_workspace(ws, role=Role.PROVINCE, province_code="50", user_name="เจ้าหน้าที่")
    ids = chiang_mai(ws, tmp_path, images=2)
    ws.close()
    key = generate()
    write_private(key, tmp_path / "province_key", PASS, "สนง.ทสจ.เชียงใหม่")
    (tmp_path / "pass.txt").write_bytes(PASS + b"\n")
    (tmp_path / "other.pub").write_text(public_line(generate().public_key(), "อื่น") + "\n")
    return {"ddir": str(ddir), "ids": ids, "tmp": tmp_path, "key": key}


def _run(setup: dict[str, object], *argv: str) -> int:
    return main(["--data-dir", str(setup["ddir"]), *argv])


def _sign_args(setup: dict[str, object]) -> list[str]:
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    return ["--key", str(tmp / "province_key"), "--passphrase-file", str(tmp / "pass.txt")]


def test_report_assessment_and_province(setup: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    ids = setup["ids"]
    assert isinstance(ids, dict)
    assert _run(setup, "report", "assessment", ids["5001"], "-o", str(tmp / "a.pdf")) == 0
    assert (tmp / "a.pdf").stat().st_size > 10_000
    assert capsys.readouterr().out.strip() == f"wrote {tmp / 'a.pdf'}"
    assert _run(setup, "--json", "report", "province", "--province", "50", "--year", "2569",
                "-o", str(tmp / "p.pdf")) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"output": str(tmp / "p.pdf"), "municipalities": 4, "assessed": 3}


def test_signed_certificate_verifies_from_pdf(setup: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    pdf = tmp / "c.pdf"
    assert _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569",
                "-o", str(pdf), "--thai-digits", "--signatory-name", "นายสมศักดิ์ รักษ์เมือง",
                "--signatory-position", "ผู้ว่าราชการจังหวัดเชียงใหม่", *_sign_args(setup)) == 0
    assert "signed by SHA256:" in capsys.readouterr().out
    rc = _run(setup, "certificate", "verify", "--pdf", str(pdf),
              "--trusted-keys", str(tmp / "province_key.pub"))
    out = capsys.readouterr().out
    assert rc == 0
    assert out.startswith("GENUINE: certificate 2569-5001-")
    assert "เทศบาลนครเชียงใหม่" in out and "ระดับดีเยี่ยม" in out and "สนง.ทสจ.เชียงใหม่" in out


def test_verify_failures_are_one_clear_line(setup: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    pdf = tmp / "c.pdf"
    _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569", "-o",
         str(pdf), *_sign_args(setup))
    capsys.readouterr()
    [payload] = certpayload.find_payloads(pdf.read_bytes())
    # unknown key
    assert _run(setup, "certificate", "verify", payload, "--trusted-keys", str(tmp / "other.pub")) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("secity: NOT GENUINE (unknown_key)") and "\n" not in err
    # tampered claims (tier raised), original signature kept
    claims, _, _ = certpayload.parse(payload)
    forged_claims = certpayload.CertificateClaims(**{**claims.__dict__, "tier": "good"})
    import base64

    body = base64.urlsafe_b64encode(certpayload.canonical_bytes(forged_claims)).decode().rstrip("=")
    forged = certpayload.PREFIX + body + "." + payload.rsplit(".", 1)[1]
    assert _run(setup, "certificate", "verify", forged, "--trusted-keys",
                str(tmp / "province_key.pub")) == 1
    err = capsys.readouterr().err
    assert "NOT GENUINE (bad_signature)" in err and "altered" in err
    # --json: machine-readable verdict, still exit 1
    assert _run(setup, "--json", "certificate", "verify", forged, "--trusted-keys",
                str(tmp / "province_key.pub")) == 1
    assert json.loads(capsys.readouterr().out) == {
        "genuine": False, "verdict": "bad_signature", "reason": "bad_signature",
        "message": "the signature does not match: the certificate text was altered or forged",
    }


def test_verify_needs_trusted_keys(setup: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(setup, "certificate", "verify", "SECITY-CERT1:abc.def") == 1
    assert "no trusted keys" in capsys.readouterr().err


def test_workspace_key_signs_and_is_trusted(setup: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    assert _run(setup, "key", "init", "--passphrase-file", str(tmp / "pass.txt")) == 0
    capsys.readouterr()
    pdf = tmp / "c.pdf"
    assert _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569",
                "-o", str(pdf), "--passphrase-file", str(tmp / "pass.txt")) == 0
    assert _run(setup, "certificate", "verify", "--pdf", str(pdf)) == 0
    assert capsys.readouterr().out.count("GENUINE") == 1
    # a certificate signed by another key is not trusted just because it is in the PDF
    other = tmp / "other.pdf"
    assert _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569",
                "-o", str(other), *_sign_args(setup)) == 0
    assert _run(setup, "certificate", "verify", "--pdf", str(other)) == 1
    assert "unknown_key" in capsys.readouterr().err


def test_certificate_refusals(setup: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    out = str(tmp / "x.pdf")
    assert _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569",
                "-o", out, "--passphrase-file", str(tmp / "pass.txt")) == 1
    assert "no signing key yet" in capsys.readouterr().err
    assert _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569",
                "-o", out, "--key", str(tmp / "province_key")) == 1
    assert "--passphrase-file" in capsys.readouterr().err
    (tmp / "bad.txt").write_bytes(b"wrong\n")
    assert _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569", "-o",
                out, "--key", str(tmp / "province_key"), "--passphrase-file",
                str(tmp / "bad.txt")) == 1
    err = capsys.readouterr().err
    assert "wrong passphrase" in err and "wrong\n" not in err
    assert not Path(out).exists()


def test_batch_certificates_folder_and_specimens(setup: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    assert _run(setup, "report", "certificates", "--year", "2569", "-o", str(tmp / "none")) == 1
    assert "no model towns" in capsys.readouterr().err
    assert _run(setup, "--json", "report", "certificates", "--year", "2569", "--municipality",
                "5001", "-o", str(tmp / "out"), *_sign_args(setup)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1 and Path(data["written"][0]).name == "certificate-2569-5001.pdf"
    assert _run(setup, "report", "certificate", "--municipality", "5001", "--year", "2569",
                "-o", str(tmp / "s.pdf"), "--unsigned") == 0
    assert "unsigned specimen" in capsys.readouterr().out


def _received_for_review(setup: dict[str, object], code: str) -> str:
    """The assessment of ``code`` as if it had arrived in a bundle: status received, 1.2 lowered."""
    from secity_desktop.core.lifecycle import Status
    from secity_desktop.services.assessments import AssessmentService
    from secity_desktop.store import assessments as repo

    ids = setup["ids"]
    assert isinstance(ids, dict)
    aid = str(ids[code])
    ws = open_workspace(Path(str(setup["ddir"])))
    low = ws.frameworks.current().indicator("1.2")
    assert low is not None
    AssessmentService(ws).set_response(aid, "1.2", low.levels[0].value)
    repo.set_status(ws.db, aid, Status.RECEIVED.value, "2026-11-19T00:00:00+00:00", "importer")
    ws.close()
    return aid


def test_review_reaches_the_assessment_report_and_certificates(
    setup: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    """The review done with `secity review` shows in `secity report …` with no extra option."""
    tmp = setup["tmp"]
    assert isinstance(tmp, Path)
    aid = _received_for_review(setup, "5003")
    assert _run(setup, "review", "start", aid) == 0
    assert _run(setup, "review", "override", aid, "1.2", "4",
                "--reason", "ตรวจพบแผนฉบับปรับปรุงในพื้นที่") == 0
    assert _run(setup, "review", "comment", aid, "--indicator", "2.1",
                "ควรแนบภาพถ่ายจุดคัดแยกขยะ") == 0
    assert _run(setup, "review", "comment", aid, "ภาพรวมเอกสารครบถ้วน") == 0
    assert _run(setup, "review", "approve", aid, "--comment", "ผ่านตามเกณฑ์") == 0
    capsys.readouterr()

    pdf = tmp / "r.pdf"
    assert _run(setup, "report", "assessment", aid, "-o", str(pdf)) == 0
    text = squash(poppler("pdftotext", str(pdf), "-"))
    assert "ปรับโดยผู้พิจารณาจากระดับ0ของผู้ประเมิน" in text
    assert "ตัวชี้วัด1.2จาก0เป็น4—เหตุผล:ตรวจพบแผนฉบับปรับปรุงในพื้นที่" in text
    assert "ความเห็นตัวชี้วัด2.1:ควรแนบภาพถ่ายจุดคัดแยกขยะ" in text
    assert "ความเห็น:ภาพรวมเอกสารครบถ้วน" in text
    assert "ผลการพิจารณา:อนุมัติ—ผ่านตามเกณฑ์" in text

    # the model town recorded by the review workflow is what a batch certifies
    assert _run(setup, "modeltown", "set", "--year", "2569", "--municipality", "5003",
                "--reason", "คะแนนหลังการพิจารณาสูงสุด") == 0
    capsys.readouterr()
    assert _run(setup, "--json", "report", "certificates", "--year", "2569", "-o",
                str(tmp / "certs"), *_sign_args(setup)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1
    [written] = data["written"]
    assert Path(written).name == "certificate-2569-5003.pdf"
    assert _run(setup, "certificate", "verify", "--pdf", written, "--trusted-keys",
                str(tmp / "province_key.pub")) == 0
    assert "(5003)" in capsys.readouterr().out
    summary = tmp / "p.pdf"
    assert _run(setup, "report", "province", "--province", "50", "--year", "2569",
                "-o", str(summary)) == 0
    assert "(เมืองต้นแบบ)" in squash(poppler("pdftotext", str(summary), "-"))


def test_cli_subprocess_smoke(setup: dict[str, object], tmp_path: Path) -> None:
    """The real entry point, as an office would script it."""
    from secity_desktop import paths

    root = paths.project_root()
    proc = subprocess.run(
        [sys.executable, "-m", "secity_desktop.cli.main", "--data-dir", str(setup["ddir"]),
         "report", "province", "--province", "50", "--year", "2569", "-o", str(tmp_path / "p.pdf")],
        capture_output=True, text=True, env={**__import__("os").environ, "PYTHONPATH": str(root)},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "p.pdf").exists()
