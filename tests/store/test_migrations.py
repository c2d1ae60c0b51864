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


def test_store_of_the_current_release_upgrades_to_the_register(tmp_path: Path) -> None:
    """A schema-6 store (the release before the register) keeps every row and reference."""
    from secity_desktop import paths
    from secity_desktop.store import geography

    folder = tmp_path / "v6"
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    db = sqlite_utils.Database(conn)
    assert migrate(db, target=6) == 6
    with db.atomic():  # what the v6 seed wrote: no in_programme column, no type history
        db["regional_offices"].insert({"number": 1, "name_th": "ภาค 1", "name_en": "Office 1"})
        for code, th, en in (("50", "เชียงใหม่", "Chiang Mai"), ("84", "สุราษฎร์ธานี", "Surat Thani")):
            db["provinces"].insert({"code": code, "name_th": th, "name_en": en, "region_office": 1})
        db["municipality_lists"].insert({"id": 1, "source": "starter", "imported_at": "t", "rows": 2})
        for code, name, kind, prov, seat in (
            ("5001", "เทศบาลนครเชียงใหม่", "nakhon", "50", 1),
            ("8401", "เทศบาลนครสุราษฎร์ธานี", "nakhon", "84", 1),
        ):
            db.execute(
                "INSERT INTO municipalities (code, name_th, type, province_code, is_seat, source,"
                " list_id) VALUES (?, ?, ?, ?, ?, 'starter', 1)",
                [code, name, kind, prov, seat],
            )
        db["frameworks"].insert({"hash": "h", "fw_id": "f", "version": "1", "status": "s",
                                 "title_th": "", "title_en": "", "content": "{}", "added_at": "t"})
        db.execute(
            "INSERT INTO assessments (id, municipality_code, year, framework_hash, status,"
            " created_at, created_by, updated_at, updated_by)"
            " VALUES ('a1', '8401', 2569, 'h', 'approved', 't', 'x', 't', 'x')"
        )
        db.execute(
            "INSERT INTO model_towns (id, province_code, year, municipality_code, assessment_id,"
            " reason, chosen_by, chosen_at) VALUES ('m1', '84', 2569, '8401', 'a1', 'best', 'x', 't')"
        )
    conn.close()
    db = open_database(folder, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    m = geography.municipality(db, "8401")
    assert (m.name_th, m.type, m.is_seat, m.official_code) == ("เทศบาลนครสุราษฎร์ธานี", "nakhon", True, None)
    assert db.execute("SELECT municipality_code FROM assessments").fetchone()[0] == "8401"
    assert db.execute("SELECT municipality_code FROM model_towns").fetchone()[0] == "8401"
    assert db.execute("SELECT count(*) FROM municipality_types").fetchone()[0] == 2
    assert db.execute("SELECT in_programme FROM provinces WHERE code = '10'").fetchone()[0] == 0
    # the wider type CHECK is in place, and the references still hold
    db.execute(
        "INSERT INTO municipalities (code, name_th, type, province_code) VALUES ('1000001',"
        " 'กรุงเทพมหานคร', 'bangkok', '10')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("DELETE FROM municipalities WHERE code = '8401'")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO municipalities (code, name_th, type, province_code) VALUES ('x', 'x', 'village', '50')"
        )
    assert paths.reference_data_dir().exists()
    db.close()


def test_new_store_seeds_bangkok_once(tmp_path: Path) -> None:
    from secity_desktop.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "ws")
    rows = ws.db.execute("SELECT code, in_programme FROM provinces WHERE code = '10'").fetchall()
    assert rows == [("10", 0)]
    assert ws.db.execute("SELECT count(*) FROM provinces WHERE in_programme = 1").fetchone()[0] == 76
    assert ws.db.execute("SELECT count(*) FROM municipality_types").fetchone()[0] == 115
    ws.close()
