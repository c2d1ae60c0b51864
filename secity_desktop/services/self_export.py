"""A municipality office sends its signed self-assessment: a bundle of kind ``self``.

The municipality fills and finalizes its self-assessment with the same editor
and the same signing as an assessor (its workspace's assessments *are* its
self-assessments); exporting writes the signed revisions with the existing
bundle writer, ``kind="self"`` (docs/bundle-format.md, *Self bundles*), and
records the self-assessment in this workspace's own self table too, so
``secity self show`` answers the same here as at the province.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop import digests
from secity_desktop.bundle.write import WrittenBundle, default_name, write_bundle
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.bundle_export import (
    BundleWriteOperation,
    ExportJob,
    ExportService,
    bundle_target,
    guarded_write,
    require_own_key,
)
from secity_desktop.services.operations import Progress, byte_progress, run_inline
from secity_desktop.services.sealing import PLAIN, Sealing, office_sealing, write_sealed
from secity_desktop.services.self_assessments import record_signed
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, transfers


def suggested_name(job: ExportJob) -> str:
    """``secity-self-<key id>-<time>-<n>.secbundle``: a self bundle says so in its name."""
    return default_name(
        job.sender, max(r.doc.finalized_at for r in job.revisions), len(job.revisions), "self")


def require_municipality(ws: Workspace) -> str:
    own = ws.municipality_code
    if ws.role is not Role.MUNICIPALITY or not own:
        raise ValidationError(
            "only a municipality office's workspace sends a self-assessment; create one with"
            " `secity init --role municipality --municipality CODE`",
            code="self.not_municipality_workspace",
        )
    return own


class SelfExportOperation(BundleWriteOperation):
    """Read the signed self-assessment(s) → write and sign a ``self`` bundle → record it."""

    title = "exporting a self-assessment"

    def __init__(
        self, ws: Workspace, ids: Sequence[str], target: Path, key: Ed25519PrivateKey,
        label: str = "", *, encrypt: bool = False,
    ) -> None:
        super().__init__()
        self.ws, self.ids, self.target, self.key = ws, list(ids), Path(target), key
        self.label = label
        self.encrypt = encrypt  # to the province's office key(s), as a field bundle (issue 14)
        self.sealing: Sealing = PLAIN
        self.job: ExportJob | None = None

    def prepare(self) -> None:
        own = require_municipality(self.ws)
        self.job = ExportService(self.ws).prepare(self.ids)
        for r in self.job.revisions:
            if r.doc.municipality.code != own:
                raise ValidationError(
                    f"assessment {r.doc.id} is for {r.doc.municipality.code}, not this"
                    f" workspace's municipality {own}",
                    code="self.not_own_municipality", municipality=r.doc.municipality.code,
                )
        require_own_key(self.key, self.job.sender)
        self.sealing = office_sealing(self.ws, encrypt=self.encrypt)

    def work(self, progress: Progress) -> None:
        job = self.job
        assert job is not None, "prepare() has not run"
        path = bundle_target(self.target, lambda: suggested_name(job))
        self.written = guarded_write(path, lambda: write_sealed(
            path, self.sealing, lambda p, prog: write_bundle(
                p, job.revisions, job.frameworks, job.blob_path, job.sender, self.key,
                prog, kind="self",
                # the municipality key's own rotations, as a field bundle carries an assessor's:
                # the office moves the enrolment and accepts the new key (docs/key-rotation.md)
                key_statements=job.statements.envelopes(self.key)),
            byte_progress(progress, "bundle"),
        ))

    def finish(self) -> WrittenBundle:
        job, written = self.job, self.written
        assert job is not None and written is not None, "work() has not run"
        now, who = now_iso(), self.ws.actor
        with self.ws.db.atomic():
            transfers.record_export(
                self.ws.db, at=now, by=who, path=str(written.path.resolve()),
                file_sha256=written.sha256, size=written.size, revisions=written.revisions,
                kind="self", assessment_ids=job.ids, encrypted_to=self.sealing.fingerprints,
            )
            for r in job.revisions:
                record_signed(self.ws, r.doc, r.content, r.signature,
                              _sha(r.content), job.sender.key_fingerprint, now, who,
                              bundle_sha=written.sha256)
            audit.append(
                self.ws.db, actor=who, action="bundle.export", at=now, target=written.sha256,
                new={"path": str(written.path), "kind": "self", "revisions": job.ids}
                | ({"encrypted_to": list(written.encrypted_to)} if self.sealing.encrypted
                   else {"unencrypted": True}),
            )
        self.recorded = True
        return written


def _sha(content: bytes) -> str:
    return digests.sha256(content).hexdigest()


def export_self(
    ws: Workspace, ids: Sequence[str], target: Path, key: Ed25519PrivateKey, *,
    encrypt: bool = False,
) -> WrittenBundle:
    """The CLI's inline run of :class:`SelfExportOperation`."""
    return run_inline(SelfExportOperation(ws, ids, target, key, encrypt=encrypt))
