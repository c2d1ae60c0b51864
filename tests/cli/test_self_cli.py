"""`secity init --role municipality`, `secity self …`, `trust add --role municipality`, and
`assessment show --json` carrying the self-assessment beside the verified levels."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.workspace import open_workspace
from tests.bundle import flow


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        data: object = json.loads(out)
    except json.JSONDecodeError:
        data = out
    return code, data, err


def test_municipality_workspace_signs_and_sends_its_self_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mdir, pdir = str(tmp_path / "m"), str(tmp_path / "p")
    code, data, _ = run(capsys, "--data-dir", mdir, "--json", "init", "--role", "municipality",
                        "--municipality", "5001", "--name", "ปลัดเทศบาล")
    assert code == 0 and data["municipality"] == "5001" and data["province"] == "50"
    secret = tmp_path / "pass.txt"
    secret.write_text(flow.PASS.decode())
    assert run(capsys, "--data-dir", mdir, "key", "init", "--passphrase-file", str(secret))[0] == 0
    ws = open_workspace(Path(mdir))
    aid = flow.complete(ws, "5001", 2569, evidence_every=1)
    flow.finalize(ws, aid)
    pub = tmp_path / "m.pub"
    pub.write_text(Identity(ws).info().public_line)
    ws.close()
    # the province's office key, enrolled at the municipality: the bundle is sealed to it
    run(capsys, "--data-dir", pdir, "init", "--role", "province", "--province", "50")
    assert run(capsys, "--data-dir", pdir, "key", "init", "--passphrase-file", str(secret))[0] == 0
    prov = open_workspace(Path(pdir))
    prov_pub = tmp_path / "p.pub"
    prov_pub.write_text(Identity(prov).info().public_line)
    prov.close()
    assert run(capsys, "--data-dir", mdir, "trust", "add", str(prov_pub), "--office",
               "--name", "สำนักงานจังหวัด")[0] == 0
    out = tmp_path / "self.secbundle"
    code, data, err = run(capsys, "--data-dir", mdir, "--json", "self", "export", "-o", str(out),
                          "--passphrase-file", str(secret))
    assert code == 0, err
    assert data["kind"] == "self" and data["encrypted_to"] and data["path"].endswith(".age")
    out = Path(data["path"])

    code, data, err = run(capsys, "--data-dir", pdir, "--json", "trust", "add", str(pub),
                          "--role", "municipality", "--municipality", "5001")
    assert code == 0, err
    assert data["role"] == "municipality" and data["municipality_code"] == "5001"
    code, _data, err = run(capsys, "--data-dir", pdir, "bundle", "import", str(out),
                           "--passphrase-file", str(secret))
    assert code == 0, err
    code, data, _ = run(capsys, "--data-dir", pdir, "--json", "self", "show", "5001",
                        "--year", "2569")
    assert code == 0 and data["signed"] is True and data["source"]["kind"] == "signed"
    assert data["total"] == 100
    code, data, _ = run(capsys, "--data-dir", pdir, "--json", "self", "list")
    assert [r["municipality"] for r in data] == ["5001"]


def test_spreadsheet_template_import_and_assessment_show_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdir = str(tmp_path / "p")
    run(capsys, "--data-dir", pdir, "init", "--role", "province", "--province", "50")
    template = tmp_path / "t.xlsx"
    assert run(capsys, "--data-dir", pdir, "self", "template", str(template))[0] == 0
    assert template.is_file()
    prov = open_workspace(Path(pdir))
    a = flow.assessor(tmp_path / "a")
    flow.enrol(prov, a)
    aid = flow.complete(a, "5001", 2569, evidence_every=2)
    flow.finalize(a, aid)
    assert ImportService(prov).import_files([flow.export(a, [aid], tmp_path / "f")]).ok
    fw = prov.frameworks.current()
    prov.close()
    sheet = tmp_path / "sar.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["indicator_code", "level", "note"])
        for ind in fw.indicators:
            w.writerow([ind.code, ind.max_value, ""])
    base = ["--data-dir", pdir, "--json", "self", "import", str(sheet), "--municipality", "5001",
            "--year", "2569", "--entered-by", "นางสาวกรอก"]
    code, data, _ = run(capsys, *base, "--dry-run")
    assert code == 0 and data["dry_run"] and data["answered"] == len(fw.indicators)
    code, data, _ = run(capsys, *base)
    assert code == 0 and not data["dry_run"]
    code, data, _ = run(capsys, "--data-dir", pdir, "--json", "assessment", "show", aid)
    sa = data["self_assessment"]
    assert sa["signed"] is False and sa["source"]["entered_by"] == "นางสาวกรอก"
    assert sa["comparable"] and sa["gaps"]["disagreements"] == len(fw.indicators) // 2
    assert sa["gaps"]["claimed_total"] == 100
    assert len(sa["levels"]) == len(fw.indicators)
    code, data, _ = run(capsys, "--data-dir", pdir, "--json", "self", "gaps", "--year", "2569")
    assert code == 0 and [r["municipality"] for r in data] == ["5001"]
    # the text form says the same
    code, text, _ = run(capsys, "--data-dir", pdir, "assessment", "show", aid)
    assert "self-assessment claimed 100.00" in str(text)


def test_refusals_have_codes_and_thai(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdir = str(tmp_path / "p")
    code, _d, err = run(capsys, "--data-dir", pdir, "--lang", "th", "init", "--role",
                        "municipality")
    assert code != 0 and "พื้นที่ทำงานของเทศบาลต้องระบุเทศบาล" in err
    run(capsys, "--data-dir", pdir, "init", "--role", "province", "--province", "50")
    code, _d, err = run(capsys, "--data-dir", pdir, "--lang", "th", "self", "show", "5001",
                        "--year", "2569")
    assert code != 0 and "ยังไม่มีแบบประเมินตนเอง" in err
    code, _d, err = run(capsys, "--data-dir", pdir, "--lang", "th", "self", "export", "-o",
                        str(tmp_path))
    assert code != 0 and "พื้นที่ทำงานของเทศบาลเท่านั้น" in err
