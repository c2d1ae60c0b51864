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

import contextlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secity_desktop.core.errors import SecityError, ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.models import Role, Status
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit
from secity_desktop.store.blobs import Cancelled
from secity_desktop.sync.bundle_read import VerifiedBundle, file_sha256, verify_bundle
from secity_desktop.sync.errors import BundleRejected
from secity_desktop.sync.merge import Action, Plan, Rejection, plan_import
from secity_desktop.sync.safezip import ZipLimits
from secity_desktop.sync.trust import TrustedKey, TrustRegistry

Progress = Callable[[int, int, str], bool]
"""(bytes done in this file, bytes in this file, file name) → False to cancel."""


@dataclass
class ImportResult:
    plan: Plan
    applied: list[Path] = field(default_factory=list)
    quarantined: dict[Path, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.plan.rejected

    def as_json(self) -> dict[str, object]:
        return self.plan.as_json() | {
            "applied": [p.name for p in self.applied],
            "quarantined": {p.name: str(q) for p, q in self.quarantined.items()},
        }


def require_office(ws: Workspace) -> None:
    if ws.role is Role.ASSESSOR:
        raise ValidationError(
            "importing bundles and keeping a trust registry is for a province (or higher) "
            "workspace; create one with `secity init --role province --province CODE`"
        )


class ImportService:
    def __init__(self, ws: Workspace, limits: ZipLimits | None = None) -> None:
        self.ws = ws
        self.db = ws.db
        self.limits = limits
        self.quarantine_dir = ws.data_dir / "quarantine"

    def trusted(self) -> list[TrustedKey]:
        return TrustRegistry(self.db).all()

    def known_frameworks(self) -> dict[str, Framework]:
        """Frameworks already held, so a bundle's copy is checked by hash instead of re-parsed."""
        return {str(f["hash"]): self.ws.frameworks.get(str(f["hash"])) for f in self.ws.frameworks.list()}

    # --- step 1: file work (safe in a worker thread: no database) ---------
    def new_stage(self) -> Path:
        root = self.ws.blobs.root / "tmp"
        root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=root, prefix="stage-"))

    def check_files(
        self,
        paths: Sequence[Path],
        trusted: Sequence[TrustedKey],
        *,
        stage_dir: Path | None,
        progress: Progress | None = None,
        framework_cache: dict[str, Framework] | None = None,
    ) -> tuple[list[VerifiedBundle], list[Rejection]]:
        """Verify files; reads no database when ``framework_cache`` is given (worker threads)."""
        ok: list[VerifiedBundle] = []
        bad: list[Rejection] = []
        seen: set[str] = set()
        cache = self.known_frameworks() if framework_cache is None else framework_cache
        for n, path in enumerate(paths):
            sub = None
            if stage_dir is not None:  # one folder per file: a refused one cannot take another's
                sub = stage_dir / str(n)
                sub.mkdir(exist_ok=True)

            def tick(done: int, total: int, _n: str = path.name) -> bool:
                return progress(done, total, _n) if progress is not None else True

            try:
                vb = verify_bundle(
                    path, trusted, limits=self.limits, stage_dir=sub,
                    have_blob=self.ws.blobs.exists, progress=tick, framework_cache=cache,
                )
            except BundleRejected as exc:
                sha, size = _safe_sha(path)
                bad.append(Rejection(path, exc.reason, str(exc), sha, size))
                continue
            except Cancelled:
                for v in ok:
                    v.discard_staged()
                raise
            if vb.file_sha256 in seen:  # the same file given twice: once is enough
                vb.discard_staged()
                continue
            seen.add(vb.file_sha256)
            ok.append(vb)
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
        require_office(self.ws)
        ok, bad = self.check_files(paths, self.trusted(), stage_dir=None, progress=progress)
        return self.plan(ok, bad)

    # --- step 3: apply ----------------------------------------------------
    def apply(self, plan: Plan) -> ImportResult:
        require_office(self.ws)
        result = ImportResult(plan)
        for rej in plan.rejected:
            result.quarantined[rej.path] = self._quarantine(rej)
        self._place_blobs(plan)
        now, who = now_iso(), self.ws.actor
        with self.db.atomic():
            for rej in plan.rejected:
                self._record(rej.path, rej.file_sha256 or "", rej.size, "rejected", now, who,
                             fingerprint=rej.sender_fingerprint, name=rej.sender_name,
                             reason=rej.reason, message=rej.message,
                             quarantine=str(result.quarantined[rej.path]))
                audit.append(self.db, actor=who, action="bundle.reject", at=now,
                             target=rej.file_sha256, reason=f"{rej.reason}: {rej.message}"[:500])
            for vb in plan.bundles:
                items = plan.items_of(vb)
                counts = {a: sum(1 for i in items if i.action is a) for a in Action}
                changed = len(items) - counts[Action.SKIP]
                import_id = self._record(
                    vb.path, vb.file_sha256, vb.size, "applied" if changed else "nothing_new",
                    now, who, fingerprint=vb.signer.fingerprint, name=vb.signer.name,
                    counts=counts,
                )
                for fw in vb.frameworks.values():
                    if fw.hash in {i.doc.framework.hash for i in items}:
                        self.ws.frameworks.register(fw, source=f"bundle {vb.file_sha256[:12]}")
                for item in items:
                    if item.action is not Action.SKIP:
                        self._insert(item, import_id, now, who)
                audit.append(self.db, actor=who, action="bundle.import", at=now,
                             target=vb.file_sha256,
                             new={k.value: v for k, v in counts.items()} | {
                                 "sender": vb.signer.fingerprint, "file": vb.path.name})
                result.applied.append(vb.path)
        for vb in plan.bundles:
            vb.discard_staged()
        return result

    def import_files(self, paths: Sequence[Path], progress: Progress | None = None) -> ImportResult:
        """Verify, plan and apply in one go (the CLI without --dry-run)."""
        require_office(self.ws)
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
    def _place_blobs(self, plan: Plan) -> None:
        for vb in plan.bundles:
            for sha, staged in list(vb.staged.items()):
                final = self.ws.blobs.path_for(sha)
                final.parent.mkdir(parents=True, exist_ok=True)
                if final.is_file() and final.stat().st_size == vb.evidence[sha]:
                    continue
                os.replace(staged, final)
                del vb.staged[sha]
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
                quarantine: str | None = None, counts: dict[Action, int] | None = None) -> int:
        c = counts or {}
        cur = self.db.execute(
            "INSERT INTO imports (at, by, file_name, file_sha256, size, sender_fingerprint,"
            " sender_name, result, reason, message, added, updated, skipped, conflicts,"
            " quarantine_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [now, who, path.name, sha, size, fingerprint, name, result, reason, message,
             c.get(Action.ADD, 0), c.get(Action.UPDATE, 0), c.get(Action.SKIP, 0),
             c.get(Action.CONFLICT, 0), quarantine],
        )
        return int(cur.lastrowid or 0)

    def _quarantine(self, rej: Rejection) -> Path:
        """Copy the refused file aside with its reason; the original stays where it was."""
        self.quarantine_dir.mkdir(parents=True, exist_ok=True)
        stamp = now_iso()[:19].replace(":", "").replace("-", "")
        safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in rej.path.name)[:80]
        target = self.quarantine_dir / f"{stamp}-{(rej.file_sha256 or uuid.uuid4().hex)[:12]}-{safe}"
        tmp = target.with_name(target.name + ".part")
        try:
            if rej.path.is_file():
                shutil.copyfile(rej.path, tmp)
                os.replace(tmp, target)
            reason = {"file": str(rej.path), "sha256": rej.file_sha256, "reason": rej.reason,
                      "message": rej.message, "at": now_iso()}
            target.with_name(target.name + ".reason.json").write_text(
                json.dumps(reason, ensure_ascii=False, indent=2) + "\n", "utf-8")
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
        return target

    def history(self) -> list[dict[str, object]]:
        return list(self.db.query("SELECT * FROM imports ORDER BY id DESC"))


def _safe_sha(path: Path) -> tuple[str | None, int]:
    try:
        return file_sha256(path)
    except BundleRejected:
        return None, 0
