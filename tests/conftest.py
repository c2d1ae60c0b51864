"""Shared fixtures: headless Qt, throwaway workspaces, the shipped framework."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from secity_desktop import log, paths
from secity_desktop.core import framework as fw
from secity_desktop.core.lifecycle import Role
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch a real user's data or cache, whatever a test forgets to pass."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log (platformdirs)
    monkeypatch.delenv("SECITY_LOG_DIR", raising=False)
    monkeypatch.setenv("SECITY_LANG", "en")  # CLI error lines; tests of Thai set it themselves


@pytest.fixture(autouse=True)
def _collector_back_on() -> Iterator[None]:
    """``app.main(exec_=False)`` pauses the garbage collector until its window has been up a
    moment of event-loop time; a test that ends sooner must not leave it off for the next."""
    yield
    from secity_desktop import app

    app.resume_collection()


@pytest.fixture(autouse=True)
def _close_log() -> Iterator[None]:
    """A test that set up the log must not leave its file open for the next one."""
    yield
    log.shutdown()


@pytest.fixture
def o(tmp_path: Path) -> Iterator[Any]:
    """The three offices of ``tests/bundle/office_flow.py`` (assessor, province, region) in
    ``tmp_path``, closed after the test."""
    from tests.bundle.office_flow import offices

    made = offices(tmp_path)
    yield made
    made.close()


@pytest.fixture
def mini_framework() -> fw.Framework:
    return fw.load(DATA / "mini_framework.toml")


@pytest.fixture
def shipped_framework() -> fw.Framework:
    found = fw.discover(paths.forms_dir())
    assert found, "no framework in forms/"
    return found[-1]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    w = open_workspace(tmp_path / "ws")
    init_workspace(w, role=Role.ASSESSOR, province_code=None, user_name="tester")
    yield w
    w.close()


@pytest.fixture
def mini_ws(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace whose only framework is the tiny test one."""
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "mini.toml").write_bytes((DATA / "mini_framework.toml").read_bytes())
    w = open_workspace(tmp_path / "ws", forms_dir=forms)
    init_workspace(w, role=Role.ASSESSOR, province_code=None, user_name="tester")
    yield w
    w.close()


@pytest.fixture(autouse=True, scope="session")
def _quick_key_files() -> Iterator[None]:
    """Key files written by tests use 4 bcrypt-pbkdf rounds instead of ``KDF_ROUNDS``.

    The suite creates and unlocks hundreds of keys; at the real ≈0.7 s per unlock that
    would add minutes. The real rounds, and ssh-keygen reading them, are tested in
    tests/crypto/test_keys.py (the ``real_rounds`` fixture).
    """
    from secity_desktop.crypto import keys

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keys, "KDF_ROUNDS", 4)
        yield
