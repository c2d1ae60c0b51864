"""``secity framework show|list|check|schema``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from secity_desktop.cli import say
from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core import framework as fw


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("framework", help="the indicator framework")
    fsub = p.add_subparsers(dest="framework_cmd", required=True)
    s = fsub.add_parser("show", help="the current framework (or --hash H)")
    s.add_argument("--hash", help="a framework hash known to the workspace")
    add_json_flag(s)
    s.set_defaults(handler=cmd_show)
    ls = fsub.add_parser("list", help="framework versions in the workspace")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)
    c = fsub.add_parser("check", help="validate a framework file without loading it")
    c.add_argument("file", type=Path)
    add_json_flag(c)
    c.set_defaults(handler=cmd_check)
    sc = fsub.add_parser("schema", help="print the JSON Schema of the framework format")
    sc.set_defaults(handler=cmd_schema)


def framework_json(f: fw.Framework) -> dict[str, Any]:
    return {
        "id": f.framework.id,
        "version": f.version,
        "hash": f.hash,
        "status": f.status,
        "title_th": f.framework.title_th,
        "title_en": f.framework.title_en,
        "source_note_th": f.framework.source_note_th,
        "source_note_en": f.framework.source_note_en,
        "tiers": [t.model_dump() for t in f.tiers],
        "components": [
            {
                "code": c.code,
                "title_th": c.title_th,
                "title_en": c.title_en,
                "weight": c.weight,
                "indicators": [
                    {
                        "code": i.code,
                        "title_th": i.title_th,
                        "title_en": i.title_en,
                        "weight": i.weight,
                        "evidence_required": i.evidence_required,
                        "levels": [
                            {"value": lv.value, "label_th": lv.label_th, "label_en": lv.label_en}
                            for lv in i.levels
                        ],
                    }
                    for i in c.indicators
                ],
            }
            for c in f.components
        ],
    }


def _text(ctx: Context, f: fw.Framework) -> str:
    lines = [ctx.say("framework.title", "{title} — version {version} ({fw_status}) hash {hash}…",
                     title=f.framework.title_th, version=f.version,
                     fw_status=say.render(ctx.lang, f"doctor_check.fw_status.{f.status}",
                                          str(f.status), {}),
                     hash=f.hash[:16])]
    if f.is_provisional:
        lines.append(ctx.say("framework.provisional",
                             "PROVISIONAL: indicator wording and cut-offs are a draft, not official."))
    for c in f.components:
        title = c.title_th if ctx.lang == "th" else f"{c.title_th} / {c.title_en}"
        lines.append(f"{c.code}. {title} ({c.weight:g}%)")
        lines.extend(f"   {i.code} {i.title_th}" for i in c.indicators)
    return "\n".join(lines)


def cmd_show(ctx: Context) -> int:
    ws = ctx.workspace()
    f = ws.frameworks.get(ctx.args.hash) if ctx.args.hash else ws.frameworks.current()
    ctx.emit(framework_json(f), _text(ctx, f))
    return 0


def cmd_list(ctx: Context) -> int:
    rows = ctx.workspace().frameworks.list()
    ctx.emit(rows, "\n".join(f"{r['version']:24} {r['status']:12} {r['hash']}" for r in rows))
    return 0


def cmd_check(ctx: Context) -> int:
    f = fw.load(ctx.args.file)
    ctx.emit(
        {"ok": True, "version": f.version, "hash": f.hash, "indicators": len(f.indicators)},
        ctx.say("framework.valid", "{file}: valid, version {version}, {count} indicators",
                file=ctx.args.file, version=f.version, count=len(f.indicators)),
    )
    return 0


def cmd_schema(ctx: Context) -> int:
    ctx.out.write(json.dumps(fw.json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0
