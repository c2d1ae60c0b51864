"""Exporting finalized revisions as a signed bundle, and remembering what went where.

"Not yet sent" means a finalized revision that appears in no earlier export;
re-sending is always allowed (the office skips what it already holds).

Operations (``services.operations``):

* :class:`FieldExportOperation` — ``prepare`` reads the signed revisions, their
  frameworks and the sender from the store; ``work`` writes and signs the bundle
  (file and crypto only: the writer streams evidence into a temp file that appears
  under its name only when complete); ``finish`` records the export in one
  transaction. ``ExportService.export`` runs it inline.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop import log
from secity_desktop.bundle.documents import AuditHeadRecord, Person, RevisionDoc
from secity_desktop.bundle.write import (
    BUNDLE_SUFFIX,
    FrameworkText,
    SignedRevision,
    WrittenBundle,
    build_manifest,
    default_name,
    write_bundle,
)
from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.io_errors import disk_guard
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services import housekeeping
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_statements import NOTHING, Carried, carried
from secity_desktop.services.operations import (
    Operation,
    Progress,
    byte_progress,
    from_byte_progress,
    run_inline,
)
from secity_desktop.services.sealing import PLAIN, Sealing, office_sealing, write_sealed
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, revisions, transfers


@dataclass(frozen=True)
class Candidate:
    assessment_id: str
    municipality_code: str
    municipality_th: str
    year: int
    revision: int
    finalized_at: str
    evidence_bytes: int
    sent: int  # how many exports already carried it
    last_sent_to: str | None  # the file of the newest export that carried it

    def as_json(self) -> dict[str, object]:
        return self.__dict__.copy()


def bundle_target(target: Path, default_name: Callable[[], str]) -> Path:
    """A folder gets a generated file name; a file gets the bundle suffix if it lacks it."""
    if target.is_dir():
        return target / default_name()
    return target if target.suffix == BUNDLE_SUFFIX else target.with_name(target.name + BUNDLE_SUFFIX)


def require_own_key(key: Ed25519PrivateKey, sender: Person) -> None:
    from secity_desktop.crypto import keys

    if keys.key_id(key.public_key()) != sender.key_id:
        raise ConflictError("that key is not this workspace's signing key",
                            code="key.not_this_workspace")


def head_record(ws: Workspace, kind: str, ids: Sequence[str]) -> AuditHeadRecord:
    """A fresh head for a bundle's manifest: first a ``bundle.head`` event (the kind and what it
    will carry), then the head *is* that event, in one transaction.

    So every bundle's head is an event with the current time: "delete the last events, then
    export" can never pass for an old bundle arriving late (docs/audit.md). If the export then
    fails, the event stays as a record that one was started.
    """
    with ws.db.atomic():
        audit.append(ws.db, actor=ws.actor, action="bundle.head", new={"kind": kind,
                     "assessments": list(dict.fromkeys(ids))})
        h = audit.head(ws.db)
    return AuditHeadRecord(seq=h.seq, hash=h.hash, at=h.at)


def record_sent(ws: Workspace, written: WrittenBundle, head: AuditHeadRecord | None,
                sealing: Sealing, now: str) -> dict[str, object]:
    """Inside the export's transaction: keep the head we announced (``audit verify`` checks
    the chain still holds it); returns how the file left, for the audit event."""
    if head is not None:
        fp = Identity(ws).info().fingerprint
        audit.record_head(ws.db, fp, audit.AuditHead(head.seq, head.hash, head.at),
                          written.sha256, direction="sent", seen_at=now)
    return ({"encrypted_to": list(written.encrypted_to)} if sealing.encrypted
            else {"unencrypted": True})


def guarded_write(path: Path, write: Callable[[], WrittenBundle]) -> WrittenBundle:
    """Write a bundle into ``path``'s folder: abandoned ``.part`` files there (a killed
    export's) are removed first, and a full or read-only target is said plainly."""
    housekeeping.clean_target(path.parent)
    with disk_guard("export", path.parent), log.operation("bundle.write") as facts:
        written = write()
        facts.update(path=written.path, size=written.size)
        return written


@dataclass(frozen=True)
class ExportJob:
    """The file half of an export: no database, so it can run in a worker thread."""

    revisions: list[SignedRevision]
    frameworks: list[FrameworkText]
    sender: Person
    blob_path: Callable[[str], Path]
    sealing: Sealing = PLAIN
    audit_head: AuditHeadRecord | None = None
    #: the sender's own key rotations, carried so the office can move the enrolment
    statements: Carried = NOTHING

    @property
    def ids(self) -> list[str]:
        return [r.doc.id for r in self.revisions]

    def target_for(self, target: Path) -> Path:
        return bundle_target(target, lambda: default_name(
            self.sender, max(r.doc.finalized_at for r in self.revisions), len(self.revisions)))

    def run(
        self, target: Path, key: Ed25519PrivateKey, progress: Callable[[int, int], bool] | None = None
    ) -> WrittenBundle:
        require_own_key(key, self.sender)
        path = self.target_for(target)
        return guarded_write(path, lambda: write_sealed(path, self.sealing, lambda p, prog: write_bundle(
            p, self.revisions, self.frameworks, self.blob_path, self.sender, key, prog,
            audit_head=self.audit_head, key_statements=self.statements.envelopes(key),
        ), progress))


class ExportService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db
        self.identity = Identity(ws)

    def candidates(self, *, unsent_only: bool = False) -> list[Candidate]:
        out = [Candidate(*row) for row in transfers.field_candidates(self.db)]
        return [c for c in out if c.sent == 0] if unsent_only else out

    def _signed(self, ids: Sequence[str]) -> list[SignedRevision]:
        out = []
        for i in dict.fromkeys(ids):
            row = revisions.get(self.db, i)
            if row is None:
                raise NotFoundError(f"assessment {i} has no finalized revision; finalize it first",
                                    code="outgoing.not_finalized")
            content = row.content.encode("utf-8")
            out.append(SignedRevision(RevisionDoc.model_validate_json(content), content, row.signature))
        if not out:
            raise ValidationError("nothing to export: choose at least one finalized assessment",
                                  code="outgoing.nothing_chosen")
        return out

    def _frameworks(self, revs: Sequence[SignedRevision]) -> list[FrameworkText]:
        out = []
        for h in sorted({r.doc.framework.hash for r in revs}):
            f = self.ws.frameworks.get(h)
            out.append(FrameworkText(h, f.framework.id, f.version, f.canonical_json()))
        return out

    def estimate(self, ids: Sequence[str]) -> int:
        """Bytes the bundle will roughly take (evidence is stored, JSON compresses)."""
        revs = self._signed(ids)
        sizes = {e.sha256: e.size for r in revs for e in r.doc.evidence}
        manifest, small = build_manifest(revs, self._frameworks(revs), sizes, revs[0].doc.assessor)
        return sum(sizes.values()) + sum(len(b) for b in small.values()) + len(manifest.canonical())

    def suggested_name(self, ids: Sequence[str]) -> str:
        revs = self._signed(ids)
        return default_name(
            self.identity.person(), max(r.doc.finalized_at for r in revs), len(revs)
        )

    def prepare(self, ids: Sequence[str], *, encrypt: bool = False) -> ExportJob:
        """Everything the writer needs, read from the store now (GUI thread).

        ``encrypt``: to the office key(s) enrolled here (refused if there is none). The CLI
        and the GUI default to True; ``--unencrypted`` / the GUI's choice pass False.
        """
        revs = self._signed(ids)
        return ExportJob(revs, self._frameworks(revs), self.identity.person(), self.ws.blobs.path_for,
                         office_sealing(self.ws, encrypt=encrypt), head_record(self.ws, "field", ids),
                         carried(self.ws, "field"))

    def export(
        self,
        ids: Sequence[str],
        target: Path,
        key: Ed25519PrivateKey,
        progress: Callable[[int, int], bool] | None = None,
        *,
        encrypt: bool = False,
    ) -> WrittenBundle:
        """Write the bundle (file work), then record the export in one transaction."""
        op = FieldExportOperation(self, ids, target, key, encrypt=encrypt)
        return run_inline(op, from_byte_progress(progress))

    def record(self, written: WrittenBundle, ids: Sequence[str], job: ExportJob | None = None) -> int:
        now, who = now_iso(), self.ws.actor
        sealing = job.sealing if job is not None else PLAIN
        with self.db.atomic():
            export_id = transfers.record_export(
                self.db, at=now, by=who, path=str(written.path.resolve()),
                file_sha256=written.sha256, size=written.size, revisions=written.revisions,
                kind="field", assessment_ids=ids, encrypted_to=sealing.fingerprints,
            )
            how = record_sent(self.ws, written, job.audit_head if job else None, sealing, now)
            audit.append(
                self.db, actor=who, action="bundle.export", at=now, target=written.sha256,
                new={"path": str(written.path), "size": written.size, "revisions": list(ids)} | how,
            )
        return export_id

    def history(self) -> list[dict[str, object]]:
        return transfers.export_history(self.db)


class BundleWriteOperation(Operation[WrittenBundle]):
    """Shared steps of the bundle-writing operations: a written file a failed finish removes."""

    def __init__(self) -> None:
        self.written: WrittenBundle | None = None
        self.recorded = False

    def discard(self) -> None:
        # A bundle written but never recorded would look sent while the store says otherwise.
        if self.written is not None and not self.recorded:
            with contextlib.suppress(OSError):
                self.written.path.unlink()


class FieldExportOperation(BundleWriteOperation):
    """An assessor's field bundle: read (prepare) → write and sign (work) → record (finish)."""

    title = "exporting a bundle"

    def __init__(
        self, svc: ExportService, ids: Sequence[str], target: Path, key: Ed25519PrivateKey,
        *, encrypt: bool = False,
    ) -> None:
        super().__init__()
        self.svc, self.ids, self.target, self.key = svc, list(ids), Path(target), key
        self.encrypt = encrypt
        self.job: ExportJob | None = None

    def prepare(self) -> None:
        self.job = self.svc.prepare(self.ids, encrypt=self.encrypt)
        require_own_key(self.key, self.job.sender)

    def work(self, progress: Progress) -> None:
        assert self.job is not None, "prepare() has not run"
        self.written = self.job.run(self.target, self.key, byte_progress(progress, "bundle"))

    def finish(self) -> WrittenBundle:
        assert self.job is not None and self.written is not None, "work() has not run"
        self.svc.record(self.written, self.job.ids, self.job)
        self.recorded = True
        return self.written
