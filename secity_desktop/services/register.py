"""Importing the department's register of local governments: preview (dry run), settle, apply.

One :class:`RegisterImport` operation serves the CLI and the GUI:
``prepare`` reads the register from the store, ``work`` reads the file and
matches every row (no database: the GUI may run it off its thread), ``finish``
writes in one transaction — or, for a dry run, writes nothing and returns the
preview. A file with a refused row changes nothing (line-numbered reasons); an
ambiguous row must be settled by a person (``settle={line: code|'new'|'skip'}``)
before anything is written. See docs/register.md for the matching rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from secity_desktop.core.errors import ConflictError, ValidationError
from secity_desktop.core.reference import (
    ImportRejected,
    Provinces,
    RowProblem,
    parse_register,
    read_table,
)
from secity_desktop.core.register_match import (
    NEW,
    SKIP,
    Outcome,
    RegisterIndex,
    RowPlan,
    plan_register,
    summary,
)
from secity_desktop.services.operations import Operation, Progress, check_cancel, run_inline
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography
from secity_desktop.store import register as store


def parse_settlements(items: Iterable[str]) -> dict[int, str]:
    """``LINE=CODE``, ``LINE=new`` or ``LINE=skip`` → {line: choice} (the CLI's ``--settle``)."""
    out: dict[int, str] = {}
    for item in items:
        line, sep, choice = item.partition("=")
        choice = choice.strip()
        if not sep or not line.strip().isdigit() or not choice:
            raise ValidationError(
                f"--settle {item!r}: write LINE=CODE, LINE={NEW} or LINE={SKIP}",
                code="register.bad_settlement",
                value=item,
            )
        out[int(line)] = choice.lower() if choice.lower() in (NEW, SKIP) else choice
    return out


def check_list_date(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValidationError(
            f"list date {text!r}: use YYYY-MM-DD", code="register.bad_list_date", value=text
        ) from None


@dataclass(frozen=True)
class Preview:
    """What an import would do, row by row; ``can_apply`` when nothing is refused or ambiguous."""

    file_name: str
    sha256: str
    rows: list[RowPlan]

    @property
    def counts(self) -> dict[str, int]:
        return summary(self.rows)

    @property
    def can_apply(self) -> bool:
        c = self.counts
        return c["refused"] == 0 and c["ambiguous"] == 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "sha256": self.sha256,
            "counts": self.counts,
            "can_apply": self.can_apply,
            "rows": [p.as_json() for p in self.rows],
        }


@dataclass(frozen=True)
class ImportResult:
    preview: Preview
    applied: store.Applied | None  # None for a dry run

    def as_json(self) -> dict[str, Any]:
        out = self.preview.as_json()
        out["dry_run"] = self.applied is None
        if self.applied is not None:
            out["list_id"] = self.applied.list_id
            out["type_changes"] = self.applied.type_changes
            out["new_codes"] = {str(k): v for k, v in self.applied.new_codes.items()}
        return out


R = TypeVar("R")


def refuse_unless_clean(
    preview: Any,
    *,
    settle: str = "LINE=CODE, LINE=new or LINE=skip",
    ambiguity: str = "match more than one record or may be another body",
) -> None:
    """The all-or-nothing rule of a register or past-results file: refused rows reject the
    file; ambiguous rows wait for a person (``settle`` names the answers the file type takes)."""
    refused = [p for p in preview.rows if p.outcome == Outcome.REFUSED]
    if refused:
        problems = [
            RowProblem(p.line, "; ".join(r.message for r in p.reasons), p.reasons[0].code if p.reasons else "row.invalid")
            for p in refused
        ]
        raise ImportRejected(preview.file_name, problems, len(problems))
    waiting = [p.line for p in preview.rows if p.outcome == Outcome.AMBIGUOUS]
    if waiting:
        raise ValidationError(
            f"{preview.file_name}: nothing was changed — {len(waiting)} row(s) {ambiguity}"
            f" (lines {', '.join(map(str, waiting[:20]))}); settle each with --settle {settle}",
            code="register.unsettled",
            file=preview.file_name,
            count=len(waiting),
            lines=waiting[:20],
        )


class RegisterFileOperation(Operation[R]):
    """What a register or past-results file import shares: the file, the person's settlements,
    dry run or not, and the register as it stood when the preview was made (``prepare``)."""

    def __init__(
        self,
        ws: Workspace,
        path: Path,
        *,
        settle: Mapping[int, str] | None = None,
        dry_run: bool = False,
    ) -> None:
        self.ws = ws
        self.path = Path(path)
        self.settle = dict(settle or {})
        self.dry_run = dry_run

    def prepare(self) -> None:
        self._snapshot = store.snapshot(self.ws.db)
        self._provinces = Provinces(geography.province_name_rows(self.ws.db))

    def record_names(self) -> dict[str, str]:
        """code → Thai name of the records read in ``prepare`` (to name a row's candidates)."""
        return {r.code: r.name_th for r in self._snapshot.records()}


class RegisterImport(RegisterFileOperation[ImportResult]):
    title = "importing the register of local governments"

    def __init__(
        self,
        ws: Workspace,
        path: Path,
        *,
        list_date: str | None = None,
        settle: Mapping[int, str] | None = None,
        dry_run: bool = False,
    ) -> None:
        super().__init__(ws, path, settle=settle, dry_run=dry_run)
        self.list_date = check_list_date(list_date)
        self.preview: Preview | None = None

    def work(self, progress: Progress) -> None:
        check_cancel(progress, 0, 3, "reading")
        table = read_table(self.path)
        check_cancel(progress, 1, 3, "checking rows")
        rows, problems = parse_register(table, self._provinces)
        check_cancel(progress, 2, 3, "matching")
        index = RegisterIndex(self._snapshot.records(), self._snapshot.alias_map())
        self.preview = Preview(table.name, table.sha256, plan_register(rows, problems, index, self.settle))
        check_cancel(progress, 3, 3, "")

    def finish(self) -> ImportResult:
        assert self.preview is not None, "work() has not run"
        if self.dry_run:
            return ImportResult(self.preview, None)
        refuse_unless_clean(self.preview)
        db = self.ws.db
        with db.atomic():
            if store.snapshot(db) != self._snapshot:
                raise ConflictError(
                    "the register changed since the preview; preview the file again",
                    code="register.changed",
                )
            applied = store.apply_plan(
                db,
                self.preview.rows,
                file_name=self.preview.file_name,
                file_sha256=self.preview.sha256,
                list_date=self.list_date,
                actor=self.ws.actor,
            )
        return ImportResult(self.preview, applied)


def import_register(
    ws: Workspace,
    path: Path,
    *,
    list_date: str | None = None,
    settle: Mapping[int, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Run the operation inline (CLI, scripts, tests)."""
    op = RegisterImport(ws, path, list_date=list_date, settle=settle, dry_run=dry_run)
    return run_inline(op) if progress is None else run_inline(op, progress)
