"""Text output that works on every console: UTF-8, never a crash on a character or a missing console.

Three things break a Thai user's command line on Windows, and one function fixes them
before anything is printed:

* **Redirected output** (``secity … > out.txt``, a pipe) is encoded with the ANSI
  code page — 874 on a Thai Windows — which has Thai letters but not "→" or "✓":
  printing one raised ``UnicodeEncodeError`` *after* the change was saved.
  Here both streams are switched to UTF-8 with ``errors="replace"``.
* **The console itself**: Python writes UTF-16 to a real Windows console whatever its
  code page, but child programs and older terminals read the code page, so it is
  set to UTF-8 (65001) as well.
* **No console at all** (the windowed ``SECityDesktop.exe``, ``pythonw``):
  ``sys.stdout`` is None and the first ``print`` raised ``AttributeError``. Output
  then goes to the console of the program that started us, if any (a ``cmd`` window
  running ``SECityDesktop --version``), else to the null device.

Only the standard library is used and nothing is imported from the CLI, so the GUI
entry point can call it without building the CLI parser.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TextIO

UTF8_CODE_PAGE = 65001
_ATTACH_PARENT_PROCESS = -1


def _set_windows_code_page() -> None:
    with contextlib.suppress(Exception):
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        kernel32.SetConsoleOutputCP(UTF8_CODE_PAGE)
        kernel32.SetConsoleCP(UTF8_CODE_PAGE)


_attached: list[bool] = []


def _parent_console() -> TextIO | None:
    """On Windows, borrow the console of the process that started a windowed program."""
    if os.name != "nt":
        return None
    try:
        if not _attached:
            import ctypes

            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
            _attached.append(bool(kernel32.AttachConsole(_ATTACH_PARENT_PROCESS)))
        if not _attached[0]:
            return None
        return open("CONOUT$", "w", encoding="utf-8", errors="replace")
    except Exception:
        return None


def _null() -> TextIO:
    return open(os.devnull, "w", encoding="utf-8", errors="replace")


def _utf8(stream: TextIO) -> TextIO:
    """The same stream, writing UTF-8 and replacing what cannot be encoded."""
    encoding = (getattr(stream, "encoding", None) or "").replace("-", "").lower()
    errors = getattr(stream, "errors", None)
    if encoding == "utf8" and errors in ("replace", "backslashreplace", "surrogateescape"):
        return stream
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(encoding="utf-8", errors="replace")
            return stream
        except (ValueError, io.UnsupportedOperation, AttributeError):
            pass
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        with contextlib.suppress(ValueError, AttributeError):
            stream.flush()
        return io.TextIOWrapper(buffer, encoding="utf-8", errors="replace", line_buffering=True)
    return stream


def setup_streams() -> None:
    """Make ``sys.stdout``/``sys.stderr`` safe for any text; idempotent, never raises."""
    if os.name == "nt":
        _set_windows_code_page()
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        fixed = (_parent_console() or _null()) if stream is None else _utf8(stream)
        setattr(sys, name, fixed)


__all__ = ["setup_streams"]
