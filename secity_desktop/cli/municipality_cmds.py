"""``secity municipality list|show|import``: the register of local governments."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.localgov import type_label
from secity_desktop.core.past_results import award_label
from secity_desktop.core.register_match import RowPlan
from secity_desktop.services import municipalities as svc
from secity_desktop.services.register import Preview, import_register, parse_settlements

SETTLE_HELP = "settle an ambiguous row: LINE=CODE (that record), LINE=new or LINE=skip; repeatable"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("municipality", help="the register of local governments (อปท.)")
    msub = p.add_subparsers(dest="municipality_cmd", required=True)
    ls = msub.add_parser("list", help="list local governments")
    ls.add_argument("--province", help="two-digit province code")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)
    sh = msub.add_parser("show", help="one record: forms over the years, codes, past results")
    sh.add_argument("code", help="its code or any department code it is known by")
    add_json_flag(sh)
    sh.set_defaults(handler=cmd_show)
    im = msub.add_parser(
        "import", help="load the department's register (CSV or XLSX, Thai headers)"
    )
    im.add_argument("file", type=Path)
    im.add_argument("--date", help="the list's publication date (YYYY-MM-DD)")
    im.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    im.add_argument("--settle", action="append", default=[], metavar="LINE=CODE", help=SETTLE_HELP)
    add_json_flag(im)
    im.set_defaults(handler=cmd_import)


def cmd_list(ctx: Context) -> int:
    rows = svc.municipalities(ctx.workspace(), ctx.args.province)
    ctx.emit(
        [m.as_json() for m in rows],
        "\n".join(f"{m.code:9} {m.type:7} {m.province_code} {m.name_th}" for m in rows),
    )
    return 0


def cmd_show(ctx: Context) -> int:
    d = svc.detail(ctx.workspace(), ctx.args.code)
    m = d.record
    lines = [
        f"{m.code}  {m.name_th}" + (f"  ({m.name_en})" if m.name_en else ""),
        ctx.say("municipality.type", "  type: {label} ({type})", label=type_label(m.type), type=m.type),
        ctx.say("municipality.province", "  province: {code} {name}", code=m.province_code,
                name=m.province_th)
        + (ctx.say("municipality.district", ", district {district}", district=m.district)
           if m.district else ""),
        ctx.say("municipality.official_code", "  department code: {code}", code=m.official_code or "—")
        + (ctx.say("municipality.seat", "  · provincial seat town") if m.is_seat else ""),
    ]
    if d.aliases:
        lines.append(ctx.say("municipality.aliases", "  also known by: {codes}",
                             codes=", ".join(f"{a['code']} ({a['kind']})" for a in d.aliases)))
    lines.append(ctx.say("municipality.forms", "  forms over the years:"))
    for t in d.type_history:
        since = ctx.when(t["since"]) if t["since"] else ctx.say("municipality.first_listed",
                                                                 "first listed")
        lines.append(f"    {since:12} {type_label(t['type'])}  {t['name_th']}  [{t['source']}]")
    lines.append(ctx.say("municipality.past", "  past results:") if d.history
                 else ctx.say("municipality.past_none", "  past results: none recorded"))
    for r in d.history:
        lines.append(
            f"    {r.year} {r.level:8} {award_label(r.award_code, r.award_text)}"
            + ctx.say("municipality.source", "  [{file} line {line}]", file=r.source_file,
                      line=r.source_line)
        )
    ctx.emit(d.as_json(), "\n".join(lines))
    return 0


def _details(p: RowPlan) -> str:
    if p.reasons and p.outcome.value in ("refused", "ambiguous"):
        text = "; ".join(r.message for r in p.reasons)
        return text + (f" — candidates: {', '.join(p.candidates)}" if p.candidates and "candidates" not in text else "")
    parts = [f"{c.field}: {c.old or '—'} → {c.new}" for c in p.changes]
    parts += [r.message for r in p.reasons]
    return "; ".join(parts)


def preview_text(ctx: Context, preview: Preview, applied: bool,
                 new_codes: dict[int, str] | None = None) -> str:
    new_codes = new_codes or {}
    lines = []
    hidden = 0
    for p in preview.rows:
        if p.outcome.value == "same" and not p.reasons:
            hidden += 1
            continue
        record = p.record or new_codes.get(p.line) or (p.row.code if p.row and p.row.code else "")
        name = p.row.name_th if p.row else p.label
        line = ctx.say("import.line", "line {line}", line=f"{p.line:<5}")
        lines.append(f"{line} {p.outcome.value:9} {record:9} {name}  {_details(p)}".rstrip())
    if hidden:
        lines.append(ctx.say("import.hidden", "({count} rows unchanged, not listed)", count=hidden))
    lines.append(import_verdict(ctx, preview.file_name, applied, preview.can_apply, preview.counts))
    return "\n".join(lines)


def import_verdict(ctx: Context, file_name: str, applied: bool, can_apply: bool,
                   counts: dict[str, int]) -> str:
    """The last line of an import preview (register or past results): what happened, counted."""
    shown = " · ".join(f"{k} {v}" for k, v in counts.items())
    if applied:
        return ctx.say("import.imported", "{file}: imported — {counts}", file=file_name, counts=shown)
    if can_apply:
        return ctx.say("import.would_import", "{file}: would import — {counts}", file=file_name,
                       counts=shown)
    return ctx.say("import.cannot_import", "{file}: cannot import yet — {counts}", file=file_name,
                   counts=shown)


def cmd_import(ctx: Context) -> int:
    a = ctx.args
    result = import_register(
        ctx.workspace(), a.file, list_date=a.date, settle=parse_settlements(a.settle), dry_run=a.dry_run
    )
    new_codes = result.applied.new_codes if result.applied else None
    ctx.emit(result.as_json(),
             preview_text(ctx, result.preview, result.applied is not None, new_codes))
    return 0
