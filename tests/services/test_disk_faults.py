"""A full disk (injected ENOSPC) in import, export and attach: a clear refusal, the store unchanged."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path
from typing import Any

import pytest

from secity_desktop import atomic as atomic_mod
from secity_desktop import messages
from secity_desktop.bundle import read as bundle_read
from secity_desktop.core.io_errors import DiskError
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from tests.bundle import flow


def _full(*_a: Any, **_k: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def pair(tmp_path: Path) -> Any:
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=3)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], tmp_path / "out.secbundle")
    office = flow.province(tmp_path / "office")
    flow.enrol(office, a)
    yield a, aid, bundle, office
    a.close()
    office.close()


def _state(ws: Workspace) -> Any:
    q = ws.db.execute
    return (flow.snapshot(ws), q("SELECT count(*) FROM audit").fetchone()[0],
            q("SELECT count(*) FROM imports").fetchone()[0],
            q("SELECT count(*) FROM exports").fetchone()[0])


def test_import_staging_disk_full(pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _a, _aid, bundle, office = pair
    before = _state(office)
    monkeypatch.setattr(bundle_read._Sink, "__call__", _full)
    with pytest.raises(DiskError) as info:
        ImportService(office).import_files([bundle])
    assert info.value.code == "import.no_space"
    assert "evidence" in str(info.value) and "tmp" in str(info.value)  # the staging disk
    assert "ดิสก์" in messages.describe(info.value, "th")
    assert _state(office) == before
    assert not any(p.is_file() for p in (office.blobs.root / "tmp").rglob("*"))


def test_import_store_disk_full_rolls_back(pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    _a, _aid, bundle, office = pair
    before = _state(office)
    svc = ImportService(office)
    from secity_desktop.store import received_rows

    # the store write every received revision goes through (batched or one by one)
    real = received_rows.write_received

    def insert(*args: Any) -> None:
        real(*args)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(received_rows, "write_received", insert)
    with pytest.raises(DiskError) as info:
        svc.import_files([bundle])
    assert info.value.code == "import.no_space"
    assert _state(office) == before


def test_export_to_a_full_target_names_the_disk(pair: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    a, aid, _bundle, _office = pair
    before = _state(a)
    real = zipfile._ZipWriteFile.write  # type: ignore[attr-defined]
    seen = [0]

    def write(self: Any, data: bytes) -> int:
        seen[0] += len(data)
        if seen[0] > 4096:
            _full()
        return int(real(self, data))

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", write)  # type: ignore[attr-defined]
    usb = tmp_path / "usb"
    usb.mkdir()
    from secity_desktop.services.bundle_export import ExportService

    with pytest.raises(DiskError) as info:
        ExportService(a).export([aid], usb, Identity(a).unlock(flow.PASS))
    assert info.value.code == "export.no_space"
    assert str(usb) in str(info.value) and "evidence" not in str(info.value)
    assert list(usb.iterdir()) == []  # no bundle, no .part
    # the data and the exports are unchanged; the audit log keeps one bundle.head event, the
    # head the bundle would have announced (taken before writing: docs/audit.md)
    after = _state(a)
    assert (after[0], after[2], after[3]) == (before[0], before[2], before[3])
    assert after[1] == before[1] + 1
    assert [e.action for e in audit.events(a.db)][-1] == "bundle.head"


def test_attach_disk_full(pair: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, _aid, _bundle, _office = pair
    svc = AssessmentService(a)
    draft = svc.new("5003", 2569).id
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 5000)
    before = _state(a)
    monkeypatch.setattr(atomic_mod.os, "fsync", _full)
    with pytest.raises(DiskError) as info:
        svc.attach(draft, "1.1", photo)
    assert info.value.code == "evidence.no_space"
    assert _state(a) == before
    assert not any(p.is_file() for p in (a.blobs.root / "tmp").rglob("*"))
