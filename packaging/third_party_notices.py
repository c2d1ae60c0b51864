"""Write ``THIRD-PARTY-NOTICES``: the licences of everything the frozen app ships.

    .venv/bin/python packaging/third_party_notices.py          # rewrite the file
    .venv/bin/python packaging/third_party_notices.py --check  # fail if it is out of date

The list of Python distributions is the run-time closure of ``secity-desktop``'s own
requirements (no test or build extras), read from the installed distributions'
metadata; each must be installed at the version pinned in ``requirements/build.lock``
(the script refuses otherwise, so the notices always describe the locked set).
For each one the file carries its name, version, declared licence and the full text
of every licence file the wheel ships. Then the parts that are not Python packages:
Qt (LGPLv3, with where to get its source), the Sarabun fonts (OFL), pythainlp's word
list (CC0), the Python runtime (PSF) and PyInstaller's bootloader (GPL with exception).

The output depends only on the lock and the installed files, never on the date, so
``--check`` in the build check catches a lock change without new notices.
"""

from __future__ import annotations

import argparse
import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "build.lock"
OUT = ROOT / "THIRD-PARTY-NOTICES"
LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
RULE = "=" * 78

QT_NOTICE = """\
Qt 6 (the libraries inside PySide6 Essentials) — The Qt Company Ltd. and other contributors.
Licensed under the GNU Lesser General Public License version 3 (LGPLv3).

SECity Desktop uses Qt as unmodified shared libraries, loaded at run time from the
application folder; you may replace them with your own build of the same Qt version.
The complete corresponding source code of Qt is available from
https://download.qt.io/official_releases/qt/ and https://code.qt.io/ ; PySide6 and
Shiboken6 sources from https://code.qt.io/cgit/pyside/pyside-setup.git/ (the version
is given above). On request we provide the source of the exact Qt version shipped.
The LGPLv3 text: https://www.gnu.org/licenses/lgpl-3.0.txt (it incorporates the GPLv3:
https://www.gnu.org/licenses/gpl-3.0.txt).
"""

PYTHAINLP_WORDS = """\
Thai word list (pythainlp/corpus/words_th.txt, stopwords_th.txt) — the PyThaiNLP project.
Released under the Creative Commons Zero 1.0 Universal Public Domain Dedication (CC0-1.0),
https://creativecommons.org/publicdomain/zero/1.0/ . Only these two files of PyThaiNLP's
corpus are shipped; they are used to find word boundaries in Thai text.
"""

PYINSTALLER_NOTICE = """\
The executables' start-up code is PyInstaller's bootloader — the PyInstaller Development Team.
GPL-2.0-or-later with the PyInstaller bootloader exception, which permits distributing it
with programs under any licence. See https://pyinstaller.org/en/stable/license.html
"""


def locked_versions(lock: Path = LOCK) -> dict[str, str]:
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line)
        if m:
            pins[normalise(m.group(1))] = m.group(2)
    return pins


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


PLATFORMS = (
    {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
)


def _needed(req: Requirement) -> bool:
    """True when ``req`` applies on any platform we ship for (so the file is the same on all)."""
    if req.marker is None:
        return True
    return any(req.marker.evaluate({**env, "extra": ""}) for env in PLATFORMS)


def runtime_closure(root: str = "secity-desktop") -> tuple[list[metadata.Distribution], list[str]]:
    """Distributions ``root`` needs at run time without extras; and those not installed here.

    Markers are evaluated for Linux, Windows and macOS together, so a Windows-only
    dependency is listed from a Linux build too (from the lock, as it is not installed).
    """
    seen: dict[str, metadata.Distribution] = {}
    absent: set[str] = set()
    todo = [Requirement(r) for r in (metadata.requires(root) or [])]
    while todo:
        req = todo.pop()
        if not _needed(req):
            continue
        key = normalise(req.name)
        if key in seen or key in absent:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            absent.add(key)
            continue
        seen[key] = dist
        todo.extend(Requirement(sub) for sub in dist.requires or [])
    return sorted(seen.values(), key=lambda d: normalise(d.metadata["Name"])), sorted(absent)


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    declared = (meta.get("License") or "").strip()
    if declared and len(declared) < 120 and "\n" not in declared:
        return declared
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")
    ]
    return "; ".join(classifiers) or "see the licence text below"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        name = str(file)
        if ".dist-info/" not in name and "/" in name:
            continue  # licence files of the distribution itself, not of its test data
        if LICENCE_FILE.search(name) and not name.endswith((".py", ".pyc")):
            try:
                texts.append((Path(name).name, Path(str(file.locate())).read_text("utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return sorted(texts)


def section(title: str, body: str) -> str:
    return f"{RULE}\n{title}\n{RULE}\n\n{body.rstrip()}\n\n"


def render() -> str:
    pins = locked_versions()
    problems = []
    parts = [
        "SECity Desktop — third-party notices\n\n"
        "SECity Desktop itself is under the MIT License (see LICENSE). The frozen application\n"
        "also contains the following software and data, each under its own licence.\n"
        "This file is generated by packaging/third_party_notices.py from requirements/build.lock.\n\n"
    ]
    closure, absent = runtime_closure()
    for dist in closure:
        name, version = dist.metadata["Name"], dist.version
        pinned = pins.get(normalise(name))
        if pinned != version:
            problems.append(f"{name} {version} is installed but the lock pins {pinned}")
        body = [f"Version {version}. Licence: {licence_of(dist)}."]
        home = dist.metadata.get("Home-page") or next(
            (u.split(",", 1)[1].strip() for u in dist.metadata.get_all("Project-URL") or []),
            "",
        )
        if home:
            body.append(f"Home: {home}")
        for file_name, text in licence_texts(dist):
            body.append(f"--- {file_name} ---\n{text.strip()}")
        parts.append(section(f"{name}", "\n\n".join(body)))
    for key in absent:
        if key not in pins:
            problems.append(f"{key} is needed on some platform but not in the lock")
            continue
        parts.append(section(key, f"Version {pins[key]} (pinned in the lock). Used only on another "
                                  "platform than the one that wrote this file; its licence text is "
                                  "in its package, shipped beside it in that platform's build."))
    if problems:
        raise SystemExit("notices would not match the lock:\n  " + "\n  ".join(problems))
    pyside = next(d.version for d in closure if normalise(d.metadata["Name"]) == "pyside6-essentials")
    parts.append(section(f"Qt {pyside}", QT_NOTICE))
    ofl = (ROOT / "resources" / "fonts" / "OFL.txt").read_text("utf-8")
    parts.append(section(
        "Sarabun fonts (resources/fonts) — Cadson Demak",
        "Licensed under the SIL Open Font License, Version 1.1 (OFL.txt as shipped):\n\n" + ofl,
    ))
    parts.append(section("PyThaiNLP word list", PYTHAINLP_WORDS))
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    text = python_licence.read_text("utf-8") if python_licence.is_file() else (
        "PSF License Agreement: https://docs.python.org/3/license.html")
    parts.append(section(f"Python {sys.version_info.major}.{sys.version_info.minor} runtime",
                         text))
    parts.append(section("PyInstaller bootloader", PYINSTALLER_NOTICE))
    return "".join(parts).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUT.read_text("utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.name} is out of date: run packaging/third_party_notices.py", file=sys.stderr)
            return 1
        print(f"{OUT.name} is current ({len(text.splitlines())} lines)")
        return 0
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
