"""The app's log: one rotating file in the platform's user log folder.

Why a file: a windowed Windows build has no stderr, and "Something went
wrong" with no trace helps nobody. Every front end calls :func:`setup` once
(``--debug`` raises the level); everything else logs through
``logging.getLogger("secity.<area>")`` and never configures handlers itself.

What is logged: one line per operation (:func:`operation`) and every refusal
with its code and params, every unexpected error with its traceback. What is
never logged: passphrases, key material, file contents. Nothing here sees
them — messages are built from codes, ids, paths and sizes — and the
:class:`Redactor` still strips anything shaped like a private key or a
``passphrase=…`` pair as a second line of defence (``tests/test_log.py``
runs a whole signing flow and scans the files).

Location: ``platformdirs.user_log_dir`` (``%LOCALAPPDATA%\\DCCE\\SECityDesktop\\Logs``
on Windows, ``$XDG_STATE_HOME/SECityDesktop/log`` on Linux), overridable with
``SECITY_LOG_DIR``; 1 MB × 5 files, so the log can never fill a disk.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from secity_desktop import paths

ROOT = "secity"
LOG_DIR_ENV = "SECITY_LOG_DIR"
LOG_FILE = "secity.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(name)s: %(message)s"

_PRIVATE_BLOCK = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", re.S
)
_SECRET_PAIR = re.compile(r"(?i)\b(passphrase|password|secret)(\s*[=:]\s*)(\S+)")


def log_dir() -> Path:
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return paths.user_dir("log")  # platformdirs.user_log_dir, cheaply (paths.user_dir)


def log_path() -> Path:
    return log_dir() / LOG_FILE


def redact(text: str) -> str:
    """Strip private-key blocks and ``passphrase=value`` pairs from ``text``."""
    text = _PRIVATE_BLOCK.sub("[private key removed]", text)
    return _SECRET_PAIR.sub(lambda m: f"{m.group(1)}{m.group(2)}[removed]", text)


class Redactor(logging.Filter):
    """Runs :func:`redact` over every formatted record before it reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))  # tracebacks too


def get(area: str) -> logging.Logger:
    return logging.getLogger(f"{ROOT}.{area}")


def setup(*, debug: bool = False, console: bool = False) -> Path | None:
    """Send the app's log to the rotating file; returns its path, or None if it cannot be written.

    Idempotent: calling again (tests, the GUI after the CLI) replaces the handlers.
    A log that cannot be written never stops the app: the file handler is simply left out.
    """
    logger = logging.getLogger(ROOT)
    for handler in list(logger.handlers):
        if getattr(handler, "_secity", False):
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    logger.propagate = False
    formatter = _RedactingFormatter(FORMAT)
    target: Path | None = log_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = RotatingFile(target)
    except OSError:
        target = None
    else:
        _add(logger, file_handler, formatter)
    if console and sys.stderr is not None:  # a windowed Windows build has no stderr at all
        stream = logging.StreamHandler()
        stream.setLevel(logging.DEBUG)
        _add(logger, stream, formatter)
    return target


class RotatingFile(logging.FileHandler):
    """``logging.handlers.RotatingFileHandler``'s rule (``MAX_BYTES`` × ``BACKUPS``, UTF-8,
    opened on the first record) without importing ``logging.handlers`` — it pulls in
    socket, pickle and queue (≈ 8 ms, on every command) — until a file is actually full.
    The rollover itself is the standard library's (``doRollover``), made when needed."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, mode="a", encoding="utf-8", delay=True)
        self.maxBytes = MAX_BYTES
        self.backupCount = BACKUPS

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._roll_over()
            super().emit(record)  # opens the file again after a rollover
        except Exception:
            self.handleError(record)

    def _full(self, record: logging.LogRecord) -> bool:
        """``RotatingFileHandler.shouldRollover``: would this record take the file past the
        limit? (Only regular files: a log pointed at a device never rolls over.)"""
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        message = f"{self.format(record)}\n"
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() + len(message) >= self.maxBytes

    def _roll_over(self) -> None:
        from logging.handlers import RotatingFileHandler  # only when the file is full

        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        stdlib = RotatingFileHandler(self.baseFilename, maxBytes=self.maxBytes,
                                     backupCount=self.backupCount, encoding="utf-8", delay=True)
        try:
            stdlib.doRollover()
        finally:
            stdlib.close()


def _add(logger: logging.Logger, handler: logging.Handler, formatter: logging.Formatter) -> None:
    handler.setFormatter(formatter)
    handler.addFilter(Redactor())
    handler._secity = True  # type: ignore[attr-defined]
    logger.addHandler(handler)


def shutdown() -> None:
    """Close the file so tests (and Windows) can move or delete the folder."""
    logger = logging.getLogger(ROOT)
    for handler in list(logger.handlers):
        if getattr(handler, "_secity", False):
            logger.removeHandler(handler)
            handler.close()


def tail(lines: int = 200) -> str:
    """The last ``lines`` lines of the current log file (for crash reports), redacted."""
    path = log_path()
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 256 * 1024))
            data = handle.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return redact("\n".join(data.splitlines()[-lines:]))


def describe_params(params: dict[str, Any]) -> str:
    return " ".join(f"{k}={_short(v)}" for k, v in sorted(params.items()))


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 200 else text[:200] + "…"


def refusal(logger: logging.Logger, exc: BaseException, what: str) -> None:
    """Log a refusal (code and params) or a bug (with traceback), once per exception."""
    if getattr(exc, "_secity_logged", False):
        return
    from secity_desktop.core.errors import Cancelled, SecityError

    if isinstance(exc, Cancelled):
        logger.info("%s cancelled", what)
    elif isinstance(exc, SecityError):
        logger.warning("%s refused code=%s %s | %s", what, exc.code,
                       describe_params(exc.params), exc)
    else:
        logger.error("%s failed: %s", what, type(exc).__name__, exc_info=exc)
    with contextlib.suppress(AttributeError, TypeError):
        exc._secity_logged = True  # type: ignore[attr-defined]


@contextlib.contextmanager
def operation(what: str, area: str = "operation", **context: Any) -> Iterator[dict[str, Any]]:
    """One line per operation: ``done`` with its duration, or the refusal/error.

    The block may add result facts to the yielded dict (counts, sizes); they are logged
    with the ``done`` line.
    """
    logger = get(area)
    facts: dict[str, Any] = dict(context)
    logger.debug("%s started %s", what, describe_params(facts))
    start = time.monotonic()
    try:
        yield facts
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            logger.info("%s interrupted", what)
        else:
            refusal(logger, exc, what)
        raise
    logger.info("%s done in %.2fs %s", what, time.monotonic() - start, describe_params(facts))
