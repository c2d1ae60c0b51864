"""Finalize (freeze and sign) an assessment, and start a new revision of a finalized one.

A finalized revision is immutable: its canonical JSON and signature are stored
in ``revisions`` exactly as signed, so the bytes exported later are the bytes
the assessor signed, whatever happens to the live rows. Editing again makes a
new assessment row (new id) that names the one it supersedes — ODK's
instanceID/deprecatedID idea — so history is never overwritten.
"""

from __future__ import annotations

import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop import digests
from secity_desktop.bundle.documents import (
    EvidenceRecord,
    FrameworkRef,
    MunicipalityRecord,
    Person,
    ResponseRecord,
    RevisionDoc,
)
from secity_desktop.core.errors import ConflictError
from secity_desktop.core.lifecycle import REVISABLE, Move, Status, can, initial_status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from secity_desktop.services.assessments import AssessmentService, missing_summary
from secity_desktop.services.identity import Identity
from secity_desktop.services.status import change_status
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit, geography, revisions


def _code_key(code: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in code.split("."))


def build_doc(ws: Workspace, a: repo.Assessment, signer: Person, finalized_at: str) -> RevisionDoc:
    """The revision document from the live rows (responses and evidence sorted for stability)."""
    fw = ws.frameworks.get(a.framework_hash)
    m = geography.municipality(ws.db, a.municipality_code)
    responses = sorted(repo.responses(ws.db, a.id).values(), key=lambda r: _code_key(r.indicator_code))
    evidence = sorted(
        repo.evidence(ws.db, a.id), key=lambda e: (_code_key(e.indicator_code), e.sha256, e.id)
    )
    return RevisionDoc(
        format="secity-revision",
        format_version=1,
        id=a.id,
        revision=a.revision,
        supersedes=a.supersedes,
        municipality=MunicipalityRecord(
            code=m.code, name_th=m.name_th, name_en=m.name_en, type=m.type,  # type: ignore[arg-type]
            province_code=m.province_code,
        ),
        year=a.year,
        framework=FrameworkRef(hash=fw.hash, id=fw.framework.id, version=fw.version),
        assessor=signer,
        created_at=a.created_at,
        created_by=a.created_by,
        finalized_at=finalized_at,
        responses=[
            ResponseRecord(
                indicator=r.indicator_code, level=r.level, note=r.note,
                updated_at=r.updated_at, updated_by=r.updated_by,
            )
            for r in responses
        ],
        evidence=[
            EvidenceRecord(
                indicator=e.indicator_code, sha256=e.sha256, size=e.size, name=e.original_name,
                mime=e.mime, captured_at=e.captured_at,
                gps_lat=float(e.gps_lat) if e.gps_lat is not None else None,
                gps_lon=float(e.gps_lon) if e.gps_lon is not None else None,
                added_at=e.added_at, added_by=e.added_by,
            )
            for e in evidence
        ],
    )


class RevisionService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db
        self.identity = Identity(ws)

    def finalize(self, assessment_id: str, key: Ed25519PrivateKey) -> str:
        """Freeze and sign a complete assessment; returns the revision's SHA-256."""
        a = repo.get(self.db, assessment_id)
        if a.status == Status.FINALIZED.value:
            raise ConflictError(f"assessment {a.id} is already finalized",
                                code="assessment.already_finalized")
        if not can(Move.FINALIZE, a.status):
            raise ConflictError(f"assessment {a.id} is {a.status} and cannot be finalized here",
                                code="assessment.wrong_status", status=a.status)
        card = AssessmentService(self.ws).scorecard(a.id)
        if not card.complete:
            raise ConflictError("the assessment is not complete: " + missing_summary(card),
                                code="assessment.incomplete", unanswered=len(card.unanswered),
                                no_evidence=len(card.evidence_missing))
        for e in repo.evidence(self.db, a.id):
            if not self.ws.blobs.exists(e.sha256):
                raise ConflictError(
                    f"evidence file {e.original_name} ({e.sha256[:12]}…) is missing from the "
                    "evidence folder; attach it again before finalizing",
                    code="assessment.evidence_missing", file=e.original_name
                )
        signer = self.identity.person()
        from secity_desktop.crypto import keys

        if keys.key_id(key.public_key()) != signer.key_id:
            raise ConflictError("that key is not this workspace's signing key",
                                code="key.not_this_workspace")
        now, who = now_iso(), self.ws.actor
        doc = build_doc(self.ws, a, signer, now)
        content = doc.canonical()
        digest = digests.sha256(content).hexdigest()
        signature = sshsig.sign(key, content, BUNDLE_NAMESPACE)
        with self.db.atomic():
            revisions.insert(
                self.db,
                revisions.StoredRevision(
                    a.id, digest, content.decode("utf-8"), signature, signer.key_fingerprint,
                    now, "local",
                ),
            )
            change_status(
                self.ws, a, Move.FINALIZE, at=now, by=who, event="assessment.finalize",
                new={"status": Status.FINALIZED.value, "sha256": digest,
                     "key": signer.key_fingerprint},
            )
        return digest

    def revise(self, assessment_id: str) -> repo.Assessment:
        """A new editable revision copying responses and evidence; the old one stays as history."""
        a = repo.get(self.db, assessment_id)
        if Status(a.status) not in REVISABLE:
            raise ConflictError(
                f"assessment {a.id} is {a.status}; only a finalized or returned one gets a new revision",
                code="assessment.not_revisable", status=a.status
            )
        refusal = AssessmentService(self.ws).office_refusal_error(a)
        if refusal is not None:  # a local copy would let the office rewrite the assessor's answers
            raise refusal
        newer = repo.successor(self.db, a.id)
        if newer is not None:
            raise ConflictError(f"revision {newer} already supersedes {a.id}; edit that one",
                                code="assessment.superseded")
        now, who = now_iso(), self.ws.actor
        new = repo.Assessment(
            id=str(uuid.uuid4()), municipality_code=a.municipality_code, year=a.year,
            framework_hash=a.framework_hash, status=initial_status(Move.REVISE).value, revision=a.revision + 1,
            supersedes=a.id, created_at=now, created_by=who, updated_at=now, updated_by=who,
        )
        with self.db.atomic():
            repo.insert(self.db, new)
            repo.copy_answers(self.db, a.id, new.id)
            audit.append(
                self.db, actor=who, action="assessment.revise", assessment_id=new.id, at=now,
                new={"supersedes": a.id, "revision": new.revision},
            )
        return new

    def history(self, assessment_id: str) -> list[repo.Assessment]:
        """The chain back to the first revision, newest first."""
        return repo.chain(self.db, assessment_id)

    def stored(self, assessment_id: str) -> tuple[bytes, str] | None:
        """(canonical JSON, signature) of a frozen revision."""
        r = revisions.get(self.db, assessment_id)
        return (r.content.encode("utf-8"), r.signature) if r else None
