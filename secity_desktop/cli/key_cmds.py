"""``secity key init|show|export|passwd|rotate|retired|forget-retired|profile``: the signing key."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.passphrase import add_passphrase_args, new_passphrase, old_passphrase
from secity_desktop.core.errors import ConflictError
from secity_desktop.services.identity import Identity


def _profile_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", help="your name as the office should see it")
    p.add_argument("--position", help="your position")
    p.add_argument("--organisation", help="your organisation")
    p.add_argument("--province", help="province code you work for")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("key", help="your signing key and profile (assessor)")
    ksub = p.add_subparsers(dest="key_cmd", required=True)

    i = ksub.add_parser("init", help="make your signing key (asks for a passphrase)")
    _profile_args(i)
    add_passphrase_args(i)
    add_json_flag(i)
    i.set_defaults(handler=cmd_init)

    s = ksub.add_parser("show", help="your profile, key fingerprint and public key")
    s.add_argument("--qr", type=Path, help="also save the enrolment QR code (.png or .svg)")
    add_json_flag(s)
    s.set_defaults(handler=cmd_show)

    e = ksub.add_parser("export", help="write your public key for enrolment at the office")
    e.add_argument("target", type=Path, nargs="?", help="file to write (default: print it)")
    e.set_defaults(handler=cmd_export)

    pw = ksub.add_parser("passwd", help="change the passphrase of your signing key")
    add_passphrase_args(pw, new=True)
    pw.set_defaults(handler=cmd_passwd)

    ro = ksub.add_parser("rotate", help="replace your signing key: a new key and a rotation "
                         "statement signed by the old and new keys, for your office")
    ro.add_argument("-o", "--output", type=Path, default=Path("."),
                    help="folder for the statement file (default: here)")
    ro.add_argument("--reason", default="", help="why (kept in the statement and the audit log)")
    add_passphrase_args(ro, new=True)
    add_json_flag(ro)
    ro.set_defaults(handler=cmd_rotate)

    rl = ksub.add_parser("retired", help="the retired keys kept after `key rotate` (they open "
                         "bundles sealed to the old key)")
    add_json_flag(rl)
    rl.set_defaults(handler=cmd_retired)

    fr = ksub.add_parser("forget-retired", help="delete a retired private key for good (bundles "
                         "sealed to it can no longer be opened here; its public half is kept)")
    fr.add_argument("key", help="the retired key's id or fingerprint (see `secity key retired`)")
    add_json_flag(fr)
    fr.set_defaults(handler=cmd_forget_retired)

    pr = ksub.add_parser("profile", help="set your name, position, organisation, province")
    _profile_args(pr)
    add_json_flag(pr)
    pr.set_defaults(handler=cmd_profile)


def _set_profile(ident: Identity, a: argparse.Namespace) -> None:
    ident.set_profile(
        name=a.name, position=a.position, organisation=a.organisation, province=a.province
    )


def cmd_init(ctx: Context) -> int:
    ident = Identity(ctx.workspace())
    _set_profile(ident, ctx.args)
    if ident.has_key():
        raise ConflictError(
            f"this workspace already has a signing key ({ident.key_path}); "
            "use `secity key passwd` to change its passphrase", code="key.exists"
        )
    info = ident.create_key(new_passphrase(ctx.args.passphrase_file))
    ctx.emit(
        {"fingerprint": info.fingerprint, "key_id": info.key_id, "public_key": info.public_line},
        ctx.say("key.created", "signing key created\nfingerprint {fingerprint}\n{public}",
                fingerprint=info.fingerprint, public=info.public_line),
    )
    return 0


def cmd_show(ctx: Context) -> int:
    ident = Identity(ctx.workspace())
    prof = ident.profile()
    info = ident.info()
    if ctx.args.qr:
        ident.save_qr(ctx.args.qr)
    ctx.emit(
        {
            "profile": prof.__dict__,
            "fingerprint": info.fingerprint,
            "key_id": info.key_id,
            "public_key": info.public_line,
            "key_file": str(info.path),
        },
        " — ".join(x for x in (prof.name, prof.position, prof.organisation) if x)
        + (f" (province {prof.province})" if prof.province else "")
        + "\n"
        f"fingerprint {info.fingerprint}\nkey id {info.key_id}\n{info.public_line}",
    )
    return 0


def cmd_export(ctx: Context) -> int:
    line = Identity(ctx.workspace()).info().public_line + "\n"
    if ctx.args.target is None:
        ctx.out.write(line)
    else:
        ctx.args.target.write_text(line, "utf-8")
    return 0


def cmd_passwd(ctx: Context) -> int:
    ident = Identity(ctx.workspace())
    old = old_passphrase(ident, ctx.args.passphrase_file)
    ident.change_passphrase(old, new_passphrase(ctx.args.new_passphrase_file))
    ctx.emit({"changed": True}, ctx.say("key.passphrase_changed", "passphrase changed"))
    return 0


def cmd_profile(ctx: Context) -> int:
    ident = Identity(ctx.workspace())
    _set_profile(ident, ctx.args)
    ctx.emit(ident.profile().__dict__, ctx.say("key.profile_saved", "profile saved"))
    return 0


def cmd_rotate(ctx: Context) -> int:
    from secity_desktop.services.key_rotation import rotate

    ws = ctx.workspace()
    old = old_passphrase(Identity(ws), ctx.args.passphrase_file)
    new = new_passphrase(ctx.args.new_passphrase_file)
    r = rotate(ws, old, new, ctx.args.output, ctx.args.reason)
    ctx.emit(
        {"old_fingerprint": r.old_fingerprint, "new_fingerprint": r.new_fingerprint,
         "public_key": r.new_public_line, "statement": str(r.statement),
         "retired_key": str(r.retired_key)},
        f"new signing key {r.new_fingerprint} (was {r.old_fingerprint})\n"
        f"rotation statement: {r.statement}\n"
        "give the statement to your office (secity trust apply FILE); the old key is kept as "
        f"{r.retired_key.name}",
    )
    return 0


def cmd_retired(ctx: Context) -> int:
    kept = Identity(ctx.workspace()).retired_keys()
    ctx.emit(
        [{"fingerprint": k.fingerprint, "key_id": k.key_id, "file": k.path.name} for k in kept],
        "\n".join(f"{k.fingerprint}  {k.key_id}  {k.path.name}" for k in kept)
        or "no retired private key is kept",
    )
    return 0


def cmd_forget_retired(ctx: Context) -> int:
    info = Identity(ctx.workspace()).forget_retired(ctx.args.key)
    ctx.emit({"forgotten": info.fingerprint, "key_id": info.key_id},
             f"retired private key {info.fingerprint} deleted; its public half is kept")
    return 0
