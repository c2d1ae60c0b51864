"""Qt's tools are found inside the PySide6 package on every OS; .qm messages are counted without Qt."""

from __future__ import annotations

import ntpath
import os
import stat
import sys
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from secity_desktop import paths
from secity_desktop.services import ui_catalogue


def _fake_pyside(tmp: Path, *names: str) -> Path:
    pkg = tmp / "site-packages" / "PySide6"
    pkg.mkdir(parents=True)
    for name in names:
        tool = pkg / name
        tool.write_bytes(b"")
        tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    return pkg


def test_windows_looks_for_exe_inside_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = _fake_pyside(tmp_path, "lrelease")  # the Linux name only: not a Windows tool
    monkeypatch.setattr(ui_catalogue, "pyside_dir", lambda: pkg)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "Scripts" / "python.exe"))
    assert ui_catalogue.qt_tool("lrelease") is None
    (pkg / "lrelease.exe").write_bytes(b"")
    (pkg / "lrelease.exe").chmod(0o755)
    assert ui_catalogue.qt_tool("lrelease") == [str(pkg / "lrelease.exe")]


def test_windows_falls_back_to_the_console_script_beside_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = _fake_pyside(tmp_path)
    scripts = tmp_path / "venv" / "Scripts"
    scripts.mkdir(parents=True)
    (scripts / "pyside6-lrelease.exe").write_bytes(b"")
    monkeypatch.setattr(ui_catalogue, "pyside_dir", lambda: pkg)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", str(scripts / "python.exe"))
    monkeypatch.setenv("PATH", "")
    assert ui_catalogue.qt_tool("lrelease") == [str(scripts / "pyside6-lrelease.exe")]


def test_the_real_package_has_lrelease_and_lupdate() -> None:
    for name in ("lrelease", "lupdate"):
        tool = ui_catalogue.qt_tool(name)
        assert tool is not None and os.access(tool[0], os.X_OK)


def test_qm_message_count_reads_the_hash_table(tmp_path: Path) -> None:
    qm = ui_catalogue.copy_compiled(paths.i18n_dir() / "secity_th.ts", tmp_path)
    text = (paths.i18n_dir() / "secity_th.ts").read_text("utf-8")
    assert ui_catalogue.qm_message_count(qm) == text.count("<message>")
    (tmp_path / "bad.qm").write_bytes(b"not a catalogue")
    assert ui_catalogue.qm_message_count(tmp_path / "bad.qm") is None


def test_windows_data_dir_is_local_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a Windows install keeps the workspace (the installer's uninstall leaves it)."""

    class NtOs:
        path = ntpath
        environ = os.environ

    local = "C:\\Users\\สมชาย\\AppData\\Local"
    monkeypatch.setattr(platformdirs.windows, "os", NtOs)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: local)
    monkeypatch.setattr(
        platformdirs, "user_data_dir",
        lambda app, author: platformdirs.windows.Windows(app, author).user_data_dir,
    )
    monkeypatch.setattr(paths, "PLAIN_XDG", False)  # as on Windows: platformdirs answers
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    expected = "C:\\Users\\สมชาย\\AppData\\Local\\DCCE\\SECityDesktop"
    assert str(paths.default_data_dir()) == expected
    iss = (paths.project_root() / "packaging" / "windows" / "secity.iss").read_text("utf-8")
    assert "{localappdata}\\DCCE\\SECityDesktop" in iss  # named, and never deleted
    code = [line for line in iss.splitlines() if not line.lstrip().startswith(";")]
    assert not any("UninstallDelete" in line or ("delete" in line.lower() and "DCCE" in line)
                   for line in code)
    assert "PrivilegesRequired=lowest" in code and "DefaultDirName={userpf}\\{#AppName}" in code
    chosen = paths.resolve_data_dir("D:\\งาน\\SECity")
    assert ntpath.basename(str(chosen)) == "SECity"
