"""Kinds of local government and how people write them."""

from __future__ import annotations

from enum import StrEnum


class MunicipalityType(StrEnum):
    NAKHON = "nakhon"
    MUEANG = "mueang"
    TAMBON = "tambon"


MUNICIPALITY_TYPE_LABELS: dict[MunicipalityType, tuple[str, str]] = {
    MunicipalityType.NAKHON: ("เทศบาลนคร", "City municipality"),
    MunicipalityType.MUEANG: ("เทศบาลเมือง", "Town municipality"),
    MunicipalityType.TAMBON: ("เทศบาลตำบล", "Subdistrict municipality"),
}


def parse_municipality_type(text: str) -> MunicipalityType | None:
    """Accept the codes, the Thai names (with or without เทศบาล) and the English words."""
    t = text.strip().lower().replace("เทศบาล", "")
    aliases = {
        "nakhon": MunicipalityType.NAKHON,
        "นคร": MunicipalityType.NAKHON,
        "city": MunicipalityType.NAKHON,
        "ทน.": MunicipalityType.NAKHON,
        "ทน": MunicipalityType.NAKHON,
        "mueang": MunicipalityType.MUEANG,
        "เมือง": MunicipalityType.MUEANG,
        "town": MunicipalityType.MUEANG,
        "ทม.": MunicipalityType.MUEANG,
        "ทม": MunicipalityType.MUEANG,
        "tambon": MunicipalityType.TAMBON,
        "ตำบล": MunicipalityType.TAMBON,
        "subdistrict": MunicipalityType.TAMBON,
        "ทต.": MunicipalityType.TAMBON,
        "ทต": MunicipalityType.TAMBON,
    }
    return aliases.get(t)
