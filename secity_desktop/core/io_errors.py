"""Turning a failed disk operation into a refusal a person can act on.

An ``OSError`` (or SQLite's "disk I/O error") deep inside an import, an
export, an evidence copy or a backup used to surface as a traceback or as a
message naming the wrong thing (the evidence file instead of the full USB
stick). Every layer that touches files wraps the work in :func:`disk_guard`
(or calls :func:`disk_error`), which keeps the errno's meaning — no space, no
permission, anything else — and says which operation stopped and where.

Codes are ``<context>.no_space``, ``<context>.denied`` and ``<context>.io_error``
for the contexts below; each has a Thai text in ``i18n/messages_th.toml``.
Pure: no file is touched here except one ``disk_usage`` call to tell a full
disk behind SQLite's vague "disk I/O error".
"""

from __future__ import annotations

import errno
import functools
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from secity_desktop.core.errors import SecityError, StoreError

CONTEXTS = ("import", "export", "evidence", "backup", "restore", "quarantine", "store")

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
#: Windows reports a full disk as winerror 112 (ERROR_DISK_FULL) or 39 (ERROR_HANDLE_DISK_FULL).
_WIN_NO_SPACE = {39, 112}
#: Below this much free space, SQLite's "disk I/O error" is a full disk in disguise.
NEARLY_FULL = 1024 * 1024

_WHAT = {
    "import": "the import stopped",
    "export": "the bundle could not be written",
    "evidence": "the evidence file could not be stored",
    "backup": "the backup could not be written",
    "restore": "the backup could not be restored",
    "quarantine": "the refused file could not be kept in quarantine",
    "store": "the workspace store could not complete the operation",
}


class DiskError(StoreError):
    """A file operation the disk refused; ``kind`` is ``no_space``, ``denied`` or ``io_error``."""

    default_code = "store_error"

    def __init__(self, message: str, *, code: str, kind: str, **params: object) -> None:
        super().__init__(message, code=code, **params)
        self.kind = kind


def _os_errors(exc: BaseException) -> Iterator[BaseException]:
    """The exception and whatever caused it (a StoreError raised ``from`` an OSError)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def kind_of(exc: BaseException, where: Path | None = None) -> str | None:
    """``no_space``, ``denied``, ``io_error``, or None when ``exc`` is not about the disk."""
    for e in _os_errors(exc):
        if isinstance(e, DiskError):
            return e.kind
        if isinstance(e, OSError):
            if e.errno in _NO_SPACE or getattr(e, "winerror", None) in _WIN_NO_SPACE:
                return "no_space"
            if e.errno in _DENIED:
                return "denied"
            return "io_error"
        if isinstance(e, sqlite3.OperationalError):
            text = str(e).lower()
            if "disk is full" in text:
                return "no_space"
            if "disk i/o error" in text:
                return "no_space" if _nearly_full(where) else "io_error"
            if "readonly" in text:
                return "denied"
    return None


def _nearly_full(where: Path | None) -> bool:
    if where is None:
        return False
    probe = Path(where)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free < NEARLY_FULL
    except OSError:
        return False


def disk_error(exc: BaseException, context: str, where: Path | str) -> DiskError:
    """The refusal for a failed disk operation in ``context`` (one of :data:`CONTEXTS`)."""
    if context not in _WHAT:
        raise ValueError(f"unknown disk-error context {context!r}")
    place = Path(where)
    kind = kind_of(exc, place) or "io_error"
    what = _WHAT[context]
    if kind == "no_space":
        text = (f"{what}: the disk holding {place} is full; free some space or choose another "
                "place, then try again. Nothing was changed.")
    elif kind == "denied":
        text = (f"{what}: {place} cannot be written (no permission, or the disk is read-only). "
                "Nothing was changed.")
    else:
        detail = next((getattr(e, "strerror", None) or str(e) for e in _os_errors(exc)
                       if isinstance(e, (OSError, sqlite3.Error))), str(exc))
        text = f"{what}: reading or writing {place} failed ({detail}). Nothing was changed."
    return DiskError(text, code=f"{context}.{kind}", kind=kind, path=str(place))


@contextmanager
def disk_guard(context: str, where: Path | str) -> Iterator[None]:
    """Re-raise any disk failure inside the block as a :class:`DiskError` for ``context``.

    Refusals that are already ``SecityError`` pass through untouched unless they were
    raised *because of* a disk error (a ``StoreError`` ``from`` an ``OSError``), which
    then get the clearer text.
    """
    try:
        yield
    except DiskError:
        raise
    except SecityError as exc:
        if any(isinstance(e, OSError) for e in _os_errors(exc)) and kind_of(exc) == "no_space":
            raise disk_error(exc, context, where) from exc
        raise
    except (OSError, sqlite3.OperationalError) as exc:
        if isinstance(exc, sqlite3.OperationalError) and kind_of(exc, Path(where)) is None:
            raise
        raise disk_error(exc, context, where) from exc


F = TypeVar("F", bound=Callable[..., Any])


def guarded(context: str, where: Callable[[Any], Path]) -> Callable[[F], F]:
    """Method decorator: :func:`disk_guard` with the place taken from ``self`` when called."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            with disk_guard(context, where(self)):
                return fn(self, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
