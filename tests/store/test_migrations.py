"""Schema upgrades: an older store opens and keeps its data; a newer or broken one is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from secity_desktop.core.errors import StoreError
from secity_desktop.store.database import DB_NAME, migrate, open_database
from secity_desktop.store.migrations import SCHEMA_VERSION


def _make_v1_store(folder: Path) -> None:
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    db = sqlite_utils.Database(conn)
    assert migrate(db, target=1) == 1
    db["provinces"].insert({"code": "50", "name_th": "เชียงใหม่", "name_en": "Chiang Mai"})
    db["municipalities"].insert(
        {
            "code": "5001",
            "name_th": "เทศบาลนครเชียงใหม่",
            "name_en": "",
            "type": "nakhon",
            "province_code": "50",
            "is_seat": 1,
        }
    )
    conn.close()


def test_v1_store_upgrades_and_keeps_data(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    _make_v1_store(folder)
    db = open_database(folder, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT name_th FROM municipalities").fetchone()[0] == "เทศบาลนครเชียงใหม่"
    assert "municipality_lists" in db.table_names()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_newer_store_is_refused_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    open_database(folder).close()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer SECity Desktop"):
        open_database(folder)
    conn = sqlite3.connect(folder / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from secity_desktop.store import migrations

    folder = tmp_path / "ws"
    _make_v1_store(folder)

    def broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("THIS IS NOT SQL")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], (2, broken)])
    monkeypatch.setattr(
        "secity_desktop.store.database.MIGRATIONS", [migrations.MIGRATIONS[0], (2, broken)]
    )
    with pytest.raises(StoreError, match="schema 2"):
        open_database(folder)
    conn = sqlite3.connect(folder / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0]
        == 0
    )


def test_not_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a SECity store or is damaged"):
        open_database(folder)


def test_missing_store_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="secity init"):
        open_database(tmp_path / "none", create=False)
