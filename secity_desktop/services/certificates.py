"""Issuing model-town certificates: who qualifies, the signed QR payload, the audit record.

Signing takes a plain ``Ed25519PrivateKey`` — whichever key service holds the
province key unlocks it and passes it in; this module never stores or logs
it. Every signed certificate is recorded in the audit log
(``certificate.issue``), which is the register of what an office issued.

Rules (docs/certificates.md): a signed certificate needs the municipality's
assessment for the year to be **approved** and to reach a tier; anything else
can only be printed as an unsigned specimen.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from secity_desktop import digests
from secity_desktop.core import key_window
from secity_desktop.core.errors import ConflictError, ValidationError
from secity_desktop.core.lifecycle import Status
from secity_desktop.core.thai_calendar import format_date_th, is_plausible_be_year, now_iso
from secity_desktop.crypto import certpayload
from secity_desktop.crypto.keys import fingerprint
from secity_desktop.reports.data import CertificateData
from secity_desktop.services import key_history
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.review import sources as review_sources
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, geography

# Workspace settings an office sets once (the CLI/GUI options override them).
SETTING_AGENCY = "certificate.agency"
SETTING_SIGNATORY_NAME = "certificate.signatory_name"
SETTING_SIGNATORY_POSITION = "certificate.signatory_position"

ModelTowns = Callable[[Workspace, int], list[str]]


def certificate_id(municipality_code: str, year: int, tier: str, issued: dt.date) -> str:
    """Stable for the same facts (re-printing gives the same number), short enough to read out."""
    digest = digests.sha256(f"{municipality_code}|{year}|{tier}|{issued.isoformat()}".encode())
    return f"{year}-{municipality_code}-{digest.hexdigest()[:6].upper()}"


class CertificateService:
    def __init__(
        self,
        ws: Workspace,
        *,
        model_towns: ModelTowns = review_sources.model_town_codes,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], str] = now_iso,
    ) -> None:
        self.ws = ws
        self.data = ReportDataService(ws, today=today)
        self.assessments = AssessmentService(ws)
        self.model_towns = model_towns
        self.today = today
        self.now = now
        self._histories: dict[str, key_history.KeyHistory | None] = {}

    def prepare(
        self,
        municipality_code: str,
        year: int,
        *,
        issued: dt.date | None = None,
        signatory_name: str | None = None,
        signatory_position: str | None = None,
        agency: str | None = None,
        specimen: bool = False,
    ) -> CertificateData:
        """The certificate's content, unsigned; refuses what may not be certified."""
        if not is_plausible_be_year(year):
            raise ValidationError(f"year {year} is not a Buddhist Era year",
                                  code="assessment.year_not_be", year=year)
        a = self.data.require_assessment(municipality_code, year)
        muni = geography.municipality(self.ws.db, municipality_code)
        card = self.assessments.scorecard(a.id)
        if card.tier is None:
            raise ConflictError(
                f"{muni.name_th} scored {card.total:.2f} in {year}, below every tier:"
                " there is nothing to certify",
                code="certificate.below_tier", name=muni.name_th, year=year,
                total=f"{card.total:.2f}",
            )
        if not specimen and a.status != Status.APPROVED.value:
            raise ConflictError(
                f"{muni.name_th}'s assessment for {year} is {a.status}, not approved;"
                " only a specimen (--unsigned) can be printed",
                code="certificate.not_approved", name=muni.name_th, year=year,
                status=a.status,
            )
        day = issued or self.today()
        return CertificateData(
            certificate_id=certificate_id(muni.code, year, card.tier.code, day),
            municipality_code=muni.code,
            municipality_th=muni.name_th,
            province_th=muni.province_th,
            year=year,
            tier_code=card.tier.code,
            tier_th=card.tier.label_th,
            issued=day,
            agency_th=agency if agency is not None else self.ws.setting(SETTING_AGENCY, "") or "",
            signatory_name=signatory_name
            if signatory_name is not None
            else self.ws.setting(SETTING_SIGNATORY_NAME, "") or "",
            signatory_position=signatory_position
            if signatory_position is not None
            else self.ws.setting(SETTING_SIGNATORY_POSITION, "") or "",
        )

    def sign(self, data: CertificateData, key: Ed25519PrivateKey) -> CertificateData:
        """Attach the signed payload and record the issue in the audit log (one transaction).

        The payload states when it was signed and the signing key's validity window as
        this workspace's records know it (services/key_history.py); a key this workspace
        has retired or revoked is refused here rather than make a certificate every
        verifier would refuse.
        """
        signer = fingerprint(key.public_key())
        now = self.now()
        if signer not in self._histories:  # once per key in a batch (it reads the audit log)
            self._histories[signer] = key_history.history_of(self.ws, signer)
        window = key_history.with_start(self._histories[signer], signer, now)
        verdict = key_window.judge_signing(window, now)
        if verdict == "revoked_key":
            raise ConflictError(
                f"the key {signer} was revoked from {window.revoked_at}; sign with the"
                " workspace's current key", code="certificate_key.revoked_key",
                fingerprint=signer, date=_be_date(window.revoked_at or now),
            )
        if verdict == "key_retired":
            raise ConflictError(
                f"the key {signer} was replaced on {window.retired_at}; sign with the"
                " workspace's current key", code="certificate_key.key_retired",
                fingerprint=signer, date=_be_date(window.retired_at or now),
            )
        until = window.valid_until
        claims = certpayload.CertificateClaims(
            certificate_id=data.certificate_id,
            municipality_code=data.municipality_code,
            municipality_th=data.municipality_th,
            year=data.year,
            tier=data.tier_code,
            issued=data.issued.isoformat(),
            signer=signer,
            signed_at=key_window.utc_stamp(now),
            key_valid_from=key_window.utc_stamp(min(window.valid_from or now, now,
                                                    key=key_window.instant)),
            key_valid_until=key_window.utc_stamp(until) if until else None,
        )
        payload = certpayload.sign(claims, key)
        a = self.data.require_assessment(data.municipality_code, data.year)
        with self.ws.db.atomic():
            audit.append(
                self.ws.db,
                actor=self.ws.actor,
                action="certificate.issue",
                assessment_id=a.id,
                target=data.certificate_id,
                new={**claims.to_json(), "signer": signer},
            )
        return _replace(data, payload=payload, signer_fingerprint=signer,
                        signed_at=claims.signed_at, key_valid_from=claims.key_valid_from,
                        key_valid_until=claims.key_valid_until)

    def prepare_many(
        self,
        year: int,
        codes: Iterable[str] | None = None,
        *,
        specimen: bool = False,
        issued: dt.date | None = None,
        signatory_name: str | None = None,
        signatory_position: str | None = None,
    ) -> list[CertificateData]:
        """Certificates for ``codes``, or for the year's model towns when no codes are given."""
        chosen = list(
            dict.fromkeys(codes if codes is not None else self.model_towns(self.ws, year))
        )
        if not chosen:
            raise ValidationError(
                f"no model towns are recorded for {year}; name municipalities with --municipality",
                code="certificate.no_model_towns", year=year
            )
        return [
            self.prepare(
                c,
                year,
                issued=issued,
                specimen=specimen,
                signatory_name=signatory_name,
                signatory_position=signatory_position,
            )
            for c in chosen
        ]


def _be_date(stamp: str) -> str:
    return format_date_th(key_window.instant(stamp).date())


def _replace(data: CertificateData, **changes: object) -> CertificateData:
    from dataclasses import replace

    return replace(data, **changes)  # type: ignore[arg-type]


def payloads_in_pdf(path: Path) -> list[str]:
    """Payloads stored in a certificate PDF's Keywords, without decoding its QR image.

    Our own PDFs keep the Info dictionary uncompressed, so a byte scan finds
    them; a PDF re-saved by another tool may have moved it into a compressed
    object stream, so ``pdfinfo`` (poppler) is asked as a fallback when present.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror or exc}",
                              code="file_unreadable", file=Path(path).name) from None
    found = certpayload.find_payloads(data)
    if not found and shutil.which("pdfinfo"):
        proc = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=False, timeout=30)
        found = certpayload.find_payloads(proc.stdout)
    if not found:
        raise ValidationError(
            f"{path} carries no SECity certificate code (an unsigned specimen has none)",
            code="certificate.no_code_in_pdf", file=Path(path).name
        )
    return found


def tier_label(ws: Workspace | None, code: str) -> str:
    """Thai label of a tier code as the workspace's current framework names it."""
    if ws is not None:
        for t in ws.frameworks.current().tiers:
            if t.code == code:
                return t.label_th
    return code


def workspace_trusted_keys(
    ws: Workspace, *, include_enrolled: bool = False
) -> dict[str, Ed25519PublicKey]:
    """Keys this workspace recognises as a certificate's signer, by label.

    Always its own signing key and the keys it retired by rotation (an office checks
    what it issued, before and after a rotation). Keys enrolled in the trust registry
    only on request: they are mostly assessors' keys, and an assessor must not be able
    to certify their own town (docs/certificates.md). Revoked and retired keys are
    recognised so that the verdict can say *when* they stopped counting (the window is
    judged in services/certificate_check.py); a municipality's key never is (it signs
    only its own self-assessment, docs/self-assessment.md).
    """
    out: dict[str, Ed25519PublicKey] = {}
    for k in key_history.known_keys(ws, include_enrolled=include_enrolled):
        label = k.label if k.label not in out else f"{k.label} ({k.history.fingerprint})"
        out[label] = k.public_key  # a rotated key's holder keeps the name: both stay
    return out
