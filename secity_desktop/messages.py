"""What a refusal says to a person, in their language: one catalogue for the CLI and the GUI.

Services raise ``SecityError`` subclasses with a stable ``code`` and the
``params`` the message was built from; the English text is written at the
raise site. Other languages live in ``i18n/messages_<lang>.toml``, one table
per code, so the CLI (which never loads Qt) and the GUI render the same words.

A Thai template may name any of the error's params (``{year}``); a value with an
entry in the ``<param>_name`` table is shown by it (``status = "finalized"`` reads
``ยืนยันและลงนามแล้ว``, from ``[status_name]``), so codes stay in params and words
stay in the catalogue. A missing
param renders as ``…`` rather than failing, and an unknown code falls back to
the class's generic text, never to English: ``tests/test_messages.py`` checks
that every code raised in the source has a Thai entry and that each template
only names params its raise sites pass.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import string
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from secity_desktop import paths

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """code → template for ``lang`` (empty for English: English is written in the code)."""
    if lang == "en":
        return {}
    return load_table(paths.i18n_dir() / f"messages_{lang}.toml")


def load_table(path: Path) -> dict[str, str]:
    """A catalogue file's keys (``table.key``, flattened) → templates; empty if unreadable.

    Parsing the TOML (82 KB of Thai for the errors, 22 KB for the CLI's lines) took ≈ 10 ms
    of every command that prints Thai. The flattened table is kept beside a copy of the
    file's bytes in the user cache folder (``<cache>/i18n/<name>-<python>.marshal``) and
    used only while those bytes are the file's bytes exactly, so an edited or upgraded
    catalogue is read again; a cache that cannot be read or written is ignored.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    cache = paths.user_dir("cache") / "i18n" / f"{path.stem}-{sys.implementation.cache_tag}.marshal"
    try:
        source, table = marshal.loads(cache.read_bytes())
        if source == raw and isinstance(table, dict):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import tomllib  # only when the cache is missing or stale

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    table = {str(k): str(v) for k, v in _flatten(data).items()}
    from secity_desktop.atomic import TargetInUseError, write_bytes_atomic  # cache writes only

    # a reader never sees half a cache; no cache at all (read-only, locked) is fine too
    with contextlib.suppress(OSError, TargetInUseError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(cache, marshal.dumps((raw, table)))
    return table


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def fields(template: str) -> set[str]:
    """The ``{names}`` a template uses (for the catalogue's consistency test)."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def render(code: str, params: Mapping[str, Any], lang: str, fallback: str = "") -> str:
    """The message for ``code`` in ``lang``; ``fallback`` (the English text) for English."""
    if lang == "en":
        return fallback
    table = catalogue(lang)
    template = table.get(code)
    if template is None:
        template = table.get(code.split(".", 1)[0] + ".*") or table.get("error", fallback)
    shown = {k: table.get(f"{k}_name.{v}", v) if isinstance(v, str) else v
             for k, v in params.items()}
    try:
        return template.format_map(_Params({k: _show(v) for k, v in shown.items()}))
    except (ValueError, IndexError, AttributeError):
        return template


def _show(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value)
    return value


def describe(exc: BaseException, lang: str) -> str:
    """A refusal as one line for a person in ``lang``; anything else is a bug, said plainly."""
    from secity_desktop.core.errors import SecityError

    if isinstance(exc, SecityError):
        return render(exc.code, exc.params, lang, str(exc))
    return render("bug", {"kind": type(exc).__name__}, lang, f"unexpected error ({type(exc).__name__})")
