"""Bundles an office signs: returns to assessors, and approved results sent upward.

Both use the field bundle's container and rules (docs/bundle-format.md), with
the province's own key and a ``kind`` in the manifest:

* **return** — the reviews of assessments the province returned, for the
  assessor's workspace (which enrolled the province key). No revisions: the
  assessor holds them already, and each review names the SHA-256 of the
  revision it judged.
* **upward** — every approved assessment of the province (optionally one
  fiscal year): the assessor's signed revision as it arrived, its evidence,
  the province's review of it, and the province's model-town choices.

The sender block names the workspace's province code, which the receiving
side checks against every municipality in the bundle.

Operations (``services.operations``), each read (prepare) → write and sign
(work, no database) → record (finish, one transaction):

* :class:`ReturnBundleOperation` — a return-for-revision bundle;
* :class:`UpwardBundleOperation` — the approved results sent upward.

``OfficeBundleService.export(job, …)`` runs an already prepared job inline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop.bundle.documents import (
    AuditHeadRecord,
    BundleKind,
    ModelTownRecord,
    MunicipalityRecord,
    Person,
    ReviewDoc,
)
from secity_desktop.bundle.write import (
    FrameworkText,
    SignedRevision,
    WrittenBundle,
    default_name,
    write_bundle,
)
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.bundle_export import (
    BundleWriteOperation,
    ExportService,
    bundle_target,
    guarded_write,
    head_record,
    record_sent,
    require_own_key,
)
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_statements import NOTHING, Carried, carried
from secity_desktop.services.operations import (
    Progress,
    byte_progress,
    from_byte_progress,
    run_inline,
)
from secity_desktop.services.review.transport import build_review_doc
from secity_desktop.services.sealing import (
    PLAIN,
    Sealing,
    assessor_sealing,
    office_sealing,
    write_sealed,
)
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, geography, transfers
from secity_desktop.store import review as rrepo


@dataclass(frozen=True)
class OfficeCandidate:
    assessment_id: str
    municipality_code: str
    municipality_th: str
    year: int
    revision: int
    status: str
    sent: int  # how many bundles of this kind already carried it

    def as_json(self) -> dict[str, object]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class OfficeJob:
    """The file half of an office export: no database, so it can run in a worker thread."""

    kind: BundleKind
    sender: Person
    revisions: list[SignedRevision]
    frameworks: list[FrameworkText]
    reviews: list[ReviewDoc]
    model_towns: list[ModelTownRecord]
    municipalities: list[MunicipalityRecord]
    blob_path: Callable[[str], Path]
    ids: list[str] = field(default_factory=list)
    sealing: Sealing = PLAIN
    audit_head: AuditHeadRecord | None = None
    #: key statements made here (own rotations, revocations, re-enrolments), for the receiver
    statements: Carried = NOTHING

    def target_for(self, target: Path) -> Path:
        def name() -> str:
            stamps = [d.at for r in self.reviews for d in r.decisions] or [now_iso()]
            return default_name(self.sender, max(stamps), len(self.reviews), self.kind)

        return bundle_target(target, name)

    def run(
        self, target: Path, key: Ed25519PrivateKey, progress: Callable[[int, int], bool] | None = None
    ) -> WrittenBundle:
        require_own_key(key, self.sender)
        path = self.target_for(target)
        return guarded_write(path, lambda: write_sealed(path, self.sealing, lambda p, prog: write_bundle(
            p, self.revisions, self.frameworks, self.blob_path,
            self.sender, key, prog, kind=self.kind, reviews=self.reviews,
            model_towns=self.model_towns, extra_municipalities=self.municipalities,
            audit_head=self.audit_head, key_statements=self.statements.envelopes(key),
        ), progress))


class OfficeBundleService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db
        self.identity = Identity(ws)
        self._field = ExportService(ws)

    def _require_province(self, what: str) -> str:
        if self.ws.role is not Role.PROVINCE or not self.ws.province_code:
            raise ValidationError(
                f"{what} is signed by a province workspace (`secity init --role province"
                " --province CODE`); this one is " + self.ws.role.value, code="role.province_only"
            )
        return self.ws.province_code

    def sender(self) -> Person:
        p = self.identity.person()
        return p.model_copy(update={"province": self.ws.province_code or ""})

    def candidates(self, kind: BundleKind, year: int | None = None) -> list[OfficeCandidate]:
        """Returned (for ``return``) or approved (for ``upward``) signed assessments of this province."""
        status = Status.RETURNED if kind == "return" else Status.APPROVED
        rows = transfers.office_candidates(
            self.db, kind, status.value, self.ws.province_code or "", year
        )
        return [OfficeCandidate(*r) for r in rows]

    def prepare_return(self, ids: Sequence[str], *, encrypt: bool = False) -> OfficeJob:
        """``encrypt``: to the key that signed each returned revision (front ends default True)."""
        self._require_province("a return-for-revision bundle")
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise ValidationError("nothing to return: give the returned assessments' ids",
                                  code="outgoing.nothing_to_return")
        reviews = [build_review_doc(self.ws, i, "returned") for i in ids]
        return OfficeJob("return", self.sender(), [], [], reviews, [], [],
                         self.ws.blobs.path_for, ids,
                         assessor_sealing(self.ws, ids, encrypt=encrypt),
                         head_record(self.ws, "return", ids), carried(self.ws, "return"))

    def prepare_upward(self, year: int | None = None, ids: Sequence[str] | None = None,
                       *, encrypt: bool = False) -> OfficeJob:
        """``encrypt``: to the next office's enrolled key(s) (front ends default True)."""
        province = self._require_province("an upward bundle")
        chosen = list(dict.fromkeys(ids)) if ids else [
            c.assessment_id for c in self.candidates("upward", year)
        ]
        towns = rrepo.model_towns(self.db, province_code=province, year=year)
        if not chosen and not towns:
            raise ValidationError(
                "nothing to send upward: no approved assessment"
                + (f" for {year}" if year is not None else "") + " and no model town chosen",
                code="outgoing.nothing_upward"
            )
        reviews = [build_review_doc(self.ws, i, "approved") for i in chosen]
        revisions = self._field._signed(chosen) if chosen else []
        munis = []
        for t in towns:
            m = geography.municipality(self.db, t.municipality_code)
            munis.append(MunicipalityRecord(code=m.code, name_th=m.name_th, name_en=m.name_en,
                                            type=m.type, province_code=m.province_code))
        model_towns = [
            ModelTownRecord(id=t.id, province_code=t.province_code, year=t.year,
                            municipality_code=t.municipality_code,
                            assessment_id=t.assessment_id, reason=t.reason,
                            chosen_by=t.chosen_by, chosen_at=t.chosen_at)
            for t in towns
        ]
        return OfficeJob("upward", self.sender(), revisions, self._field._frameworks(revisions),
                         reviews, model_towns, munis, self.ws.blobs.path_for, chosen,
                         office_sealing(self.ws, encrypt=encrypt), head_record(self.ws, "upward", chosen),
                         carried(self.ws, "upward"))

    def record(self, job: OfficeJob, written: WrittenBundle) -> int:
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            export_id = transfers.record_export(
                self.db, at=now, by=who, path=str(written.path.resolve()),
                file_sha256=written.sha256, size=written.size, revisions=len(job.ids),
                kind=job.kind, assessment_ids=job.ids, encrypted_to=job.sealing.fingerprints,
            )
            how = record_sent(self.ws, written, job.audit_head, job.sealing, now)
            audit.append(
                self.db, actor=who, action=f"bundle.{job.kind}", at=now, target=written.sha256,
                new={"path": str(written.path), "size": written.size, "assessments": job.ids,
                     "model_towns": len(job.model_towns)} | how,
            )
        return export_id

    def export(
        self,
        job: OfficeJob,
        target: Path,
        key: Ed25519PrivateKey,
        progress: Callable[[int, int], bool] | None = None,
    ) -> WrittenBundle:
        """Write an already prepared job's bundle, then record it (the operation, inline)."""
        op = OfficeExportOperation(self, target, key)
        op.job = job
        return run_inline(op, from_byte_progress(progress))


class OfficeExportOperation(BundleWriteOperation):
    """Write and record an office bundle; subclasses say how the job is prepared."""

    def __init__(self, svc: OfficeBundleService, target: Path, key: Ed25519PrivateKey,
                 *, encrypt: bool = False) -> None:
        super().__init__()
        self.svc, self.target, self.key = svc, Path(target), key
        self.encrypt = encrypt
        self.job: OfficeJob | None = None

    def prepare(self) -> None:
        if self.job is None:
            self.job = self.make_job()
        require_own_key(self.key, self.job.sender)

    def make_job(self) -> OfficeJob:
        raise NotImplementedError

    def work(self, progress: Progress) -> None:
        assert self.job is not None, "prepare() has not run"
        self.written = self.job.run(self.target, self.key, byte_progress(progress, "bundle"))

    def finish(self) -> WrittenBundle:
        assert self.job is not None and self.written is not None, "work() has not run"
        self.svc.record(self.job, self.written)
        self.recorded = True
        return self.written


class ReturnBundleOperation(OfficeExportOperation):
    """The province's reviews of returned assessments, for the assessors who sent them."""

    title = "writing a return bundle"

    def __init__(
        self, svc: OfficeBundleService, ids: Sequence[str], target: Path, key: Ed25519PrivateKey,
        *, encrypt: bool = False,
    ) -> None:
        super().__init__(svc, target, key, encrypt=encrypt)
        self.ids = list(ids)

    def make_job(self) -> OfficeJob:
        return self.svc.prepare_return(self.ids, encrypt=self.encrypt)


class UpwardBundleOperation(OfficeExportOperation):
    """The province's approved results and model towns, for a region or the nation."""

    title = "writing an upward bundle"

    def __init__(
        self,
        svc: OfficeBundleService,
        target: Path,
        key: Ed25519PrivateKey,
        *,
        year: int | None = None,
        ids: Sequence[str] | None = None,
        encrypt: bool = False,
    ) -> None:
        super().__init__(svc, target, key, encrypt=encrypt)
        self.year, self.ids = year, (list(ids) if ids else None)

    def make_job(self) -> OfficeJob:
        return self.svc.prepare_upward(self.year, self.ids, encrypt=self.encrypt)
