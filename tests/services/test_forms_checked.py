"""Opening a workspace checks each ``forms/`` file once per content and rules version; after
that the framework is read back from the store (services/workspace.register_frameworks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.core import framework as fw
from secity_desktop.core.errors import FrameworkError
from secity_desktop.services.workspace import open_workspace

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "mini.toml").write_bytes((DATA / "mini_framework.toml").read_bytes())
    return folder


def _open_counting(tmp_path: Path, forms: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    checked: list[Path] = []
    real = fw.load

    def load(path: Path) -> fw.Framework:
        checked.append(path)
        return real(path)

    monkeypatch.setattr(fw, "load", load)
    ws = open_workspace(tmp_path / "ws", forms_dir=forms)
    try:
        assert ws.frameworks.current().indicator("1.1") is not None
    finally:
        ws.close()
    return len(checked)


def test_each_file_is_checked_once_then_read_back(
    tmp_path: Path, forms: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _open_counting(tmp_path, forms, monkeypatch) == 1
    assert _open_counting(tmp_path, forms, monkeypatch) == 0  # same bytes, same rules
    monkeypatch.setattr(fw, "RULES_VERSION", fw.RULES_VERSION + 1)
    assert _open_counting(tmp_path, forms, monkeypatch) == 1  # new rules: checked again
    assert _open_counting(tmp_path, forms, monkeypatch) == 0


def test_a_changed_file_is_checked_and_a_broken_one_still_refused(
    tmp_path: Path, forms: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _open_counting(tmp_path, forms, monkeypatch) == 1
    path = forms / "mini.toml"
    text = path.read_text("utf-8")
    path.write_text(text + "\n# a comment: new bytes, the same framework\n", "utf-8")
    assert _open_counting(tmp_path, forms, monkeypatch) == 1
    path.write_text(text.replace("weight = ", "weight = -", 1), "utf-8")
    with pytest.raises(FrameworkError):
        open_workspace(tmp_path / "ws", forms_dir=forms)
