"""The provincial and support commands print in Thai by default, English on request,
and their ``--json`` is the same whatever the language (docs/thai-everywhere.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from secity_desktop.cli import say
from secity_desktop.cli.main import main
from secity_desktop.core.thai_calendar import be_year
from tests.services.trend_helpers import FULL1, HALF1, MID2, result, two_versions

# command → (a Thai phrase it must print, the English phrase it printed before)
COMMANDS: dict[tuple[str, ...], tuple[str, str]] = {
    ("dashboard",): ("ความครอบคลุม: ประเมินแล้ว 1/4 แห่ง", "coverage: 1/4 assessed"),
    ("coverage",): ("จังหวัดที่มีผลประเมินเทศบาลเมืองที่ตั้งจังหวัด", "provinces have an approved"),
    ("trend", "--municipality", "5001"): ("กรอบตัวชี้วัดเปลี่ยนก่อนปี 2568",
                                          "framework break before 2568"),
    ("trend", "--province", "50"): ("พัฒนาขึ้นมากที่สุด 2566 → 2568", "most improved 2566 → 2568"),
    ("municipality", "show", "5001"): ("เทศบาลที่ตั้งจังหวัด", "provincial seat town"),
    ("backup", "list"): ("สำรองข้อมูลรายวัน: เปิด", "daily backups on"),
    ("doctor",): ("มีทุกอย่างที่จำเป็นครบแล้ว", "everything needed is present"),
    ("self", "list"): ("ยังไม่มีผลการประเมินตนเอง", "no self-assessments"),
    ("audit", "verify"): ("ค่าแฮชและการเชื่อมโยงของทุกเหตุการณ์ถูกต้อง",
                          "every event's hash and link follow"),
    ("modeltown", "show"): ("ยังไม่ได้เลือกเมืองต้นแบบ", "no model town chosen"),
    ("bundle", "history"): ("ยังไม่มีการส่งออกหรือนำเข้า", "no exports or imports yet"),
    ("quarantine",): ("ไฟล์ที่ถูกปฏิเสธ 0 ไฟล์", "0 refused file(s)"),
}


@pytest.fixture(scope="module")
def ddir(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("say")
    ws = two_versions(tmp)
    result(ws, "5001", 2566, HALF1)
    result(ws, "5001", 2567, FULL1)
    result(ws, "5001", 2568, MID2, "test-2")
    ws.close()
    return str(tmp / "ws")


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))  # doctor exits 1 when this machine lacks something; the text is what counts
    return capsys.readouterr().out


@pytest.mark.parametrize("argv", list(COMMANDS), ids=" ".join)
def test_thai_by_default_english_on_request_json_the_same(
    argv: tuple[str, ...], ddir: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    thai, english = COMMANDS[argv]
    monkeypatch.delenv("SECITY_LANG", raising=False)  # the default: Thai
    out = _out(capsys, "--data-dir", ddir, *argv)
    assert thai in out and english not in out
    out = _out(capsys, "--data-dir", ddir, "--lang", "en", *argv)
    assert english in out and thai not in out
    monkeypatch.setenv("SECITY_LANG", "en")
    assert english in _out(capsys, "--data-dir", ddir, *argv)
    assert thai in _out(capsys, "--data-dir", ddir, "--lang", "th", *argv)

    as_json = {lang: json.loads(_out(capsys, "--data-dir", ddir, "--lang", lang, "--json", *argv))
               for lang in ("th", "en")}
    if argv == ("doctor",):  # it reports the UI language it was asked about; nothing else differs
        for data in as_json.values():
            data.pop("ui_language")
            data.pop("free_disk_bytes")
            data["checks"] = [c for c in data["checks"] if c["name"] != "free_disk"]
    assert as_json["th"] == as_json["en"]
    assert thai not in json.dumps(as_json["th"], ensure_ascii=False)


def test_json_keeps_status_codes(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = _out(capsys, "--data-dir", ddir, "--lang", "th", "dashboard")
    assert "อนุมัติแล้ว" in text and "ยังไม่ได้ประเมิน" in text and "approved " not in text
    data = json.loads(_out(capsys, "--data-dir", ddir, "--lang", "th", "--json", "dashboard"))
    assert data["rows"][0]["status"] == "approved"
    trend = json.loads(_out(capsys, "--data-dir", ddir, "--json", "trend", "--municipality", "5001"))
    assert [y["status"] for y in trend["years"]] == ["approved"] * 3


def test_dates_for_people_are_buddhist_era(
    ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", ddir, "backup", "create", str(tmp_path / "b.secbackup")]) == 0
    capsys.readouterr()
    be = str(be_year(dt.date.today().year))
    th = _out(capsys, "--data-dir", ddir, "--lang", "th", "backup", "list")
    line = next(x for x in th.splitlines() if x.startswith("สำรองข้อมูลล่าสุด:"))
    assert be in line and str(dt.date.today().year) not in line.split(str(tmp_path))[0]
    en = _out(capsys, "--data-dir", ddir, "--lang", "en", "backup", "list")
    assert "last backup: " in en  # English keeps the stored ISO time, as scripts saw it
    verify = _out(capsys, "--data-dir", ddir, "--lang", "th", "backup", "verify",
                  str(tmp_path / "b.secbackup"))
    assert f"สร้างเมื่อ {dt.date.today().day} " in verify and be in verify


def test_when_renders_buddhist_era_and_leaves_the_rest() -> None:
    assert say.when("th", "2026-11-27") == "27 พ.ย. 2569"
    assert say.when("th", "2026-11-27T03:04:05") == "27 พ.ย. 2569 03:04"
    assert say.when("en", "2026-11-27T03:04:05") == "2026-11-27T03:04:05"
    assert say.when("th", "not a date") == "not a date" and say.when("th", None) == ""


def test_a_param_named_lang_does_not_clash_with_the_language() -> None:
    assert say.say("en", "guide.wrote", "wrote {file} ({count} pages, {lang})", file="g.pdf",
                   count=3, lang="th") == "wrote g.pdf (3 pages, th)"


def test_lang_before_doctor_is_not_reset(ddir: str, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECITY_LANG", raising=False)
    assert "everything needed is present" in _out(capsys, "--data-dir", ddir, "--lang", "en",
                                                   "doctor")
    assert "everything needed is present" in _out(capsys, "--data-dir", ddir, "doctor",
                                                   "--lang", "en")


def test_passphrase_prompts_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from secity_desktop.cli import passphrase

    prompts: list[str] = []
    monkeypatch.setattr(passphrase.sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(passphrase.getpass, "getpass",
                        lambda prompt: prompts.append(prompt) or "correct horse")
    monkeypatch.setenv("SECITY_LANG", "th")
    assert passphrase.new_passphrase(None) == b"correct horse"
    monkeypatch.setenv("SECITY_LANG", "en")
    passphrase.new_passphrase(None)
    assert prompts == ["รหัสผ่านใหม่ (อย่างน้อย 8 ตัวอักษร): ", "พิมพ์รหัสผ่านใหม่อีกครั้ง: ",
                       "New passphrase (at least 8 characters): ", "Repeat the new passphrase: "]


def test_passphrase_prompts_follow_lang_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secity_desktop.cli import passphrase

    prompts: list[str] = []
    monkeypatch.setattr(passphrase.sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(passphrase.getpass, "getpass",
                        lambda prompt: prompts.append(prompt) or "correct horse battery")
    monkeypatch.setenv("SECITY_LANG", "en")  # --lang wins over it for the prompts too
    d = str(tmp_path / "ws")
    assert main(["--data-dir", d, "init", "--name", "สมศรี"]) == 0
    assert main(["--data-dir", d, "--lang", "th", "key", "init"]) == 0
    assert prompts[0] == "รหัสผ่านใหม่ (อย่างน้อย 8 ตัวอักษร): "
    assert say.language(None) == "en"  # outside a command: the environment again


def test_a_refused_bundle_says_why_in_thai_with_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.bundle import flow

    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, "5001", 2569)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path / "out")
    p = flow.province(tmp_path / "p")
    p.close()
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "p"), "--lang", "th", "bundle", "import",
                "--dry-run", str(bundle)]) != 0
    err = capsys.readouterr().err
    assert "[unknown_signer]" in err and "ผู้ส่งยังไม่ได้ลงทะเบียนกุญแจกับสำนักงานนี้" in err
    assert "not enrolled" not in err
