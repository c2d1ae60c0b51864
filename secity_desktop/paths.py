"""Where the app finds its shipped files and keeps the workspace.

One module so that tests, PyInstaller and the CLI all agree; every location
can be overridden (``--data-dir``, ``SECITY_DATA_DIR``) so tests never touch a
real user's data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "SECityDesktop"
APP_AUTHOR = "DCCE"
DATA_DIR_ENV = "SECITY_DATA_DIR"


def project_root() -> Path:
    """The folder holding ``resources/``, ``forms/`` and ``i18n/``.

    A frozen (PyInstaller) build unpacks them under ``sys._MEIPASS``; a source
    checkout or editable install keeps them beside the package.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def forms_dir() -> Path:
    return project_root() / "forms"


def i18n_dir() -> Path:
    return project_root() / "i18n"


def guide_dir() -> Path:
    """The user guide (Markdown pages and screenshots); build.spec ships ``docs/guide``."""
    return project_root() / "docs" / "guide"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def reference_data_dir() -> Path:
    return resources_dir() / "data"


def default_data_dir() -> Path:
    """The workspace folder when none is given: env var first, then the user data dir."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser() if explicit else default_data_dir()


def preferences_file() -> Path:
    """The GUI's preferences INI (per user, not per workspace); backups carry a copy."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "settings.ini"
