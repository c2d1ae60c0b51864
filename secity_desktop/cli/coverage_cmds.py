"""``secity coverage``: which of the 76 provinces have assessed their seat town and chosen a model town."""

from __future__ import annotations

import argparse
import datetime as dt

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.thai_calendar import fiscal_year_be
from secity_desktop.services.coverage import CoverageService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    c = sub.add_parser(
        "coverage", help="region/national: seat towns assessed and model towns chosen, per province"
    )
    c.add_argument("--year", type=int, help="fiscal year in BE (default: the latest with data)")
    c.add_argument("--region", type=int, help="only the provinces of this regional office (1-16)")
    c.add_argument("--missing", action="store_true", help="only provinces still missing something")
    add_json_flag(c)
    c.set_defaults(handler=cmd_coverage)


def cmd_coverage(ctx: Context) -> int:
    svc = CoverageService(ctx.workspace())
    year = ctx.args.year or next(iter(svc.years()), None) or fiscal_year_be(dt.date.today())
    if ctx.args.region is not None and not 1 <= ctx.args.region <= 16:
        raise ValidationError("--region takes a regional environment office number, 1 to 16",
                              code="cli.bad_region")
    rep = svc.report(year, ctx.args.region)
    rows = rep.provinces
    if ctx.args.missing:
        rows = [p for p in rows if not p.seat_approved or p.model_town is None]
    data = rep.as_json() | {"rows": [p.as_json() for p in rows]}
    lines = [
        ctx.say("coverage.summary",
                "fiscal year {year}: {seats}/{count} provinces have an approved seat-town "
                "assessment, {towns}/{count} a model town",
                year=year, seats=rep.with_seat_approved, towns=rep.with_model_town,
                count=len(rep.provinces)),
    ]
    for p in rows:
        seat = (ctx.say("coverage.seat_yes", "seat ✓") if p.seat_approved
                else ctx.say("coverage.seat_no", "seat —"))
        town = (ctx.say("coverage.model_town", "model town {name}", name=p.model_town.name_th)
                if p.model_town else ctx.say("coverage.no_model_town", "no model town"))
        approved = ctx.say("coverage.approved", "{approved}/{count} approved",
                           approved=p.approved, count=p.municipalities)
        lines.append(f"{p.code} {p.name_th:<16} {seat}  {approved}  {town}")
    ctx.emit(data, "\n".join(lines))
    return 0
