"""Quarantine: de-duplicated by hash, capped, truthful when nothing could be kept."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from secity_desktop.services import quarantine as q_mod
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.quarantine import Quarantine, set_cap_mb
from tests.bundle import flow


@pytest.fixture
def office(tmp_path: Path) -> Any:
    ws = flow.province(tmp_path / "office")
    yield ws
    ws.close()


def _junk(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.write(b"PK\x03\x04")
        f.write(os.urandom(min(size, 1 << 20)))
        f.truncate(size)
    return path


def test_same_file_refused_three_times_is_kept_once(office: Any, tmp_path: Path) -> None:
    bad = _junk(tmp_path / "junk.secbundle", 8_000_000)
    copies = [bad]
    for n in (2, 3):
        other = tmp_path / f"junk{n}.secbundle"
        other.write_bytes(bad.read_bytes())
        copies.append(other)
    for path in copies:  # three imports of the same 8 MB file
        r = ImportService(office).import_files([path])
        assert r.quarantined[path].is_file()
    q = Quarantine.for_workspace(office)
    assert len(q.copies()) == 1 and q.used() == 8_000_000  # not 24 MB
    import json

    meta = json.loads(q.copies()[0].with_name(q.copies()[0].name + ".reason.json").read_text())
    assert meta["times_refused"] == 3 and meta["reason"] == "truncated"
    rows = office.db.execute("SELECT quarantine_path FROM imports").fetchall()
    assert len(rows) == 3 and len({r[0] for r in rows}) == 1


def test_over_the_cap_keeps_the_reason_not_a_copy(office: Any, tmp_path: Path) -> None:
    set_cap_mb(office, 5)
    big = _junk(tmp_path / "big.secbundle", 6_000_000)
    r = ImportService(office).import_files([big])
    assert r.quarantined == {} and r.not_quarantined == {big: "over_cap"}
    assert Quarantine.for_workspace(office).used() == 0
    row = office.db.execute("SELECT result, reason, message, quarantine_path FROM imports").fetchone()
    assert row[0] == "rejected" and row[1] and row[2] and row[3] is None
    assert r.as_json()["not_quarantined"] == {"big.secbundle": "over_cap"}


def test_disk_full_during_the_copy_records_no_path(office: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    bad = _junk(tmp_path / "junk.secbundle", 100_000)

    def full(*_a: Any, **_k: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(q_mod.shutil, "copyfileobj", full)
    r = ImportService(office).import_files([bad])
    assert r.quarantined == {} and r.not_quarantined == {bad: "no_space"}
    assert office.db.execute("SELECT quarantine_path FROM imports").fetchone()[0] is None
    assert not any((office.data_dir / "quarantine").iterdir())  # no .part, no copy


def test_cli_says_no_copy_was_kept(office: Any, tmp_path: Path, capsys: Any) -> None:
    from secity_desktop.cli.main import main

    set_cap_mb(office, 0)
    bad = _junk(tmp_path / "junk.secbundle", 10_000)
    code = main(["--data-dir", str(office.data_dir), "bundle", "import", str(bad)])
    out, err = capsys.readouterr()
    assert code == 1 and "REFUSED" in err and "no copy kept in quarantine" in err
    assert "quarantined" not in err and "→" not in err and "REFUSED" not in out
    assert main(["--data-dir", str(office.data_dir), "quarantine", "--max-mb", "50"]) == 0
    assert "of 50 MB" in capsys.readouterr().out
