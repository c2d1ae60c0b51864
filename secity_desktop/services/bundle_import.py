"""Importing bundles at the office: verify (file work), plan (reads), apply (one transaction).

The three steps are separate so the GUI can verify in a worker thread, show
the dry-run table, and apply on the GUI thread. Evidence is copied while it is
verified into a staging folder beside the blob store; applying renames the
staged files into place and then commits every row in ONE transaction, so a
process killed at any moment leaves the store as it was before or after (a
renamed blob without rows is invisible and harmless: blobs are
content-addressed). A refused bundle is copied to ``<data_dir>/quarantine/``
with its reason, and recorded; the store's data is not touched.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from secity_desktop import log
from secity_desktop.bundle.plan import Action, Plan, Rejection, plan_import
from secity_desktop.bundle.read import VerifiedBundle, file_sha256, flush_staged, verify_bundle
from secity_desktop.bundle.safezip import ZipLimits
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected, SecityError, ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.io_errors import disk_error, disk_guard, kind_of
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services import housekeeping
from secity_desktop.services.quarantine import Kept, Quarantine
from secity_desktop.services.review.apply import apply_reviews
from secity_desktop.services.review.workflow import on_new_revision
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit

Progress = Callable[[int, int, str], bool]
"""(bytes done, bytes in all files, current file name) → False to cancel."""
VERIFY_THREADS = max(1, min(4, os.cpu_count() or 1))


@dataclass
class ImportResult:
    plan: Plan
    applied: list[Path] = field(default_factory=list)
    quarantined: dict[Path, Path] = field(default_factory=dict)
    #: refused files of which no copy was kept, and why (over_cap, no_space, unreadable …)
    not_quarantined: dict[Path, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.plan.rejected

    def as_json(self) -> dict[str, object]:
        return self.plan.as_json() | {
            "applied": [p.name for p in self.applied],
            "quarantined": {p.name: str(q) for p, q in self.quarantined.items()},
            "not_quarantined": {p.name: why for p, why in self.not_quarantined.items()},
        }


def require_office(ws: Workspace) -> None:
    if ws.role is Role.ASSESSOR:
        raise ValidationError(
            "this is for a province (or higher) workspace; create one with "
            "`secity init --role province --province CODE`"
        )


class ImportService:
    def __init__(self, ws: Workspace, limits: ZipLimits | None = None) -> None:
        self.ws = ws
        self.db = ws.db
        self.limits = limits
        self.quarantine_dir = ws.data_dir / "quarantine"

    def trusted(self) -> list[TrustedKey]:
        return TrustService(self.ws).all()

    def known_frameworks(self) -> dict[str, Framework]:
        """Frameworks already held, so a bundle's copy is checked by hash instead of re-parsed."""
        return {str(f["hash"]): self.ws.frameworks.get(str(f["hash"])) for f in self.ws.frameworks.list()}

    # --- step 1: file work (safe in a worker thread: no database) ---------
    def new_stage(self) -> Path:
        """A fresh staging folder owned by this process (abandoned ones are swept at start)."""
        root = self.ws.blobs.root / "tmp"
        with disk_guard("import", root):
            housekeeping.clean_staging(root)
            return housekeeping.new_stage(root)

    def check_files(
        self,
        paths: Sequence[Path],
        trusted: Sequence[TrustedKey],
        *,
        stage_dir: Path | None,
        progress: Progress | None = None,
        framework_cache: dict[str, Framework] | None = None,
    ) -> tuple[list[VerifiedBundle], list[Rejection]]:
        """Verify files; reads no database when ``framework_cache`` is given (worker threads).

        Files are verified a few at a time in threads: hashing, inflating and file I/O release
        the GIL, so a batch of bundles goes nearly as many times faster as there are cores.
        Results keep the order the files were given in, so the plan does too.
        """
        cache = self.known_frameworks() if framework_cache is None else framework_cache
        sizes = [_size(p) for p in paths]
        total = sum(sizes)
        done_per_file = [0] * len(paths)
        lock = threading.Lock()
        cancelled = threading.Event()

        def one(n: int) -> VerifiedBundle | Rejection:
            path = paths[n]
            sub = None
            if stage_dir is not None:  # one folder per file: a refused one cannot take another's
                sub = stage_dir / str(n)  # made by the verifier when it first stages a file

            def tick(done: int, _total: int) -> bool:
                if progress is not None:
                    with lock:
                        done_per_file[n] = min(done, sizes[n])
                        overall = sum(done_per_file)
                    if progress(overall, total, path.name) is False:
                        cancelled.set()
                return not cancelled.is_set()

            try:
                vb = verify_bundle(
                    path, trusted, limits=self.limits, stage_dir=sub,
                    have_blob=self.ws.blobs.exists, progress=tick, framework_cache=cache,
                )
            except BundleRejected as exc:
                sha, size = _safe_sha(path)
                return Rejection(path, exc.reason, str(exc), sha, size)
            except OSError as exc:  # a full staging disk names the disk, not a traceback
                full = kind_of(exc) == "no_space" and stage_dir is not None
                raise disk_error(exc, "import", stage_dir if full else path) from exc
            tick(sizes[n], total)
            return vb

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

    # --- step 2: the dry run (database reads only) ------------------------
    def plan(self, verified: Sequence[VerifiedBundle], rejected: Sequence[Rejection] = ()) -> Plan:
        plan = plan_import(
            self.db, verified, rejected, role=self.ws.role, province=self.ws.province_code or None
        )
        kept = {vb.path for vb in plan.bundles}
        for vb in verified:
            if vb.path not in kept:
                vb.discard_staged()
        return plan

    def dry_run(self, paths: Sequence[Path], progress: Progress | None = None) -> Plan:
        ok, bad = self.check_files(paths, self.trusted(), stage_dir=None, progress=progress)
        return self.plan(ok, bad)

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
        result = ImportResult(plan)
        for rej in plan.rejected:
            kept = self._quarantine(rej)
            if kept.path is not None:
                result.quarantined[rej.path] = kept.path
            else:
                result.not_quarantined[rej.path] = kept.why_not or "io_error"
        self._place_blobs(plan)
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            for rej in plan.rejected:
                self._record(rej.path, rej.file_sha256 or "", rej.size, "rejected", now, who,
                             fingerprint=rej.sender_fingerprint, name=rej.sender_name,
                             reason=rej.reason, message=rej.message,
                             quarantine=_opt_str(result.quarantined.get(rej.path)))
                audit.append(self.db, actor=who, action="bundle.reject", at=now,
                             target=rej.file_sha256, reason=f"{rej.reason}: {rej.message}"[:500])
            grouped = plan.items_by_bundle()
            review_groups = plan.reviews_by_bundle()
            for vb in plan.bundles:
                items = grouped[vb.path]
                reviews = review_groups[vb.path]
                counts = {a: sum(1 for i in items if i.action is a) for a in Action}
                changed = len(items) - counts[Action.SKIP]
                changed += sum(1 for r in reviews if r.action is not Action.SKIP)
                if vb.kind == "upward":
                    self._add_municipalities(vb, now, who)
                import_id = self._record(
                    vb.path, vb.file_sha256, vb.size, "applied" if changed else "nothing_new",
                    now, who, fingerprint=vb.signer.fingerprint, name=vb.signer.name,
                    counts=counts, kind=vb.kind,
                )
                for fw in vb.frameworks.values():
                    if fw.hash in {i.doc.framework.hash for i in items}:
                        self.ws.frameworks.register(fw, source=f"bundle {vb.file_sha256[:12]}")
                for item in items:
                    if item.action is not Action.SKIP:
                        self._insert(item, import_id, now, who)
                        if vb.kind == "field":
                            on_new_revision(self.ws, item.doc.id)
                apply_reviews(self.ws, vb, reviews, now, who)
                audit.append(self.db, actor=who, action="bundle.import", at=now,
                             target=vb.file_sha256,
                             new={k.value: v for k, v in counts.items()} | {
                                 "sender": vb.signer.fingerprint, "file": vb.path.name,
                                 "kind": vb.kind, "reviews": len(reviews)})
                result.applied.append(vb.path)
        for vb in plan.bundles:
            vb.discard_staged()
        return result

    def import_files(self, paths: Sequence[Path], progress: Progress | None = None) -> ImportResult:
        """Verify, plan and apply in one go (the CLI without --dry-run)."""
        stage = self.new_stage()
        try:
            ok, bad = self.check_files(paths, self.trusted(), stage_dir=stage, progress=progress)
            return self.apply(self.plan(ok, bad))
        finally:
            shutil.rmtree(stage, ignore_errors=True)

    def discard(self, plan: Plan) -> None:
        for vb in plan.bundles:
            vb.discard_staged()

    # --- helpers ----------------------------------------------------------
    def _add_municipalities(self, vb: VerifiedBundle, now: str, who: str) -> None:
        """An upward bundle's municipalities the region or nation has not listed yet.

        The sending province vouches for them (its key signed the manifest and
        the reader checked every one lies in its province), so they are added,
        marked with where they came from; known ones are left as they are.
        """
        for m in vb.manifest.municipalities:
            added = self.db.execute(
                "INSERT OR IGNORE INTO municipalities (code, name_th, name_en, type, province_code,"
                " is_seat, source) VALUES (?, ?, ?, ?, ?, 0, ?)",
                [m.code, m.name_th, m.name_en, m.type, m.province_code,
                 f"upward bundle from {vb.signer.name} {vb.file_sha256[:12]}"],
            ).rowcount
            if added:
                audit.append(self.db, actor=who, action="municipality.add", at=now, target=m.code,
                             new={"name_th": m.name_th, "province": m.province_code,
                                  "from": vb.file_sha256})

    def _place_blobs(self, plan: Plan) -> None:
        staged = any(vb.staged for vb in plan.bundles)
        if staged:
            flush_staged()  # the staged bytes are on disk before their final names appear
        made: set[Path] = set()
        for vb in plan.bundles:
            for sha, staged in list(vb.staged.items()):
                final = self.ws.blobs.path_for(sha)
                if final.parent not in made:
                    final.parent.mkdir(parents=True, exist_ok=True)
                    made.add(final.parent)
                if final.is_file() and final.stat().st_size == vb.evidence[sha]:
                    continue
                os.replace(staged, final)
                del vb.staged[sha]
        if staged:
            flush_staged()  # and the renames, before the rows that refer to them commit
        missing = [s for vb in plan.bundles for s in vb.evidence if not self.ws.blobs.exists(s)]
        if missing:  # only if the evidence folder changed under us since the check
            raise SecityError(f"evidence {missing[0][:12]}… vanished during the import; run it again")

    def _insert(self, item, import_id: int, now: str, who: str) -> None:  # type: ignore[no-untyped-def]
        d, rev = item.doc, item.revision
        self.db.execute(
            "INSERT INTO assessments (id, municipality_code, year, framework_hash, status, revision,"
            " supersedes, created_at, created_by, updated_at, updated_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [d.id, d.municipality.code, d.year, d.framework.hash, Status.RECEIVED.value,
             d.revision, d.supersedes, d.created_at, d.created_by, now, who],
        )
        self.db.conn.executemany(
            "INSERT INTO responses (assessment_id, indicator_code, level, note, updated_at,"
            " updated_by) VALUES (?, ?, ?, ?, ?, ?)",
            [(d.id, r.indicator, r.level, r.note, r.updated_at, r.updated_by) for r in d.responses],
        )
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)",
            [(e.sha256, e.size, now) for e in d.evidence],
        )
        self.db.conn.executemany(
            "INSERT INTO evidence (assessment_id, indicator_code, sha256, original_name, mime, size,"
            " captured_at, gps_lat, gps_lon, added_at, added_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.id, e.indicator, e.sha256, e.name, e.mime, e.size, e.captured_at, e.gps_lat,
              e.gps_lon, e.added_at, e.added_by) for e in d.evidence],
        )
        self.db.execute(
            "INSERT INTO revisions (assessment_id, sha256, content, signature, signer_fingerprint,"
            " finalized_at, source) VALUES (?, ?, ?, ?, ?, ?, 'import')",
            [d.id, rev.sha256, rev.content.decode("utf-8"), rev.signature,
             rev.signer.fingerprint, d.finalized_at],
        )
        if item.action is Action.CONFLICT and item.other_id:
            self.db.execute(
                "INSERT INTO revision_conflicts (assessment_id, other_id, supersedes, kind,"
                " import_id, flagged_at) VALUES (?, ?, ?, ?, ?, ?)",
                [d.id, item.other_id, d.supersedes, "fork" if d.supersedes else "parallel",
                 import_id, now],
            )
        audit.append(
            self.db, actor=who, action="assessment.receive", assessment_id=d.id, at=now,
            new={"status": Status.RECEIVED.value, "revision": d.revision,
                 "supersedes": d.supersedes, "sha256": rev.sha256, "action": item.action.value,
                 "signer": rev.signer.fingerprint},
        )

    def _record(self, path: Path, sha: str, size: int, result: str, now: str, who: str, *,
                fingerprint: str | None = None, name: str | None = None,
                reason: str | None = None, message: str | None = None,
                quarantine: str | None = None, counts: dict[Action, int] | None = None,
                kind: str = "field") -> int:
        c = counts or {}
        cur = self.db.execute(
            "INSERT INTO imports (at, by, file_name, file_sha256, size, sender_fingerprint,"
            " sender_name, result, reason, message, added, updated, skipped, conflicts,"
            " quarantine_path, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [now, who, path.name, sha, size, fingerprint, name, result, reason, message,
             c.get(Action.ADD, 0), c.get(Action.UPDATE, 0), c.get(Action.SKIP, 0),
             c.get(Action.CONFLICT, 0), quarantine, kind],
        )
        return int(cur.lastrowid or 0)

    def _quarantine(self, rej: Rejection) -> Kept:
        """Copy the refused file aside with its reason (de-duplicated, capped); see quarantine.py."""
        return Quarantine.for_workspace(self.ws).keep(
            rej.path, rej.file_sha256, rej.size, rej.reason, rej.message)

    def history(self) -> list[dict[str, object]]:
        return list(self.db.query("SELECT * FROM imports ORDER BY id DESC"))


def _opt_str(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _safe_sha(path: Path) -> tuple[str | None, int]:
    try:
        return file_sha256(path)
    except BundleRejected:
        return None, 0
