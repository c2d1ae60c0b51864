"""Console output: UTF-8 on a Thai Windows code page or a redirect, and no crash without a console."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.cli import console

ARROW_LINE = "เทศบาลตำบลสุเทพ: received → under review ✓\n"


def test_cp874_stream_cannot_print_an_arrow_until_set_up(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp874")  # a Thai Windows console or redirect
    with pytest.raises(UnicodeEncodeError):
        stream.write(ARROW_LINE)
        stream.flush()
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp874"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="cp874"))
    console.setup_streams()
    print(ARROW_LINE, end="")
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8") == ARROW_LINE


def test_no_console_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    console.setup_streams()
    assert sys.stdout is not None and sys.stderr is not None
    print(ARROW_LINE)  # goes to the null device; must not raise
    print("error", file=sys.stderr)
    sys.stdout.close()
    sys.stderr.close()


def _cli(args: list[str], env: dict[str, str], tmp: Path, prelude: str = "") -> subprocess.CompletedProcess[bytes]:
    code = prelude + f"from secity_desktop.cli.main import main; raise SystemExit(main({args!r}))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=paths.project_root(),
        env={**os.environ, **env, "HOME": str(tmp), "XDG_CACHE_HOME": str(tmp / "cache"),
             "XDG_CONFIG_HOME": str(tmp / "config")},
        check=False,
    )


def test_redirected_cli_output_on_code_page_874_is_utf8(tmp_path: Path) -> None:
    """``secity doctor`` prints "→" and "✓": with cp874 output it crashed before."""
    done = _cli(["--data-dir", str(tmp_path / "w"), "doctor"], {"PYTHONIOENCODING": "cp874"}, tmp_path)
    text = done.stdout.decode("utf-8")
    assert "→" in text and "✓" in text, done.stderr.decode("utf-8", "replace")
    assert "UnicodeEncodeError" not in done.stderr.decode("utf-8", "replace")


def test_cli_without_a_console_does_not_crash(tmp_path: Path) -> None:
    done = _cli(
        ["--data-dir", str(tmp_path / "w"), "init", "--role", "assessor"], {}, tmp_path,
        prelude="import sys; sys.stdout = None; sys.stderr = None\n",
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "w" / "secity.sqlite3").exists()
