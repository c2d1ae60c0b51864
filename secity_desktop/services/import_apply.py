"""Applying a checked import plan: quarantine and placing (file work), then ONE transaction.

The second of the import's two operations (``services/bundle_import.py`` has the first — the
check — and the service both use): ``work`` copies refused files to
``<data_dir>/quarantine/`` with their reason and starts renaming the verified evidence parts
to their final names on a thread of their own (``services/placing.py``: two ``os.sync``,
renames within one folder); ``finish`` writes every row in ONE transaction
(``services/import_writes.py``) meanwhile, then waits for the placing and checks, inside the
transaction and before it commits, that every file its rows refer to is there. Kept apart from
the check so each module holds one step (docs/bundle-format.md, *Applying*).
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.bundle.plan import Plan
from secity_desktop.core.io_errors import disk_guard
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services import housekeeping, key_statements
from secity_desktop.services.gc_pace import fewer_collections
from secity_desktop.services.import_writes import write_plan
from secity_desktop.services.operations import Operation, check_cancel
from secity_desktop.services.placing import Placing
from secity_desktop.store.blob_staging import drop_unreferenced, journal_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from secity_desktop.services.bundle_import import ImportService

    Progress = Callable[[int, int, str], bool]


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



class ApplyImportOperation(Operation[ImportResult]):
    """Apply a checked plan: quarantine and place evidence (work), then ONE transaction.

    ``stage_dir`` (the check's stage: its journal lists the parts) is removed when done or
    discarded. Blobs this apply renamed into place are dropped again, when the transaction
    did not commit, if no row refers to them (``store.blob_staging.drop_unreferenced``).
    """

    title = "importing bundles"

    def __init__(self, svc: ImportService, plan: Plan, *, stage_dir: Path | None = None) -> None:
        self.svc = svc
        self.plan = plan
        self.stage_dir = stage_dir
        self.result = ImportResult(plan)
        self._placed: list[str] = []
        self._placing: Placing[list[str]] | None = None

    def work(self, progress: Progress) -> None:
        steps = len(self.plan.rejected) + 1
        for n, rej in enumerate(self.plan.rejected):
            check_cancel(progress, n, steps, rej.path.name)
            kept = self.svc._quarantine(rej)
            if kept.path is not None:
                self.result.quarantined[rej.path] = kept.path
            else:  # nothing copied (over the cap, disk full …): say so, record no path
                self.result.not_quarantined[rej.path] = kept.why_not or "io_error"
        check_cancel(progress, steps - 1, steps, "evidence")
        with disk_guard("import", self.svc.ws.blobs.root):
            if self.stage_dir is None and any(vb.staged for vb in self.plan.bundles):
                # where the placing is journaled (no sweep here: work() never reads the store)
                self.stage_dir = housekeeping.new_stage(self.svc.ws.blobs.root / "tmp")
            parts = self.svc._staged_parts(self.plan)
        if parts:
            # the renames and their two os.sync run on a thread of their own while finish()
            # writes the rows; finish() waits for them before it commits (Placing)
            self._placing = Placing(self.svc._place_blobs, parts, self.stage_dir)
        progress(steps, steps, "")

    @property
    def placed(self) -> list[str]:
        """The blobs this apply renamed into place (waits for the placing, if it still runs)."""
        return self._finish_placing()

    def _finish_placing(self) -> list[str]:
        """Wait for the placing thread (once) and take what it renamed; its failure is raised
        here, as a disk error when it is one."""
        if self._placing is not None:
            placing, self._placing = self._placing, None
            try:
                with disk_guard("import", self.svc.ws.blobs.root):
                    self._placed = placing.result()
            except BaseException:
                # it failed part-way: the journal lists every blob it was about to make, so
                # discard() drops those no row refers to (the parts left: with the plan's)
                self._placed = [] if self.stage_dir is None else journal_of(self.stage_dir)[1]
                raise
            for vb in self.plan.bundles:
                vb.staged.clear()  # renamed, or dropped as already held
        return self._placed

    @placed.setter
    def placed(self, shas: list[str]) -> None:
        self._placed = shas

    def finish(self) -> ImportResult:
        """ONE transaction; a full disk is said plainly and the transaction leaves nothing.

        The evidence is being placed meanwhile (work() started it): the rows are written
        first, then the placing is waited for — its second ``os.sync`` has made the names
        durable — and only then is every file checked and the transaction committed.
        """
        now, who = now_iso(), self.svc.ws.actor
        with fewer_collections(), disk_guard("import", self.svc.ws.data_dir), self.svc.db.atomic():
            # key statements first: a rotation moves the enrolment the rows below refer to
            self.plan.statements = key_statements.apply_bundles(self.svc.ws, self.plan.bundles, who)
            self.result.applied = write_plan(
                self.svc.ws, self.plan, self.result.quarantined, now, who
            )
            self._finish_placing()  # the renames and the os.sync behind them are done
            # holding the write lock now: a sweep of another process cannot take a file away
            # between this check and the commit (store/blob_staging.drop_unreferenced)
            self.svc._require_evidence(self.plan)
        self.placed = []  # committed: rows refer to them
        self.discard()
        return self.result

    def discard(self) -> None:
        with contextlib.suppress(Exception):  # a placing that failed: its error was said
            self._finish_placing()  # never discard under a placing still renaming
        self.svc.discard(self.plan)
        if self.placed:  # renamed into place, rows never committed: not left as orphans
            with contextlib.suppress(Exception):
                drop_unreferenced(self.svc.db, self.svc.ws.blobs, self.placed)
            self.placed = []
        if self.stage_dir is not None:
            shutil.rmtree(self.stage_dir, ignore_errors=True)
