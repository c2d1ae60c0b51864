"""Opening the workspace database safely.

Durability is the point: WAL with ``synchronous=FULL`` so a committed edit
survives a killed process *and* a dead battery; foreign keys on; a busy
timeout so a second window waits instead of failing; and migrations that refuse
a store written by a newer release instead of guessing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.core.errors import StoreError
from secity_desktop.core.io_errors import disk_error, kind_of
from secity_desktop.store import backup as store_backup
from secity_desktop.store import stored_scores
from secity_desktop.store.connection import Database as PlainDatabase
from secity_desktop.store.migrations import COMPACT_AFTER, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

DB_NAME = "secity.sqlite3"

#: The first schema with stored scores (``store.stored_scores``).
STORED_SCORES_SCHEMA = 13


class Database(PlainDatabase):
    """The store's plain-SQL connection (``store/connection.py``) whose outermost ``atomic()`` block settles the stored scores
    before it commits: every write made in a transaction leaves the assessments it touched
    scored and stored in that same transaction (docs/lists.md, "Stored scores")."""

    scores_ready = False

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:  # type: ignore[override]
        outer = not self.conn.in_transaction
        with super().atomic():
            yield self
            if outer and self.scores_ready:
                stored_scores.settle(self)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{path}: cannot switch the store to WAL mode (got {mode})",
                             code="store_no_wal", path=str(path))
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA temp_store = MEMORY")  # the scoring pass's small temp tables
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if kind_of(exc, path.parent) == "no_space":  # SQLite says "disk I/O error" when full
            raise disk_error(exc, "store", path.parent) from None
        raise StoreError(f"{path}: cannot open the workspace store: {_explain(exc)}",
                         code="store_cannot_open", path=str(path), reason=_explain(exc)) from None
    return conn


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return "it is locked by another program; close it and try again"
    if "not a database" in text or "malformed" in text:
        return "the file is not a SECity store or is damaged (restore a backup)"
    if "readonly" in text or "unable to open" in text:
        return "the file or its folder cannot be written (check permissions and free space)"
    if "disk" in text and "full" in text:
        return "the disk is full; free some space and try again"
    return text


def explain(exc: sqlite3.Error) -> str:
    return _explain(exc)


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> int:
    """Run pending migrations, each in its own transaction with its ``user_version`` bump."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"this workspace was written by a newer SECity Desktop (schema {current}, "
            f"this release knows {SCHEMA_VERSION}); update the app to open it",
            code="store_newer", schema=current, known=SCHEMA_VERSION,
        )
    notice = None
    compact = False
    if 0 < current < target and any(current < v <= target for v, _ in MIGRATIONS):
        _copy, notice = store_backup.copy_before_migration(db, current, target)
    for version, step in MIGRATIONS:
        if current < version <= target:
            try:
                with db.atomic():
                    step(db)
                    db.execute(f"PRAGMA user_version = {int(version)}")
            except sqlite3.Error as exc:
                raise StoreError(
                    f"upgrading the store to schema {version} failed: {_explain(exc)}",
                    code="store_upgrade_failed", schema=version, reason=_explain(exc),
                ) from None
            compact = compact or version in COMPACT_AFTER
            current = version
    if compact:
        compact_if_worth_it(db)
    if notice is not None:  # a skipped automatic copy is shown, not only logged
        store_backup.set_notice(db, notice[0], **notice[1])
    return current


def compact_if_worth_it(db: sqlite_utils.Database, share: float = 0.25) -> bool:
    """VACUUM when more than ``share`` of the file is free pages (after a step rebuilt a big
    table: SQLite keeps freed pages in the file until then). Needs as much free disk as the
    store; a failure leaves the store as it was, only larger, and is logged, not raised."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    if not pages or free / pages <= share:
        return False
    try:
        db.execute("VACUUM")
    except sqlite3.Error as exc:
        from secity_desktop import log

        log.get("store").warning("compacting the store after an upgrade failed: %s", exc)
        return False
    return True


def open_database(data_dir: Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and upgrade) the store in ``data_dir``; ``create=False`` refuses a missing one."""
    path = data_dir / DB_NAME
    if not path.exists():
        if not create:
            raise StoreError(f"no workspace in {data_dir}; run `secity init` first",
                             code="no_workspace", path=str(data_dir))
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the workspace folder {data_dir}: {exc.strerror}",
                code="workspace_folder_failed", path=str(data_dir),
            ) from None
    conn = _connect(path)
    db = Database(conn)  # plain SQL; sqlite-utils only when a repository asks for more
    db.scores_ready = migrate(db) >= STORED_SCORES_SCHEMA  # type: ignore[arg-type]
    return db  # type: ignore[return-value]


def backup(db: sqlite_utils.Database, target: Path) -> None:
    """A consistent copy while the app runs, via SQLite's online backup API."""
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
