"""Plain data the PDF renderers draw, built by ``services.reports`` from the store.

Renderers never read the store: they take these frozen values, so they run
in a worker thread or a test without a workspace, and data from later
features (reviewer decisions, signer fingerprints, model towns) plugs in by
filling a field. An absent value is ``None`` or empty and shows as "—".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DASH = "—"


def or_dash(value: object) -> str:
    return DASH if value is None or value == "" else str(value)


@dataclass(frozen=True)
class EvidenceEntry:
    name: str
    size: int
    mime: str
    sha256: str
    path: Path | None  # the blob on disk, for thumbnails; None when not present locally

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


@dataclass(frozen=True)
class ReviewEntry:
    """One reviewer action shown in a report: a decision, an override of a level, or a comment."""

    kind: str  # "decision" | "override" | "comment"
    at: str  # ISO timestamp
    author: str
    text: str = ""  # decision label, comment text or override reason
    indicator_code: str | None = None
    old_level: int | None = None
    new_level: int | None = None


@dataclass(frozen=True)
class IndicatorEntry:
    code: str
    component_code: str
    title_th: str
    title_en: str
    level: int | None  # effective: the reviewer's override where one stands
    min_level: int
    max_level: int
    criterion_th: str  # the chosen level's Thai text ("" when unanswered)
    note: str = ""
    evidence_required: bool = True
    evidence_missing: bool = False
    evidence: tuple[EvidenceEntry, ...] = ()
    review: tuple[ReviewEntry, ...] = ()
    assessor_level: int | None = None  # what the assessor recorded, shown when overridden

    @property
    def overridden(self) -> bool:
        return self.level != self.assessor_level


@dataclass(frozen=True)
class ComponentEntry:
    code: str
    title_th: str
    weight: float
    score: float
    answered: int
    count: int

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.weight if self.weight else 0.0


@dataclass(frozen=True)
class ClaimComponent:
    """One component of the municipality's self-assessment beside the verified score."""

    code: str
    title_th: str
    weight: float
    claimed: float
    verified: float
    disagreements: int


@dataclass(frozen=True)
class ClaimEntry:
    """The municipality's self-assessment beside this report's verified levels."""

    source_th: str  # "ลงนามโดย …" or "ไฟล์ตาราง … (ไม่ได้ลงนาม) บันทึกโดย …"
    claimed_total: float
    verified_total: float
    disagreements: int
    components: tuple[ClaimComponent, ...]
    levels: Mapping[str, int | None]  # indicator → claimed level
    notes: Mapping[str, str]
    comparable: bool = True  # False: another framework version; shown, never compared


@dataclass(frozen=True)
class ReportData:
    assessment_id: str
    municipality_code: str
    municipality_th: str
    municipality_en: str
    province_th: str
    year: int
    status_th: str
    revision: int
    assessor: str
    framework_version: str
    framework_status: str
    framework_title_th: str
    total: float
    tier_th: str | None
    components: tuple[ComponentEntry, ...]
    indicators: tuple[IndicatorEntry, ...]
    answered: int
    count: int
    generated: dt.date
    signer_fingerprint: str | None = None
    review: tuple[ReviewEntry, ...] = ()  # assessment-wide decisions and comments
    demo: bool = False
    claim: ClaimEntry | None = None  # the municipality's self-assessment, if it made one

    @property
    def provisional(self) -> bool:
        return self.framework_status == "provisional"


@dataclass(frozen=True)
class ProvinceRow:
    municipality_code: str
    municipality_th: str
    type_th: str
    assessment_id: str | None = None
    total: float | None = None
    tier_th: str | None = None
    status_th: str | None = None
    answered: int = 0
    count: int = 0
    model_town: bool = False

    @property
    def assessed(self) -> bool:
        return self.assessment_id is not None


@dataclass(frozen=True)
class ProvinceSummaryData:
    province_code: str
    province_th: str
    year: int
    rows: tuple[ProvinceRow, ...]  # assessed first, ranked by total; then the unassessed
    generated: dt.date
    framework_versions: tuple[str, ...] = ()
    provisional: bool = False
    model_town_th: str | None = None
    approved: int = 0
    tier_counts: tuple[tuple[str, int], ...] = field(default=())  # (tier label, count), high → low

    @property
    def assessed(self) -> int:
        return sum(1 for r in self.rows if r.assessed)

    @property
    def coverage(self) -> float:
        return 100.0 * self.assessed / len(self.rows) if self.rows else 0.0


@dataclass(frozen=True)
class CertificateData:
    certificate_id: str
    municipality_code: str
    municipality_th: str
    province_th: str
    year: int
    tier_code: str
    tier_th: str
    issued: dt.date
    agency_th: str = ""  # empty: the template's default for the province
    signatory_name: str = ""
    signatory_position: str = ""
    payload: str | None = None  # signed QR text; None renders a marked specimen
    signer_fingerprint: str | None = None
    # The signing key's validity window as the office knew it when signing (UTC stamps,
    # docs/certificates.md "Key validity window"); printed under the certificate number.
    signed_at: str | None = None
    key_valid_from: str | None = None
    key_valid_until: str | None = None  # None: still valid when it signed
