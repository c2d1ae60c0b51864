"""Nothing below gui/ imports Qt: the core must run headless (CLI, CI, servers)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

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


LOWER = ("store", "bundle", "crypto", "reports")


def _package_of(py: object, node: ast.ImportFrom) -> str:
    """The absolute module an ImportFrom names (relative ones resolved against the file)."""
    if node.level == 0:
        return node.module or ""
    parts = py.with_suffix("").parts  # type: ignore[attr-defined]
    rel = parts[len(parts) - 1 - parts[::-1].index("secity_desktop") :]
    base = list(rel[: len(rel) - node.level])
    return ".".join([*base, node.module] if node.module else base)


def _lower_imports(py: object) -> list[str]:
    """Every import (module level or inside a function) that names store/bundle/crypto/reports."""
    tree = ast.parse(open(py, encoding="utf-8").read())  # type: ignore[call-overload]  # noqa: SIM115
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _package_of(py, node)
            names = [module] + [f"{module}.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "secity_desktop" and parts[1] in LOWER:
                found.append(f"line {node.lineno}: {name}")
                break
    return found


def test_front_ends_go_through_services_only() -> None:
    """gui/ and cli/ import services, core value types, paths, messages — never the layers below."""
    offenders = []
    for front in ("gui", "cli"):
        for py in sorted((PKG / front).rglob("*.py")):
            for hit in _lower_imports(py):
                offenders.append(f"{py.relative_to(PKG).as_posix()} {hit}")
    assert offenders == []


def test_the_front_end_import_check_sees_every_form(tmp_path: Path) -> None:
    """The checker itself: absolute, from-package, relative and function-level imports all count."""
    sample = tmp_path / "secity_desktop" / "gui" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        "import secity_desktop.store.database\n"
        "from secity_desktop import crypto\n"
        "from ..reports import data\n"
        "def f():\n    from secity_desktop.bundle.plan import Plan\n"
        "from secity_desktop.services import lists\n",
        "utf-8",
    )
    hits = _lower_imports(sample)
    assert [h.split(": ")[1] for h in hits] == [
        "secity_desktop.store.database",
        "secity_desktop.crypto",
        "secity_desktop.reports",
        "secity_desktop.bundle.plan",
    ]
# --- all SQL lives in store/ --------------------------------------------------------
NO_SQL_PACKAGES = ("services", "bundle", "crypto", "reports")
_SQL = re.compile(
    r"\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b"
    r"|CREATE\s+(TEMP\s+|UNIQUE\s+)?(TABLE|INDEX|TRIGGER)\b|PRAGMA\s+\w)"
)
_DB_CALLS = re.compile(r"\.execute(many)?\(|\.executescript\(|\.query\(|\bdb\[|\.conn\b")


def sql_offences(text: str) -> list[str]:
    """Lines of Python source that run or spell SQL (``db.atomic()`` transactions are fine)."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if _DB_CALLS.search(line) or _SQL.search(line):
            out.append(f"{n}: {line.strip()}")
    return out


def test_sql_lives_only_in_the_store() -> None:
    offenders = []
    for pkg in NO_SQL_PACKAGES:
        for py in (PKG / pkg).rglob("*.py"):
            found = sql_offences(py.read_text(encoding="utf-8"))
            offenders += [f"{py.relative_to(PKG).as_posix()}:{f}" for f in found]
    assert offenders == []


def test_the_sql_check_can_fail() -> None:
    caught = [
        'db.execute("SELECT 1 FROM assessments")',
        "ws.db.conn.executemany(sql, rows)",
        'self.db["exports"].insert(row)',
        "rows = db.query(sql)",
        'sql = "INSERT OR IGNORE INTO blobs (sha256) VALUES (?)"',
        '"UPDATE assessments SET status = ?"',
        '"DELETE FROM model_towns WHERE year = ?"',
    ]
    for line in caught:
        assert sql_offences(line), line
    allowed = [
        "with ws.db.atomic():",
        "# select the revision a person chose, then update the list",
        "repo.set_status(ws.db, a.id, status, at, by)",
    ]
    for line in allowed:
        assert not sql_offences(line), line
