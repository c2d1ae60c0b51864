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


class Role(StrEnum):
    ASSESSOR = "assessor"
    PROVINCE = "province"
    REGION = "region"
    NATIONAL = "national"
