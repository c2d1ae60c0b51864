"""The store's connection: plain SQL over sqlite3, sqlite-utils only when asked for more."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from secity_desktop.store.connection import Database


def _db(tmp_path: Path) -> Database:
    db = Database(sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None))
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")
    return db


def test_nested_atomic_is_a_savepoint(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.atomic():
        db.execute("INSERT INTO t VALUES ('a', 1)")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO t VALUES ('b', 2)")
            raise ValueError("only this block")
        db.execute("INSERT INTO t VALUES ('c', 3)")
    assert [r["k"] for r in db.query("SELECT k FROM t ORDER BY k")] == ["a", "c"]
    with pytest.raises(ValueError), db.atomic():
        db.execute("INSERT INTO t VALUES ('d', 4)")
        raise ValueError("the whole transaction")
    assert not db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 2


def test_more_than_plain_sql_goes_to_sqlite_utils_on_the_same_connection(
    tmp_path: Path,
) -> None:
    db = _db(tmp_path)
    with db.atomic():
        db["t"].insert({"k": "x", "v": 9})
        assert db.execute("SELECT v FROM t WHERE k = 'x'").fetchone()[0] == 9  # same txn
    assert db.table_names() == ["t"]
    assert db.full().conn is db.conn


def test_change_token_moves_on_every_write_and_on_no_read(tmp_path: Path) -> None:
    db = _db(tmp_path)
    first = db.change_token()
    db.execute("SELECT * FROM t").fetchall()
    db.execute("CREATE TEMP TABLE snap AS SELECT * FROM t")  # a reader's snapshot
    assert db.change_token() == first
    db.execute("INSERT INTO t VALUES ('a', 1)")  # this connection's write
    second = db.change_token()
    assert second != first
    with pytest.raises(ValueError), db.atomic():  # rolled back: still a false alarm, not a miss
        db.execute("UPDATE t SET v = 2")
        raise ValueError
    third = db.change_token()
    assert third != second
    other = sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None)  # another process
    other.execute("INSERT INTO t VALUES ('b', 2)")
    other.close()
    assert db.change_token() != third
    assert db.change_token() == db.change_token()
