"""Buddhist Era date-times for the spreadsheet exports, fast enough for millions of rows.

A national responses export formats ≈2.7 M timestamps (ISO-8601 with microseconds, so
nearly every one distinct). The text shown is to the minute, so results are cached by
(minute, UTC offset); a minute not seen yet is worked out from its hour's local time
when that hour has one whole-hour UTC offset throughout (Thailand's always has), so
the time-zone conversion runs once an hour, not once a minute.
"""

from __future__ import annotations

import datetime as dt

from secity_desktop.core.thai_calendar import format_datetime_th, parse_iso

_LIMIT = 100_000
_minutes: dict[str, str] = {}
_hours: dict[str, str | None] = {}  # hour + offset → "d mmm yyyy HH:" when the shortcut holds


def be_datetime(iso: str | None) -> str:
    """``26 พ.ย. 2569 14:05`` (local time) for a stored ISO timestamp; "" for none."""
    if not iso:
        return ""
    tail = iso[-6:]
    if len(iso) <= 19 or tail[0] not in "+-" or tail[3] != ":":
        return format_datetime_th(parse_iso(iso))  # no offset in the text: nothing to key by
    key = iso[:16] + tail
    hit = _minutes.get(key)
    if hit is None:
        if len(_minutes) > _LIMIT:
            _minutes.clear()
        hit = _minutes[key] = _by_hour(iso, tail)
    return hit


def _by_hour(iso: str, tail: str) -> str:
    prefix = hour_prefix(iso)
    if prefix is None:
        return format_datetime_th(parse_iso(iso))
    return prefix + iso[14:16]


def hour_prefix(iso: str) -> str | None:
    """``26 พ.ย. 2569 14:`` — the BE local date and hour of ``iso``'s hour, which every minute
    of that hour shares — or None when the minute cannot simply be appended (the local offset
    is not whole hours, or changes within the hour, or the text is not ISO to the minute with
    an offset). Cached per hour and offset."""
    tail = iso[-6:]
    if len(iso) <= 19 or tail[0] not in "+-" or tail[3] != ":" or not iso[14:16].isdigit():
        return None
    key = iso[:13] + tail
    if key not in _hours:
        if len(_hours) > _LIMIT:
            _hours.clear()
        start = parse_iso(iso[:13] + ":00:00" + tail)
        first, last = start.astimezone(), (start + dt.timedelta(minutes=59)).astimezone()
        whole = first.utcoffset() == last.utcoffset() and (first.minute, first.second) == (0, 0)
        _hours[key] = format_datetime_th(first)[:-2] if whole else None
    return _hours[key]
