"""The one atomic-write helper: whole files or nothing, permissions set, no temp left behind."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from secity_desktop.atomic import (
    AtomicFile,
    atomic_path,
    atomic_write,
    copy_file_atomic,
    write_bytes_atomic,
)

POSIX = sys.platform != "win32"


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_streamed_write_appears_whole_with_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with atomic_write(target, mode=0o640) as out:
        out.write(b"first ")
        assert not target.exists()  # nothing under the real name while writing
        [part] = [p for p in tmp_path.iterdir()]
        assert part.name.startswith(".out.bin.") and part.name.endswith(".part")
        out.write(b"second")
    assert target.read_bytes() == b"first second"
    assert _names(tmp_path) == ["out.bin"]
    if POSIX:
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_failure_keeps_the_old_file_and_removes_the_temp(tmp_path: Path) -> None:
    target = tmp_path / "key"
    target.write_bytes(b"the good copy")
    with pytest.raises(RuntimeError), atomic_write(target) as out:
        out.write(b"half a ne")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"the good copy"
    assert _names(tmp_path) == ["key"]


def test_private_bytes_are_never_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "id_ed25519"
    seen: list[int] = []
    f = AtomicFile(target, mode=0o600)
    seen.append(stat.S_IMODE(os.stat(f.tmp).st_mode))
    f.handle.write(b"secret")
    f.commit()
    write_bytes_atomic(tmp_path / "id_ed25519.pub", b"public", 0o644)
    assert target.read_bytes() == b"secret"
    if POSIX:
        assert seen == [0o600]  # from the first instant, not only after the rename
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(tmp_path / "id_ed25519.pub").st_mode) == 0o644


def test_final_name_decided_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    f = AtomicFile(folder=tmp_path / "tmp")
    f.handle.write(b"content-addressed")
    final = f.commit(tmp_path / "ab")
    assert final.read_bytes() == b"content-addressed"
    assert _names(tmp_path / "tmp") == []
    g = AtomicFile(folder=tmp_path / "tmp")
    g.handle.write(b"dropped")
    g.discard()
    g.discard()  # idempotent, never raises
    assert _names(tmp_path / "tmp") == []
    with pytest.raises(ValueError):
        AtomicFile()


def test_atomic_path_for_libraries_that_open_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_bytes(b"%PDF-1.4 ...")
    assert target.read_bytes() == b"%PDF-1.4 ..."
    with pytest.raises(KeyError), atomic_path(target) as tmp:
        tmp.write_bytes(b"broken")
        raise KeyError("cancelled")
    assert target.read_bytes() == b"%PDF-1.4 ..."
    assert _names(tmp_path) == ["report.pdf"]


def test_copy_and_a_failed_rename_leave_nothing(tmp_path: Path) -> None:
    src = tmp_path / "bundle.secbundle"
    src.write_bytes(os.urandom(3 * 1024 * 1024 + 7))
    (tmp_path / "q").mkdir()
    copy_file_atomic(src, tmp_path / "q" / "copy")
    assert (tmp_path / "q" / "copy").read_bytes() == src.read_bytes()
    # the target is a folder: the rename fails, and the temp file goes with it
    (tmp_path / "q" / "taken").mkdir()
    with pytest.raises(OSError):
        write_bytes_atomic(tmp_path / "q" / "taken", b"x")
    assert _names(tmp_path / "q") == ["copy", "taken"]


def test_a_missing_folder_is_an_os_error_for_the_caller_to_word(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_bytes_atomic(tmp_path / "nope" / "file", b"x")
