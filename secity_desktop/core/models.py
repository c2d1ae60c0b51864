"""Small shared value types: statuses, municipality types, roles."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """An assessment's life: edited as a draft, marked complete, finalized (signed), then reviewed.

    The province side moves it received → under_review → approved | returned.
    """

    DRAFT = "draft"
    COMPLETE = "complete"
    FINALIZED = "finalized"
    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    RETURNED = "returned"

    @property
    def editable(self) -> bool:
        return self in (Status.DRAFT, Status.COMPLETE, Status.RETURNED)


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.DRAFT: ("ร่าง", "Draft"),
    Status.COMPLETE: ("กรอกครบแล้ว", "Complete"),
    Status.FINALIZED: ("ยืนยันและลงนามแล้ว", "Finalized"),
    Status.RECEIVED: ("ได้รับแล้ว", "Received"),
    Status.UNDER_REVIEW: ("กำลังพิจารณา", "Under review"),
    Status.APPROVED: ("อนุมัติแล้ว", "Approved"),
    Status.RETURNED: ("ส่งกลับแก้ไข", "Returned"),
}


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


class Role(StrEnum):
    ASSESSOR = "assessor"
    PROVINCE = "province"
    REGION = "region"
    NATIONAL = "national"
