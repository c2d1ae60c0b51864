"""Restoring a ``.secbackup`` into an empty folder, checked end to end.

The backup file is hostile input (it may come from anywhere): its directory is
vetted by the bundle reader, every member name must be one a backup may hold,
and every byte is hashed against the manifest while it is written — into a
hidden staging folder inside the target, moved into place only when all of it
checked out and the restored database passes ``integrity_check``. Any failure
removes everything the restore created; an existing folder is only ever
restored into when it is empty, so nothing of the person's is overwritten.

``finish()`` then opens the restored workspace as the app would (upgrading an
older schema), checks that every evidence file its assessments list is
present, and records the restore in its audit log.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from secity_desktop import paths
from secity_desktop.core.errors import ConflictError, StoreError
from secity_desktop.core.io_errors import disk_guard
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.backup import free_space, not_enough_space
from secity_desktop.services.backup_format import (
    BackupRefused,
    Entry,
    Manifest,
    member_kind,
    open_backup,
    stream_member,
)
from secity_desktop.services.operations import Operation, Progress, check_cancel
from secity_desktop.store import audit
from secity_desktop.store import backup as store_backup
from secity_desktop.store.database import DB_NAME
from secity_desktop.store.migrations import SCHEMA_VERSION

log = logging.getLogger("secity.backup")

STAGING = ".restoring"
RESERVE = 32 * 1024 * 1024


@dataclass(frozen=True)
class RestoreResult:
    data_dir: Path
    created_at: str
    assessments: int
    evidence_files: int
    missing_evidence: list[str] = field(default_factory=list)
    damaged_evidence: list[str] = field(default_factory=list)
    key_fingerprint: str | None = None
    preferences: str = "none"  # "applied", "kept aside" or "none"

    def as_json(self) -> dict[str, object]:
        return {"data_dir": str(self.data_dir), "backup_created_at": self.created_at,
                "assessments": self.assessments, "evidence_files": self.evidence_files,
                "missing_evidence": self.missing_evidence,
                "damaged_evidence": self.damaged_evidence,
                "key_fingerprint": self.key_fingerprint, "preferences": self.preferences}


def _is_empty_dir(path: Path) -> bool:
    try:
        return path.is_dir() and not any(path.iterdir())
    except OSError:
        return False


class RestoreBackup(Operation[RestoreResult]):
    title = "backup.restore"

    def __init__(self, source: Path, target: Path, *, preferences: Path | None = None) -> None:
        self.source = Path(source)
        self.target = Path(target)
        #: where the GUI reads its preferences; the backup's copy goes there only if none exists
        self.preferences = paths.preferences_file() if preferences is None else preferences
        self._created_target = False
        self._checked_empty = False  # discard() may only empty a folder prepare() found empty
        self._manifest: Manifest | None = None

    def prepare(self) -> None:
        if self.target.exists() and not _is_empty_dir(self.target):
            raise ConflictError(
                f"{self.target} is not an empty folder; a backup is restored only into an empty "
                "(or new) folder, so nothing there is overwritten",
                code="restore.target_not_empty", path=str(self.target))
        self._checked_empty = True

    # --- worker thread ----------------------------------------------------------------
    def work(self, progress: Progress) -> None:
        with disk_guard("restore", self.target):
            self._work(progress)

    def _work(self, progress: Progress) -> None:
        with open_backup(self.source) as (z, m):
            if m.schema_version > SCHEMA_VERSION:
                raise BackupRefused(
                    "newer_schema", f"the backup holds a store of schema {m.schema_version}, "
                    f"newer than this release knows ({SCHEMA_VERSION}); update the app first",
                    schema=m.schema_version)
            free = free_space(self.target if self.target.exists() else self.target.parent)
            if free < m.total + RESERVE:
                raise not_enough_space("restore", self.target, m.total + RESERVE, free)
            if not self.target.exists():
                self.target.mkdir(parents=True)
                self._created_target = True
            stage = self.target / STAGING
            stage.mkdir()
            done = 0

            def tick(n: int) -> None:
                nonlocal done
                done += n
                check_cancel(progress, done, m.total, self.source.name)

            for entry in m.entries:
                dest = stage / _relative(entry)
                dest.parent.mkdir(parents=True, exist_ok=True)
                with open(dest, "xb") as out:
                    stream_member(z, entry, out.write, tick)
                    out.flush()
                    os.fsync(out.fileno())
        problems = store_backup.integrity_errors(stage / DB_NAME)
        if problems:
            raise BackupRefused("damaged_database",
                                f"the database in the backup fails integrity_check: {problems[0]}")
        for child in list(stage.iterdir()):
            os.replace(child, self.target / child.name)
        stage.rmdir()
        _protect_keys(self.target / "keys")
        self._manifest = m

    # --- caller's thread ----------------------------------------------------------------
    def finish(self) -> RestoreResult:
        from secity_desktop.services.identity import Identity
        from secity_desktop.services.workspace import open_workspace

        assert self._manifest is not None
        m = self._manifest
        ws = open_workspace(self.target, create=False)
        try:
            ids = store_backup.assessment_ids(ws.db)
            files = store_backup.evidence_files(ws.db)
            missing = [s for s, size in files if not _blob_ok(ws.blobs.path_for(s), size)]
            ident = Identity(ws)
            fingerprint = ident.info().fingerprint if ident.has_key() else None
            prefs = self._place_preferences()
            with ws.db.atomic():
                audit.append(ws.db, actor=ws.actor, action="workspace.restore",
                             target=self.source.name,
                             new={"backup_created_at": m.created_at, "restored_at": now_iso(),
                                  "entries": len(m.entries), "missing_evidence": len(missing)})
        finally:
            ws.close()
        damaged = [e.path for e in m.entries if e.damaged]
        log.info("restored %s into %s: %d assessments, %d evidence files, %d missing",
                 self.source.name, self.target, len(ids), len(files), len(missing))
        return RestoreResult(self.target, m.created_at, len(ids), len(files), missing, damaged,
                             fingerprint, prefs)

    def _place_preferences(self) -> str:
        staged = self.target / "preferences" / "settings.ini"
        if not staged.is_file():
            return "none"
        if self.preferences.exists():
            return "kept aside"  # the person's own preferences win; the copy stays beside
        with contextlib.suppress(OSError):
            self.preferences.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staged, self.preferences)
            return "applied"
        return "kept aside"

    def discard(self) -> None:
        """Remove everything this restore created; the target is left as it was (empty)."""
        if not self._checked_empty:
            return  # refused before anything was written: never touch the folder
        if self._created_target:
            _remove(self.target)
        elif self.target.is_dir():  # it was empty when prepare() checked it
            for child in list(self.target.iterdir()):
                _remove(child)


def _relative(entry: Entry) -> Path:
    kind = member_kind(entry.path)
    name = entry.path.rsplit("/", 1)[1]
    if kind == "database":
        return Path(DB_NAME)
    if kind == "evidence":
        return Path("damaged-evidence", name) if entry.damaged else Path("evidence", name[:2], name)
    if kind == "key":
        return Path("keys", name)
    if kind == "preferences":
        return Path("preferences", "settings.ini")
    raise StoreError(f"unexpected backup member {entry.path!r}",
                     code="backup.damaged", file=entry.path)  # open_backup vetted names


def _protect_keys(folder: Path) -> None:
    if sys.platform == "win32" or not folder.is_dir():
        return  # Windows: the user profile's ACL already keeps others out
    with contextlib.suppress(OSError):
        folder.chmod(0o700)
        for f in folder.iterdir():
            f.chmod(0o644 if f.name.endswith(".pub") else 0o600)


def _blob_ok(path: Path, size: int) -> bool:
    try:
        return path.is_file() and path.stat().st_size == size
    except OSError:
        return False


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()

