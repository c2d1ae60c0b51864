"""``secity doctor``: print the support self-check gathered by ``services/doctor.py``.

Exit 0 when everything a person needs is there, 1 when a required check fails
(the lines starting with ``✗`` say what). ``--json`` prints the whole report, each
check with its stable ``code`` and ``params``; the human lines render those codes in the
person's language (``[doctor_check]`` in ``i18n/cli_th.toml``, English templates in
``services/doctor.py``), so no check reads in English in a Thai session.
"""

from __future__ import annotations

import argparse
from typing import Any

from secity_desktop import messages
from secity_desktop.cli import say
from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.services import doctor


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("doctor", help="check this installation (for support)")
    # SUPPRESS: a --lang before ``doctor`` (the output language) is not reset to None here.
    p.add_argument("--lang", choices=["th", "en"], default=argparse.SUPPRESS,
                   help="UI language to report, and the output's (default: the GUI's)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_doctor)


def _fw_status(lang: str, status: object) -> str:
    """A framework's status word (official / provisional) in ``lang``."""
    return say.render(lang, f"doctor_check.fw_status.{status}", str(status), {})


def check_line(lang: str, check: dict[str, Any]) -> str:
    """One check as a person reads it: mark, title and detail in ``lang``, from its code."""
    mark = "✓" if check["ok"] else ("✗" if check["required"] else "!")
    name = check["name"]
    title = say.render(lang, f"doctor_check.title.{name}", doctor.TITLES.get(name, name), {})
    params = dict(check.get("params") or {})
    error_code = params.pop("error_code", None)
    error_params = params.pop("error_params", None) or {}
    if error_code:
        params["error"] = messages.render(error_code, error_params, lang, str(params.get("error")))
    if "fw_status" in params:
        params["fw_status"] = _fw_status(lang, params["fw_status"])
    code = check.get("code") or ""
    english = doctor.DETAILS.get(code)
    detail = (say.render(lang, f"doctor_check.{code}", english, params) if english
              else check["detail"])
    return f"{mark} {title}: {detail}"


def _text(ctx: Context, data: dict[str, Any]) -> str:
    ws = data["workspace"]
    fw = data.get("framework") or {}
    cat = data["ui_catalogue"]
    words = data["word_list"]
    free = data["free_disk_bytes"]
    if ws.get("role"):
        ws_state = ctx.say("doctor.workspace_role", " — {role}, schema {schema}",
                       role=ws.get("role"), schema=ws.get("schema_version"))
    else:
        ws_state = "" if ws["exists"] else ctx.say("doctor.workspace_missing", " — not created yet")
    lines = [
        f"SECity Desktop {data['version']} (Python {data['python']}, {data['platform']})",
        ctx.say("doctor.installed", "installed at  {folder}", folder=data["install_dir"])
        + (ctx.say("doctor.frozen", " (frozen)") if data["frozen"] else ""),
        ctx.say("doctor.ui_language", "UI language   {lang}; Thai catalogue {count} messages ({file})",
            lang=say.render(ctx.lang, f"doctor_check.lang.{data['ui_language']}",
                            data["ui_language"], {}),
            count=cat["messages"], file=cat["file"]),
        ctx.say("doctor.error_texts", "error texts   {count} Thai messages",
            count=data["error_catalogue"]["messages"]),
        ctx.say("doctor.fonts", "fonts         {fonts}",
            fonts=", ".join(data["fonts"]) or ctx.say("doctor.none", "none")),
        ctx.say("doctor.framework", "framework     {id} {version} ({fw_status}) {hash}",
            id=fw.get("id"), version=fw.get("version"), fw_status=_fw_status(ctx.lang, fw.get("status")),
            hash=str(fw.get("hash", ""))[:16]),
        ctx.say("doctor.workspace", "workspace     {folder}", folder=ws["path"]) + ws_state,
        ctx.say("doctor.free_disk", "free disk     {size} MiB", size=f"{free / 2**20:.0f}")
        if free is not None else ctx.say("doctor.free_disk_unknown", "free disk     unknown"),
        ctx.say("doctor.word_list", "word list     {count} words ({file})",
            count=words["words"], file=words["file"]),
        "",
    ]
    lines.extend(check_line(ctx.lang, check) for check in data["checks"])
    lines.append("")
    lines.append(ctx.say("doctor.ok", "everything needed is present") if data["ok"]
                 else ctx.say("doctor.not_ok", "something needed is missing"))
    return "\n".join(lines)


def cmd_doctor(ctx: Context) -> int:
    report = doctor.gather(ctx.data_dir, getattr(ctx.args, "lang", None))
    data = report.as_dict()
    ctx.emit(data, _text(ctx, data))
    return 0 if report.ok else 1
