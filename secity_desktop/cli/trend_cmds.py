"""``secity trend --municipality CODE | --province N | --national`` and ``secity report trend``."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.trend import MunicipalityTrend, ProgressTrend
from secity_desktop.services.operations import run_inline
from secity_desktop.services.trend import TrendService
from secity_desktop.services.trend_report import RenderTrendReport, TrendRequest

LINKS = {"first": " ", "same": " ", "mapped": "~", "break": "|"}


def _scope(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--municipality", help="a municipality's code: its results year by year")
    g.add_argument("--province", help="two-digit province code: its progress toward the goals")
    g.add_argument("--national", action="store_true", help="the nation's progress")
    p.add_argument("--since", type=int, help="first fiscal year (BE) of a province/national view")
    p.add_argument("--until", type=int, help="last fiscal year (BE) of a province/national view")
    p.add_argument("--top", type=int, default=10, help="how many most improved towns (default 10)")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = sub.add_parser("trend", help="progress over the years: a municipality, a province, the nation")
    _scope(t)
    add_json_flag(t)
    t.set_defaults(handler=cmd_trend)


def register_report(rsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    r = rsub.add_parser("trend", help="progress over the years as a Thai PDF with a chart")
    _scope(r)
    r.add_argument("-o", "--output", required=True, type=Path)
    add_json_flag(r)
    r.set_defaults(handler=cmd_report)


def _trend(ctx: Context) -> MunicipalityTrend | ProgressTrend:
    a = ctx.args
    svc = TrendService(ctx.workspace())
    if a.municipality:
        return svc.municipality(a.municipality)
    if a.province:
        return svc.province(a.province, since=a.since, until=a.until, top=a.top)
    return svc.national(since=a.since, until=a.until, top=a.top)


def municipality_text(ctx: Context, t: MunicipalityTrend) -> str:
    comps = " ".join(f"{c.code:>6}" for c in t.components)
    lines = [ctx.say("trend.municipality", "{code} {name} (province {province})",
                     code=t.code, name=t.name_th, province=t.province_code),
             ctx.say("trend.header", "  year   total  change  tier        {comps}  status",
                     comps=comps)]
    for y in t.years:
        change = f"{y.change:+7.2f}" if y.change is not None else "      -"
        values = " ".join(f"{y.components.get(c.code, 0.0):6.2f}" for c in t.components)
        lines.append(f"{LINKS[y.link]} {y.year} {y.total:6.2f} {change}  {y.tier or '-':10}"
                     f"  {values}  {y.status}")
    if t.breaks:
        lines.append(ctx.say("trend.break", "  | framework break before {years}: not compared",
                             years=", ".join(map(str, t.breaks))))
    if not t.years:
        lines.append(ctx.say("trend.none", "  no assessment recorded"))
    for a in t.awards:
        lines.append(ctx.say("trend.award", "  award {year} {level}: {label}",
                             year=a.year, level=a.level, label=a.label_th))
    return "\n".join(lines)


def progress_text(ctx: Context, t: ProgressTrend) -> str:
    head = (ctx.say("trend.province", "province {code} {name}", code=t.province_code,
                    name=t.province_th) if t.province_code
            else ctx.say("trend.national", "national"))
    lines = [head]
    for y in t.years:
        line = ctx.say("trend.year", "  {year}  assessed {assessed}/{count} ({percent}%)"
                       "  approved {approved}  model towns {towns}",
                       year=y.year, assessed=y.assessed, count=y.municipalities,
                       percent=f"{y.coverage:.1f}", approved=y.approved, towns=y.model_towns)
        if t.province_code:
            line += ctx.say("trend.seat", "  seat {tier}", tier=y.seat_tier or "-")
        else:
            line += ctx.say("trend.seat_tiers", "  seats reaching a tier {tiers}", tiers=" ".join(
                f"{k}={v}" for k, v in y.seat_tiers.items()))
        lines.append(line)
    if t.improved_from is not None:
        lines.append(ctx.say("trend.improved", "  most improved {start} → {end}:",
                             start=t.improved_from, end=t.improved_to))
        for r in t.improved:
            lines.append(f"    {r.code:9} {r.from_total:6.2f} → {r.to_total:6.2f}"
                         f" ({r.change:+.2f}){' ~' if r.link == 'mapped' else ''}  {r.name_th}")
        if t.not_comparable:
            lines.append(ctx.say("trend.left_out", "    ({count} left out: framework break)",
                                 count=t.not_comparable))
    return "\n".join(lines)


def cmd_trend(ctx: Context) -> int:
    t = _trend(ctx)
    text = municipality_text(ctx, t) if isinstance(t, MunicipalityTrend) else progress_text(ctx, t)
    ctx.emit(t.as_json(), text)
    return 0


def cmd_report(ctx: Context) -> int:
    a = ctx.args
    request = TrendRequest(municipality=a.municipality, province=a.province,
                           national=a.national, since=a.since, until=a.until, top=a.top)
    out = run_inline(RenderTrendReport(ctx.workspace(), request, a.output)).written[0]
    ctx.emit({"output": str(out)}, ctx.say("report.wrote", "wrote {file}", file=out))
    return 0
