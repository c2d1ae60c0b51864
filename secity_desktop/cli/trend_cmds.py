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


def municipality_text(t: MunicipalityTrend) -> str:
    comps = " ".join(f"{c.code:>6}" for c in t.components)
    lines = [f"{t.code} {t.name_th} (province {t.province_code})",
             f"  year   total  change  tier        {comps}  status"]
    for y in t.years:
        change = f"{y.change:+7.2f}" if y.change is not None else "      -"
        values = " ".join(f"{y.components.get(c.code, 0.0):6.2f}" for c in t.components)
        lines.append(f"{LINKS[y.link]} {y.year} {y.total:6.2f} {change}  {y.tier or '-':10}"
                     f"  {values}  {y.status}")
    if t.breaks:
        lines.append(f"  | framework break before {', '.join(map(str, t.breaks))}: not compared")
    if not t.years:
        lines.append("  no assessment recorded")
    for a in t.awards:
        lines.append(f"  award {a.year} {a.level}: {a.label_th}")
    return "\n".join(lines)


def progress_text(t: ProgressTrend) -> str:
    head = f"province {t.province_code} {t.province_th}" if t.province_code else "national"
    lines = [head]
    for y in t.years:
        line = (f"  {y.year}  assessed {y.assessed}/{y.municipalities} ({y.coverage:.1f}%)"
                f"  approved {y.approved}  model towns {y.model_towns}")
        if t.province_code:
            line += f"  seat {y.seat_tier or '-'}"
        else:
            line += "  seats reaching a tier " + " ".join(
                f"{k}={v}" for k, v in y.seat_tiers.items())
        lines.append(line)
    if t.improved_from is not None:
        lines.append(f"  most improved {t.improved_from} → {t.improved_to}:")
        for r in t.improved:
            lines.append(f"    {r.code:9} {r.from_total:6.2f} → {r.to_total:6.2f}"
                         f" ({r.change:+.2f}){' ~' if r.link == 'mapped' else ''}  {r.name_th}")
        if t.not_comparable:
            lines.append(f"    ({t.not_comparable} left out: framework break)")
    return "\n".join(lines)


def cmd_trend(ctx: Context) -> int:
    t = _trend(ctx)
    text = municipality_text(t) if isinstance(t, MunicipalityTrend) else progress_text(t)
    ctx.emit(t.as_json(), text)
    return 0


def cmd_report(ctx: Context) -> int:
    a = ctx.args
    request = TrendRequest(municipality=a.municipality, province=a.province,
                           national=a.national, since=a.since, until=a.until, top=a.top)
    out = run_inline(RenderTrendReport(ctx.workspace(), request, a.output)).written[0]
    ctx.emit({"output": str(out)}, f"wrote {out}")
    return 0
