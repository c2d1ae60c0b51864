"""Names of local governments: every spelling of one body agrees, names are stored in full."""

from __future__ import annotations

import pytest

from secity_desktop.core.localgov import (
    MunicipalityType as T,
)
from secity_desktop.core.localgov import (
    clean,
    expand,
    full_name,
    name_key,
    parse_municipality_type,
    parse_name,
)


@pytest.mark.parametrize(
    ("written", "form", "base"),
    [
        ("ทต.พนม", T.TAMBON, "พนม"),
        ("ทต. พนม", T.TAMBON, "พนม"),
        ("ท.ต.พนม", T.TAMBON, "พนม"),
        ("ทต พนม", T.TAMBON, "พนม"),
        ("เทศบาลตำบลพนม", T.TAMBON, "พนม"),
        ("เทศบาล ตำบล พนม", T.TAMBON, "พนม"),
        ("เทศบาลต\u0e4d\u0e32บลพนม", T.TAMBON, "พนม"),  # ตําบล typed with a separate nikhahit
        ("ทม.พนม", T.MUEANG, "พนม"),
        ("เทศบาลเมืองพนม", T.MUEANG, "พนม"),
        ("ทน.สุราษฎร์ธานี", T.NAKHON, "สุราษฎร์ธานี"),
        ("เทศบาลนครนครปฐม", T.NAKHON, "นครปฐม"),
        ("อบต.พนม", T.SAO, "พนม"),
        ("อ.บ.ต. พนม", T.SAO, "พนม"),
        ("องค์การบริหารส่วนตำบลพนม", T.SAO, "พนม"),
        ("อบจ.เชียงใหม่", T.PAO, "เชียงใหม่"),
        ("องค์การบริหารส่วนจังหวัดเชียงใหม่", T.PAO, "เชียงใหม่"),
        ("กรุงเทพมหานคร", T.BANGKOK, ""),
        ("กทม.", T.BANGKOK, ""),
        ("เมืองพัทยา", T.PATTAYA, ""),
        ("พนม\u200b", None, "พนม"),  # no form; zero-width space dropped
        ("ทนงศักดิ์", None, "ทนงศักดิ์"),  # starts with ทน but is no abbreviation
    ],
)
def test_forms_and_abbreviations_are_recognised(written: str, form: T | None, base: str) -> None:
    parsed = parse_name(written)
    assert (parsed.form, parsed.base) == (form, base)


def test_bare_thesaban_says_municipal_without_tier() -> None:
    parsed = parse_name("เทศบาลพนม")
    assert parsed.form is None and parsed.municipal and parsed.family == "municipal"
    assert parsed.base == "พนม"


def test_names_are_expanded_in_full() -> None:
    assert expand("ทต.พนม") == "เทศบาลตำบลพนม"
    assert expand("ทม. พนม") == "เทศบาลเมืองพนม"
    assert expand("อบต.พนม") == "องค์การบริหารส่วนตำบลพนม"
    assert expand("อบจ.สุราษฎร์ธานี") == "องค์การบริหารส่วนจังหวัดสุราษฎร์ธานี"
    assert expand("พนม", T.TAMBON) == "เทศบาลตำบลพนม"
    assert expand("เทศบาลพนม", T.MUEANG) == "เทศบาลเมืองพนม"
    assert expand("กทม.") == "กรุงเทพมหานคร"
    assert full_name(T.PATTAYA, "") == "เมืองพัทยา"
    assert clean("เทศบาลต\u0e4d\u0e32บล  พนม ") == "เทศบาลตำบล พนม"


def test_one_key_for_every_spelling_and_across_tiers() -> None:
    keys = {
        name_key(T.TAMBON, "ทต.พนม"),
        name_key(T.TAMBON, "เทศบาลตำบล พนม"),
        name_key(T.MUEANG, "เทศบาลเมืองพนม"),  # upgraded: still the same municipality
        name_key(T.NAKHON, "ท.น. พนม"),
    }
    assert keys == {("municipal", "พนม")}
    # an อบต. of the same base name is another body
    assert name_key(T.SAO, "อบต.พนม") == ("sao", "พนม")
    assert name_key(T.PAO, "อบจ.พนม") == ("pao", "พนม")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("นคร", T.NAKHON), ("เทศบาลนคร", T.NAKHON), ("ทน.", T.NAKHON), ("nakhon", T.NAKHON),
        ("เมือง", T.MUEANG), ("ทม", T.MUEANG), ("Town municipality", T.MUEANG),
        ("ตำบล", T.TAMBON), ("เทศบาล ตำบล", T.TAMBON), ("tambon", T.TAMBON),
        ("อบต.", T.SAO), ("องค์การบริหารส่วนตำบล", T.SAO), ("sao", T.SAO),
        ("อบจ", T.PAO), ("องค์การบริหารส่วนจังหวัด", T.PAO),
        ("กรุงเทพมหานคร", T.BANGKOK), ("เมืองพัทยา", T.PATTAYA),
        ("village", None), ("", None),
    ],
)
def test_type_column_values(text: str, expected: T | None) -> None:
    assert parse_municipality_type(text) == expected
