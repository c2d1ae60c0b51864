"""The build's data (packaging/spec_helpers.py), the lock and the notices, checked without building."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from secity_desktop import __version__, paths

ROOT = paths.project_root()


def _load(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


H = _load("spec_helpers")


def test_version_comes_from_the_package() -> None:
    assert H.version() == __version__  # type: ignore[attr-defined]
    assert H.version_tuple("0.1.0") == (0, 1, 0, 0)  # type: ignore[attr-defined]
    assert H.version_tuple("1.2.3rc4") == (1, 2, 3, 4)  # type: ignore[attr-defined]


def test_windows_version_resource_is_built_from_the_version() -> None:
    text = H.windows_version_text(__version__)  # type: ignore[attr-defined]
    seen: dict[str, object] = {}

    def node(kind: str):  # stand-ins for PyInstaller's classes (they need Windows' pefile)
        return lambda *args, **kw: seen.setdefault(kind, []).append((args, kw)) or (kind, args, kw)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    eval(text, {n: node(n) for n in names})  # the same evaluation PyInstaller does
    strings = dict(args for args, _ in seen["StringStruct"])  # type: ignore[arg-type]
    assert strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "SECityDesktop.exe"
    fixed = seen["FixedFileInfo"][0][1]  # type: ignore[index]
    assert fixed["filevers"] == H.version_tuple(__version__)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("pythainlp/corpus/words_th.txt", True),
        ("pythainlp/corpus/stopwords_th.txt", True),
        ("pythainlp/corpus/wikipedia_titles_th.txt", False),
        ("pythainlp/corpus/wordnet_th.db", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtbase_th.qm", True),
        ("i18n/secity_th.ts", False),
        ("i18n/secity_th.qm", True),
        ("resources/fonts/Sarabun-Regular.ttf", True),
    ],
)
def test_data_trimming(dest: str, kept: bool) -> None:
    assert H.keep_data(dest) is kept  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\imageformats\\qsvg.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("libcairo.so.2", False),
        ("libX11.so.6", True),
    ],
)
def test_binary_trimming(dest: str, kept: bool) -> None:
    assert H.keep_binary(dest) is kept  # type: ignore[attr-defined]


def test_excluded_qt_modules_are_not_imported_by_the_app() -> None:
    used = set()
    for py in (ROOT / "secity_desktop").rglob("*.py"):
        text = py.read_text("utf-8")
        used.update(m for m in H.QT_MODULES_EXCLUDED if f"PySide6.{m}" in text or f"import {m}" in text)  # type: ignore[attr-defined]
    assert used == set()


def test_lock_is_hashed_and_pins_every_requirement() -> None:
    lock = (ROOT / "requirements" / "build.lock").read_text("utf-8")
    pins = _load("third_party_notices").locked_versions()  # type: ignore[attr-defined]
    for name in ("pyside6-essentials", "reportlab", "pillow", "python-dateutil", "pythainlp",
                 "cryptography", "pyinstaller", "pytest"):
        assert name in pins, name
    blocks = [b for b in lock.split("\n") if "==" in b and not b.startswith(" ")]
    assert blocks and all(b.rstrip().endswith("\\") for b in blocks)  # each pin has hashes
    assert lock.count("--hash=sha256:") >= len(pins)


def test_third_party_notices_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "third_party_notices.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    if "the lock pins" in done.stderr:
        pytest.skip("this environment was not installed from requirements/build.lock")
    assert done.returncode == 0, done.stderr
    text = (ROOT / "THIRD-PARTY-NOTICES").read_text("utf-8")
    for needle in ("LGPL", "SIL Open Font License", "PySide6", "reportlab", "pythainlp",
                   "cryptography", "CC0", "PyInstaller bootloader"):
        assert needle in text, needle


def test_icons_are_committed() -> None:
    icons = ROOT / "resources" / "icons"
    for name in ("secity.svg", "secity.png", "secity.ico", "secity.icns"):
        assert (icons / name).stat().st_size > 1000, name
    assert Path(icons / "secity.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert Path(icons / "secity.icns").read_bytes()[:4] == b"icns"


def test_every_lazily_imported_command_module_is_frozen() -> None:
    """cli/commands.py imports command modules by name; the spec must list each one."""
    from secity_desktop.cli import commands

    wanted = {f"secity_desktop.cli.{module}" for module, _help in commands.COMMANDS.values()}
    assert set(H.cli_modules()) == wanted
    spec = (Path(__file__).resolve().parents[2] / "build.spec").read_text(encoding="utf-8")
    assert spec.count("*H.cli_modules()") == 2  # the GUI's archive and the console's
