"""The responses table (one row per recorded indicator response), built for 2.7 million rows.

The nation's responses are ≈2.7 M rows of 16 columns, most of them repeats: an
assessment's five columns repeat on each of its 34 rows, an indicator's code and
title and each (indicator, level) description repeat on every row that names them,
and the dates repeat to the minute. So the export works out each repeated piece once:

* the assessments' heading columns (``sheets.response_heads``) are read beside the
  response rows (``sheets.response_cells``), both in the ``assessments_year`` index's
  order, so a response row carries only its assessment's rowid;
* per framework, the indicator titles, the level descriptions and the permutation that
  takes an assessment's rows from the store's order (indicator code, as text) to the
  framework's order — one C-level ``itemgetter`` per assessment instead of a sort;
* for CSV, each of those pieces is formatted **once** by the ``csv`` module and encoded
  to UTF-8 (``reports.tables.csv_fields``), so a row is seven cached pieces (the note
  encoded for the row when it has one); a batch of rows goes to the file as one ``bytes``.
  The csv module quotes a field by its own content only, so the joined pieces are the
  bytes ``csv.writer`` writes for the whole row (a test compares the two);
* the standing reviewer overrides are few (a person writes each): one dict.

XLSX needs cell values, not text: :func:`value_rows` yields the same rows as lists,
built from the same cached pieces. Both stream; memory holds one batch and the caches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

import sqlite_utils

from secity_desktop.reports.tables import Table, csv_fields
from secity_desktop.services.sheet_dates import be_datetime, hour_prefix
from secity_desktop.store import sheets
from secity_desktop.store.frameworks import FrameworkRepo

HEADERS = [
    "รหัสการประเมิน",
    "รหัสเทศบาล",
    "ชื่อเทศบาล",
    "ปีงบประมาณ (พ.ศ.)",
    "ฉบับที่",
    "รหัสตัวชี้วัด",
    "ตัวชี้วัด",
    "ระดับที่ผู้ประเมินให้",
    "คำอธิบายระดับ (ผู้ประเมิน)",
    "ระดับที่ผู้พิจารณาให้",
    "คำอธิบายระดับ (ผู้พิจารณา)",
    "เหตุผลการปรับระดับ",
    "ผู้พิจารณา",
    "หมายเหตุ",
    "บันทึกเมื่อ",
    "บันทึกโดย",
]
TITLE = "ผลรายตัวชี้วัด"
UNANSWERED = "ยังไม่ได้ตอบ"
BATCH = 5000
"""Rows per write (and per progress tick and cancel check)."""

_NO_OVERRIDE = (None, "", "")


class _Framework:
    """One framework's indicator order, titles and level labels, looked up once."""

    def __init__(self, frameworks: FrameworkRepo, fw_hash: str) -> None:
        fw = frameworks.get(fw_hash)
        codes = [i.code for i in fw.indicators]
        self.order = {c: n for n, c in enumerate(codes)}
        self.title = {i.code: i.title_th for i in fw.indicators}
        self.level = {(i.code, lv.value): lv.label_th for i in fw.indicators for lv in i.levels}
        self.indicators = len(codes)
        # The store hands an assessment's rows over by indicator code as text; when they
        # are exactly the framework's indicators, one fixed permutation puts them in order.
        self.stored = sorted(codes)
        at = {c: n for n, c in enumerate(self.stored)}
        self.permute = itemgetter(*(at[c] for c in codes)) if len(codes) > 1 else None

    def ordered(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]] | tuple[Any, ...]:
        """``rows`` (one assessment's, indicator code in column 1) in the framework's order;
        indicators it does not name go last, as before."""
        if self.permute is not None and len(rows) == self.indicators and (
            [r[1] for r in rows] == self.stored
        ):
            return self.permute(rows)  # type: ignore[no-any-return]
        last = len(self.order)
        return sorted(rows, key=lambda r: self.order.get(r[1], last))

    def level_text(self, ind: str, level: int | None) -> str:
        if level is None:
            return UNANSWERED
        return self.level.get((ind, level), "")


class _Source:
    """What both formats share: each framework's pieces, the standing overrides, and the
    assessments' rows in order."""

    def __init__(
        self, db: sqlite_utils.Database, frameworks: FrameworkRepo, province: str | None,
        year: int | None,
    ) -> None:
        self.db, self.province, self.year = db, province, year
        self.frameworks = frameworks
        self._fw: dict[str, _Framework] = {}
        self.overrides = sheets.standing_overrides(db, province, year)

    def framework(self, fw_hash: str) -> _Framework:
        fw = self._fw.get(fw_hash)
        if fw is None:
            fw = self._fw[fw_hash] = _Framework(self.frameworks, fw_hash)
        return fw

    def groups(self) -> Iterator[tuple[tuple[Any, ...], _Framework, Any]]:
        """(heading columns, framework, rows in the framework's order) per assessment: the
        heading and the response queries walk the assessments in the same order, side by
        side (an assessment without responses is passed over)."""
        heads = sheets.response_heads(self.db, self.province, self.year)
        for rowid, rows in groupby(
            sheets.response_cells(self.db, self.province, self.year), key=itemgetter(0)
        ):
            head = next(heads)
            while head[0] != rowid:
                head = next(heads)
            fw = self.framework(head[6])
            yield head[1:], fw, fw.ordered(list(rows))

    def expected(self) -> int:
        return sheets.count_assessments(self.db, self.province, self.year) * self.framework(
            self.frameworks.current().hash).indicators


def value_rows(src: _Source) -> Iterator[list[Any]]:
    """The table's rows as cell values (XLSX)."""
    overrides = src.overrides
    for (aid, code, name, year, rev, _), fw, rows in src.groups():
        title, level_text = fw.title, fw.level_text
        for _, ind, level, note, at, by in rows:
            o_level, o_reason, o_by = overrides.get((aid, ind), _NO_OVERRIDE) if overrides \
                else _NO_OVERRIDE
            yield [
                aid, code, name, year, rev, ind, title.get(ind, ""), level,
                level_text(ind, level),
                o_level, level_text(ind, o_level) if o_level is not None else "",
                o_reason or "", o_by or "", note, be_datetime(at), by,
            ]


def csv_batches(src: _Source) -> Iterator[tuple[int, bytes]]:
    """(rows, UTF-8 CSV bytes of those rows) about :data:`BATCH` rows at a time.

    A row is seven cached pieces, each CSV-encoded once: heading columns (per assessment),
    indicator and level columns (per framework, indicator and level), override columns (per
    override, else one empty piece), note (empty, or encoded for the row), the date's
    "d mmm yyyy HH:" (per hour and UTC offset) and its minute, and the author (per person).
    Real timestamps differ to the microsecond and an assessment's answers span many minutes:
    cached by the hour, the date costs two lookups a row and no work a minute.
    """
    overrides = src.overrides
    pieces: dict[tuple[str, str, int | None], bytes] = {}  # (fw, indicator, level) → columns 6–9
    hours: dict[str, bytes] = {}  # hour + UTC offset → column 15's "d mmm yyyy HH:", or b""
    minutes = {f"{m:02d}": f"{m:02d},".encode() for m in range(60)}  # … and its "MM",
    authors: dict[Any, bytes] = {}  # column 16 and the line end
    no_override = csv_fields([None, "", "", ""]) + b","
    no_note, no_date = csv_fields([""]) + b",", csv_fields([""]) + b","

    def piece(fw: _Framework, fw_hash: str, ind: str, level: int | None) -> bytes:
        got = pieces[(fw_hash, ind, level)] = csv_fields(
            [ind, fw.title.get(ind, ""), level, fw.level_text(ind, level)]) + b","
        return got

    def hour(at: str) -> bytes:
        """The hour's date text, when a minute's two digits may simply follow it (else b"")."""
        if len(hours) > 100_000:
            hours.clear()
        text = hour_prefix(at)
        plain = text is not None and csv_fields([text + "00"]) == (text + "00").encode()
        got = hours[at[:13] + at[-6:]] = text.encode() if plain and text else b""
        return got

    def date(at: str | None) -> tuple[bytes, bytes]:
        if not at:
            return b"", no_date
        first = get_hour(at[:13] + at[-6:])
        if first is None:
            first = hour(at)
        if first:
            return first, minutes[at[14:16]]
        return b"", csv_fields([be_datetime(at)]) + b","  # a zone off whole hours: slower

    def author(by: Any) -> bytes:
        got = authors[by] = csv_fields([by]) + b"\r\n"
        return got

    def overridden(fw: _Framework, aid: str, ind: str) -> bytes:
        o_level, o_reason, o_by = overrides.get((aid, ind), _NO_OVERRIDE)
        if o_level is None:
            return no_override
        return csv_fields([o_level, fw.level_text(ind, o_level), o_reason or "", o_by or ""]
                          ) + b","

    out: list[bytes] = []
    n = 0
    get_piece, get_hour, get_author = pieces.get, hours.get, authors.get
    for (aid, code, name, year, rev, fw_hash), fw, rows in src.groups():
        head = csv_fields([aid, code, name, year, rev]) + b","
        for _, ind, level, note, at, by in rows:
            hour_b = get_hour(at[:13] + at[-6:]) if at else None
            out += (
                head,
                get_piece((fw_hash, ind, level)) or piece(fw, fw_hash, ind, level),
                overridden(fw, aid, ind) if overrides else no_override,
                csv_fields([note]) + b"," if note else no_note,
                *((hour_b, minutes[at[14:16]]) if hour_b else date(at)),
                get_author(by) or author(by),
            )
        n += len(rows)
        if n >= BATCH:
            yield n, b"".join(out)
            out, n = [], 0
    if n:
        yield n, b"".join(out)


def responses_table(
    db: sqlite_utils.Database, frameworks: FrameworkRepo, province: str | None = None,
    year: int | None = None,
) -> Table:
    src = _Source(db, frameworks, province, year)
    rows = _Lazy(lambda: value_rows(src))
    return Table(TITLE, HEADERS, rows, src.expected(), csv_batches=lambda: csv_batches(src))


class _Lazy:
    """An iterable that starts its generator only when iterated: the CSV writer reads the
    encoded batches instead, and never runs the row query behind ``rows``."""

    def __init__(self, make: Callable[[], Iterator[list[Any]]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[list[Any]]:
        return self.make()
