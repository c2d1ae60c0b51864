"""``secity assessment set --stdin``: many level edits in one process, one JSON line each.

A shell loop of ``secity assessment set`` pays the interpreter, the imports and the
store opening for every edit (≈0.3–0.8 s); a batch pays them once. Each input line
``{"id": …, "indicator": …, "level": 3 | null, "note": "…"}`` is applied by
``AssessmentService.set_response`` — the same validation, its own transaction,
durable when its result line is written — and answered by one output line:
``{"line": n, "ok": true, "id", "indicator", "level"}`` or ``{"line": n, "ok": false,
"code", "error"}`` with the refusal in the person's language. A refused line
changes nothing and the next line is still applied; the exit code is 1 when any
line was refused. Blank lines are skipped. Anything that is not a refusal (a bug,
a store failure) stops the batch: the lines before it stay saved.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from secity_desktop import messages
from secity_desktop.cli.context import Context
from secity_desktop.core.errors import SecityError, ValidationError

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


def set_lines(ctx: Context, lines: Iterable[str]) -> int:
    from secity_desktop.services.assessments import AssessmentService

    lang = getattr(ctx.args, "lang", None) or os.environ.get("SECITY_LANG") \
        or messages.DEFAULT_LANGUAGE
    svc = AssessmentService(ctx.workspace())
    refused = 0
    out = ctx.out
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        result: dict[str, Any] = {"line": n}
        try:
            aid, code, level, note = parse_line(raw)
            svc.set_response(aid, code, level, note)
            result.update(ok=True, id=aid, indicator=code, level=level)
        except SecityError as exc:
            refused += 1
            result.update(ok=False, code=exc.code, error=messages.describe(exc, lang))
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if refused else 0
