"""Loading the UI language: our catalogue and Qt's own ``qtbase`` one.

Which ``.qm`` to load is decided without Qt in :mod:`secity_desktop.services.ui_catalogue`
(the CLI's ``secity doctor`` reports the same file): a frozen build ships its
catalogues compiled and trusts them; a source run compiles the ``.ts`` into the
user's cache folder under its content hash, with the ``lrelease`` of the
installed PySide6 package. Thai is the default language.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.gui.qt import QtCore
from secity_desktop.services import ui_catalogue

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
CATALOGUE = ui_catalogue.CATALOGUE
QT_CATALOGUE = "qt"  # i18n/qt_<lang>.ts: Qt's own strings where Qt ships no catalogue


def compiled_catalogue(
    lang: str, cache_dir: Path | None = None, name: str = CATALOGUE
) -> Path | None:
    """Path of an up-to-date ``<name>_<lang>.qm`` (see :func:`ui_catalogue.catalogue_file`)."""
    return ui_catalogue.catalogue_file(lang, cache_dir, name)


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
