"""Whole-workspace backup, verification and restore, each one :class:`Operation`.

A backup is everything needed to carry on after a dead laptop: the database
(assessments, audit log, trust registry, workspace settings), every evidence
file, the signing key (still encrypted) and the GUI preferences — in one
``.secbackup`` file (format: :mod:`backup_format`, ``docs/backup.md``).

Threading: ``work()`` never uses the workspace's connection. It opens its own
connections to the store *file* (``store/backup.py``) for the integrity checks
and the online-backup snapshot, so it can run on a worker thread while the GUI
keeps editing; ``finish()`` records the backup in the store in one transaction.

Refusals: a damaged store is not backed up (a copy of damage restores damage)
— the message says how to salvage it; a target without room for the backup
plus a reserve is refused before a byte is written.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from secity_desktop import __version__, digests, paths
from secity_desktop.bundle.zipwriter import DeterministicZipWriter
from secity_desktop.core.errors import ConflictError, StoreError
from secity_desktop.core.io_errors import DiskError, disk_guard
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services import housekeeping
from secity_desktop.services.backup_format import (
    DB_MEMBER,
    MANIFEST,
    PREFS_MEMBER,
    SUFFIX,
    VERSION,
    BackupRefused,
    Entry,
    Manifest,
    VerifyResult,
    evidence_member,
    member_kind,
    open_backup,
    stream_member,
)
from secity_desktop.services.operations import Operation, Progress, check_cancel
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, settings
from secity_desktop.store import backup as store_backup
from secity_desktop.store.database import DB_NAME

log = logging.getLogger("secity.backup")

CHUNK = 1024 * 1024
MANUAL_RESERVE = 32 * 1024 * 1024
LAST_KEY = "backup.last"
_SHA_NAME = re.compile(r"[0-9a-f]{64}")
_KEY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    entries: int
    evidence: int
    kind: str
    damaged: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    pruned: list[Path] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "size": self.size, "entries": self.entries,
                "evidence": self.evidence, "kind": self.kind, "damaged": self.damaged,
                "missing": self.missing, "pruned": [str(p) for p in self.pruned]}


def default_name(kind: str = "manual") -> str:
    stamp = now_iso()[:19].replace(":", "").replace("-", "")
    return f"secity-backup-{stamp}{SUFFIX}" if kind == "manual" else f"secity-{kind}-{stamp}{SUFFIX}"


def backup_target(target: Path) -> Path:
    """A folder gets a generated name; a file gets the ``.secbackup`` suffix if it lacks it."""
    if target.is_dir():
        return target / default_name()
    return target if target.suffix == SUFFIX else target.with_name(target.name + SUFFIX)


def damaged_store(db_path: Path, problems: list[str], schema: int) -> StoreError:
    """The refusal for a damaged store, with the exact salvage steps (docs/backup.md)."""
    first = problems[0][:200] if problems else "?"
    return StoreError(
        f"the workspace store {db_path} is damaged (integrity_check: {first}); a backup of it "
        "would restore the damage, so none was written. To salvage it: close SECity Desktop, "
        f'then run  sqlite3 "{db_path}" .dump > recovered.sql  (if that ends in an error, use '
        '.recover instead of .dump)  and  sqlite3 recovered.sqlite3 < recovered.sql ; check it '
        f"with  {store_backup.salvage_check_command(schema)}"
        "  (it must print ok), move the "
        "damaged file aside (keep it) and put recovered.sqlite3 in its place named "
        "secity.sqlite3 (docs/backup.md).",
        code="backup.store_damaged", path=str(db_path), problem=first, schema=schema)


def free_space(folder: Path) -> int:
    return store_backup.free_bytes(folder)


def not_enough_space(context: str, folder: Path, need: int, free: int) -> DiskError:
    return DiskError(
        f"not enough free space in {folder}: the {context} needs about {need / 1e6:.0f} MB "
        f"(with a safety reserve), {free / 1e6:.0f} MB are free; nothing was written",
        code=f"{context}.not_enough_space", kind="no_space", path=str(folder),
        need_mb=round(need / 1e6), free_mb=round(free / 1e6))


class _Tally:
    """Hashes and counts one member as the zip writer streams it; reports progress."""

    def __init__(self, progress: Progress, base: int, total: int, name: str) -> None:
        self.progress, self.base, self.total, self.name = progress, base, total, name
        self.digest = digests.sha256()
        self.count = 0

    def __call__(self, chunk: bytes) -> None:
        self.digest.update(chunk)
        self.count += len(chunk)
        check_cancel(self.progress, self.base + self.count, self.total, self.name)


@dataclass(frozen=True)
class _Item:
    member: str
    source: Path
    size: int


class CreateBackup(Operation[BackupResult]):
    """Snapshot the store, copy it, every evidence blob, keys and preferences into one file."""

    title = "backup.create"

    def __init__(self, ws: Workspace, target: Path, *, kind: str = "manual",
                 overwrite: bool = False, reserve: int = MANUAL_RESERVE,
                 preferences: Path | None = None, after_work: object = None) -> None:
        self.ws = ws
        self.target = backup_target(Path(target)) if kind == "manual" else Path(target)
        self.kind = kind
        self.overwrite = overwrite
        self.reserve = reserve
        self.preferences = paths.preferences_file() if preferences is None else preferences
        #: called at the end of work() (the daily backup prunes old copies there)
        self.after_work = after_work
        self._tmp: Path | None = None
        self._result: BackupResult | None = None

    # --- caller's thread ----------------------------------------------------------------
    def prepare(self) -> None:
        if self.target.exists() and not self.overwrite:
            raise ConflictError(f"{self.target} already exists; choose another name",
                                code="backup.target_exists", path=str(self.target))
        if not self.target.parent.is_dir():
            raise StoreError(f"the folder {self.target.parent} does not exist",
                             code="backup.no_folder", path=str(self.target.parent))
        self._db_path = self.ws.data_dir / DB_NAME
        self._facts = store_backup.workspace_facts(self.ws.db)
        self._schema = store_backup.current_schema(self.ws.db)
        self._in_use = store_backup.evidence_in_use(self.ws.db)

    # --- worker thread: files and own connections only -----------------------------------
    def work(self, progress: Progress) -> None:
        with disk_guard("backup", self.target.parent):
            self._work(progress)

    def _work(self, progress: Progress) -> None:
        started = time.monotonic()
        check_cancel(progress, 0, 0, "checking the store")
        problems = store_backup.integrity_errors(self._db_path)
        if problems:
            raise damaged_store(self._db_path, problems, self._schema)
        items = self._collect()
        db_bytes = self._db_path.stat().st_size + _size(self._db_path.with_name(DB_NAME + "-wal"))
        need = db_bytes + sum(i.size for i in items) + self.reserve
        free = free_space(self.target.parent)
        if free < need:
            raise not_enough_space("backup", self.target.parent, need, free)
        housekeeping.clean_target(self.target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".db.part",
                                   dir=self.target.parent)
        os.close(fd)
        self._tmp = Path(tmp)
        self._tmp.unlink()
        store_backup.snapshot(self._db_path, self._tmp)
        problems = store_backup.integrity_errors(self._tmp)
        if problems:  # damaged while we copied it: the live store is suspect too
            raise damaged_store(self._db_path, problems, self._schema)
        items.insert(0, _Item(DB_MEMBER, self._tmp, self._tmp.stat().st_size))
        total = sum(i.size for i in items)
        done = 0
        entries: list[Entry] = []
        damaged: list[str] = []
        with DeterministicZipWriter(self.target) as zw:
            for item in items:
                seen = _Tally(progress, done, total, item.member)
                zw.add_file(item.member, item.source, stored=True, on_chunk=seen)
                sha = seen.digest.hexdigest()
                bad = member_kind(item.member) == "evidence" and item.member.rsplit("/", 1)[1] != sha
                if bad:
                    damaged.append(item.member)
                entries.append(Entry(path=item.member, sha256=sha, size=seen.count, damaged=bad))
                done += seen.count
            on_disk = {e.path.rsplit("/", 1)[1] for e in entries if member_kind(e.path) == "evidence"}
            missing = sorted(s for s in self._in_use if s not in on_disk)
            manifest = Manifest(
                format="secity-backup", version=VERSION, created_at=now_iso(),
                app_version=__version__, schema_version=self._schema, kind=self.kind,
                workspace=self._facts, entries=entries, missing=missing)
            zw.add_bytes(MANIFEST, manifest.canonical())
        self._drop_tmp()
        pruned = self.after_work(self.target) if callable(self.after_work) else []
        self._result = BackupResult(
            self.target, self.target.stat().st_size, len(entries),
            sum(1 for e in entries if member_kind(e.path) == "evidence"), self.kind,
            damaged, missing, list(pruned or []))
        log.info("backup %s written: %d entries, %d bytes in %.1fs (%d damaged, %d missing)",
                 self.target, len(entries), self._result.size, time.monotonic() - started,
                 len(damaged), len(missing))

    def _collect(self) -> list[_Item]:
        """Evidence blobs (``evidence/ab/<sha>``), key files and the preferences file."""
        items: list[_Item] = []
        root = self.ws.blobs.root
        for sub in sorted(_dirs(root)):
            if len(sub.name) != 2:
                continue
            for f in sorted(sub.iterdir()):
                if _SHA_NAME.fullmatch(f.name) and f.name.startswith(sub.name) and f.is_file():
                    items.append(_Item(evidence_member(f.name), f, f.stat().st_size))
        keys = self.ws.data_dir / "keys"
        for f in sorted(keys.iterdir()) if keys.is_dir() else []:
            if _KEY_NAME.fullmatch(f.name) and f.is_file() and not f.is_symlink():
                items.append(_Item(f"keys/{f.name}", f, f.stat().st_size))
        if self.preferences.is_file():
            items.append(_Item(PREFS_MEMBER, self.preferences, self.preferences.stat().st_size))
        return items

    def _drop_tmp(self) -> None:
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self._tmp.unlink()
            self._tmp = None

    # --- caller's thread: one transaction ---------------------------------------------
    def finish(self) -> BackupResult:
        assert self._result is not None
        r = self._result
        with self.ws.db.atomic():
            settings.put(self.ws.db, LAST_KEY, json.dumps(
                {"path": str(r.path), "at": now_iso(), "size": r.size, "kind": r.kind},
                ensure_ascii=False))
            store_backup.clear_notice(self.ws.db)
            audit.append(self.ws.db, actor=self.ws.actor, action="workspace.backup",
                         target=r.path.name, new={"kind": r.kind, "size": r.size,
                                                  "entries": r.entries, "damaged": len(r.damaged),
                                                  "missing": len(r.missing)})
        return r

    def discard(self) -> None:
        self._drop_tmp()


class VerifyBackup(Operation[VerifyResult]):
    """Check every member of a backup file against its SHA-256; needs no workspace."""

    title = "backup.verify"

    def __init__(self, source: Path) -> None:
        self.source = Path(source)
        self._result: VerifyResult | None = None

    def work(self, progress: Progress) -> None:
        with open_backup(self.source) as (z, manifest):
            total, done = manifest.total, 0

            def tick(n: int) -> None:
                nonlocal done
                done += n
                check_cancel(progress, done, total, self.source.name)

            for entry in manifest.entries:
                stream_member(z, entry, None, tick)
        self._result = VerifyResult(self.source, manifest)

    def finish(self) -> VerifyResult:
        assert self._result is not None
        return self._result


def last_backup(ws: Workspace) -> dict[str, object] | None:
    raw = ws.setting(LAST_KEY)
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _dirs(root: Path) -> list[Path]:
    try:
        return [p for p in root.iterdir() if p.is_dir() and p.name != "tmp"]
    except OSError:
        return []


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


__all__ = ["BackupRefused", "BackupResult", "CreateBackup", "VerifyBackup"]
