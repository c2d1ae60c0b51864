"""Long front-end work as ``Operation``s: import check and apply, bundle writing, evidence, tables.

Thin wrappers over today's service methods, so the GUI runs each one through
its one runner (``gui/operations.py``: ``prepare`` on the GUI thread, ``work``
on a worker, ``finish`` back on the GUI thread) and the CLI with
``run_inline``. When the service modules grow their own operation classes
these wrappers are re-pointed at them; the front ends do not change.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop.bundle.encryption import OwnKeys
from secity_desktop.bundle.plan import Action, Plan
from secity_desktop.bundle.read import VerifiedBundle
from secity_desktop.core.errors import ConflictError, SecityError, StoreError
from secity_desktop.core.evidence_meta import FileMeta, read_meta
from secity_desktop.services import spreadsheets
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_export import (
    ExportJob,
    ExportService,
    FieldExportOperation,
    require_own_key,
)
from secity_desktop.services.bundle_import import (
    ApplyImportOperation,
    ImportResult,
    ImportService,
)
from secity_desktop.services.import_preview import ImportPreview, preview
from secity_desktop.services.office_bundles import (
    OfficeBundleService,
    OfficeExportOperation,
    OfficeJob,
)
from secity_desktop.services.operations import Operation, Progress
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import sheets
from secity_desktop.store.assessments import Evidence


# --- import: check (verify off-thread, plan on the caller's thread) and apply ------------
@dataclass
class CheckedImport:
    """A dry run waiting for a person: the plan, its rows, and the staged evidence."""

    svc: ImportService
    plan: Plan
    stage: Path
    preview: ImportPreview

    def drop(self) -> None:
        """Forget the plan and remove its staged files (the person cleared or re-checked)."""
        self.svc.discard(self.plan)
        shutil.rmtree(self.stage, ignore_errors=True)


class CheckBundles(Operation[CheckedImport]):
    title = "checking bundles"

    def __init__(self, svc: ImportService, files: list[Path],
                 own_key: OwnKeys | None = None) -> None:
        self.svc = svc
        self.files = list(files)
        self.own_key = own_key
        self.stage: Path | None = None
        self.decrypt: Path | None = None
        self._found: tuple[list[VerifiedBundle], list[Any]] | None = None

    def prepare(self) -> None:
        self.trusted = self.svc.trusted()
        self.frameworks = self.svc.known_frameworks()
        self.stage = self.svc.new_stage()
        self.decrypt = self.svc.new_stage()

    def work(self, progress: Progress) -> None:
        self._found = self.svc.check_files(
            self.files, self.trusted, stage_dir=self.stage, progress=progress,
            framework_cache=self.frameworks, own_key=self.own_key, decrypt_dir=self.decrypt,
        )

    def finish(self) -> CheckedImport:
        assert self._found is not None and self.stage is not None
        if self.decrypt is not None:
            shutil.rmtree(self.decrypt, ignore_errors=True)
        plan = self.svc.plan(*self._found)
        self._found = None
        return CheckedImport(self.svc, plan, self.stage, preview(plan))

    def discard(self) -> None:
        if self._found is not None:
            for vb in self._found[0]:
                vb.discard_staged()
        for d in (self.stage, self.decrypt):
            if d is not None:
                shutil.rmtree(d, ignore_errors=True)


@dataclass(frozen=True)
class ImportOutcome:
    result: ImportResult
    added: int
    updated: int
    skipped: int
    conflicts: int
    reviews: int
    rejected: int


class ApplyImport(Operation[ImportOutcome]):
    """The service's :class:`ApplyImportOperation` for a checked plan: quarantine copies and
    the staged evidence's renames run off-thread; the rows commit in one transaction."""

    title = "importing"

    def __init__(self, checked: CheckedImport) -> None:
        self.checked = checked
        self.op = ApplyImportOperation(checked.svc, checked.plan, stage_dir=checked.stage)

    def prepare(self) -> None:
        self.op.prepare()

    def work(self, progress: Progress) -> None:
        self.op.work(progress)

    def finish(self) -> ImportOutcome:
        plan = self.checked.plan
        result = self.op.finish()
        return ImportOutcome(
            result, plan.count(Action.ADD), plan.count(Action.UPDATE), plan.count(Action.SKIP),
            plan.count(Action.CONFLICT),
            sum(1 for r in plan.reviews if r.action is not Action.SKIP), len(plan.rejected),
        )

    def discard(self) -> None:
        self.op.discard()
        self.checked.drop()


# --- bundles this workspace signs: the services' operations, for a job already prepared ------
class ExportFieldBundle(FieldExportOperation):
    """:class:`FieldExportOperation` for a job the GUI prepared (to size and name the file)."""

    title = "writing bundle"

    def __init__(self, svc: ExportService, job: ExportJob, target: Path,
                 key: Ed25519PrivateKey, label: str = "") -> None:
        super().__init__(svc, job.ids, target, key)
        self.job = job
        self.label = label

    def prepare(self) -> None:
        assert self.job is not None
        require_own_key(self.key, self.job.sender)


class ExportOfficeBundle(OfficeExportOperation):
    """A return (province → assessor) or upward (province → region, nation) bundle whose job
    the GUI prepared; the service's operation writes (work) and records it (finish)."""

    title = "writing bundle"

    def __init__(self, svc: OfficeBundleService, job: OfficeJob, target: Path,
                 key: Ed25519PrivateKey, label: str = "") -> None:
        super().__init__(svc, target, key)
        self.job = job
        self.label = label


# --- evidence: copy and hash off-thread, link on the caller's thread ----------------------
@dataclass
class AttachResult:
    attached: list[Evidence] = field(default_factory=list)
    failures: list[SecityError] = field(default_factory=list)


class AttachEvidence(Operation[AttachResult]):
    title = "adding evidence"

    def __init__(self, svc: AssessmentService, assessment_id: str, code: str,
                 files: list[Path]) -> None:
        self.svc, self.aid, self.code, self.files = svc, assessment_id, code, list(files)
        self._stored: list[tuple[Path, str, int, FileMeta]] = []
        self._failures: list[SecityError] = []

    def prepare(self) -> None:
        refusal = self.svc.edit_refusal(self.aid)
        if refusal is not None:
            raise ConflictError(refusal, code="not_editable", id=self.aid)
        self.blobs = self.svc.ws.blobs

    def work(self, progress: Progress) -> None:
        sizes = [p.stat().st_size if p.is_file() else 0 for p in self.files]
        total, before = sum(sizes) or 1, 0
        for path, size in zip(self.files, sizes, strict=True):
            if not path.is_file():
                self._failures.append(SecityError(
                    f"not a file: {path}", code="evidence_not_a_file", path=str(path)))
                continue
            meta = read_meta(path)
            done_before = before
            sha, stored = self.blobs.put_file(
                path, lambda d, _t, n=path.name, b=done_before: progress(b + d, total, n))
            before += size
            self._stored.append((path, sha, stored, meta))

    def finish(self) -> AttachResult:
        out = AttachResult(failures=list(self._failures))
        for path, sha, size, meta in self._stored:
            try:
                out.attached.append(
                    self.svc.attach_stored(self.aid, self.code, sha, size, path.name, meta))
            except SecityError as exc:
                out.failures.append(exc)
        return out


class CopyEvidenceOut(Operation[Path]):
    """A stored evidence file copied out under its original name (blobs have none), to open it."""

    title = "opening evidence"

    def __init__(self, svc: AssessmentService, evidence_id: int, folder: Path) -> None:
        self.svc, self.evidence_id, self.folder = svc, evidence_id, folder

    def prepare(self) -> None:
        item = self.svc.evidence_item(self.evidence_id)
        self.source = self.svc.evidence_path(item.sha256)
        self.target = self.folder / item.sha256[:16] / Path(item.original_name).name

    def work(self, progress: Progress) -> None:
        if self.target.exists():
            return
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.target.with_name(self.target.name + ".part")
            shutil.copyfile(self.source, tmp)
            tmp.replace(self.target)
        except OSError as exc:
            raise StoreError(
                f"cannot copy the evidence out to open it: {exc}", code="evidence_copy_failed",
                path=str(self.target),
            ) from None

    def finish(self) -> Path:
        return self.target


# --- tables for Excel ------------------------------------------------------------------------
class ExportSpreadsheet(Operation[int]):
    """A table streamed to CSV or XLSX with progress (rows) and cancel.

    ``prepare`` opens a snapshot of the store (``store.sheets.snapshot``: a second
    connection holding one read transaction) on the caller's thread; ``work`` scores,
    reads and writes through that snapshot only, row by row, so memory stays flat and
    the workspace's own connection is never used off its thread. ``max_rows`` is
    Excel's row limit per sheet (a smaller one in tests).
    """

    title = "exporting"

    def __init__(self, ws: Workspace, what: str, path: Path, province: str | None,
                 year: int | None, *, max_rows: int | None = None) -> None:
        self.ws, self.what, self.path, self.province, self.year = ws, what, path, province, year
        self.fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        self.max_rows = max_rows
        self.rows = 0
        self.snap: Any = None

    def prepare(self) -> None:
        spreadsheets.check_choice(self.fmt, self.what)
        self.snap = sheets.snapshot(self.ws.db)

    def work(self, progress: Progress) -> None:
        table = spreadsheets.build_table(self.snap, self.what, self.province, self.year)
        self.rows = spreadsheets.write_table(
            table, self.fmt, self.path,
            lambda done, total: progress(done, total, ""),
            max_rows=self.max_rows,
        )

    def _close(self) -> None:
        if self.snap is not None:
            sheets.close_snapshot(self.ws.db, self.snap)
            self.snap = None

    def finish(self) -> int:
        self._close()
        return self.rows

    def discard(self) -> None:
        self._close()
