"""``paths.user_dir`` is platformdirs' answer, whether it restates the XDG rule (Linux) or
asks platformdirs (anything else): the log, cache, data and config folders never move."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from secity_desktop import paths

KINDS = ("data", "config", "cache", "log")
XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def _platformdirs(kind: str) -> Path:
    return Path(getattr(platformdirs, f"user_{kind}_dir")(paths.APP_NAME, paths.APP_AUTHOR))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("setting", ["xdg", "home-only", "relative-xdg", "home-slash"])
def test_same_folder_as_platformdirs(kind: str, setting: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for var in XDG:
        if setting == "xdg":
            monkeypatch.setenv(var, str(tmp_path / var.lower()))
        elif setting == "relative-xdg":
            monkeypatch.setenv(var, "relative/" + var.lower())  # ignored by the XDG rule
        else:
            monkeypatch.delenv(var, raising=False)
    if setting == "home-slash":
        monkeypatch.setenv("HOME", str(tmp_path / "home") + "/")
    assert paths.user_dir(kind) == _platformdirs(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_other_platforms_ask_platformdirs(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "PLAIN_XDG", False)
    monkeypatch.setattr(platformdirs, f"user_{kind}_dir",
                        lambda app, author: f"/elsewhere/{author}/{app}/{kind}")
    assert paths.user_dir(kind) == Path(f"/elsewhere/DCCE/SECityDesktop/{kind}")


def test_no_usable_home_asks_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "not/absolute")
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda app, author: "/from/platformdirs")
    assert paths.user_dir("log") == Path("/from/platformdirs")
