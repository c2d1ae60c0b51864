"""Importing bundles at the office: verify (file work), plan (reads), apply (one transaction).

Import is two operations (``services.operations``), so the GUI runs the file
work on its runner and the CLI runs the same steps inline:

* :class:`CheckBundlesOperation` — ``prepare`` reads the trusted keys and the
  frameworks already held; ``work`` verifies every file in worker threads and
  writes the evidence not held yet straight into its final folder under a temp
  name (``bundle.read`` + ``store.blob_staging``; no database);
  ``finish`` reads from the store what the planner needs (:func:`read_plan_facts`)
  and lets ``bundle.plan`` decide — the dry run a person sees.
* :class:`ApplyImportOperation` (``services/import_apply.py``) — ``work`` quarantines the
  refused files and starts placing the verified evidence on a thread of its own; ``finish``
  writes everything in ONE transaction meanwhile, waits for the placing and checks, inside
  the transaction and before it commits, that every file it refers to is there.

A process killed at any moment leaves the store as it was before or after; the
parts and unreferenced blobs it left are swept at the next start (the stage's
journal lists them: ``store.blob_staging``). A refused bundle is recorded and
quarantined; the store's data is not touched and none of its files stay.
``ImportService.dry_run``, ``import_files``, ``plan``, ``apply`` and ``discard``
are the same steps as plain calls.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from secity_desktop import log
from secity_desktop.bundle.encryption import OwnKeys, sniff
from secity_desktop.bundle.plan import Plan, PlanFacts, Rejection, facts_wanted, plan_import
from secity_desktop.bundle.read import VerifiedBundle, flush_staged
from secity_desktop.bundle.safezip import ZipLimits
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected, SecityError, ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.io_errors import disk_error, disk_guard, kind_of
from secity_desktop.core.lifecycle import is_office
from secity_desktop.services import housekeeping, key_statements, verify_pool, verify_worker
from secity_desktop.services.audit_trail import anchor_notes
from secity_desktop.services.gc_pace import fewer_collections
from secity_desktop.services.import_apply import ApplyImportOperation, ImportResult
from secity_desktop.services.operations import Operation, no_progress, run_inline
from secity_desktop.services.quarantine import Kept, Quarantine
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography, revisions, transfers
from secity_desktop.store import review as rrepo
from secity_desktop.store import self_assessments as self_store
from secity_desktop.store.blob_staging import (
    BlobStaging,
    discard_parts,
    missing,
)

Progress = Callable[[int, int, str], bool]
"""(bytes done, bytes in all files, current file name) → False to cancel."""
#: Bundles verified at once: at most two threads, one on a one-core machine. Hashing,
#: inflating, Ed25519 and file creation release the GIL, but about half of verifying a bundle
#: is Python under it, so a second thread overlaps that half with the other's waiting and any
#: more only fight for the GIL: measured (branch import3, docs/performance.md) 4 threads burn
#: ≈ 0.5–1 s more CPU than 1–2 threads on 500 bundles for no shorter wall time.
VERIFY_THREADS = max(1, min(2, os.cpu_count() or 1))


def require_office(ws: Workspace) -> None:
    if not is_office(ws.role):
        raise ValidationError(
            "this is for a province (or higher) workspace; create one with "
            "`secity init --role province --province CODE`", code="role.office_only"
        )


def read_plan_facts(ws: Workspace, verified: Sequence[VerifiedBundle]) -> PlanFacts:
    """The store reads the planner needs, for exactly the keys these bundles touch."""
    db, want = ws.db, facts_wanted(verified)
    return PlanFacts(
        revision_sha=revisions.shas(db, want.assessment_ids),
        assessments=frozenset(repo.existing_ids(db, want.assessment_ids)),
        successors=repo.successors(db, want.superseded),
        first_revisions=repo.first_revisions(db, want.roots),
        municipality_province=geography.province_of(db, want.municipalities),
        municipality_names=geography.municipality_names(db, want.municipalities),
        provinces=frozenset(geography.existing_provinces(db, want.provinces)),
        self_shas=frozenset(self_store.signed_shas(
            db, [r.sha256 for vb in verified if vb.kind == "self" for r in vb.revisions])),
        decision_ids={
            k: frozenset(v) for k, v in rrepo.decision_ids(
                db, {rv.assessment_id for vb in verified for rv in vb.reviews}
            ).items()
        },
    )


class CheckBundlesOperation(Operation[Plan]):
    """Verify bundle files and plan their import (the dry run); nothing is written.

    With ``stage=True`` the evidence not held yet is copied into a staging folder
    while it is verified, ready for :class:`ApplyImportOperation`; ``discard()`` —
    after a failure, or when the person does not apply the plan — removes it.
    """

    title = "checking bundles"

    def __init__(self, svc: ImportService, paths: Sequence[Path], *, stage: bool = True,
                 own_key: OwnKeys | None = None) -> None:
        self.svc = svc
        self.paths = [Path(p) for p in paths]
        self.stage = stage
        self.own_key = own_key
        self.stage_dir: Path | None = None
        self.decrypt_dir: Path | None = None
        self.trusted: list[TrustedKey] = []
        self.frameworks: dict[str, Framework] = {}
        self.checked: tuple[list[VerifiedBundle], list[Rejection]] = ([], [])
        self.plan: Plan | None = None

    def prepare(self) -> None:
        if len(self.paths) >= verify_pool.COLD_MIN:  # workers start while the store is read
            verify_pool.warm()
        self.trusted = self.svc.trusted()
        self.frameworks = self.svc.known_frameworks()
        if self.stage:
            self.stage_dir = self.svc.new_stage()
        self.decrypt_dir = self.svc.new_stage()

    def work(self, progress: Progress) -> None:
        self.checked = self.svc.check_files(
            self.paths, self.trusted, stage_dir=self.stage_dir,
            progress=None if progress is no_progress else progress,  # nobody watching: no ticks
            framework_cache=self.frameworks, own_key=self.own_key, decrypt_dir=self.decrypt_dir,
        )

    def finish(self) -> Plan:
        self.discard_decrypt_dir()  # every decrypted copy is gone already; the folder goes too
        self.plan = self.svc.plan(*self.checked)
        return self.plan

    def discard(self) -> None:
        for vb in self.checked[0]:
            vb.discard_staged()
        if self.stage_dir is not None:
            shutil.rmtree(self.stage_dir, ignore_errors=True)
        self.discard_decrypt_dir()

    def discard_decrypt_dir(self) -> None:
        if self.decrypt_dir is not None:
            shutil.rmtree(self.decrypt_dir, ignore_errors=True)
            self.decrypt_dir = None


class ImportService:
    def __init__(self, ws: Workspace, limits: ZipLimits | None = None) -> None:
        self.ws = ws
        self.db = ws.db
        self.limits = limits
        self.quarantine_dir = ws.data_dir / "quarantine"

    def trusted(self) -> list[TrustedKey]:
        # + revocations received about keys not enrolled here (vouched revisions are judged by them)
        return TrustService(self.ws).all() + key_statements.revoked_history(self.ws)

    def known_frameworks(self) -> dict[str, Framework]:
        """Frameworks already held, so a bundle's copy is checked by hash instead of re-parsed."""
        return {str(f["hash"]): self.ws.frameworks.get(str(f["hash"])) for f in self.ws.frameworks.list()}

    # --- the operations ---------------------------------------------------
    def check_operation(self, paths: Sequence[Path], *, stage: bool = True,
                        own_key: OwnKeys | None = None) -> CheckBundlesOperation:
        return CheckBundlesOperation(self, paths, stage=stage, own_key=own_key)

    @staticmethod
    def needs_key(paths: Sequence[Path]) -> bool:
        """Whether any of these files is encrypted (the front end then unlocks the key)."""
        for p in paths:
            try:
                if sniff(Path(p)) == "age":
                    return True
            except BundleRejected:
                continue  # unreadable: refused by the check itself, with its reason
        return False

    def apply_operation(self, plan: Plan, *, stage_dir: Path | None = None) -> ApplyImportOperation:
        return ApplyImportOperation(self, plan, stage_dir=stage_dir)

    # --- step 1: file work (safe in a worker thread: no database) ---------
    def new_stage(self) -> Path:
        """A fresh staging folder owned by this process (abandoned ones are swept at start)."""
        root = self.ws.blobs.root / "tmp"
        with disk_guard("import", root):
            housekeeping.clean_staging(root, drop=housekeeping.drop_for(self.ws))
            return housekeeping.new_stage(root)

    def check_files(
        self,
        paths: Sequence[Path],
        trusted: Sequence[TrustedKey],
        *,
        stage_dir: Path | None,
        progress: Progress | None = None,
        framework_cache: dict[str, Framework] | None = None,
        own_key: OwnKeys | None = None,
        decrypt_dir: Path | None = None,
    ) -> tuple[list[VerifiedBundle], list[Rejection]]:
        """Verify files; reads no database when ``framework_cache`` is given (worker threads).

        A big import is shared with worker processes (``services/verify_pool.py``: this
        process verifies from the front, they take chunks from the back; an encrypted file is
        decrypted here and a worker gets the plain copy). A small one, or one with no worker worth starting, is verified here two files at
        a time (``VERIFY_THREADS``): hashing, inflating, Ed25519 and file I/O release the GIL,
        so the second thread overlaps them with the first's Python. Either way the results keep
        the order the files were given in, so the plan does too.
        """
        cache = self.known_frameworks() if framework_cache is None else framework_cache
        staging = None if stage_dir is None else BlobStaging(self.ws.blobs, stage_dir)
        try:
            with fewer_collections():  # ≈ 200 collector passes otherwise (services/gc_pace.py)
                return self._check_files(paths, trusted, staging, progress, cache, own_key,
                                         decrypt_dir or stage_dir or self.ws.blobs.root / "tmp")
        finally:
            if staging is not None:
                staging.close()

    def _check_files(
        self,
        paths: Sequence[Path],
        trusted: Sequence[TrustedKey],
        staging: BlobStaging | None,
        progress: Progress | None,
        cache: dict[str, Framework],
        own_key: OwnKeys | None,
        decrypt_dir: Path,
    ) -> tuple[list[VerifiedBundle], list[Rejection]]:
        sizes = [_size(p) for p in paths]
        total = sum(sizes)
        done_per_file = [0] * len(paths)
        lock = threading.Lock()
        cancelled = threading.Event()

        def one(n: int) -> VerifiedBundle | Rejection:
            path = paths[n]

            def tick(done: int, _total: int) -> bool:
                if progress is not None:
                    with lock:
                        done_per_file[n] = min(done, sizes[n])
                        overall = sum(done_per_file)
                    if progress(overall, total, path.name) is False:
                        cancelled.set()
                return not cancelled.is_set()

            try:
                # parts are named for the file's number: a refused one cannot take another's
                vb = verify_worker.verify_or_refuse(
                    path, trusted, own_key=own_key, decrypt_dir=decrypt_dir, limits=self.limits,
                    stager=None if staging is None else staging.stager(n), progress=tick,
                    cache=cache,
                )
            except OSError as exc:  # a full evidence disk names the disk, not a traceback
                full = kind_of(exc) == "no_space" and staging is not None
                raise disk_error(exc, "import", self.ws.blobs.root if full else path) from exc
            tick(sizes[n], total)
            return vb

        def finished(n: int | None) -> bool:  # a worker process's file n is done (None: waiting)
            if progress is None:
                return True
            with lock:
                if n is not None:
                    done_per_file[n] = sizes[n]
                overall = sum(done_per_file)
            if progress(overall, total, "" if n is None else paths[n].name) is False:
                cancelled.set()
            return not cancelled.is_set()

        shared = verify_pool.share(
            paths, one, sealed=[own_key is not None and _encrypted(p) for p in paths],
            # an age file is decrypted here and only its plain copy goes to a worker: the
            # office's key never leaves this process
            unseal=lambda n: verify_worker.unseal(paths[n], trusted, own_key, decrypt_dir),
            context=(list(trusted), cache, self.limits, self.ws.blobs.root,
                     None if staging is None else staging.stage),
            cache=cache, done_file=finished,
        )
        if shared is not None:
            return _dedup(shared)
        results: list[VerifiedBundle | Rejection | BaseException] = []
        with ThreadPoolExecutor(max_workers=VERIFY_THREADS) as pool:
            futures = [pool.submit(one, n) for n in range(len(paths))]
            for f in futures:
                try:
                    results.append(f.result())
                except BaseException as exc:  # Cancelled, or a bug: stop the rest, clean up
                    cancelled.set()
                    results.append(exc)
        failure = next((r for r in results if isinstance(r, BaseException)), None)
        if failure is not None:
            for r in results:
                if isinstance(r, VerifiedBundle):
                    r.discard_staged()
            raise failure
        return _dedup([r for r in results if not isinstance(r, BaseException)])

    # --- step 2: the dry run (database reads only) ------------------------
    def plan(self, verified: Sequence[VerifiedBundle], rejected: Sequence[Rejection] = ()) -> Plan:
        """Read what the bundles touch from the store, then let ``bundle.plan`` decide."""
        plan = plan_import(
            read_plan_facts(self.ws, verified), verified, rejected,
            role=self.ws.role, province=self.ws.province_code or None,
        )
        plan.anchors = anchor_notes(self.ws, plan.bundles)
        plan.statements = key_statements.previews(self.ws, plan.bundles)
        kept = {vb.path for vb in plan.bundles}
        for vb in verified:
            if vb.path not in kept:
                vb.discard_staged()
        return plan

    def dry_run(self, paths: Sequence[Path], progress: Progress | None = None,
                own_key: OwnKeys | None = None) -> Plan:
        return run_inline(self.check_operation(paths, stage=False, own_key=own_key),
                          progress or no_progress)

    def sender_claim(self, path: Path) -> Rejection:
        """Who a bundle refused for an unknown signer claims to be, with the key it carries.

        What "enrol this sender…" (GUI) and ``secity trust add --from-bundle`` enrol, once a
        person has compared the fingerprint with the sender; any other bundle is refused.
        """
        plan = self.dry_run([path])
        claim = next((r for r in plan.rejected if r.reason == "unknown_signer"), None)
        if claim is None or not claim.sender_public:
            for vb in plan.bundles:
                vb.discard_staged()
            raise ValidationError(
                f"{Path(path).name} is not refused for an unknown signer; there is no sender to enrol",
                code="trust.sender_not_enrolable", file=Path(path).name,
            )
        return claim

    # --- step 3: apply ----------------------------------------------------
    def apply(self, plan: Plan) -> ImportResult:
        """One transaction for the whole plan; a full disk is said plainly, the store unchanged."""
        with disk_guard("import", self.ws.data_dir), log.operation("bundle.import.apply") as facts:
            result = self._apply(plan)
            facts.update(applied=len(result.applied), refused=len(plan.rejected),
                         quarantined=len(result.quarantined))
            return result

    def _apply(self, plan: Plan) -> ImportResult:
        """One transaction for the whole plan; the bundle's kind decides what reviews mean."""
        return run_inline(self.apply_operation(plan))

    def import_files(self, paths: Sequence[Path], progress: Progress | None = None,
                     own_key: OwnKeys | None = None) -> ImportResult:
        """Verify, plan and apply in one go (the CLI without --dry-run)."""
        check = self.check_operation(paths, own_key=own_key)
        plan = run_inline(check, progress or no_progress)
        return run_inline(self.apply_operation(plan, stage_dir=check.stage_dir))

    def discard(self, plan: Plan) -> None:
        for vb in plan.bundles:
            discard_parts(vb.staged.values())
            vb.staged.clear()

    # --- file work of the apply step --------------------------------------
    @staticmethod
    def _staged_parts(plan: Plan) -> list[tuple[str, Path, int]]:
        """(sha, part, size) of every verified part the plan keeps."""
        return [(sha, p, vb.evidence[sha]) for vb in plan.bundles for sha, p in vb.staged.items()]

    def _place_blobs(self, parts: list[tuple[str, Path, int]], stage_dir: Path | None) -> list[str]:
        """Rename verified parts into place (same folder); returns the blobs made.

        Touches files only (no store, no plan): it runs on the placing thread.
        """
        assert stage_dir is not None, "parts are placed with a stage to journal in"
        staging = BlobStaging(self.ws.blobs, stage_dir)
        try:
            return staging.place(parts, flush_staged)
        finally:
            staging.close()

    def _require_evidence(self, plan: Plan) -> None:
        """Every file the plan's rows refer to is in the store (called inside the transaction)."""
        gone = missing(self.ws.blobs, [s for vb in plan.bundles for s in vb.evidence])
        if gone:  # only if the evidence folder changed under us since the check
            raise SecityError(
                f"evidence {gone[0][:12]}… vanished during the import; run it again",
                code="import_evidence_vanished", sha256=gone[0][:12],
            )

    def _quarantine(self, rej: Rejection) -> Kept:
        """Copy the refused file aside with its reason (de-duplicated, capped); see quarantine.py."""
        return Quarantine.for_workspace(self.ws).keep(
            rej.path, rej.file_sha256, rej.size, rej.reason, rej.message)

    def history(self) -> list[dict[str, object]]:
        return transfers.import_history(self.db)


def _dedup(results: Sequence[VerifiedBundle | Rejection]) -> tuple[list[VerifiedBundle], list[Rejection]]:
    """Verified and refused files in input order; the same file given twice counts once."""
    ok: list[VerifiedBundle] = []
    bad: list[Rejection] = []
    seen: set[str] = set()
    for r in results:
        if isinstance(r, Rejection):
            bad.append(r)
        elif isinstance(r, VerifiedBundle):
            if r.file_sha256 in seen:  # the same file given twice: once is enough
                r.discard_staged()
                continue
            seen.add(r.file_sha256)
            ok.append(r)
    return ok, bad


def _encrypted(path: Path) -> bool:
    """An age file: decrypted in this process (the own key is never sent to a worker)."""
    try:
        return sniff(Path(path)) == "age"
    except BundleRejected:
        return False  # unreadable: refused alike wherever it is checked


def _opt_str(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
