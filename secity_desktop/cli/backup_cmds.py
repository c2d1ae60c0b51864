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
        _warn(ctx.say("backup.damaged",
                      "{count} evidence file(s) no longer match their hash on this computer; "
                      "they are in the backup marked damaged: {files}",
                      count=len(r.damaged), files=", ".join(r.damaged[:5])))
    if r.missing:
        _warn(ctx.say("backup.missing",
                      "{count} evidence file(s) the store lists are missing from this computer "
                      "and could not be backed up: {files}",
                      count=len(r.missing), files=", ".join(s[:12] for s in r.missing[:5])))
    ctx.emit(r.as_json(), ctx.say("backup.written",
                                  "backup written to {file} ({size}, {entries} files, "
                                  "{evidence} evidence)", file=r.path, size=_mb(r.size),
                                  entries=r.entries, evidence=r.evidence))
    return 0


def cmd_verify(ctx: Context) -> int:
    v = run_inline(VerifyBackup(ctx.args.file))
    data = v.as_json()
    ctx.emit(data, ctx.say("backup.verified",
                           "{file}: OK — made {made}, schema {schema}, {entries} files ({size}), "
                           "every hash matches", file=v.path, made=ctx.when(v.manifest.created_at),
                           schema=v.manifest.schema_version, entries=v.entries,
                           size=_mb(v.manifest.total)))
    if v.damaged or v.manifest.missing:
        _warn(ctx.say("backup.names_damaged",
                      "the backup names {damaged} damaged and {missing} missing evidence file(s) "
                      "of the computer it was made on",
                      damaged=len(v.damaged), missing=len(v.manifest.missing)))
    return 0


def cmd_restore(ctx: Context) -> int:
    if not getattr(ctx.args, "data_dir", None):
        raise ValidationError("say where to restore: secity backup restore FILE --data-dir DIR",
                              code="restore.no_target")
    r = run_inline(RestoreBackup(ctx.args.file, ctx.data_dir))
    for sha in r.missing_evidence[:10]:
        _warn(ctx.say("backup.evidence_not_in_backup",
                      "evidence {sha}… is listed by an assessment but was not in the backup",
                      sha=sha[:12]))
    ctx.emit(r.as_json(), ctx.say("backup.restored",
                                  "restored into {folder}: {assessments} assessment(s), "
                                  "{evidence} evidence file(s)", folder=r.data_dir,
                                  assessments=r.assessments, evidence=r.evidence_files)
             + (ctx.say("backup.restored_key", ", signing key {fingerprint}",
                        fingerprint=r.key_fingerprint) if r.key_fingerprint else "")
             + ctx.say("backup.restored_preferences", "; preferences {preferences}",
                       preferences=r.preferences))
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
    lines = [f"{f.kind:13} {_mb(f.size):>10}  {f.path}" for f in files] or [
        ctx.say("backup.none", "no automatic backups yet")]
    if last:
        lines.append(ctx.say("backup.last", "last backup: {at} {path}",
                             at=ctx.when(last.get("at")), path=last.get("path")))
    lines.append(_daily_text(ctx, data))
    ctx.emit(data, "\n".join(lines))
    text = _notice_text(notice, ctx.lang)
    if text:
        _warn(text)
    return 0


def cmd_auto(ctx: Context) -> int:
    ws = ctx.workspace()
    if not backup_auto.due(ws):
        ctx.emit({"made": None}, ctx.say("backup.not_due",
                                         "today's backup exists (or daily backups are off)"))
        return 0
    r = backup_auto.run_daily(ws)
    if r is None:
        _warn(_notice_text(backup_auto.notice(ws), ctx.lang)
              or ctx.say("backup.skipped", "today's backup was skipped"))
        ctx.emit({"made": None, "notice": backup_auto.notice(ws)},
                 ctx.say("backup.not_made", "no backup made"))
        return 1
    ctx.emit({"made": r.as_json()},
             ctx.say("backup.written_daily", "backup written to {file} ({size})",
                     file=r.path, size=_mb(r.size))
             + (ctx.say("backup.pruned", "; removed {count} old one(s)", count=len(r.pruned))
                if r.pruned else ""))
    return 0


def cmd_config(ctx: Context) -> int:
    ws = ctx.workspace()
    a = ctx.args
    backup_auto.configure(ws, keep=a.keep_days, folder=a.folder,
                          daily=None if a.daily is None else a.daily == "on")
    data = {"keep_days": backup_auto.keep_days(ws), "folder": str(backup_auto.daily_folder(ws)),
            "daily": backup_auto.enabled(ws)}
    ctx.emit(data, _daily_text(ctx, data))
    return 0


def _daily_text(ctx: Context, data: dict[str, object]) -> str:
    if data["daily"]:
        return ctx.say("backup.daily_on", "daily backups on, kept {days} days, in {folder}",
                       days=data["keep_days"], folder=data["folder"])
    return ctx.say("backup.daily_off", "daily backups off, kept {days} days, in {folder}",
                   days=data["keep_days"], folder=data["folder"])


def cmd_quarantine(ctx: Context) -> int:
    ws = ctx.workspace()
    if ctx.args.max_mb is not None:
        set_cap_mb(ws, ctx.args.max_mb)
    q = Quarantine.for_workspace(ws)
    copies = q.copies()
    data = {"folder": str(q.root), "files": len(copies), "bytes": q.used(), "cap_mb": cap_mb(ws)}
    ctx.emit(data, ctx.say("quarantine.usage",
                           "{count} refused file(s), {size} of {cap} MB in {folder}",
                           count=len(copies), size=_mb(data["bytes"]), cap=data["cap_mb"],
                           folder=q.root))
    return 0
