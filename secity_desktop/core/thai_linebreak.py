"""Greedy line breaking for Thai: break at dictionary word boundaries, never inside a cluster.

Thai has no spaces between words, and reportlab only breaks at spaces, so a
Thai paragraph either overflows or is cut at arbitrary characters. Here break
opportunities come from PyThaiNLP's ``newmm`` tokenizer (offline, dictionary
based). A word wider than the whole line is the only case split inside a
word, and then only between grapheme clusters, so a tone mark or vowel sign
never starts a line without its consonant.

Breaking works on offsets into the original string and measures through a
callback, so it knows nothing about fonts or runs; the typesetting layer
supplies shaped widths. It lives in ``core`` because both front ends need the
same rules: the PDF layer breaks lines itself, and the GUI marks the break
opportunities with zero-width spaces (:func:`with_break_hints`) so Qt wraps
Thai at word boundaries on every platform, with or without libthai.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# Breakable white space; NBSP is deliberately absent so callers can glue words.
# U+200B (ZWSP) is an explicit break hint: it is honoured but never drawn.
ZWSP = "\u200b"
SPACE_RUN = re.compile(r"[ \t\r\n\f\v\u200b\u2000-\u200a\u3000]+")

# Never break before these (closing punctuation, Thai repetition/abbreviation marks) ...
_NO_BREAK_BEFORE = frozenset(")]}>%.,;:!?\u201d\u2019\u0e46\u0e2f\u2026")
# ... nor after these (opening punctuation; "." because inside a chunk it is an abbreviation).
_OPENERS = "([{<\u201c\u2018"
_NO_BREAK_AFTER = frozenset(_OPENERS + ".")

_SARA_AM = "\u0e33"
# Leading vowels are written before the consonant they follow in speech; a line
# ending in one reads as a typo, so they stay with the next cluster.
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")

Measure = Callable[[int, int], float]


@dataclass(frozen=True, slots=True)
class Line:
    """``text[start:end]`` is drawn; ``hard`` lines end a paragraph or newline: never justified."""

    start: int
    end: int
    hard: bool


class WordSet:
    """PyThaiNLP's word list as a set, answering the one question ``newmm`` asks of its
    dictionary: which words start at a position (``prefixes``, shortest first).

    ``pythainlp.tokenize.word_dict_trie()`` builds a node per letter of 62,000 words: 0.5–1 s
    of pure Python the first time anything Thai is wrapped (a place's first show). A set of
    the same words takes ≈ 30 ms and gives the same answers — the words of the list that are
    prefixes of ``text[start:]``, in increasing length — so ``newmm`` cuts identically
    (``tests/core/test_thai_wordset.py`` compares both over the app's own Thai texts).
    """

    __slots__ = ("_longest", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        # the trie strips each word and cannot match an empty one
        self._words = frozenset(w for w in (x.strip() for x in words) if w)
        self._longest = max(map(len, self._words), default=0)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        words = self._words
        last = min(len(text), start + self._longest)
        return [text[start:end] for end in range(start + 1, last + 1) if text[start:end] in words]

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)


@lru_cache(maxsize=1)
def word_set() -> WordSet:
    """The default Thai word list as a :class:`WordSet` (read once, then kept)."""
    from pythainlp.corpus import thai_words  # slow import, only when Thai is typeset

    return WordSet(thai_words())


@lru_cache(maxsize=4096)
def _token_ends(chunk: str) -> tuple[int, ...]:
    """Token end offsets for a space-free chunk; cached because paragraphs repeat phrases."""
    from pythainlp.tokenize import word_tokenize  # slow import, only when Thai is typeset

    tokens = word_tokenize(chunk, custom_dict=word_set(), engine="newmm",  # type: ignore[arg-type]
                           keep_whitespace=True)
    if "".join(tokens) != chunk:  # never trust a tokenizer to round-trip; no breaks is safe
        return (len(chunk),)
    ends: list[int] = []
    pos = 0
    for token in tokens:
        pos += len(token)
        if token:
            ends.append(pos)
    return tuple(ends)


def word_boundaries(text: str) -> list[int]:
    """Every offset where a newmm word (or a space run) starts or ends, for tests and callers."""
    bounds = {0, len(text)}
    for start, end, is_space in _chunks(text):
        bounds.update((start, end))
        if not is_space:
            bounds.update(start + e for e in _token_ends(text[start:end]))
    return sorted(bounds)


def _chunks(text: str) -> Iterator[tuple[int, int, bool]]:
    pos = 0
    for m in SPACE_RUN.finditer(text):
        if m.start() > pos:
            yield pos, m.start(), False
        yield m.start(), m.end(), True
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), False


def _is_digit(ch: str) -> bool:
    return unicodedata.decimal(ch, None) is not None


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _may_break(before: str, after: str) -> bool:
    """Whether a word boundary inside a chunk is a line-break opportunity."""
    if before in _NO_BREAK_AFTER or after in _NO_BREAK_BEFORE or _extends(after):
        return False
    if _is_digit(before) and _is_digit(after):
        return False
    # Latin words already carry spaces; newmm splits like "COVID-|19" are not breaks.
    return _is_thai(before) or _is_thai(after)


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Unbreakable pieces of a space-free chunk: newmm words glued by the no-break rules."""
    units: list[tuple[int, int]] = []
    unit_start = start
    for rel_end in _token_ends(text[start:end])[:-1]:
        cut = start + rel_end
        if _may_break(text[cut - 1], text[cut]):
            units.append((unit_start, cut))
            unit_start = cut
    units.append((unit_start, end))
    return units


def _extends(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in (_SARA_AM, "\u200d")


def grapheme_bounds(text: str, start: int, end: int) -> list[int]:
    """Offsets in ``[start, end]`` where a line may be cut inside an over-long word.

    A cluster is optional leading vowels (or opening brackets), a base, then
    every combining mark, sara am and closing punctuation or mai yamok; so
    marks never get separated from their consonant.
    """
    bounds = [start]
    i = start
    while i < end:
        j = i
        while j < end - 1 and (text[j] in _LEADING_VOWELS or text[j] in _OPENERS):
            j += 1
        j += 1
        while j < end and (_extends(text[j]) or text[j] in _NO_BREAK_BEFORE):
            j += 1
        bounds.append(j)
        i = j
    return bounds


def _split_long(
    text: str, start: int, end: int, max_width: float, measure: Measure
) -> tuple[list[Line], int]:
    """Cut an over-long word into full lines by clusters; returns them and where the rest begins."""
    bounds = grapheme_bounds(text, start, end)
    lines: list[Line] = []
    first = 0  # index into bounds of the current line's start
    while measure(bounds[first], end) > max_width:
        lo, hi = first + 1, len(bounds) - 1  # at least one cluster per line
        while lo < hi:  # largest k with the prefix fitting
            mid = (lo + hi + 1) // 2
            if measure(bounds[first], bounds[mid]) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        if lo == len(bounds) - 1:
            break
        lines.append(Line(bounds[first], bounds[lo], hard=False))
        first = lo
    return lines, bounds[first]


def break_lines(text: str, max_width: float, measure: Measure) -> list[Line]:
    """Greedy first-fit breaking; break white space is dropped, newlines force a break.

    A line is wider than ``max_width`` only when it is a single cluster that
    cannot fit anywhere.
    """
    lines: list[Line] = []
    cur: int | None = None  # start of the open line
    cur_end = 0
    for start, end, is_space in _chunks(text):
        if is_space:
            newlines = text.count("\n", start, end)
            if newlines:
                if cur is None:
                    cur = cur_end = start
                lines.append(Line(cur, cur_end, True))
                lines.extend(Line(end, end, True) for _ in range(newlines - 1))
                cur = None
            continue
        for u_start, u_end in _units(text, start, end):
            if cur is not None and measure(cur, u_end) <= max_width:
                cur_end = u_end
                continue
            if cur is not None:
                lines.append(Line(cur, cur_end, False))
            full, rest = _split_long(text, u_start, u_end, max_width, measure)
            lines.extend(full)
            cur, cur_end = rest, u_end
    if cur is not None:
        lines.append(Line(cur, cur_end, True))
    return lines


def break_opportunities(text: str) -> list[int]:
    """Offsets inside space-free chunks where a line may break (word boundaries that pass the
    no-break rules); white space and explicit ZWSPs are breaks already and are not listed."""
    out: list[int] = []
    for start, end, is_space in _chunks(text):
        if is_space or not any(_is_thai(ch) for ch in text[start:end]):
            continue
        out.extend(u_start for u_start, _ in _units(text, start, end)[1:])
    return out


@lru_cache(maxsize=8192)
def with_break_hints(text: str, keep: tuple[str, ...] = ()) -> str:
    """``text`` with a ZWSP at every Thai word boundary where a line may break.

    Qt (and most toolkits) break Thai correctly only with libthai, which
    Windows builds lack; a ZWSP is a break opportunity in every Unicode line
    breaker and is never drawn. Text without Thai is returned unchanged.
    ``keep`` names phrases never broken inside (a person's name: a dictionary
    reads the surname ใจดีมีสุข as three words, but it is one name).
    """
    if not any(_is_thai(ch) for ch in text):
        return text
    cuts = break_opportunities(text)
    if keep:
        spans = [(m.start(), m.end()) for k in keep if k
                 for m in re.finditer(re.escape(k), text)]
        cuts = [c for c in cuts if not any(a < c < b for a, b in spans)]
    if not cuts:
        return text
    parts: list[str] = []
    prev = 0
    for cut in cuts:
        parts.append(text[prev:cut])
        prev = cut
    parts.append(text[prev:])
    return ZWSP.join(parts)


def strip_break_hints(text: str) -> str:
    """The text without the hints (for copying, searching and comparing)."""
    return text.replace(ZWSP, "")
