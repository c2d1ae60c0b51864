"""Loading the UI language: our catalogue and Qt's own ``qtbase`` one.

Compiled ``.qm`` files are build products, so they are not committed: at start
the ``.ts`` sources in ``i18n/`` are compiled with ``pyside6-lrelease`` into a
cache folder, named by the SHA-256 of the source, so a changed catalogue is
never served stale whatever the file times say (two checkouts, an upgrade
that keeps old times). A frozen build ships them compiled. Thai is the
default language.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs

from secity_desktop import paths
from secity_desktop.gui.qt import QtCore

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
CATALOGUE = "secity"
QT_CATALOGUE = "qt"  # i18n/qt_<lang>.ts: Qt's own strings where Qt ships no catalogue


def _lrelease() -> list[str] | None:
    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    sibling = Path(sys.executable).with_name("pyside6-lrelease")
    return [str(sibling)] if sibling.exists() else None


def compiled_catalogue(
    lang: str, cache_dir: Path | None = None, name: str = CATALOGUE
) -> Path | None:
    """Path of an up-to-date ``<name>_<lang>.qm``, compiling it if needed."""
    ts = paths.i18n_dir() / f"{name}_{lang}.ts"
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cache = (
        cache_dir or Path(platformdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "i18n"
    )
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    qm = cache / f"{name}_{lang}-{digest}.qm"
    if qm.exists():
        return qm
    tool = _lrelease()
    if tool is None:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob(f"{name}_{lang}-*.qm"):
        with contextlib.suppress(OSError):
            old.unlink()
    done = subprocess.run(
        [*tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
    )
    return qm if done.returncode == 0 and qm.exists() else None


class Translations:
    """Keeps the installed translators alive (Qt does not own them) and swaps them on demand."""

    def __init__(self, app: QtCore.QCoreApplication) -> None:
        self.app = app
        self.lang = "en"
        self._installed: list[QtCore.QTranslator] = []

    def uninstall(self) -> None:
        for tr in self._installed:
            self.app.removeTranslator(tr)
        self._installed.clear()

    def install(self, lang: str) -> bool:
        self.uninstall()
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        ok = True
        if self.lang != "en":
            qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
            base = QtCore.QTranslator(self.app)
            if base.load(f"qtbase_{self.lang}", qt_dir):
                self.app.installTranslator(base)
                self._installed.append(base)
            else:  # Qt ships no Thai: our own catalogue of the Qt strings the app shows
                own_qt = compiled_catalogue(self.lang, name=QT_CATALOGUE)
                qt_tr = QtCore.QTranslator(self.app)
                if own_qt is not None and qt_tr.load(str(own_qt)):
                    self.app.installTranslator(qt_tr)
                    self._installed.append(qt_tr)
        qm = compiled_catalogue(self.lang)
        if qm is not None:
            own = QtCore.QTranslator(self.app)
            if own.load(str(qm)):
                self.app.installTranslator(own)
                self._installed.append(own)
            else:
                ok = False
        elif self.lang != "en":
            ok = False
        QtCore.QLocale.setDefault(
            QtCore.QLocale(
                QtCore.QLocale.Language.Thai
                if self.lang == "th"
                else QtCore.QLocale.Language.English,
                QtCore.QLocale.Country.Thailand,
            )
        )
        return ok
