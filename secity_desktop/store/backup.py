"""The store's half of backups: consistent snapshots, integrity checks, what a copy holds.

Everything here opens its **own** connection to a database file, never the
workspace's: a backup's file work runs on a worker thread while the GUI keeps
editing, and SQLite's online backup API gives a consistent copy of a WAL store
that is being written (each step copies a batch of pages; a write in between
restarts the copy from the changed pages). A snapshot is converted to a
single self-contained file (``journal_mode=DELETE``) so it can travel inside a
backup and be opened read-only anywhere.

Also the automatic copy made before a schema migration, since only the
store knows when it is about to migrate.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.core.thai_calendar import now_iso

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger("secity.backup")

PAGES_PER_STEP = 4096
#: Pre-migration copies live here, beside the store; migrations only change the database.
PRE_MIGRATION_DIR = ("backups", "pre-migration")
KEEP_PRE_MIGRATION = 5
#: Automatic copies never leave the disk with less than this free.
AUTO_RESERVE = 256 * 1024 * 1024
NOTICE_KEY = "backup.notice"


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    else:
        conn = sqlite3.connect(path, timeout=10.0)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def integrity_errors(path: Path, limit: int = 20) -> list[str]:
    """``PRAGMA integrity_check`` on a database file: [] when it is sound."""
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def snapshot(
    source: Path, dest: Path, progress: Callable[[int, int], object] | None = None
) -> None:
    """A consistent single-file copy of ``source`` at ``dest`` (which must not exist)."""
    src = _connect(source, read_only=False)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(
                out, pages=PAGES_PER_STEP,
                progress=(lambda _s, remaining, total: progress(total - remaining, total))
                if progress else None,
            )
            out.execute("PRAGMA journal_mode = DELETE")
            out.commit()
        finally:
            out.close()
    finally:
        src.close()


def schema_version(path: Path) -> int:
    conn = _connect(path, read_only=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def evidence_in_use(db: sqlite_utils.Database) -> dict[str, int]:
    """sha256 → size of every blob the store refers to (evidence rows and the blobs table)."""
    rows = db.execute(
        "SELECT sha256, size FROM blobs UNION SELECT sha256, size FROM evidence"
    ).fetchall()
    return {str(sha): int(size) for sha, size in rows}


def workspace_facts(db: sqlite_utils.Database) -> dict[str, str]:
    """The workspace settings a backup's manifest names (to tell backups apart), no secrets."""
    rows = db.execute(
        "SELECT key, value FROM workspace WHERE key IN ('role', 'province_code', 'user_name',"
        " 'created_at')"
    ).fetchall()
    return {str(k): str(v) for k, v in rows}


def assessment_ids(db: sqlite_utils.Database) -> list[str]:
    return [str(r[0]) for r in db.execute("SELECT id FROM assessments ORDER BY id").fetchall()]


def evidence_files(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """(sha256, size) of every current evidence row, for the restore's completeness check."""
    return [(str(s), int(n)) for s, n in db.execute(
        "SELECT DISTINCT sha256, size FROM evidence WHERE removed_at IS NULL ORDER BY sha256"
    ).fetchall()]


# --- notices: an automatic backup that was skipped must be seen, not only logged -----------
def set_notice(db: sqlite_utils.Database, code: str, **params: object) -> None:
    value = json.dumps({"code": code, "params": params, "at": now_iso()}, ensure_ascii=False)
    with db.atomic():
        db.execute(
            "INSERT INTO workspace (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", [NOTICE_KEY, value])


def notice(db: sqlite_utils.Database) -> dict[str, object] | None:
    row = db.execute("SELECT value FROM workspace WHERE key = ?", [NOTICE_KEY]).fetchone()
    if row is None:
        return None
    try:
        value = json.loads(row[0])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def clear_notice(db: sqlite_utils.Database) -> None:
    with db.atomic():
        db.execute("DELETE FROM workspace WHERE key = ?", [NOTICE_KEY])


# --- before a migration ---------------------------------------------------------------------
def database_file(db: sqlite_utils.Database) -> Path | None:
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


def free_bytes(folder: Path) -> int:
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def copy_before_migration(
    db: sqlite_utils.Database, current: int, target: int
) -> tuple[Path | None, tuple[str, dict[str, object]] | None]:
    """Copy the store aside before migrating it from ``current`` to ``target``.

    Migrations change only the database, so the copy plus the untouched evidence and
    keys folders are the workspace as it was. Skipped — with a log line, and a notice
    (code, params) the caller records once the migration is done, for front ends to
    show — when the disk is too full to keep the copy and a reserve.
    """
    path = database_file(db)
    if path is None:  # an in-memory store (tests)
        return None, None
    folder = path.parent.joinpath(*PRE_MIGRATION_DIR)
    need = path.stat().st_size + _wal_size(path)
    try:
        free = free_bytes(path.parent)
    except OSError:
        free = 0
    if free < need + AUTO_RESERVE:
        log.warning("pre-migration backup skipped: need %d bytes + reserve, %d free in %s",
                    need, free, path.parent)
        return None, ("backup.pre_migration_skipped", {
            "frm": current, "to": target, "need_mb": _mb(need + AUTO_RESERVE),
            "free_mb": _mb(free)})
    stamp = now_iso()[:19].replace(":", "").replace("-", "")
    dest = folder / f"secity-schema{current}-before-{target}-{stamp}.sqlite3"
    part = dest.with_name(dest.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        out = sqlite3.connect(part)
        try:
            db.conn.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
            out.commit()
        finally:
            out.close()
        part.replace(dest)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        log.warning("pre-migration backup failed: %s", exc)
        return None, ("backup.pre_migration_failed", {"frm": current, "to": target})
    log.info("pre-migration backup of schema %d written to %s", current, dest)
    _prune(folder)
    return dest, None


def _prune(folder: Path) -> None:
    copies = sorted(folder.glob("secity-schema*.sqlite3"))
    for old in copies[:-KEEP_PRE_MIGRATION]:
        with contextlib.suppress(OSError):
            old.unlink()


def _wal_size(path: Path) -> int:
    try:
        return path.with_name(path.name + "-wal").stat().st_size
    except OSError:
        return 0


def _mb(n: int) -> int:
    return max(0, round(n / 1e6))


def current_schema(db: sqlite_utils.Database) -> int:
    """The open store's schema number (``PRAGMA user_version``)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def salvage_check_command(schema: int) -> str:
    """The sqlite3 command line that checks a salvaged copy (part of the damaged-store advice)."""
    return f'sqlite3 recovered.sqlite3 "PRAGMA user_version = {schema}; PRAGMA integrity_check"'
