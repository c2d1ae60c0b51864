"""``secity doctor``: print the support self-check gathered by ``services/doctor.py``.

Exit 0 when everything a person needs is there, 1 when a required check fails
(the lines starting with ``✗`` say what). ``--json`` prints the whole report.
"""

from __future__ import annotations

import argparse
from typing import Any

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.services import doctor


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("doctor", help="check this installation (for support)")
    p.add_argument("--lang", choices=["th", "en"], help="UI language to report (default: the GUI's)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_doctor)


def _text(data: dict[str, Any]) -> str:
    ws = data["workspace"]
    fw = data.get("framework") or {}
    cat = data["ui_catalogue"]
    words = data["word_list"]
    free = data["free_disk_bytes"]
    lines = [
        f"SECity Desktop {data['version']} (Python {data['python']}, {data['platform']})",
        f"installed at  {data['install_dir']}{' (frozen)' if data['frozen'] else ''}",
        f"UI language   {data['ui_language']}; Thai catalogue {cat['messages']} messages"
        f" ({cat['file']})",
        f"error texts   {data['error_catalogue']['messages']} Thai messages",
        f"fonts         {', '.join(data['fonts']) or 'none'}",
        f"framework     {fw.get('id')} {fw.get('version')} ({fw.get('status')})"
        f" {str(fw.get('hash', ''))[:16]}",
        f"workspace     {ws['path']}"
        + (
            f" — {ws.get('role')}, schema {ws.get('schema_version')}"
            if ws.get("role")
            else (" — not created yet" if not ws["exists"] else "")
        ),
        f"free disk     {free / 2**20:.0f} MiB" if free is not None else "free disk     unknown",
        f"word list     {words['words']} words ({words['file']})",
        "",
    ]
    for check in data["checks"]:
        mark = "✓" if check["ok"] else ("✗" if check["required"] else "!")
        lines.append(f"{mark} {check['name']}: {check['detail']}")
    lines.append("")
    lines.append("everything needed is present" if data["ok"] else "something needed is missing")
    return "\n".join(lines)


def cmd_doctor(ctx: Context) -> int:
    report = doctor.gather(ctx.data_dir, getattr(ctx.args, "lang", None))
    data = report.as_dict()
    ctx.emit(data, _text(data))
    return 0 if report.ok else 1
