"""``secity init`` (``secity backup`` lives in backup_cmds)."""

from __future__ import annotations

import argparse

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.lifecycle import Role
from secity_desktop.services import demo
from secity_desktop.services.review import demo as review_demo
from secity_desktop.services.workspace import init_workspace


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create or configure the workspace")
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.ASSESSOR.value)
    p.add_argument("--province", help="two-digit province code (required for --role province)")
    p.add_argument(
        "--municipality", help="the municipality's code (required for --role municipality)"
    )
    p.add_argument("--name", help="the person using this workspace (for the audit log)")
    p.add_argument("--demo", action="store_true", help="add demo assessments")
    add_json_flag(p)
    p.set_defaults(handler=cmd_init)


def cmd_init(ctx: Context) -> int:
    a = ctx.args
    ws = ctx.workspace(create=True)
    init_workspace(
        ws, role=Role(a.role), province_code=a.province, user_name=a.name,
        municipality_code=a.municipality,
    )
    added = demo.seed(ws) if a.demo else 0
    if a.demo and ws.role not in (Role.ASSESSOR, Role.MUNICIPALITY):  # something to review and rank in the province
        added += review_demo.seed_review(ws)
    info = {
        "data_dir": str(ws.data_dir),
        "role": ws.role.value,
        "province": ws.province_code or None,
        "municipality": ws.municipality_code,
        "framework": ws.frameworks.current().version,
        "demo_assessments": added,
    }
    ctx.emit(
        info,
        "\n".join(
            [ctx.say("workspace.ready", "workspace ready in {folder} (role {role})",
                     folder=ws.data_dir, role=ws.role.value)]
            + ([ctx.say("workspace.province", "province {province}", province=ws.province_code)]
               if ws.province_code else [])
            + ([ctx.say("workspace.municipality", "municipality {municipality}",
                        municipality=ws.municipality_code)]
               if ws.municipality_code else [])
            + ([ctx.say("workspace.demo", "{count} demo assessments", count=added)]
               if added else [])
        ),
    )
    return 0
