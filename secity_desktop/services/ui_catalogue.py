"""Which compiled Qt catalogue (``.qm``) the GUI loads, found and counted without importing Qt.

The GUI (``gui/i18n.py``), the build (``build.spec``) and the support self-check
(``services/doctor.py``, run by the Qt-free CLI) must agree on one answer, so
the rule lives here:

* **Frozen build**: ``i18n/secity_<lang>.qm`` is shipped compiled and trusted as
  it is. There is no ``lrelease`` in a frozen app and nothing is compiled.
* **Source run**: the ``.ts`` source is compiled into the user's cache folder,
  under a name carrying the CRC-32 and length of the source, so a changed
  catalogue is never served stale whatever the file times say. A ``.qm`` beside the ``.ts``
  is used only when there is no ``.ts`` at all.

Qt's tools are found through the installed PySide6 package (its folder holds
``lrelease``/``lupdate``, ``.exe`` on Windows), never through ``PATH``: a
venv's ``bin`` folder is often not on it, and a Windows source install must
work the same way. ``PySide6`` is located with ``importlib.util.find_spec`` so
nothing here loads Qt.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import struct
import sys
from pathlib import Path

import platformdirs

from secity_desktop import paths

CATALOGUE = "secity"
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_HASHES = 0x42  # the section holding one 8-byte (hash, offset) entry per message


def is_frozen() -> bool:
    """True inside a PyInstaller build (shipped ``.qm`` files are trusted there)."""
    return bool(getattr(sys, "frozen", False))


def _exe(name: str, platform: str | None = None) -> str:
    return f"{name}.exe" if (platform or sys.platform) == "win32" else name


def pyside_dir() -> Path | None:
    """The installed PySide6 package folder, found without importing it."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def qt_tool(name: str) -> list[str] | None:
    """The command running Qt's ``lrelease``/``lupdate`` from the installed PySide6.

    First the binary inside the package (``PySide6/lrelease[.exe]``), then the
    package's ``pyside6-<name>`` console script beside the running Python
    (``Scripts\\pyside6-<name>.exe`` on Windows); ``PATH`` is not consulted.
    """
    base = pyside_dir()
    if base is not None:
        for candidate in (base / _exe(name), base / "Qt" / "bin" / _exe(name)):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return [str(candidate)]
    here = Path(sys.executable).parent
    for folder in (here, here / "Scripts", here / "bin"):
        script = folder / _exe(f"pyside6-{name}")
        if script.is_file():
            return [str(script)]
    return None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile one ``.ts`` into ``qm`` with the package's ``lrelease``; False if impossible."""
    tool = qt_tool("lrelease")
    if tool is None:
        return False
    import subprocess  # a source run's first start only (the GUI's first paint waits on imports)

    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [*tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
    )
    return done.returncode == 0 and qm.is_file()


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "i18n"


def content_key(ts: Path) -> str:
    """The ``.ts`` file's content as a cache key: CRC-32 and length (zlib is loaded already;
    hashlib's OpenSSL binding would add ~8 ms before a source run's first paint — a frozen
    build hashes nothing, it trusts its shipped ``.qm`` files)."""
    import zlib

    data = ts.read_bytes()
    return f"{zlib.crc32(data):08x}{len(data):08x}"


def catalogue_file(
    lang: str, cache_dir: Path | None = None, name: str = CATALOGUE
) -> Path | None:
    """Path of the ``<name>_<lang>.qm`` the GUI should load, compiling it on a source run.

    ``name`` is ``secity`` (the app's strings) or ``qt`` (Qt's own buttons and dialogs, for
    the languages Qt ships no catalogue for: ``i18n/qt_th.ts``).
    """
    ts = paths.i18n_dir() / f"{name}_{lang}.ts"
    shipped = ts.with_suffix(".qm")
    if is_frozen() or not ts.exists():
        return shipped if shipped.is_file() else None
    cache = cache_dir or default_cache_dir()
    qm = cache / f"{name}_{lang}-{content_key(ts)}.qm"
    if qm.is_file():
        return qm
    with contextlib.suppress(OSError):
        for old in cache.glob(f"{name}_{lang}-*.qm"):
            with contextlib.suppress(OSError):
                old.unlink()
    part = qm.with_name(qm.name + ".part")
    if not compile_ts(ts, part):
        with contextlib.suppress(OSError):
            part.unlink()
        return None
    os.replace(part, qm)  # a concurrent start never loads a half-written catalogue
    return qm


def qm_message_count(qm: Path) -> int | None:
    """Messages in a compiled catalogue, read from its hash table (one entry per message).

    ``lrelease`` writes only messages that have a translation, so this is the
    number of finished translations the GUI will actually show. None if the
    file is not a ``.qm``.
    """
    try:
        data = qm.read_bytes()
    except OSError:
        return None
    if not data.startswith(_QM_MAGIC):
        return None
    pos = len(_QM_MAGIC)
    while pos + 5 <= len(data):
        tag = data[pos]
        (length,) = struct.unpack(">I", data[pos + 1 : pos + 5])
        if tag == _QM_HASHES:
            return length // 8
        pos += 5 + length
    return 0


def copy_compiled(ts: Path, target_dir: Path) -> Path:
    """Build-time helper: compile ``ts`` into ``target_dir``; raises when it cannot."""
    qm = target_dir / ts.with_suffix(".qm").name
    if not compile_ts(ts, qm):
        tool = qt_tool("lrelease")
        raise RuntimeError(f"could not compile {ts} with {tool or 'lrelease (not found in PySide6)'}")
    return qm


__all__ = [
    "CATALOGUE",
    "catalogue_file",
    "compile_ts",
    "copy_compiled",
    "is_frozen",
    "pyside_dir",
    "qm_message_count",
    "qt_tool",
]
