"""Kinds of local government (องค์กรปกครองส่วนท้องถิ่น) and how people write their names.

The Local Performance Assessment covers every level of local government, so the
register knows all seven forms, not only the three tiers of เทศบาล. The
department's spreadsheets write names in many ways (``ทต.พนม``, ``ท.ต. พนม``,
``เทศบาลตำบล พนม``, ``ตําบล`` typed with a separate nikhahit); this module
turns any of them into the full name a certificate prints and into a *name key*
that two spellings of the same body share. Pure functions: no store, no Qt.

A name key is ``(family, base)``: the family groups the forms a body moves
between without becoming another body (a เทศบาลตำบล upgraded to เทศบาลเมือง
stays the same municipality), and the base is the name without its form,
spacing or dots.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class MunicipalityType(StrEnum):
    """The form of a local government (the name is historical: the register holds all seven)."""

    PAO = "pao"  # องค์การบริหารส่วนจังหวัด (อบจ.)
    NAKHON = "nakhon"  # เทศบาลนคร (ทน.)
    MUEANG = "mueang"  # เทศบาลเมือง (ทม.)
    TAMBON = "tambon"  # เทศบาลตำบล (ทต.)
    SAO = "sao"  # องค์การบริหารส่วนตำบล (อบต.)
    BANGKOK = "bangkok"  # กรุงเทพมหานคร
    PATTAYA = "pattaya"  # เมืองพัทยา


LocalGovType = MunicipalityType

MUNICIPALITY_TYPE_LABELS: dict[MunicipalityType, tuple[str, str]] = {
    MunicipalityType.PAO: ("องค์การบริหารส่วนจังหวัด", "Provincial administrative organisation"),
    MunicipalityType.NAKHON: ("เทศบาลนคร", "City municipality"),
    MunicipalityType.MUEANG: ("เทศบาลเมือง", "Town municipality"),
    MunicipalityType.TAMBON: ("เทศบาลตำบล", "Subdistrict municipality"),
    MunicipalityType.SAO: ("องค์การบริหารส่วนตำบล", "Subdistrict administrative organisation"),
    MunicipalityType.BANGKOK: ("กรุงเทพมหานคร", "Bangkok Metropolitan Administration"),
    MunicipalityType.PATTAYA: ("เมืองพัทยา", "Pattaya City"),
}

ABBREVIATIONS: dict[MunicipalityType, str] = {
    MunicipalityType.PAO: "อบจ.",
    MunicipalityType.NAKHON: "ทน.",
    MunicipalityType.MUEANG: "ทม.",
    MunicipalityType.TAMBON: "ทต.",
    MunicipalityType.SAO: "อบต.",
    MunicipalityType.BANGKOK: "กทม.",
    MunicipalityType.PATTAYA: "เมืองพัทยา",
}

MUNICIPAL = "municipal"
FAMILY: dict[MunicipalityType, str] = {
    MunicipalityType.PAO: "pao",
    MunicipalityType.NAKHON: MUNICIPAL,
    MunicipalityType.MUEANG: MUNICIPAL,
    MunicipalityType.TAMBON: MUNICIPAL,
    MunicipalityType.SAO: "sao",
    MunicipalityType.BANGKOK: "bangkok",
    MunicipalityType.PATTAYA: "pattaya",
}

#: Forms that exist once in the country and are their own full name.
SINGLE_BODY: dict[MunicipalityType, str] = {
    MunicipalityType.BANGKOK: "10",
    MunicipalityType.PATTAYA: "20",
}

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_HAS_THAI_DIGIT = re.compile("[๐-๙]")
_SPACES = re.compile(r"\s+")
_KEY_DROP = re.compile(r"[\s.\-_,()]+")


@functools.lru_cache(maxsize=32768)
def clean(text: str) -> str:
    """Tidy text as typed: NFC, no zero-width characters, ``ํา`` → ``ำ``, single spaces."""
    t = text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    t = _ZERO_WIDTH.sub("", t)
    t = t.replace("\u0e4d\u0e32", "\u0e33")  # nikhahit + sara aa, typed for sara am
    return _SPACES.sub(" ", t).strip()


@functools.lru_cache(maxsize=32768)
def compact(text: str) -> str:
    """Text with spacing, dots and brackets removed, Thai digits as 0–9, lower case: for keys."""
    t = clean(text)
    if _HAS_THAI_DIGIT.search(t):
        t = t.translate(_THAI_DIGITS)
    return _KEY_DROP.sub("", t).lower()


# Name forms, the full one first; the abbreviation without a dot only when a space follows
# (``ทต พนม``), so a name that merely starts with those letters is never cut.
def _form(*alternatives: str) -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(alternatives) + r")\s*")


_NAME_FORMS: tuple[tuple[MunicipalityType | None, re.Pattern[str]], ...] = (
    (MunicipalityType.PAO, _form(r"องค์การ\s*บริหาร\s*ส่วน\s*จังหวัด", r"อ\s*\.\s*บ\s*\.\s*จ\s*\.", r"อบจ\s*\.", r"อบจ(?=\s)")),
    (MunicipalityType.SAO, _form(r"องค์การ\s*บริหาร\s*ส่วน\s*ตำบล", r"อ\s*\.\s*บ\s*\.\s*ต\s*\.", r"อบต\s*\.", r"อบต(?=\s)")),
    (MunicipalityType.NAKHON, _form(r"เทศบาล\s*นคร", r"ท\s*\.\s*น\s*\.", r"ทน\s*\.", r"ทน(?=\s)")),
    (MunicipalityType.MUEANG, _form(r"เทศบาล\s*เมือง", r"ท\s*\.\s*ม\s*\.", r"ทม\s*\.", r"ทม(?=\s)")),
    (MunicipalityType.TAMBON, _form(r"เทศบาล\s*ตำบล", r"ท\s*\.\s*ต\s*\.", r"ทต\s*\.", r"ทต(?=\s)")),
    (None, _form(r"เทศบาล")),  # เทศบาล without its tier: the type column says which
)
_BANGKOK = re.compile(r"^(?:กรุงเทพ\s*มหานคร|กรุงเทพ\s*ฯ|กทม\s*\.?)$")
_PATTAYA = re.compile(r"^(?:เมือง\s*)?พัทยา$")


@dataclass(frozen=True)
class ParsedName:
    """A name as written, split into its form (if it says one) and its base."""

    form: MunicipalityType | None  # the form the name itself states
    municipal: bool  # the name says เทศบาล (with or without its tier)
    base: str  # the name without its form, tidied

    @property
    def family(self) -> str | None:
        if self.form is not None:
            return FAMILY[self.form]
        return MUNICIPAL if self.municipal else None


def parse_name(text: str) -> ParsedName:
    """Recognise the full form or its abbreviation at the start of a name."""
    t = clean(text)
    if _BANGKOK.match(t):
        return ParsedName(MunicipalityType.BANGKOK, False, "")
    if _PATTAYA.match(t):
        return ParsedName(MunicipalityType.PATTAYA, False, "")
    for form, pattern in _NAME_FORMS:
        m = pattern.match(t)
        if m:
            return ParsedName(form, form is None or FAMILY[form] == MUNICIPAL, t[m.end() :].strip())
    return ParsedName(None, False, t)


def full_name(mtype: MunicipalityType, base: str) -> str:
    """The name in full, as a certificate prints it: ``เทศบาลตำบลพนม``, never ``ทต.พนม``."""
    if mtype in SINGLE_BODY:
        return MUNICIPALITY_TYPE_LABELS[mtype][0]
    return MUNICIPALITY_TYPE_LABELS[mtype][0] + base


def name_key(mtype: MunicipalityType | str, name: str) -> tuple[str, str]:
    """``(family, base)`` shared by every spelling of one body's name."""
    t = MunicipalityType(mtype)
    if t in SINGLE_BODY:
        return FAMILY[t], ""
    return FAMILY[t], compact(parse_name(name).base)


def expand(name: str, mtype: MunicipalityType | None = None) -> str:
    """An abbreviated name in full (``ทต.พนม`` → ``เทศบาลตำบลพนม``); unchanged if the form is unknown."""
    parsed = parse_name(name)
    form = parsed.form or mtype
    if form is None or (parsed.municipal and parsed.form is None and FAMILY[form] != MUNICIPAL):
        return clean(name)
    return full_name(form, parsed.base)


_TYPE_WORDS: dict[str, MunicipalityType] = {}
for _t, (_th, _en) in MUNICIPALITY_TYPE_LABELS.items():
    for _word in (_t.value, _th, _en, ABBREVIATIONS[_t]):
        _TYPE_WORDS[compact(_word)] = _t
for _word, _t in {
    "นคร": MunicipalityType.NAKHON,
    "city": MunicipalityType.NAKHON,
    "เมือง": MunicipalityType.MUEANG,
    "town": MunicipalityType.MUEANG,
    "ตำบล": MunicipalityType.TAMBON,
    "subdistrict": MunicipalityType.TAMBON,
    "provincialadministrativeorganization": MunicipalityType.PAO,
    "subdistrictadministrativeorganization": MunicipalityType.SAO,
    "tao": MunicipalityType.SAO,
    "bma": MunicipalityType.BANGKOK,
    "กรุงเทพฯ": MunicipalityType.BANGKOK,
    "พัทยา": MunicipalityType.PATTAYA,
    "pattaya": MunicipalityType.PATTAYA,
}.items():
    _TYPE_WORDS[compact(_word)] = _t


def parse_municipality_type(text: str) -> MunicipalityType | None:
    """A type column's value: codes, Thai full forms and abbreviations, English words."""
    return _TYPE_WORDS.get(compact(text))


def type_label(mtype: str, lang: str = "th") -> str:
    """The form's name in ``lang``; an unknown value is shown as it is."""
    try:
        labels = MUNICIPALITY_TYPE_LABELS[MunicipalityType(mtype)]
    except ValueError:
        return mtype
    return labels[0] if lang == "th" else labels[1]
