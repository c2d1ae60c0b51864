"""Refused bundles kept aside, de-duplicated and capped, and never claimed when not kept.

A refused file is copied to ``<data_dir>/quarantine/`` so an office can show
what arrived and why it was refused; the original stays where it was. Three
rules keep that honest and bounded:

* **De-duplicated by SHA-256**: the same file refused three times is stored
  once (``<sha[:16]>-<name>``); its ``.reason.json`` counts every refusal.
* **Capped**: the folder never grows past ``quarantine.max_mb`` (a workspace
  setting, default :data:`DEFAULT_CAP_MB`), and never leaves the disk with less
  than :data:`RESERVE` free. A file that does not fit is not copied.
* **Truthful**: :class:`Kept` says whether a copy exists; when none does the
  caller records no path and says why (``over_cap``, ``no_space``,
  ``unreadable``, ``io_error``). The import's record keeps the refusal's reason
  and message either way.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.io_errors import kind_of
from secity_desktop.core.thai_calendar import now_iso

if TYPE_CHECKING:
    from secity_desktop.services.workspace import Workspace

log = logging.getLogger("secity.quarantine")

FOLDER = "quarantine"
CAP_KEY = "quarantine.max_mb"
DEFAULT_CAP_MB = 256
RESERVE = 64 * 1024 * 1024
HISTORY = 50
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Kept:
    """What happened to one refused file: a copy (``path``), or why there is none."""

    path: Path | None
    reused: bool = False
    why_not: str | None = None


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)[:80] or "file"


class Quarantine:
    def __init__(self, root: Path, cap_bytes: int, reserve: int = RESERVE) -> None:
        self.root = root
        self.cap = cap_bytes
        self.reserve = reserve

    @classmethod
    def for_workspace(cls, ws: Workspace) -> Quarantine:
        return cls(ws.data_dir / FOLDER, cap_mb(ws) * 1024 * 1024)

    def copies(self) -> list[Path]:
        try:
            return sorted(p for p in self.root.iterdir() if p.is_file() and _is_copy(p.name))
        except OSError:
            return []

    def used(self) -> int:
        total = 0
        for p in self.copies():
            with contextlib.suppress(OSError):
                total += p.stat().st_size
        return total

    def _existing(self, sha: str, size: int) -> Path | None:
        for p in self.root.glob(f"{sha[:16]}-*"):
            with contextlib.suppress(OSError):
                if _is_copy(p.name) and p.stat().st_size == size:
                    return p
        return None

    def keep(self, source: Path, sha: str | None, size: int, reason: str, message: str) -> Kept:
        """Copy ``source`` aside unless it is there already or does not fit; record the reason."""
        if not sha:
            return self._record(None, source, sha, reason, message, "unreadable")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._record(None, source, sha, reason, message, kind_of(exc) or "io_error")
        existing = self._existing(sha, size)
        if existing is not None:
            return self._record(existing, source, sha, reason, message, None, reused=True)
        if self.used() + size > self.cap:
            return self._record(None, source, sha, reason, message, "over_cap")
        try:
            free = shutil.disk_usage(self.root).free
        except OSError:
            free = 0
        if free - size < self.reserve:
            return self._record(None, source, sha, reason, message, "no_space")
        target = self.root / f"{sha[:16]}-{_safe(source.name)}"
        part = target.with_name(f".{target.name}.part")
        try:
            with open(source, "rb") as src, open(part, "wb") as out:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                part.unlink()
            return self._record(None, source, sha, reason, message, kind_of(exc) or "io_error")
        return self._record(target, source, sha, reason, message, None)

    def _record(self, copy: Path | None, source: Path, sha: str | None, reason: str,
                message: str, why_not: str | None, *, reused: bool = False) -> Kept:
        event = {"at": now_iso(), "file": str(source), "reason": reason}
        if copy is None:
            log.warning("refused %s [%s] not kept in quarantine: %s", source.name, reason, why_not)
            return Kept(None, False, why_not)
        meta_path = copy.with_name(copy.name + ".reason.json")
        history: list[object] = []
        with contextlib.suppress(OSError, ValueError, AttributeError):
            history = list(json.loads(meta_path.read_text("utf-8")).get("history", []))
        history = [*history, event][-HISTORY:]
        meta = {"file": str(source), "sha256": sha, "reason": reason, "message": message,
                "at": event["at"], "times_refused": len(history), "history": history}
        # the import's record holds the reason too, so a full disk here loses nothing
        with contextlib.suppress(OSError):
            meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
        log.info("refused %s [%s] %s %s", source.name, reason,
                 "already in quarantine as" if reused else "kept in quarantine as", copy.name)
        return Kept(copy, reused, None)


def _is_copy(name: str) -> bool:
    return not name.startswith(".") and not name.endswith((".reason.json", ".part"))


def cap_mb(ws: Workspace) -> int:
    try:
        return max(0, int(ws.setting(CAP_KEY, str(DEFAULT_CAP_MB)) or DEFAULT_CAP_MB))
    except ValueError:
        return DEFAULT_CAP_MB


def set_cap_mb(ws: Workspace, mb: int) -> None:
    if not 0 <= mb <= 1_000_000:
        raise ValidationError(f"the quarantine cap must be 0–1000000 MB, not {mb}",
                              code="quarantine.bad_cap", mb=mb)
    ws.set_setting(CAP_KEY, str(mb))
    log.info("quarantine cap set to %d MB", mb)
