"""Buddhist Era dates and the Thai fiscal year.

People read dates in BE (CE + 543) and the programme runs by fiscal year
(1 October – 30 September, named by the BE year it ends in), so every date
shown to a person goes through here; storage keeps ISO-8601 UTC.
"""

from __future__ import annotations

import datetime as dt

BE_OFFSET = 543
MIN_BE_YEAR = 2500
MAX_BE_YEAR = 2700

MONTHS_TH = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_TH_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def fiscal_year_be(day: dt.date) -> int:
    """Fiscal year 2570 runs 1 Oct 2026 – 30 Sep 2027 (CE), so October onwards counts forward."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fy_be: int) -> tuple[dt.date, dt.date]:
    end_ce = ce_year(fy_be)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def is_plausible_be_year(year: int) -> bool:
    """A BE year, not a CE one typed by mistake (2026 would be 1483 CE)."""
    return MIN_BE_YEAR <= year <= MAX_BE_YEAR


def thai_digits(text: str) -> str:
    return text.translate(_THAI_DIGITS)


def arabic_digits(text: str) -> str:
    return text.translate(_ARABIC_DIGITS)


def format_date_th(day: dt.date, *, short: bool = False, digits: str = "arabic") -> str:
    """``26 พฤศจิกายน 2569`` (or ``26 พ.ย. 2569``); ``digits="thai"`` for formal documents."""
    months = MONTHS_TH_SHORT if short else MONTHS_TH
    text = f"{day.day} {months[day.month - 1]} {be_year(day.year)}"
    return thai_digits(text) if digits == "thai" else text


def format_date_en(day: dt.date, *, be: bool = True) -> str:
    year = f"{be_year(day.year)} BE" if be else str(day.year)
    return f"{day.day} {MONTHS_EN[day.month - 1]} {year}"


def format_datetime_th(moment: dt.datetime, *, short: bool = True) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{format_date_th(local.date(), short=short)} {local:%H:%M}"


def format_date(day: dt.date, lang: str, *, short: bool = False) -> str:
    return format_date_th(day, short=short) if lang == "th" else format_date_en(day)


def certificate_date_th(day: dt.date, *, digits: str = "arabic") -> str:
    """``วันที่ 26 เดือน พฤศจิกายน พ.ศ. 2569`` as Thai certificates write it."""
    text = f"วันที่ {day.day} เดือน {MONTHS_TH[day.month - 1]} พ.ศ. {be_year(day.year)}"
    return thai_digits(text) if digits == "thai" else text


def parse_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def now_iso() -> str:
    """Microsecond UTC timestamps sort as text and keep edit order visible in the audit log."""
    return now_utc().isoformat(timespec="microseconds")
