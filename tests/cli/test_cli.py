"""The `secity` command-line contract used by scripts and acceptance checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    data: object = None
    if out.strip().startswith(("{", "[")):
        data = json.loads(out)
    return code, data if data is not None else out, err


@pytest.fixture
def ddir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    d = str(tmp_path / "ws")
    code, _, err = run(capsys, "--data-dir", d, "init", "--name", "ผู้ประเมิน ทดสอบ")
    assert code == 0, err
    return d


def test_framework_show_contract(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = run(capsys, "--data-dir", ddir, "framework", "show", "--json")
    assert code == 0 and isinstance(data, dict)
    assert {"version", "hash", "status", "components"} <= data.keys()
    assert len(data["components"]) == 4
    ind = data["components"][0]["indicators"][0]
    assert {"code", "title_th", "title_en", "levels"} <= ind.keys()
    assert {"value", "label_th", "label_en"} <= ind["levels"][0].keys()
    assert sum(len(c["indicators"]) for c in data["components"]) == 34


def test_municipality_list_contract(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = run(
        capsys, "--data-dir", ddir, "--json", "municipality", "list", "--province", "50"
    )
    assert code == 0 and isinstance(data, list) and data
    assert {"code", "name_th", "name_en", "type", "province_code"} <= data[0].keys()
    assert all(m["province_code"] == "50" for m in data)
    code, _, err = run(capsys, "--data-dir", ddir, "municipality", "list", "--province", "99")
    assert code == 1 and "unknown province" in err


def _all_levels(ddir: str, capsys: pytest.CaptureFixture[str], pick: str) -> dict[str, object]:
    _, fwj, _ = run(capsys, "--data-dir", ddir, "framework", "show", "--json")
    _, new, _ = run(
        capsys,
        "--data-dir",
        ddir,
        "assessment",
        "new",
        "--municipality",
        "5001",
        "--year",
        "2569",
        "--json",
    )
    aid = new["id"]  # type: ignore[index]
    for comp in fwj["components"]:  # type: ignore[index]
        for ind in comp["indicators"]:
            values = [lv["value"] for lv in ind["levels"]]
            level = max(values) if pick == "top" else min(values)
            code, _, err = run(
                capsys, "--data-dir", ddir, "assessment", "set", aid, ind["code"], str(level)
            )
            assert code == 0, err
    _, shown, _ = run(capsys, "--data-dir", ddir, "assessment", "show", aid, "--json")
    return shown  # type: ignore[return-value]


def test_every_indicator_at_top_gives_100_and_top_tier(
    ddir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _all_levels(ddir, capsys, "top")
    assert shown["total"] == 100 and shown["tier"] == "excellent" and shown["answered"] == 34
    assert [c["score"] for c in shown["components"]] == [25, 25, 25, 25]  # type: ignore[index]
    assert len(shown["responses"]) == 34  # type: ignore[arg-type]
    assert {"id", "municipality", "year", "status"} <= shown.keys()


def test_every_indicator_at_lowest_gives_0(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    shown = _all_levels(ddir, capsys, "low")
    assert shown["total"] == 0 and shown["tier"] is None and shown["answered"] == 34


def test_list_filters_and_attach(
    ddir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, a, _ = run(
        capsys,
        "--data-dir",
        ddir,
        "assessment",
        "new",
        "--municipality",
        "5001",
        "--year",
        "2569",
        "--json",
    )
    _, b, _ = run(
        capsys,
        "--data-dir",
        ddir,
        "assessment",
        "new",
        "--municipality",
        "9001",
        "--year",
        "2570",
        "--json",
    )
    photo = tmp_path / "ภาพถ่าย.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg")
    code, ev, err = run(
        capsys, "--data-dir", ddir, "assessment", "attach", a["id"], "3.3", str(photo), "--json"
    )  # type: ignore[index]
    assert code == 0, err
    assert ev["original_name"] == "ภาพถ่าย.jpg" and ev["mime"] == "image/jpeg"  # type: ignore[index]
    _, rows, _ = run(capsys, "--data-dir", ddir, "assessment", "list", "--province", "90", "--json")
    assert [r["id"] for r in rows] == [b["id"]]  # type: ignore[index, union-attr]
    _, rows, _ = run(capsys, "--data-dir", ddir, "assessment", "list", "--year", "2569", "--json")
    assert [r["id"] for r in rows] == [a["id"]]  # type: ignore[index, union-attr]
    _, rows, _ = run(
        capsys, "--data-dir", ddir, "assessment", "list", "--status", "approved", "--json"
    )
    assert rows == []


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (
            ["assessment", "new", "--municipality", "5001", "--year", "2026"],
            1,
            "not a Buddhist Era year",
        ),
        (
            ["assessment", "new", "--municipality", "0000", "--year", "2569"],
            1,
            "unknown municipality",
        ),
        (["assessment", "set", "nope", "1.1", "2"], 1, "no assessment"),
        (["assessment", "set", "nope", "1.1", "x"], 2, "usage error"),
        (["assessment", "list", "--status", "bogus"], 1, "unknown status"),
        (["framework", "show", "--hash", "ab" * 32], 1, "not in this workspace"),
        (["bogus-command"], 2, "usage error"),
    ],
)
def test_errors_are_one_line(
    ddir: str, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, needle: str
) -> None:
    if code == 2:
        with pytest.raises(SystemExit) as exit_:
            main(["--data-dir", ddir, *argv])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
    else:
        got, _, err = run(capsys, "--data-dir", ddir, *argv)
        assert got == code
    assert needle in err and "Traceback" not in err and err.count("\n") == 1


def test_bad_level_and_indicator_change_nothing(
    ddir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, a, _ = run(
        capsys,
        "--data-dir",
        ddir,
        "assessment",
        "new",
        "--municipality",
        "5001",
        "--year",
        "2569",
        "--json",
    )
    aid = a["id"]  # type: ignore[index]
    assert run(capsys, "--data-dir", ddir, "assessment", "set", aid, "1.1", "9")[0] == 1
    assert run(capsys, "--data-dir", ddir, "assessment", "set", aid, "7.7", "1")[0] == 1
    _, shown, _ = run(capsys, "--data-dir", ddir, "assessment", "show", aid, "--json")
    assert shown["answered"] == 0  # type: ignore[index]


def test_missing_evidence_file(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, a, _ = run(
        capsys,
        "--data-dir",
        ddir,
        "assessment",
        "new",
        "--municipality",
        "5001",
        "--year",
        "2569",
        "--json",
    )
    code, _, err = run(
        capsys, "--data-dir", ddir, "assessment", "attach", a["id"], "1.1", "/nope.jpg"
    )  # type: ignore[index]
    assert code == 1 and "not found" in err


def test_demo_init_and_env_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "envws"))
    code, data, _ = run(capsys, "--json", "init", "--demo")
    assert code == 0 and data["demo_assessments"] >= 5  # type: ignore[index]
    assert (tmp_path / "envws" / "secity.sqlite3").exists()


def test_province_role_needs_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "p"), "init", "--role", "province")
    assert code == 1 and "--province" in err
    code, _, _ = run(
        capsys, "--data-dir", str(tmp_path / "p"), "init", "--role", "province", "--province", "50"
    )
    assert code == 0


def test_newer_store_refused_by_cli(ddir: str, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    conn = sqlite3.connect(Path(ddir) / "secity.sqlite3")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--data-dir", ddir, "assessment", "list")
    assert code == 1 and "newer SECity Desktop" in err


def test_entry_point_subprocess_has_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(paths.project_root())}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "secity_desktop.cli.main",
            "--data-dir",
            str(tmp_path / "none"),
            "assessment",
            "show",
            "x",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("secity: ") and "Traceback" not in done.stderr
