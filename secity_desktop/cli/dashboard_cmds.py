"""``secity dashboard`` and ``secity modeltown set|show``."""

from __future__ import annotations

import argparse

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.localgov import MunicipalityType
from secity_desktop.services.dashboard import SORT_KEYS, DashboardService, sort_rows
from secity_desktop.services.model_town import ModelTownService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    d = sub.add_parser("dashboard", help="every municipality with its latest assessment, ranked")
    d.add_argument("--province", help="province code (default: this workspace's province)")
    d.add_argument("--year", type=int, help="fiscal year in BE (default: latest per municipality)")
    d.add_argument("--type", dest="mtype", choices=[t.value for t in MunicipalityType])
    d.add_argument("--status", help="a status, or 'none' for municipalities not assessed")
    d.add_argument("--sort", default="rank", help=f"{', '.join(SORT_KEYS)} or c:COMPONENT")
    d.add_argument("--desc", action="store_true", help="sort descending")
    add_json_flag(d)
    d.set_defaults(handler=cmd_dashboard)

    m = sub.add_parser("modeltown", help="the model town (เมืองต้นแบบ) per province and year")
    msub = m.add_subparsers(dest="modeltown_cmd", required=True)
    s = msub.add_parser(
        "set", help="choose the model town for a year (needs an approved assessment)"
    )
    s.add_argument("--year", type=int, required=True, help="fiscal year in BE")
    s.add_argument("--municipality", required=True, help="municipality code")
    s.add_argument("--reason", required=True, help="why this town (required)")
    s.add_argument("--province", help="check that the municipality is in this province")
    add_json_flag(s)
    s.set_defaults(handler=cmd_set)
    sh = msub.add_parser("show", help="model towns chosen")
    sh.add_argument("--province")
    sh.add_argument("--year", type=int)
    add_json_flag(sh)
    sh.set_defaults(handler=cmd_show)


def cmd_dashboard(ctx: Context) -> int:
    svc = DashboardService(ctx.workspace())
    a = ctx.args
    province = a.province or svc.default_province()
    dash = svc.refresh(province=province, year=a.year, mtype=a.mtype, status=a.status)
    rows = sort_rows(dash.rows, a.sort, a.desc)
    cov = dash.coverage
    data = {
        "province": province,
        "year": a.year,
        "coverage": {
            "municipalities": cov.municipalities,
            "assessed": cov.assessed,
            "approved": cov.approved,
            "percent": round(cov.percent, 1),
        },
        "components": list(dash.components),
        "rows": [r.as_json() for r in rows],
    }
    lines = [
        ctx.say("dashboard.coverage",
                "coverage: {assessed}/{count} assessed ({percent}%), {approved} approved",
                assessed=cov.assessed, count=cov.municipalities, percent=f"{cov.percent:.1f}",
                approved=cov.approved)
    ]
    not_assessed = ctx.say("dashboard.not_assessed", "not assessed")
    for r in rows:
        total = f"{r.total:6.2f}" if r.total is not None else "     -"
        change = f"{r.change:+6.2f}" if r.change is not None else "      "
        star = " ★" if r.model_town else ""
        status = ctx.say("dashboard.status", "{status}", status=r.status) if r.status else not_assessed
        lines.append(
            f"{r.rank or '-':>4} {r.municipality_code:8} {total} {change} {status:13} {r.name_th}{star}"
        )
    ctx.emit(data, "\n".join(lines))
    return 0


def cmd_set(ctx: Context) -> int:
    a = ctx.args
    m = ModelTownService(ctx.workspace()).set(a.year, a.municipality, a.reason, a.province)
    ctx.emit(
        m.as_json(),
        ctx.say("modeltown.set", "model town {year} for province {province}: {municipality}",
                year=m.year, province=m.province_code, municipality=m.municipality_code),
    )
    return 0


def cmd_show(ctx: Context) -> int:
    rows = ModelTownService(ctx.workspace()).list(ctx.args.province, ctx.args.year)
    ctx.emit(
        [m.as_json() for m in rows],
        "\n".join(
            f"{m.year} {m.province_code} {m.municipality_code} — {m.reason} ({m.chosen_by})"
            for m in rows
        )
        or ctx.say("modeltown.none", "no model town chosen"),
    )
    return 0
