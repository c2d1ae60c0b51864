from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from secity_desktop.core.errors import Cancelled
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from secity_desktop.store.blobs import BlobStore


def test_chain_verifies_and_is_append_only(ws: Workspace) -> None:
    with ws.db.atomic():
        for n in range(5):
            audit.append(ws.db, actor="a", action="x", target=str(n), old=n, new=n + 1)
    assert audit.verify_chain(ws.db) is None
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ws.db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ws.db.execute("DELETE FROM audit WHERE seq = 2")


def test_chain_detects_tampering(ws: Workspace) -> None:
    with ws.db.atomic():
        for n in range(4):
            audit.append(ws.db, actor="a", action="x", target=str(n))
    ws.db.execute("DROP TRIGGER audit_no_update")
    ws.db.execute("UPDATE audit SET target = 'forged' WHERE seq = 3")
    assert audit.verify_chain(ws.db) == 3


def test_blobs_are_content_addressed_and_deduplicated(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "evidence")
    src = tmp_path / "photo.jpg"
    src.write_bytes(b"same bytes" * 1000)
    sha1, size = store.put_file(src)
    sha2, _ = store.put_bytes(b"same bytes" * 1000)
    assert sha1 == sha2 and size == 10_000
    files = [p for p in (tmp_path / "evidence").rglob("*") if p.is_file()]
    assert files == [store.path_for(sha1)]


def test_cancelled_copy_leaves_nothing(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "evidence")
    src = tmp_path / "big.bin"
    src.write_bytes(b"x" * (3 * 1024 * 1024))
    with pytest.raises(Cancelled):
        store.put_file(src, progress=lambda done, total: done < 2 * 1024 * 1024)
    assert [p for p in (tmp_path / "evidence").rglob("*") if p.is_file()] == []
