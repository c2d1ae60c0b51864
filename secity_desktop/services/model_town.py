"""The model town (เมืองต้นแบบ): one municipality per province and fiscal year, with a reason.

Rules (docs/dashboard.md): chosen by a province workspace for its own province
(a region or national workspace may record it for any province); the town must
have an *approved* assessment for that year, because the certificate and the
upward report quote that assessment, and that assessment must reach a tier
(a town below every tier has nothing to certify, so it cannot be the model);
a written reason is required; choosing
again replaces the earlier choice, and both are in the audit log (old → new).
"""

from __future__ import annotations

import uuid

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.lifecycle import Role, Status, may_review
from secity_desktop.core.thai_calendar import is_plausible_be_year, now_iso
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.history import past_results
from secity_desktop.services.review.workflow import ReviewRefused
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit, geography
from secity_desktop.store import review as rrepo
from secity_desktop.store.history import PastResult


class ModelTownService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db

    def set(
        self, year: int, municipality_code: str, reason: str, province: str | None = None
    ) -> rrepo.ModelTown:
        if not may_review(self.ws.role):
            raise ReviewRefused(
                "choosing the model town needs a province, region or national workspace",
                code="role.office_only"
            )
        if not is_plausible_be_year(year):
            raise ValidationError(f"year {year} is not a Buddhist Era year",
                                  code="assessment.year_not_be", year=year)
        why = (reason or "").strip()
        if not why:
            raise ValidationError("choosing a model town needs a written reason (--reason TEXT)",
                                  code="review.reason_required")
        muni = geography.municipality(self.db, municipality_code)
        if province and muni.province_code != province:
            raise ValidationError(
                f"{muni.name_th} ({muni.code}) is in province {muni.province_code}, not {province}",
                code="review.other_province", name=muni.name_th
            )
        mine = self.ws.province_code
        if self.ws.role == Role.PROVINCE and mine and muni.province_code != mine:
            raise ReviewRefused(
                f"this workspace chooses the model town for province {mine} only,"
                f" not for {muni.name_th} in province {muni.province_code}",
                code="review.other_province", name=muni.name_th
            )
        row = repo.latest_for(self.db, muni.code, year)
        if row is None or row[1] != Status.APPROVED:
            state = "has no assessment" if row is None else f"has its assessment {row[1]}"
            raise ValidationError(
                f"{muni.name_th} {state} for {year}; a model town needs an approved assessment",
                code="review.model_town_not_approved", name=muni.name_th, year=year
            )
        card = AssessmentService(self.ws).scorecard(row[0])
        if card.tier is None:
            raise ValidationError(
                f"{muni.name_th} scored {card.total:.2f} in {year}, below every tier;"
                " a model town must reach a tier",
                code="model_town.below_tier", name=muni.name_th, year=year,
                total=f"{card.total:.2f}",
            )
        old = rrepo.model_town(self.db, muni.province_code, year)
        if old is not None and old.municipality_code == muni.code and old.reason == why:
            return old
        now, who = now_iso(), self.ws.actor
        m = rrepo.ModelTown(
            str(uuid.uuid4()), muni.province_code, year, muni.code, row[0], why, who, now
        )
        with self.db.atomic():
            rrepo.put_model_town(self.db, m)
            audit.append(
                self.db,
                actor=who,
                action="modeltown.set",
                assessment_id=row[0],
                target=f"{muni.province_code}/{year}",
                at=now,
                old={"municipality": old.municipality_code, "reason": old.reason} if old else None,
                new={"municipality": muni.code, "id": m.id},
                reason=why,
            )
        return m

    def list(self, province: str | None = None, year: int | None = None) -> list[rrepo.ModelTown]:
        return rrepo.model_towns(self.db, province_code=province, year=year)

    def past_awards(self, municipality_code: str) -> list[PastResult]:
        """A candidate's awards and tiers of earlier years (newest first), shown when choosing."""
        return past_results(self.ws, municipality_code=municipality_code)
