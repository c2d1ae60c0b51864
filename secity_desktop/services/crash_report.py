"""A report file for an unexpected error: what a developer needs, nothing a person must hide.

Both front ends call :func:`write` when something that is not a refusal
escapes: the CLI prints one line with the report's path, the GUI shows a
dialog offering to copy it or open its folder. A report holds:

* the app version, Python, platform, whether it is a frozen build;
* a few facts about the workspace gathered without the store's connection
  (:func:`facts` — folder, free space, store size and schema, key present),
  then everything ``secity doctor`` reports (``services/doctor.py``: catalogue,
  fonts, framework, shipped files), each step guarded so a report is always written;
* the traceback and the last lines of the log.

Never in a report: passphrases, key material, evidence or assessment content.
Tracebacks carry no local variables, and the text is passed through
``log.redact`` like the log itself. Reports sit beside the log
(``<log dir>/crash/``), at most :data:`KEEP` of them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
import traceback
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from secity_desktop import __version__, log
from secity_desktop.atomic import write_bytes_atomic

KEEP = 20
TAIL_LINES = 80


def crash_dir() -> Path:
    return log.log_dir() / "crash"


def _platform() -> str:
    import platform  # (15 ms to import; the crash handler is installed before the first paint)

    return platform.platform()


def facts(data_dir: Path | None) -> dict[str, str]:
    """The support facts ``secity doctor`` gathers (version, platform, catalogue, fonts,
    framework, workspace, disk), plus the log's place; never fails, whatever is broken."""
    out = {
        "version": __version__,
        "python": sys.version.split()[0],
        "platform": _platform(),
        "frozen": str(bool(getattr(sys, "frozen", False))),
        "log": str(log.log_path()),
    }
    if data_dir is None:
        return out
    out["data_dir"] = str(data_dir)
    with contextlib.suppress(OSError):
        out["free_mb"] = str(round(shutil.disk_usage(data_dir).free / 1e6))
    db = data_dir / "secity.sqlite3"
    with contextlib.suppress(OSError):
        out["store_bytes"] = str(db.stat().st_size)
    with contextlib.suppress(Exception):
        from secity_desktop.store import backup as store_backup

        out["schema"] = str(store_backup.schema_version(db))
    out["key_present"] = str((data_dir / "keys" / "assessor_ed25519").is_file())
    with contextlib.suppress(Exception):  # a crash report must be written even if this fails
        from secity_desktop.services import doctor

        report = doctor.gather(data_dir)
        out.update({f"doctor.{k}": str(v) for k, v in report.facts.items()})
        out["doctor.missing"] = ", ".join(c.name for c in report.missing) or "nothing"
    return out


def render(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    where: str,
    data_dir: Path | None = None,
    extra: Mapping[str, str] | None = None,
) -> str:
    lines = [f"SECity Desktop crash report — {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
             f"where: {where}", ""]
    for key, value in {**facts(data_dir), **(extra or {})}.items():
        lines.append(f"{key}: {value}")
    lines += ["", "traceback:", *"".join(traceback.format_exception(exc_type, exc, tb)).splitlines(),
              "", f"last {TAIL_LINES} log lines:", log.tail(TAIL_LINES)]
    return log.redact("\n".join(lines) + "\n")


def write(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    where: str,
    data_dir: Path | None = None,
    extra: Mapping[str, str] | None = None,
) -> Path | None:
    """Log the error with its traceback and save a report; the path, or None if it cannot be."""
    log.get("crash").error("unexpected error in %s", where, exc_info=(exc_type, exc, tb))
    text = render(exc_type, exc, tb, where=where, data_dir=data_dir, extra=extra)
    folder = crash_dir()
    path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, text.encode("utf-8"), 0o600)
    except OSError:
        return None
    _prune(folder)
    return path


def _prune(folder: Path) -> None:
    reports = sorted(folder.glob("crash-*.txt"), key=lambda p: p.stat().st_mtime)
    for old in reports[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
