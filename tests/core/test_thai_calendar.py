from __future__ import annotations

import datetime as dt

from secity_desktop.core import thai_calendar as tc


def test_be_year_and_fiscal_year() -> None:
    assert tc.be_year(2026) == 2569
    assert tc.fiscal_year_be(dt.date(2026, 9, 30)) == 2569
    assert tc.fiscal_year_be(dt.date(2026, 10, 1)) == 2570
    assert tc.fiscal_year_bounds(2570) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))


def test_formats() -> None:
    day = dt.date(2026, 11, 26)
    assert tc.format_date_th(day) == "26 พฤศจิกายน 2569"
    assert tc.format_date_th(day, short=True) == "26 พ.ย. 2569"
    assert tc.format_date_th(day, digits="thai") == "๒๖ พฤศจิกายน ๒๕๖๙"
    assert tc.format_date_en(day) == "26 November 2569 BE"
    assert tc.certificate_date_th(day) == "วันที่ 26 เดือน พฤศจิกายน พ.ศ. 2569"
    assert tc.arabic_digits(tc.thai_digits("2569")) == "2569"


def test_plausible_be_year() -> None:
    assert tc.is_plausible_be_year(2569)
    assert not tc.is_plausible_be_year(2026)
