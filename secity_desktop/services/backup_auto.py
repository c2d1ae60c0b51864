"""Automatic backups: one a day, kept N days, never at the cost of a full disk.

The daily backup is a whole-workspace ``.secbackup`` named for its day
(``secity-daily-YYYY-MM-DD.secbackup``) in ``<data_dir>/backups/daily`` or the
folder set in the workspace setting ``backup.folder`` (a second disk is
better: a backup beside the store does not survive the disk). The GUI starts
it shortly after opening a workspace when today's is missing; ``secity backup
auto`` does the same for a scheduled task. Copies older than
``backup.keep_days`` (default 7) are removed after a new one succeeds.

Free space is checked first, keeping a reserve of :data:`AUTO_RESERVE`
beyond the backup's size; when short, or when anything else stops it, the
day is skipped with a log line and a notice the front ends show until the
next good backup (the same mechanism as the copy before a schema migration,
``store/backup.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.core.errors import Cancelled, SecityError, ValidationError
from secity_desktop.services.backup_notice import notice as notice  # the CLI reads it here too
from secity_desktop.services.operations import Progress, no_progress, run_inline
from secity_desktop.store import backup as store_backup

if TYPE_CHECKING:  # the backup writer (and its pydantic manifest) loads when a backup is made:
    # the GUI asks this module for its notice at start-up (docs/performance.md, start-up)
    from secity_desktop.services.backup import BackupResult, CreateBackup
    from secity_desktop.services.workspace import Workspace

log = logging.getLogger("secity.backup")

KEEP_DAYS_KEY = "backup.keep_days"
FOLDER_KEY = "backup.folder"
DAILY_KEY = "backup.daily"
DEFAULT_KEEP_DAYS = 7
AUTO_RESERVE = store_backup.AUTO_RESERVE


@cache
def _suffix() -> str:
    from secity_desktop.services.backup_format import SUFFIX

    return SUFFIX


@cache
def _daily() -> re.Pattern[str]:
    return re.compile(r"secity-daily-(\d{4})-(\d{2})-(\d{2})" + re.escape(_suffix()))


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # daily | pre-migration
    size: int
    modified: float

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "kind": self.kind, "size": self.size,
                "modified": dt.datetime.fromtimestamp(self.modified, dt.UTC).isoformat()}


def keep_days(ws: Workspace) -> int:
    try:
        return max(1, int(ws.setting(KEEP_DAYS_KEY, str(DEFAULT_KEEP_DAYS)) or DEFAULT_KEEP_DAYS))
    except ValueError:
        return DEFAULT_KEEP_DAYS


def enabled(ws: Workspace) -> bool:
    return (ws.setting(DAILY_KEY, "on") or "on") != "off"


def daily_folder(ws: Workspace) -> Path:
    custom = ws.setting(FOLDER_KEY)
    return Path(custom).expanduser() if custom else ws.data_dir / "backups" / "daily"


def configure(ws: Workspace, *, keep: int | None = None, folder: str | None = None,
              daily: bool | None = None) -> None:
    if keep is not None:
        if not 1 <= keep <= 366:
            raise ValidationError(f"keep backups for 1 to 366 days, not {keep}",
                                  code="backup.bad_keep_days", days=keep)
        ws.set_setting(KEEP_DAYS_KEY, str(keep))
    if folder is not None:
        ws.set_setting(FOLDER_KEY, folder)
    if daily is not None:
        ws.set_setting(DAILY_KEY, "on" if daily else "off")
    log.info("backup settings: keep=%s folder=%s daily=%s", keep, folder, daily)


def daily_path(ws: Workspace, day: dt.date) -> Path:
    return daily_folder(ws) / f"secity-daily-{day:%Y-%m-%d}{_suffix()}"


def due(ws: Workspace, today: dt.date | None = None) -> bool:
    day = today or dt.date.today()
    return enabled(ws) and not daily_path(ws, day).exists()


def prune(folder: Path, keep: int, today: dt.date, spare: Path | None = None) -> list[Path]:
    """Delete daily backups older than ``keep`` days (never ``spare``, the one just made)."""
    oldest = today - dt.timedelta(days=keep - 1)
    removed = []
    for path in sorted(folder.glob(f"secity-daily-*{_suffix()}")):
        m = _daily().fullmatch(path.name)
        if m is None or path == spare:
            continue
        with contextlib.suppress(ValueError, OSError):
            if dt.date(int(m[1]), int(m[2]), int(m[3])) < oldest:
                path.unlink()
                removed.append(path)
    if removed:
        log.info("removed %d daily backup(s) older than %d days", len(removed), keep)
    return removed


def daily_operation(ws: Workspace, today: dt.date | None = None) -> CreateBackup:
    """Today's backup as an operation (the GUI runs it off-thread)."""
    from secity_desktop.services.backup import CreateBackup

    day = today or dt.date.today()
    folder = daily_folder(ws)
    folder.mkdir(parents=True, exist_ok=True)
    keep = keep_days(ws)
    return CreateBackup(
        ws, daily_path(ws, day), kind="daily", overwrite=True, reserve=AUTO_RESERVE,
        after_work=lambda made: prune(folder, keep, day, spare=made))


def skipped(ws: Workspace, exc: BaseException) -> None:
    """Record why today's backup did not happen: a log line and a notice until the next one."""
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, SecityError) and exc.code == "backup.not_enough_space":
        log.warning("daily backup skipped: %s", exc)
        store_backup.set_notice(ws.db, "backup.daily_skipped_no_space",
                                need_mb=exc.params.get("need_mb"), free_mb=exc.params.get("free_mb"),
                                path=exc.params.get("path"))
    else:
        code = getattr(exc, "code", type(exc).__name__)
        log.warning("daily backup failed [%s]: %s", code, exc)
        store_backup.set_notice(ws.db, "backup.daily_failed", code=code)


def run_daily(ws: Workspace, today: dt.date | None = None,
              progress: Progress = no_progress) -> BackupResult | None:
    """Make today's backup if due; a failure is recorded (log + notice), never raised."""
    if not due(ws, today):
        return None
    try:
        return run_inline(daily_operation(ws, today), progress)
    except (SecityError, OSError) as exc:
        skipped(ws, exc)
        return None


def listing(ws: Workspace) -> list[BackupFile]:
    out: list[BackupFile] = []
    places = [(daily_folder(ws), f"secity-daily-*{_suffix()}", "daily"),
              (ws.data_dir.joinpath(*store_backup.PRE_MIGRATION_DIR), "secity-schema*.sqlite3",
               "pre-migration")]
    for folder, pattern, kind in places:
        for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
            with contextlib.suppress(OSError):
                st = path.stat()
                out.append(BackupFile(path, kind, st.st_size, st.st_mtime))
    return out
