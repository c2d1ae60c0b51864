"""``secity doctor``: the facts, and a non-zero exit when something needed is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.cli.main import main
from secity_desktop.services import doctor


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


def test_doctor_json_on_a_new_and_an_existing_workspace(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ddir = home / "w"
    assert main(["--data-dir", str(ddir), "doctor", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["workspace"]["exists"] is False
    assert data["ui_language"] == "th"
    assert data["ui_catalogue"]["messages"] >= 400
    assert data["error_catalogue"]["messages"] >= 10
    assert len(data["fonts"]) == 6
    assert data["framework"]["status"] == "provisional" and len(data["framework"]["hash"]) == 64
    assert data["word_list"]["sample"] == list(doctor.LINEBREAK_WORDS)
    assert all(data["data_files"].values())
    assert main(["--data-dir", str(ddir), "init", "--role", "province", "--province", "50"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(ddir), "doctor", "--json"]) == 0
    ws = json.loads(capsys.readouterr().out)["workspace"]
    assert ws["role"] == "province" and ws["schema_version"] >= 1 and ws["province"] == "50"


def test_doctor_fails_when_a_shipped_file_is_missing(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = doctor.shipped_files()
    monkeypatch.setattr(
        doctor, "shipped_files", lambda: [*real, ("resources/data/gone.csv", home / "gone.csv")]
    )
    assert main(["--data-dir", str(home / "w"), "--lang", "th", "doctor"]) == 1
    out = capsys.readouterr().out
    assert "✗ ไฟล์ข้อมูล: ขาดไฟล์: resources/data/gone.csv" in out
    assert out.rstrip().endswith("ยังขาดบางอย่างที่จำเป็น")
    assert main(["--data-dir", str(home / "w"), "--lang", "en", "doctor"]) == 1
    out = capsys.readouterr().out
    assert "✗ data files: missing: resources/data/gone.csv" in out
    assert out.rstrip().endswith("something needed is missing")


def test_ui_language_is_read_from_the_gui_settings(home: Path) -> None:
    from secity_desktop.gui.settings import settings_path

    assert doctor.settings_path() == settings_path()
    path = home / "settings.ini"
    path.write_text("[preferences]\nlanguage=en\n")
    assert doctor.ui_language(path) == "en"
    path.write_text("[preferences]\nlanguage=fr\n")
    assert doctor.ui_language(path) == "th"
    assert doctor.ui_language(home / "none.ini") == "th"


def test_shipped_files_exist_in_the_source_tree() -> None:
    missing = [name for name, path in doctor.shipped_files() if not path.is_file()]
    assert missing == [], f"not in {paths.project_root()}: {missing}"
