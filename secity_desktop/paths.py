"""Where the app finds its shipped files and keeps the workspace.

One module so that tests, PyInstaller and the CLI all agree; every location
can be overridden (``--data-dir``, ``SECITY_DATA_DIR``) so tests never touch a
real user's data.

The per-user folders (data, config, cache, log) are platformdirs' answers. Every
command needs the log folder, and importing platformdirs costs ≈ 8 ms on Linux
(its ``unix`` module loads ``tempfile``, ``shutil`` and ``random``) — a noticeable
share of one ``secity assessment set`` (docs/cli-batch.md). So :func:`user_dir`
restates platformdirs' plain XDG rule for the common Linux case (an absolute
``$XDG_*_HOME``, else an absolute ``$HOME``) and asks platformdirs itself for
everything else (Windows, macOS, an unusual environment);
``tests/test_paths_user_dirs.py`` checks both agree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
    return user_dir("data")


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser() if explicit else default_data_dir()


def preferences_file() -> Path:
    """The GUI's preferences INI (per user, not per workspace); backups carry a copy."""
    return user_dir("config") / "settings.ini"


#: Linux: the XDG rule below is platformdirs' own answer (elsewhere platformdirs is asked).
PLAIN_XDG = sys.platform.startswith("linux")

#: kind → (XDG variable, default under $HOME, what platformdirs' Unix class appends).
_XDG = {
    "data": ("XDG_DATA_HOME", ".local/share", ()),
    "config": ("XDG_CONFIG_HOME", ".config", ()),
    "cache": ("XDG_CACHE_HOME", ".cache", ()),
    "log": ("XDG_STATE_HOME", ".local/state", ("log",)),
}


def user_dir(kind: str) -> Path:
    """This user's ``data``, ``config``, ``cache`` or ``log`` folder for the app: exactly
    ``platformdirs.user_<kind>_dir(APP_NAME, APP_AUTHOR)``, without importing platformdirs
    on Linux when the XDG rule answers it plainly."""
    var, default, tail = _XDG[kind]
    if PLAIN_XDG and "ANDROID_DATA" not in os.environ:
        base = os.environ.get(var, "")
        if not os.path.isabs(base):
            home = os.environ.get("HOME", "")
            base = os.path.join(home, default) if os.path.isabs(home) else ""
        if base:
            return Path(os.path.join(base, APP_NAME, *tail))
    import platformdirs  # Windows, macOS, no usable $HOME: platformdirs decides

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, APP_AUTHOR))
