"""The whole chain through the `secity` command line, as three offices would script it.

Assessor → signed bundle → province import → review (override, return) → return bundle
back to the assessor → corrected revision → approve → model town → certificate PDF
(Thai name, BE year, verified offline) → upward bundle → national import → coverage.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from secity_desktop.cli.main import main

PASS = "correct horse battery staple"
YEAR = "2569"
MUNI = "5001"

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


class Secity:
    def __init__(self, capsys: pytest.CaptureFixture[str], root: Path, name: str) -> None:
        self.capsys, self.dir = capsys, str(root / name)

    def __call__(self, *argv: str, ok: bool = True) -> dict | list | str:  # type: ignore[type-arg]
        code = main(["--data-dir", self.dir, "--json", *argv])
        out, err = self.capsys.readouterr()
        assert (code == 0) == ok, f"secity {' '.join(argv)} → {code}\n{out}\n{err}"
        try:
            return json.loads(out)  # type: ignore[no-any-return]
        except json.JSONDecodeError:
            return out


def test_assessor_to_province_to_nation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pp = tmp_path / "pass"
    pp.write_text(PASS + "\n", "utf-8")
    ppf = ["--passphrase-file", str(pp)]
    a = Secity(capsys, tmp_path, "assessor")
    p = Secity(capsys, tmp_path, "province")
    n = Secity(capsys, tmp_path, "national")

    # --- three workspaces, three keys, each enrolling the one it receives from ----------
    a("init", "--name", "สมชาย ใจดี")
    a("key", "init", "--name", "สมชาย ใจดี", "--organisation", "สสภ.1", "--province", "50", *ppf)
    p("init", "--role", "province", "--province", "50", "--name", "กานดา ศรีสุข")
    p("key", "init", "--name", "กานดา ศรีสุข", "--position", "ผู้อำนวยการ ทสจ.", *ppf)
    n("init", "--role", "national", "--name", "ส่วนกลาง")
    n("key", "init", "--name", "ส่วนกลาง", *ppf)  # its key opens what is sent to it
    a("key", "export", str(tmp_path / "assessor.pub"))
    p("key", "export", str(tmp_path / "province.pub"))
    n("key", "export", str(tmp_path / "national.pub"))
    p("trust", "add", str(tmp_path / "assessor.pub"), "--name", "สมชาย ใจดี")
    # office keys: bundles sent there are encrypted to them (the default)
    a("trust", "add", str(tmp_path / "province.pub"), "--name", "ทสจ.เชียงใหม่", "--office")
    p("trust", "add", str(tmp_path / "national.pub"), "--name", "ส่วนกลาง", "--office")
    n("trust", "add", str(tmp_path / "province.pub"), "--name", "ทสจ.เชียงใหม่")

    # --- the assessor fills everything, with evidence, and sends it ----------------------
    fw = a("framework", "show")
    indicators = [(i["code"], i["levels"]) for c in fw["components"] for i in c["indicators"]]  # type: ignore[index]
    aid = a("assessment", "new", "--municipality", MUNI, "--year", YEAR)["id"]  # type: ignore[index]
    photo = tmp_path / "photo.jpg"
    for code, levels in indicators:
        a("assessment", "set", aid, code, str(levels[-1]["value"]), "--note", f"ตรวจแล้ว {code}")
        photo.write_bytes(code.encode() * 500)
        a("assessment", "attach", aid, code, str(photo))
    a("assessment", "complete", aid)
    a("assessment", "finalize", aid, *ppf)
    sent = a("bundle", "export", aid, "-o", str(tmp_path / "field1.secbundle"), *ppf)
    assert str(sent["path"]).endswith(".secbundle.age")  # type: ignore[index]
    assert sent["encrypted_to"] == [p("key", "show")["fingerprint"]]  # type: ignore[index]
    p("bundle", "import", sent["path"], *ppf)  # type: ignore[index]

    # --- the province finds a problem and returns it -------------------------------------
    first = indicators[0][0]
    p("review", "start", aid)
    p("review", "comment", aid, "ภาพถ่ายบ่อขยะไม่ชัด โปรดถ่ายใหม่", "--indicator", first)
    p("review", "return", aid, "--comment", "แก้ไขตัวชี้วัด " + first)
    back = p("bundle", "return", aid, "-o", str(tmp_path), *ppf)
    got = a("bundle", "import", back["path"], *ppf)  # type: ignore[index]
    assert got["counts"]["reviews"] == 1  # type: ignore[index]
    listed = a("assessment", "list")
    draft = next(r for r in listed if r["status"] == "draft")  # type: ignore[union-attr]
    assert next(r for r in listed if r["id"] == aid)["status"] == "returned"  # type: ignore[union-attr]

    # --- the assessor fixes it; the province overrides one level and approves ------------
    photo.write_bytes(b"a clearer photo" * 800)
    a("assessment", "attach", draft["id"], first, str(photo))
    a("assessment", "complete", draft["id"])
    a("assessment", "finalize", draft["id"], *ppf)
    sent2 = a("bundle", "export", "--unsent", "-o", str(tmp_path / "field2.secbundle"), *ppf)
    imported = p("bundle", "import", sent2["path"], *ppf)  # type: ignore[index]
    assert imported["counts"]["update"] == 1  # type: ignore[index]
    rid = draft["id"]
    p("review", "start", rid)
    second, levels = indicators[1]
    p("review", "override", rid, second, str(levels[0]["value"]), "--reason", "หลักฐานไม่ถึงระดับสูงสุด")
    p("review", "approve", rid, "--comment", "ผ่าน")
    shown = p("review", "show", rid)
    assert shown["effective_score"]["total"] < shown["assessor_score"]["total"]  # type: ignore[index]
    p("modeltown", "set", "--year", YEAR, "--municipality", MUNI, "--reason", "คะแนนสูงสุดของจังหวัด")

    # --- the certificate: Thai name, BE year, embedded fonts, a genuine signature --------
    cert = tmp_path / "certificate.pdf"
    made = p("report", "certificate", "--municipality", MUNI, "--year", YEAR, "-o", str(cert), *ppf)
    assert made["signed"]  # type: ignore[index]
    text = subprocess.run(["pdftotext", str(cert), "-"], capture_output=True, text=True, check=True).stdout
    assert "เทศบาลนครเชียงใหม่" in text
    assert "2569" in text or "๒๕๖๙" in text
    checked = p("certificate", "verify", "--pdf", str(cert), "--trusted-keys", str(tmp_path / "province.pub"))
    assert checked["genuine"] and checked["municipality_code"] == MUNI  # type: ignore[index]
    assert checked["year"] == int(YEAR)  # type: ignore[index]
    report = tmp_path / "report.pdf"
    p("report", "assessment", rid, "-o", str(report))
    rtext = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True, check=True).stdout
    assert "เทศบาลนครเชียงใหม่" in rtext

    # --- upward: the nation receives the province's approved result ----------------------
    up = p("bundle", "upward", "--year", YEAR, "-o", str(tmp_path), *ppf)
    assert up["assessments"] == [rid] and up["model_towns"] == 1  # type: ignore[index]
    verified = n("bundle", "verify", up["path"], *ppf)  # type: ignore[index]
    assert verified[0]["kind"] == "upward" and verified[0]["sender"] == "ทสจ.เชียงใหม่"  # type: ignore[index]
    dry = n("bundle", "import", "--dry-run", up["path"], *ppf)  # type: ignore[index]
    assert dry["counts"]["add"] == 1 and n("assessment", "list") == []  # type: ignore[index]
    n("bundle", "import", up["path"], *ppf)  # type: ignore[index]
    nat = n("review", "show", rid)
    assert nat["status"] == "approved"  # type: ignore[index]
    assert nat["effective_score"] == shown["effective_score"]  # type: ignore[index]
    cov = n("coverage", "--year", YEAR)
    assert (cov["provinces"], cov["with_seat_approved"], cov["with_model_town"]) == (76, 1, 1)  # type: ignore[index]
    cm = next(r for r in cov["rows"] if r["province"] == "50")  # type: ignore[index]
    assert cm["seat_approved"] and cm["model_town"]["code"] == MUNI
    # the province's upward bundle is refused at the assessor's: encrypted to the nation only
    wrong = a("bundle", "import", up["path"], *ppf, ok=False)  # type: ignore[index]
    assert wrong["rejected"][0]["reason"] == "not_for_us"  # type: ignore[index]


def test_assessor_reads_the_feedback_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from secity_desktop.services.bundle_import import ImportService
    from tests.bundle import flow
    from tests.bundle.office_flow import offices

    o = offices(tmp_path)
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    first = o.first_indicator(aid).code
    assert ImportService(o.a).import_files([o.return_bundle(aid, "แก้ไขตัวชี้วัดแรก")]).ok
    draft = o.a.db.execute("SELECT id FROM assessments WHERE supersedes = ?", [aid]).fetchone()[0]
    d = str(o.a.data_dir)
    o.close()
    a = Secity(capsys, tmp_path, "unused")
    a.dir = d
    items = a("assessment", "feedback", draft)
    assert {i["kind"] for i in items} == {"return", "comment"}  # type: ignore[union-attr]
    only = a("assessment", "feedback", draft, "--indicator", first)
    assert [i["body"] for i in only] == ["ภาพถ่ายไม่ชัด ถ่ายใหม่"]  # type: ignore[union-attr,index]
    assert a("assessment", "feedback", "no-such-id", ok=False) == ""
