"""The command line's ordinary output in the person's language: one catalogue, one call.

Refusals already read in Thai through ``messages.describe``; this does the same for
what a command prints when it succeeds (status lines, summaries). A command writes
``ctx.say("review.approved", "{id}: approved", id=…)``: the English template sits at
the call, like an error's message at its raise site, and the Thai one lives in
``i18n/cli_th.toml`` under the same key. ``--json`` output never goes through here:
it keeps stable codes (statuses, ids, numbers) for scripts.

The language is ``--lang``, else ``$SECITY_LANG``, else the workspace's language, else Thai (docs/cli-language.md).
A key missing from the catalogue falls back to the English template rather than
failing; ``tests/cli/test_say.py`` requires Thai for every key the source uses.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from secity_desktop import messages, paths
from secity_desktop.core import thai_calendar

#: The language ``cli.main`` resolved for the command being run: what code without the
#: command's context (the passphrase prompts) speaks. None outside a command.
_running: str | None = None


def running(lang: str | None) -> None:
    """Set (or, with None, clear) the language of the command being run."""
    global _running
    _running = lang


def language(flag: str | None, data_dir: Path | None = None) -> str:
    """The output language: the ``--lang`` flag, else (inside a command) the language its
    start resolved, else ``$SECITY_LANG``, else the workspace's language (chosen in the GUI's
    Preferences), else Thai."""
    lang = flag or _running or os.environ.get("SECITY_LANG")
    if not lang and data_dir is not None:
        from secity_desktop.services.language import workspace_language

        lang = workspace_language(data_dir)
    lang = lang or messages.DEFAULT_LANGUAGE
    return lang if lang in messages.LANGUAGES else messages.DEFAULT_LANGUAGE


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """key → template for ``lang`` (empty for English: English is written at the call)."""
    if lang == "en":
        return {}
    return messages.load_table(paths.i18n_dir() / f"cli_{lang}.toml")  # cached compiled


def say(lang: str, key: str, english: str, /, **params: Any) -> str:
    """``english`` (a ``str.format`` template) in ``lang``, filled with ``params``.

    A param with an entry in the error catalogue's ``<param>_name`` table (a status;
    ``old_status`` and ``new_status`` too) is shown by it, as in refusals.
    """
    return render(lang, key, english, params)


def render(lang: str, key: str, english: str, params: Mapping[str, Any]) -> str:
    """:func:`say` for a key chosen at run time (a stable code from a service, such as a
    ``secity doctor`` check's); its caller's own test checks that the codes have Thai."""
    template = catalogue(lang).get(key, english)
    words = messages.catalogue(lang)
    shown = {k: words.get(f"{_kind(k)}_name.{v}", v) if isinstance(v, str) else v
             for k, v in params.items()}
    try:
        return template.format_map(messages._Params(shown))
    except (ValueError, IndexError, AttributeError, KeyError):
        return english.format_map(messages._Params(params))


def when(lang: str, moment: object) -> str:
    """An ISO date or timestamp for a person: ``27 พ.ย. 2569 14:05`` (local time) in Thai.

    English keeps the stored text (scripts reading the human output saw it before);
    anything that does not parse is shown as it is.
    """
    if lang != "th" or not isinstance(moment, str) or not moment:
        return "" if moment is None else str(moment)
    try:
        parsed = thai_calendar.parse_iso(moment)
    except ValueError:
        return moment
    if len(moment) <= 10:
        return thai_calendar.format_date_th(parsed.date(), short=True)
    return thai_calendar.format_datetime_th(parsed)


def _kind(param: str) -> str:
    return "status" if param.endswith("status") else param
