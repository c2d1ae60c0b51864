"""Refresh ``i18n/secity_*.ts`` from the sources with ``pyside6-lupdate``.

Run after changing any visible string: ``python scripts/update_translations.py``.
lupdate keeps existing translations and marks new strings ``unfinished``; the
test ``tests/gui/test_i18n.py`` then fails until every Thai string is filled in.
Obsolete entries are dropped (``-no-obsolete``) so the files stay readable.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("th", "en")


def lupdate() -> list[str]:
    exe = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    return [exe]


def sources() -> list[str]:
    files = sorted((ROOT / "secity_desktop" / "gui").rglob("*.py"))
    files.append(ROOT / "secity_desktop" / "app.py")
    return [str(f.relative_to(ROOT)) for f in files]


def main() -> int:
    (ROOT / "i18n").mkdir(exist_ok=True)
    for lang in LANGUAGES:
        ts = f"i18n/secity_{lang}.ts"
        cmd = [
            *lupdate(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            lang,
            *sources(),
            "-ts",
            ts,
        ]
        done = subprocess.run(cmd, cwd=ROOT, check=False)
        if done.returncode != 0:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
