"""``secity assessment set --stdin``: many level edits in one process, one JSON line each.

A shell loop of ``secity assessment set`` pays the interpreter, the imports and the
store opening for every edit (≈0.3–0.8 s); a batch pays them once. Each input line
``{"id": …, "indicator": …, "level": 3 | null, "note": "…"}`` is applied by
``AssessmentService.set_response`` — the same validation, its own audit event — inside
its own SAVEPOINT, and answered by one output line: ``{"line": n, "ok": true, "id",
"indicator", "level"}`` or ``{"line": n, "ok": false, "code", "error"}`` with the refusal
in the person's language. A refused line changes nothing and the next line is still
applied; the exit code is 1 when any line was refused. Blank lines are skipped.

Group commit (docs/cli-batch.md): the lines that are ready are applied together and
committed in one transaction — a group ends when no further input line is waiting, after
:data:`GROUP_SECONDS` or at :data:`GROUP_LINES` lines — and a group's results are written
only AFTER its commit, so every printed result is on disk and a killed process loses only
lines it never answered. Anything that is not a refusal (a bug, a store failure) stops the
batch: the group it hit is rolled back unanswered, the answered lines stay saved.
"""

from __future__ import annotations

import json
import os
import queue
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from secity_desktop import messages
from secity_desktop.cli.context import Context
from secity_desktop.core.errors import SecityError, ValidationError

if TYPE_CHECKING:
    from secity_desktop.services.edit_groups import EditGroups

FIELDS = ("id", "indicator", "level", "note")


def parse_line(text: str) -> tuple[str, str, int | None, str | None]:
    """One input line as (assessment id, indicator, level, note or None), or a refusal."""
    try:
        item = json.loads(text)
    except ValueError as exc:
        raise ValidationError(f"not a JSON object: {exc.msg}", code="batch.bad_json",
                              reason=exc.msg) from None
    if not isinstance(item, dict):
        raise ValidationError("each line must be a JSON object", code="batch.not_object")
    unknown = sorted(set(item) - set(FIELDS))
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(unknown)}",
                              code="batch.unknown_field", fields=unknown)
    aid, code = item.get("id"), item.get("indicator")
    if not isinstance(aid, str) or not aid or not isinstance(code, str) or not code:
        raise ValidationError('"id" and "indicator" must be non-empty text',
                              code="batch.id_indicator")
    if "level" not in item:
        raise ValidationError('"level" is missing (null clears a level)', code="batch.no_level")
    level = item["level"]
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
        raise ValidationError(f"level must be a whole number or null, not {level!r}",
                              code="batch.bad_level", level=str(level))
    note = item.get("note")
    if note is not None and not isinstance(note, str):
        raise ValidationError('"note" must be text', code="batch.bad_note")
    return aid, code, level, note


GROUP_SECONDS = 0.05  # a group is committed after this long even if more lines wait
GROUP_LINES = 1000  # ... or at this many lines
_END = None  # the reader's end-of-input mark
Item = tuple[int, str] | None


class _Input:
    """Numbered input lines fed by a reader thread, so that "is another line waiting?" can
    be asked of any input (a pipe, a file, a console) on every platform."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._ready: queue.Queue[Item] = queue.Queue(maxsize=4 * GROUP_LINES)
        self._failed: list[BaseException] = []
        threading.Thread(target=self._read, args=(lines,), daemon=True,
                         name="batch-reader").start()

    def _read(self, lines: Iterable[str]) -> None:
        try:
            for n, raw in enumerate(lines, 1):
                self._ready.put((n, raw))
        except BaseException as exc:  # e.g. undecodable input: raised in the caller's thread
            self._failed.append(exc)
        finally:
            self._ready.put(_END)

    def next(self) -> Item:
        """The next line, waiting for it (None at the end of the input). Waits in short
        slices: a lock wait without a timeout ignores Ctrl+C on Windows."""
        while True:
            try:
                return self._checked(self._ready.get(timeout=0.25))
            except queue.Empty:
                continue

    def waiting(self) -> Item | bool:
        """The next line if one is already waiting, else False."""
        try:
            return self._checked(self._ready.get_nowait())
        except queue.Empty:
            return False

    def _checked(self, item: Item) -> Item:
        if item is _END and self._failed:
            raise self._failed[0]
        return item


def _result(groups: EditGroups, n: int, raw: str, lang: str) -> dict[str, Any]:
    result: dict[str, Any] = {"line": n}
    try:
        aid, code, level, note = parse_line(raw)
        groups.set_response(aid, code, level, note)
        result.update(ok=True, id=aid, indicator=code, level=level)
    except SecityError as exc:
        result.update(ok=False, code=exc.code, error=messages.describe(exc, lang))
    return result


def set_lines(ctx: Context, lines: Iterable[str]) -> int:
    from secity_desktop.services.edit_groups import EditGroups

    lang = getattr(ctx.args, "lang", None) or os.environ.get("SECITY_LANG") \
        or messages.DEFAULT_LANGUAGE
    groups = EditGroups(ctx.workspace())
    source = _Input(lines)
    refused = 0
    out = ctx.out
    item: Item | bool = source.next()
    while item is not _END:
        done: list[dict[str, Any]] = []
        with groups.group():  # one commit for the lines ready now
            started = time.monotonic()
            while isinstance(item, tuple):
                n, raw = item
                if raw.strip():
                    done.append(_result(groups, n, raw, lang))
                if len(done) >= GROUP_LINES or time.monotonic() - started >= GROUP_SECONDS:
                    item = source.waiting()
                    break
                item = source.waiting()  # False: nothing waiting, so commit now
        # committed: only now are these lines acknowledged
        refused += sum(1 for r in done if not r["ok"])
        out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in done))
        out.flush()
        if item is False:  # never wait for input inside an open transaction
            item = source.next()
    return 1 if refused else 0
