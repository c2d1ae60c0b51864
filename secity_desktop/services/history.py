"""Past results (earlier years' awards and tiers): import with a preview, and read across years.

The same shape as the register import (``services/register.py``): prepare reads
the register and the stored results, work reads and matches the file with no
database, finish adds the new rows in one transaction. A refused row rejects
the file; ambiguous rows wait for a person's settlement. Each stored row keeps
its source: file name, SHA-256 and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secity_desktop.core.errors import ConflictError, ValidationError
from secity_desktop.core.past_results import HistoryPlan, parse_history, parse_level, plan_history
from secity_desktop.core.reference import read_table
from secity_desktop.core.register_match import RegisterIndex
from secity_desktop.services.operations import Progress, check_cancel, run_inline
from secity_desktop.services.register import RegisterFileOperation, refuse_unless_clean
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography
from secity_desktop.store import history as store
from secity_desktop.store import register as register_store

OUTCOMES = ("add", "same", "ambiguous", "refused", "skip")


@dataclass(frozen=True)
class HistoryPreview:
    file_name: str
    sha256: str
    rows: list[HistoryPlan]

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(OUTCOMES, 0)
        for p in self.rows:
            counts[p.outcome] += 1
        return counts

    @property
    def can_apply(self) -> bool:
        return self.counts["refused"] == 0 and self.counts["ambiguous"] == 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "sha256": self.sha256,
            "counts": self.counts,
            "can_apply": self.can_apply,
            "rows": [p.as_json() for p in self.rows],
        }


@dataclass(frozen=True)
class HistoryResult:
    preview: HistoryPreview
    import_id: int | None  # None for a dry run
    added: int = 0

    def as_json(self) -> dict[str, Any]:
        out = self.preview.as_json()
        out.update(dry_run=self.import_id is None, import_id=self.import_id, added=self.added)
        return out


def check_level(text: str | None) -> str | None:
    if text is None:
        return None
    level = parse_level(text)
    if level is None:
        raise ValidationError(
            f"level {text!r}: use area or national", code="history.bad_level", level=text
        )
    return level


class HistoryImport(RegisterFileOperation[HistoryResult]):
    title = "importing past results"

    def __init__(
        self,
        ws: Workspace,
        path: Path,
        *,
        level: str | None = None,
        settle: Mapping[int, str] | None = None,
        dry_run: bool = False,
    ) -> None:
        super().__init__(ws, path, settle=settle, dry_run=dry_run)
        self.level = check_level(level)
        self.preview: HistoryPreview | None = None

    def prepare(self) -> None:
        super().prepare()
        self._known = store.known(self.ws.db)

    def work(self, progress: Progress) -> None:
        check_cancel(progress, 0, 2, "reading")
        table = read_table(self.path)
        rows, problems = parse_history(table, self._provinces, self.level)
        check_cancel(progress, 1, 2, "matching")
        index = RegisterIndex(self._snapshot.records(), self._snapshot.alias_map())
        plans = plan_history(rows, problems, index, self._known, self.settle)
        self.preview = HistoryPreview(table.name, table.sha256, plans)
        check_cancel(progress, 2, 2, "")

    def finish(self) -> HistoryResult:
        assert self.preview is not None, "work() has not run"
        if self.dry_run:
            return HistoryResult(self.preview, None)
        refuse_unless_clean(self.preview, settle="LINE=CODE or LINE=skip",
                            ambiguity="match more than one record")
        db = self.ws.db
        with db.atomic():
            if register_store.snapshot(db) != self._snapshot or store.known(db) != self._known:
                raise ConflictError(
                    "the register or the past results changed since the preview; preview again",
                    code="register.changed",
                )
            import_id, added = store.add_results(
                db,
                self.preview.rows,
                file_name=self.preview.file_name,
                file_sha256=self.preview.sha256,
                actor=self.ws.actor,
            )
        return HistoryResult(self.preview, import_id, added)


def import_history(
    ws: Workspace,
    path: Path,
    *,
    level: str | None = None,
    settle: Mapping[int, str] | None = None,
    dry_run: bool = False,
) -> HistoryResult:
    return run_inline(HistoryImport(ws, path, level=level, settle=settle, dry_run=dry_run))


def past_results(
    ws: Workspace,
    *,
    municipality_code: str | None = None,
    province_code: str | None = None,
    year: int | None = None,
) -> list[store.PastResult]:
    """Results across years (newest first); a municipality may be named by any of its codes."""
    code = geography.municipality(ws.db, municipality_code).code if municipality_code else None
    if province_code:
        geography.province(ws.db, province_code)
    return store.results(ws.db, municipality_code=code, province_code=province_code, year=year)


def result_years(ws: Workspace) -> list[int]:
    return store.years(ws.db)
