"""Bold/italic runs from a tiny markup, so callers can write ``<b>ดีเยี่ยม</b>`` inline.

Only ``<b>``, ``<i>``, ``<br/>`` and the XML entities are understood: the
certificates and reports need emphasis, not reportlab's whole paragraph
language, and a small grammar can be parsed without surprises.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)(b|i|br)\s*(/?)>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


def parse_markup(markup: str) -> list[Run]:
    """Split markup into runs; unknown tags are kept as literal text rather than dropped."""
    runs: list[Run] = []
    bold = italic = 0
    pos = 0

    def emit(raw: str) -> None:
        if raw:
            runs.append(Run(html.unescape(raw), bold > 0, italic > 0))

    for m in _TAG.finditer(markup):
        emit(markup[pos : m.start()])
        pos = m.end()
        closing, tag = m.group(1), m.group(2).lower()
        if tag == "br":
            runs.append(Run("\n", bold > 0, italic > 0))
        elif tag == "b":
            bold = max(0, bold - 1) if closing else bold + 1
        else:
            italic = max(0, italic - 1) if closing else italic + 1
    emit(markup[pos:])
    return merge_runs(runs)


def merge_runs(runs: list[Run]) -> list[Run]:
    """Join neighbours with the same style so each is shaped as one piece (better kerning)."""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            merged.append(run)
    return merged


def slice_runs(runs: list[Run], start: int, end: int) -> list[Run]:
    """The runs covering ``plain_text[start:end]``, for splitting a paragraph across pages."""
    out: list[Run] = []
    pos = 0
    for run in runs:
        r_start, r_end = pos, pos + len(run.text)
        pos = r_end
        lo, hi = max(start, r_start), min(end, r_end)
        if lo < hi:
            out.append(Run(run.text[lo - r_start : hi - r_start], run.bold, run.italic))
    return out
