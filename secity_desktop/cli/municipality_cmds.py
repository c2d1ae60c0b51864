"""``secity municipality list|import``."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.services.lists import municipalities
from secity_desktop.services.municipalities import import_list


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("municipality", help="municipalities (เทศบาล)")
    msub = p.add_subparsers(dest="municipality_cmd", required=True)
    ls = msub.add_parser("list", help="list municipalities")
    ls.add_argument("--province", help="two-digit province code")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)
    im = msub.add_parser("import", help="load the department's list (CSV or XLSX, Thai headers)")
    im.add_argument("file", type=Path)
    im.add_argument("--date", help="the list's publication date (YYYY-MM-DD)")
    add_json_flag(im)
    im.set_defaults(handler=cmd_import)


def cmd_list(ctx: Context) -> int:
    ws = ctx.workspace()
    rows = municipalities(ws, ctx.args.province)
    ctx.emit(
        [m.as_json() for m in rows],
        "\n".join(f"{m.code:8} {m.type:7} {m.province_code} {m.name_th}" for m in rows),
    )
    return 0


def cmd_import(ctx: Context) -> int:
    ws = ctx.workspace()
    n = import_list(ws, ctx.args.file, list_date=ctx.args.date)
    ctx.emit({"imported": n, "file": str(ctx.args.file)}, f"imported {n} municipalities")
    return 0
