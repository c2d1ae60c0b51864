"""Nothing below gui/ imports Qt: the core must run headless (CLI, CI, servers)."""

from __future__ import annotations

import ast
import subprocess
import sys

from secity_desktop import paths

PKG = paths.project_root() / "secity_desktop"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: object) -> set[str]:
    tree = ast.parse(open(path, encoding="utf-8").read())  # noqa: SIM115
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_outside_gui() -> None:
    offenders = []
    for py in PKG.rglob("*.py"):
        rel = py.relative_to(PKG).as_posix()
        if rel.startswith("gui/") or rel == "app.py":
            continue
        bad = [
            n
            for n in _imports(py)
            if n.split(".")[0] in QT_MODULES or n.startswith("secity_desktop.gui")
        ]
        if bad:
            offenders.append(f"{rel}: {bad}")
    assert offenders == []


def test_gui_imports_qt_only_through_one_door() -> None:
    offenders = []
    for py in (PKG / "gui").rglob("*.py"):
        rel = py.relative_to(PKG).as_posix()
        if rel == "gui/qt.py":
            continue
        if any(n.split(".")[0] in QT_MODULES for n in _imports(py)):
            offenders.append(rel)
    assert offenders == []


def test_cli_runs_without_loading_qt() -> None:
    code = (
        "import sys; from secity_desktop.cli.main import build_parser; build_parser();"
        "import secity_desktop.services.assessments, secity_desktop.store.database;"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=paths.project_root(),
    )
    assert out.stdout.strip() == "False"
