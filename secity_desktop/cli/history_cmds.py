"""``secity history import|list``: earlier years' awards and tiers."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.municipality_cmds import import_verdict
from secity_desktop.core.past_results import award_label
from secity_desktop.services.history import HistoryPreview, import_history, past_results
from secity_desktop.services.register import parse_settlements


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("history", help="past results: awards and tiers of earlier years")
    hsub = p.add_subparsers(dest="history_cmd", required=True)
    im = hsub.add_parser("import", help="load past results (CSV or XLSX, Thai headers)")
    im.add_argument("file", type=Path)
    im.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    im.add_argument(
        "--level", help="area or national, for files without a level column (ระดับ)"
    )
    im.add_argument(
        "--settle", action="append", default=[], metavar="LINE=CODE",
        help="settle an ambiguous row: LINE=CODE (that record) or LINE=skip; repeatable",
    )
    add_json_flag(im)
    im.set_defaults(handler=cmd_import)
    ls = hsub.add_parser("list", help="past results across years")
    ls.add_argument("--municipality", help="a municipality's code")
    ls.add_argument("--province", help="two-digit province code")
    ls.add_argument("--year", type=int, help="fiscal year (BE)")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)


def preview_text(ctx: Context, preview: HistoryPreview, applied: bool) -> str:
    lines = []
    for p in preview.rows:
        if p.outcome == "same" and not p.reasons:
            continue
        r = p.row
        what = f"{r.year} {r.level} {r.award_text}" if r else ""
        why = "; ".join(x.message for x in p.reasons)
        line = ctx.say("import.line", "line {line}", line=f"{p.line:<5}")
        lines.append(f"{line} {p.outcome:9} {p.record or '':9} {p.label}  {what}  {why}".rstrip())
    lines.append(import_verdict(ctx, preview.file_name, applied, preview.can_apply, preview.counts))
    return "\n".join(lines)


def cmd_import(ctx: Context) -> int:
    a = ctx.args
    result = import_history(
        ctx.workspace(), a.file, level=a.level, settle=parse_settlements(a.settle), dry_run=a.dry_run
    )
    ctx.emit(result.as_json(), preview_text(ctx, result.preview, result.import_id is not None))
    return 0


def cmd_list(ctx: Context) -> int:
    a = ctx.args
    rows = past_results(
        ctx.workspace(), municipality_code=a.municipality, province_code=a.province, year=a.year
    )
    ctx.emit(
        [r.as_json() for r in rows],
        "\n".join(
            f"{r.year} {r.province_code} {r.municipality_code:9} {r.name_th}  {r.level:8}"
            f" {award_label(r.award_code, r.award_text)}"
            for r in rows
        ) or ctx.say("history.none", "no past results recorded"),
    )
    return 0
