"""``secity backup create|verify|restore|list|auto|config`` and ``secity quarantine``.

``secity backup FILE`` (the old form, which copied only the database) is kept
as an alias of ``secity backup create FILE``: old scripts keep working and now
get a whole-workspace backup (docs/backup.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secity_desktop import messages
from secity_desktop.cli.commands import BACKUP_SUBCOMMANDS as SUBCOMMANDS  # noqa: F401
from secity_desktop.cli.commands import legacy_argv  # noqa: F401  (moved; kept for callers)
from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.errors import ValidationError
from secity_desktop.services import backup_auto
from secity_desktop.services.backup import CreateBackup, VerifyBackup, last_backup
from secity_desktop.services.operations import run_inline
from secity_desktop.services.quarantine import Quarantine, cap_mb, set_cap_mb
from secity_desktop.services.restore import RestoreBackup


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="whole-workspace backups: create, verify, restore")
    bsub = p.add_subparsers(dest="backup_cmd", required=True)

    c = bsub.add_parser("create", help="back up the store, evidence, keys and settings to FILE")
    c.add_argument("target", type=Path, help="a .secbackup file, or a folder for a dated name")
    c.add_argument("--overwrite", action="store_true", help="replace an existing file")
    add_json_flag(c)
    c.set_defaults(handler=cmd_create)

    v = bsub.add_parser("verify", help="check every hash in a backup file")
    v.add_argument("file", type=Path)
    add_json_flag(v)
    v.set_defaults(handler=cmd_verify)

    r = bsub.add_parser("restore", help="restore a backup into an empty folder (--data-dir DIR)")
    r.add_argument("file", type=Path)
    r.add_argument("--data-dir", default=argparse.SUPPRESS,
                   help="the empty (or new) folder to restore into")
    add_json_flag(r)
    r.set_defaults(handler=cmd_restore)

    ls = bsub.add_parser("list", help="automatic backups, the last backup, and any notice")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    a = bsub.add_parser("auto", help="make today's automatic backup if it is due (for a scheduler)")
    add_json_flag(a)
    a.set_defaults(handler=cmd_auto)

    cf = bsub.add_parser("config", help="automatic backups: days kept, folder, on/off")
    cf.add_argument("--keep-days", type=int)
    cf.add_argument("--folder", help="where daily backups go (default: <workspace>/backups/daily)")
    cf.add_argument("--daily", choices=["on", "off"])
    add_json_flag(cf)
    cf.set_defaults(handler=cmd_config)

    q = sub.add_parser("quarantine", help="refused bundles kept aside: usage and size cap")
    q.add_argument("--max-mb", type=int, help="cap on the quarantine folder's size (MB)")
    add_json_flag(q)
    q.set_defaults(handler=cmd_quarantine)


def _mb(n: object) -> str:
    return f"{int(n) / 1e6:.1f} MB"  # type: ignore[call-overload]


def _warn(text: str) -> None:
    print(f"secity: {text}", file=sys.stderr)


def cmd_create(ctx: Context) -> int:
    ws = ctx.workspace()
    r = run_inline(CreateBackup(ws, ctx.args.target, overwrite=ctx.args.overwrite))
    if r.damaged:
        _warn(f"{len(r.damaged)} evidence file(s) no longer match their hash on this computer; "
              f"they are in the backup marked damaged: {', '.join(r.damaged[:5])}")
    if r.missing:
        _warn(f"{len(r.missing)} evidence file(s) the store lists are missing from this computer "
              f"and could not be backed up: {', '.join(s[:12] for s in r.missing[:5])}")
    ctx.emit(r.as_json(), f"backup written to {r.path} ({_mb(r.size)}, {r.entries} files, "
                          f"{r.evidence} evidence)")
    return 0


def cmd_verify(ctx: Context) -> int:
    v = run_inline(VerifyBackup(ctx.args.file))
    data = v.as_json()
    ctx.emit(data, f"{v.path}: OK — made {v.manifest.created_at}, schema "
                   f"{v.manifest.schema_version}, {v.entries} files ({_mb(v.manifest.total)}), "
                   f"every hash matches")
    if v.damaged or v.manifest.missing:
        _warn(f"the backup names {len(v.damaged)} damaged and {len(v.manifest.missing)} missing "
              "evidence file(s) of the computer it was made on")
    return 0


def cmd_restore(ctx: Context) -> int:
    if not getattr(ctx.args, "data_dir", None):
        raise ValidationError("say where to restore: secity backup restore FILE --data-dir DIR",
                              code="restore.no_target")
    r = run_inline(RestoreBackup(ctx.args.file, ctx.data_dir))
    for sha in r.missing_evidence[:10]:
        _warn(f"evidence {sha[:12]}… is listed by an assessment but was not in the backup")
    ctx.emit(r.as_json(), f"restored into {r.data_dir}: {r.assessments} assessment(s), "
                          f"{r.evidence_files} evidence file(s)"
                          + (f", signing key {r.key_fingerprint}" if r.key_fingerprint else "")
                          + f"; preferences {r.preferences}")
    return 1 if r.missing_evidence else 0


def _notice_text(notice: dict[str, object] | None, lang: str) -> str | None:
    if not notice:
        return None
    params = notice.get("params") if isinstance(notice.get("params"), dict) else {}
    return messages.render(str(notice.get("code")), params, lang,  # type: ignore[arg-type]
                           f"{notice.get('code')} {params}")


def cmd_list(ctx: Context) -> int:
    ws = ctx.workspace()
    files = backup_auto.listing(ws)
    notice = backup_auto.notice(ws)
    last = last_backup(ws)
    data = {"backups": [f.as_json() for f in files], "last": last, "notice": notice,
            "keep_days": backup_auto.keep_days(ws), "folder": str(backup_auto.daily_folder(ws)),
            "daily": backup_auto.enabled(ws)}
    lines = [f"{f.kind:13} {_mb(f.size):>10}  {f.path}" for f in files] or ["no automatic backups yet"]
    if last:
        lines.append(f"last backup: {last.get('at')} {last.get('path')}")
    lines.append(f"daily backups {'on' if data['daily'] else 'off'}, kept "
                 f"{data['keep_days']} days, in {data['folder']}")
    ctx.emit(data, "\n".join(lines))
    text = _notice_text(notice, _lang(ctx))
    if text:
        _warn(text)
    return 0


def cmd_auto(ctx: Context) -> int:
    ws = ctx.workspace()
    if not backup_auto.due(ws):
        ctx.emit({"made": None}, "today's backup exists (or daily backups are off)")
        return 0
    r = backup_auto.run_daily(ws)
    if r is None:
        _warn(_notice_text(backup_auto.notice(ws), _lang(ctx)) or "today's backup was skipped")
        ctx.emit({"made": None, "notice": backup_auto.notice(ws)}, "no backup made")
        return 1
    ctx.emit({"made": r.as_json()}, f"backup written to {r.path} ({_mb(r.size)})"
             + (f"; removed {len(r.pruned)} old one(s)" if r.pruned else ""))
    return 0


def cmd_config(ctx: Context) -> int:
    ws = ctx.workspace()
    a = ctx.args
    backup_auto.configure(ws, keep=a.keep_days, folder=a.folder,
                          daily=None if a.daily is None else a.daily == "on")
    data = {"keep_days": backup_auto.keep_days(ws), "folder": str(backup_auto.daily_folder(ws)),
            "daily": backup_auto.enabled(ws)}
    ctx.emit(data, f"daily backups {'on' if data['daily'] else 'off'}, kept {data['keep_days']} "
                   f"days, in {data['folder']}")
    return 0


def cmd_quarantine(ctx: Context) -> int:
    ws = ctx.workspace()
    if ctx.args.max_mb is not None:
        set_cap_mb(ws, ctx.args.max_mb)
    q = Quarantine.for_workspace(ws)
    copies = q.copies()
    data = {"folder": str(q.root), "files": len(copies), "bytes": q.used(), "cap_mb": cap_mb(ws)}
    ctx.emit(data, f"{len(copies)} refused file(s), {_mb(data['bytes'])} of {data['cap_mb']} MB "
                   f"in {q.root}")
    return 0


def _lang(ctx: Context) -> str:
    import os

    return getattr(ctx.args, "lang", None) or os.environ.get("SECITY_LANG") or "th"
