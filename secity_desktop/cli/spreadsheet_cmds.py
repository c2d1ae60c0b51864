"""``secity export csv|xlsx --what assessments|responses|audit -o FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.services.spreadsheets import FORMATS, WHAT, export


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export", help="tables for Excel: CSV (UTF-8 with BOM) or XLSX, Thai headers"
    )
    p.add_argument("format", choices=FORMATS)
    p.add_argument("--what", required=True, choices=WHAT)
    p.add_argument("--province", help="province code")
    p.add_argument("--year", type=int, help="fiscal year in BE")
    p.add_argument("-o", "--output", required=True, type=Path, help="file to write")
    add_json_flag(p)
    p.set_defaults(handler=cmd_export)


def cmd_export(ctx: Context) -> int:
    a = ctx.args
    n = export(ctx.workspace(), a.format, a.what, a.output, province=a.province, year=a.year)
    ctx.emit({"file": str(a.output), "rows": n, "what": a.what},
             ctx.say("export.wrote", "wrote {count} rows to {file}", count=n, file=a.output))
    return 0
