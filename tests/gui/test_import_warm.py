"""The import page starts the verification workers in idle time once it holds enough files.

``services/verify_pool.py`` (branch impproc): a list of ``WARM_MIN`` files or more starts the
workers while the person looks at the list (``gui/idle_warm.run_in_idle``), so "Check" does not
wait for them; a smaller list starts nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui.transfer.place import SyncPlace
from secity_desktop.services import verify_pool
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow


@pytest.fixture
def office_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = flow.province(tmp_path / "p")
    yield ws
    ws.close()


@pytest.fixture
def warmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(verify_pool, "running", lambda: bool(calls))
    monkeypatch.setattr(verify_pool, "warm", lambda: calls.append("warm"))
    return calls


def _files(tmp_path: Path, n: int, start: int = 0) -> list[Path]:
    out = []
    for k in range(start, start + n):
        f = tmp_path / f"b{k:03}.secbundle"
        f.write_bytes(b"x")
        out.append(f)
    return out


def test_a_long_list_starts_the_workers_once_in_idle_time(
    qtbot: QtBot, office_ws: Workspace, tmp_path: Path, warmed: list[str],
) -> None:
    place = SyncPlace(office_ws)
    qtbot.addWidget(place)
    page = place.import_page
    page.add_files(_files(tmp_path, verify_pool.WARM_MIN - 1))
    qtbot.wait(50)
    assert warmed == []  # a short list: no process
    page.add_files(_files(tmp_path, 1, start=verify_pool.WARM_MIN - 1))
    assert warmed == []  # not on the spot: in idle time
    qtbot.waitUntil(lambda: warmed == ["warm"], timeout=2000)
    page.add_files(_files(tmp_path, 3, start=100))
    qtbot.wait(50)
    assert warmed == ["warm"]  # running already: not again
