"""Turning store rows into the plain data the PDF renderers draw.

Everything that reads SQLite happens here (on the caller's thread); the
renderers in ``reports/`` only see frozen dataclasses, so the GUI can render
in a worker without touching the database. Reviewer decisions, the
assessor's signing key and model towns come from other services; where those
are not available the fields stay empty and the documents show "—".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from secity_desktop.core.errors import NotFoundError, ValidationError
from secity_desktop.core.lifecycle import STATUS_LABELS
from secity_desktop.core.lifecycle import Status as St
from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.core.thai_calendar import is_plausible_be_year
from secity_desktop.reports.data import (
    ClaimComponent,
    ClaimEntry,
    ComponentEntry,
    EvidenceEntry,
    IndicatorEntry,
    ProvinceRow,
    ProvinceSummaryData,
    ReportData,
    ReviewEntry,
)
from secity_desktop.services import report_sources as sources
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review import sources as review_sources
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography

# Where review decisions, signer fingerprints and model towns come from: the store by
# default (services.review.sources, services.report_sources), so every call site shows the
# office's review without wiring it; tests and previews pass stand-ins.
ReviewSource = Callable[[Workspace, str], tuple[ReviewEntry, ...]]
SignerSource = Callable[[Workspace, str], str | None]
ModelTownSource = Callable[[Workspace, str, int], str | None]


def status_th(status: str) -> str:
    try:
        return STATUS_LABELS[St(status)][0]
    except ValueError:
        return status


def type_th(kind: str) -> str:
    """Short form for table columns: the name itself already says เทศบาลนคร/เมือง/ตำบล."""
    try:
        return MUNICIPALITY_TYPE_LABELS[MunicipalityType(kind)][0].removeprefix("เทศบาล")
    except ValueError:
        return kind


class ReportDataService:
    def __init__(
        self,
        ws: Workspace,
        *,
        review: ReviewSource = review_sources.report_entries,
        signer: SignerSource = sources.signer_fingerprint,
        model_town: ModelTownSource = review_sources.model_town_of,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.ws = ws
        self.assessments = AssessmentService(ws)
        self.review = review
        self.signer = signer
        self.model_town = model_town
        self.today = today

    # --- one assessment ---------------------------------------------------
    def assessment(self, assessment_id: str) -> ReportData:
        v = self.assessments.view(assessment_id)
        a, fw, card = v.assessment, v.framework, v.card
        evidence: dict[str, list[EvidenceEntry]] = {}
        for e in repo.evidence(self.ws.db, a.id):
            path = self.ws.blobs.path_for(e.sha256)
            evidence.setdefault(e.indicator_code, []).append(
                EvidenceEntry(
                    e.original_name, e.size, e.mime, e.sha256, path if path.is_file() else None
                )
            )
        review = self.review(self.ws, a.id)
        per_indicator: dict[str, list[ReviewEntry]] = {}
        general: list[ReviewEntry] = []
        for r in review:
            (
                per_indicator.setdefault(r.indicator_code, []) if r.indicator_code else general
            ).append(r)
        indicators = []
        for comp in fw.components:
            for ind in comp.indicators:
                score = card.indicator(ind.code)
                resp = v.responses.get(ind.code)
                # The card scores effective levels (a reviewer's override over the assessor's).
                level = score.level if score else (resp.level if resp else None)
                chosen = ind.level(level) if level is not None else None
                indicators.append(
                    IndicatorEntry(
                        code=ind.code,
                        component_code=comp.code,
                        title_th=ind.title_th,
                        title_en=ind.title_en,
                        level=level,
                        assessor_level=resp.level if resp else None,
                        min_level=ind.min_value,
                        max_level=ind.max_value,
                        criterion_th=chosen.label_th if chosen else "",
                        note=resp.note if resp else "",
                        evidence_required=ind.evidence_required,
                        evidence_missing=bool(score and score.evidence_missing),
                        evidence=tuple(evidence.get(ind.code, ())),
                        review=tuple(per_indicator.get(ind.code, ())),
                    )
                )
        comps = tuple(
            ComponentEntry(c.code, fc.title_th, c.weight, c.score, c.answered, c.count)
            for c, fc in zip(card.components, fw.components, strict=True)
        )
        return ReportData(
            assessment_id=a.id,
            municipality_code=v.municipality.code,
            municipality_th=v.municipality.name_th,
            municipality_en=v.municipality.name_en,
            province_th=v.municipality.province_th,
            year=a.year,
            status_th=status_th(a.status),
            revision=a.revision,
            assessor=sources.signed_assessor(self.ws, a.id) or a.created_by,
            framework_version=fw.version,
            framework_status=fw.status,
            framework_title_th=fw.framework.title_th,
            total=card.total,
            tier_th=card.tier.label_th if card.tier else None,
            components=comps,
            indicators=tuple(indicators),
            answered=card.answered,
            count=card.count,
            generated=self.today(),
            signer_fingerprint=self.signer(self.ws, a.id),
            review=tuple(general),
            demo=self.ws.setting("demo") == "1",
            claim=self._claim(a.id),
        )

    def _claim(self, assessment_id: str) -> ClaimEntry | None:
        """The municipality's self-assessment beside the verified levels (docs/self-assessment.md)."""
        claim = SelfAssessmentService(self.ws).claim_for(assessment_id)
        if claim is None:
            return None
        view, r = claim.view, claim.view.record
        source = (
            f"ลงนามโดย {r.signer_name} (ฉบับที่ {r.revision})" if view.signed
            else f"ไฟล์ตาราง {r.file_name} (ไม่ได้ลงนาม) บันทึกโดย {r.entered_by}"
        )
        gap = claim.gap
        titles = {c.code: c.title_th for c in view.framework.components}
        weights = {c.code: c.weight for c in view.framework.components}
        return ClaimEntry(
            source_th=source,
            claimed_total=gap.claimed_total if gap else view.card.total,
            verified_total=gap.verified_total if gap else 0.0,
            disagreements=gap.disagreements if gap else 0,
            components=tuple(
                ClaimComponent(c.code, titles[c.code], weights[c.code], c.claimed_score,
                               c.verified_score, c.disagreements)
                for c in (gap.components if gap else ())
            ),
            levels=view.levels,
            notes={c: resp.note for c, resp in view.responses.items() if resp.note},
            comparable=gap is not None,
        )

    # --- a province and year ----------------------------------------------
    def latest_for(self, municipality_code: str, year: int) -> repo.Assessment | None:
        """The assessment that stands for a municipality's year: highest revision, newest edit."""
        row = repo.latest_for(self.ws.db, municipality_code, year)
        return repo.get(self.ws.db, row[0]) if row else None

    def province(self, province_code: str, year: int) -> ProvinceSummaryData:
        if not is_plausible_be_year(year):
            raise ValidationError(f"year {year} is not a Buddhist Era year",
                                  code="assessment.year_not_be", year=year)
        prov = geography.province(self.ws.db, province_code)
        model = self.model_town(self.ws, province_code, year)
        assessed: list[ProvinceRow] = []
        missing: list[ProvinceRow] = []
        versions: set[str] = set()
        provisional = False
        tiers: dict[str, int] = {}
        approved = 0
        for m in geography.municipalities(self.ws.db, province_code):
            a = self.latest_for(m.code, year)
            if a is None:
                missing.append(
                    ProvinceRow(m.code, m.name_th, type_th(m.type), model_town=m.code == model)
                )
                continue
            fw = self.assessments.framework_of(a)
            versions.add(fw.version)
            provisional = provisional or fw.is_provisional
            card = self.assessments.scorecard(a.id)
            if card.tier:
                tiers[card.tier.label_th] = tiers.get(card.tier.label_th, 0) + 1
            approved += a.status == St.APPROVED.value
            assessed.append(
                ProvinceRow(
                    m.code,
                    m.name_th,
                    type_th(m.type),
                    a.id,
                    card.total,
                    card.tier.label_th if card.tier else None,
                    status_th(a.status),
                    card.answered,
                    card.count,
                    m.code == model,
                )
            )
        assessed.sort(key=lambda r: (-(r.total or 0.0), r.municipality_code))
        order = {t.label_th: -t.min_total for t in self.ws.frameworks.current().tiers}
        model_name = next((r.municipality_th for r in assessed + missing if r.model_town), None)
        return ProvinceSummaryData(
            province_code=province_code,
            province_th=str(prov["name_th"]),
            year=year,
            rows=tuple(assessed + missing),
            generated=self.today(),
            framework_versions=tuple(sorted(versions)),
            provisional=provisional,
            model_town_th=model_name,
            approved=approved,
            tier_counts=tuple(sorted(tiers.items(), key=lambda kv: order.get(kv[0], 0))),
        )

    def require_assessment(self, municipality_code: str, year: int) -> repo.Assessment:
        geography.municipality(self.ws.db, municipality_code)
        a = self.latest_for(municipality_code, year)
        if a is None:
            raise NotFoundError(f"municipality {municipality_code} has no assessment for {year}",
                                code="report.no_assessment", year=year)
        return a
