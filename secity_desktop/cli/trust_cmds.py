"""``secity trust add|list|revoke|export``: the registry of enrolled keys.

A province enrols its assessors' keys; an assessor enrols the province's key
(to accept its return-for-revision bundles); a region or the nation enrols
provinces' keys (to accept their upward bundles).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.passphrase import add_passphrase_args
from secity_desktop.core.errors import ValidationError
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.trust import TrustService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("trust", help="enrolled keys: assessors (at a province), the province (at an assessor), provinces (region/national)")
    tsub = p.add_subparsers(dest="trust_cmd", required=True)

    a = tsub.add_parser("add", help="enrol a public key file (an assessor's, or a province's)")
    a.add_argument("pubfile", type=Path, nargs="?", help="the .pub file the key's owner exported")
    a.add_argument("--from-bundle", type=Path, metavar="BUNDLE",
                   help="enrol the key a bundle refused for an unknown signer carries "
                        "(needs --fingerprint, as the sender reads it out)")
    a.add_argument(
        "--role", choices=["assessor", "office", "municipality"], default="assessor",
        help="what the key signs for (municipality: only its own self-assessment bundles)",
    )
    a.add_argument("--municipality", help="the municipality a --role municipality key speaks for")
    a.add_argument("--name", help="the owner's name (default: the key's comment)")
    a.add_argument("--organisation", default="")
    a.add_argument("--position", default="")
    a.add_argument("--fingerprint", help="refuse unless the key has this fingerprint (as read out)")
    a.add_argument("--office", action="store_true",
                   help="an office's key (the province at an assessor; region/nation at a province):"
                        " bundles sent there are encrypted to it")
    add_json_flag(a)
    a.set_defaults(handler=cmd_add)

    ls = tsub.add_parser("list", help="enrolled keys")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    r = tsub.add_parser("revoke", help="stop trusting a key (bundles it signs are refused)")
    r.add_argument("key", help="fingerprint, key id or principal")
    r.add_argument("--reason", default="")
    r.set_defaults(handler=cmd_revoke)

    ap = tsub.add_parser("apply", help="apply a signed key statement: a rotation (the enrolment "
                         "moves to the new key, the old one is retired), a re-enrolment or a "
                         "revocation from a date (made by an office key enrolled here)")
    ap.add_argument("statement", type=Path)
    add_json_flag(ap)
    ap.set_defaults(handler=cmd_apply)

    re_ = tsub.add_parser("reenrol", help="the holder lost their key: enrol the new one and revoke "
                          "the old one from a date, with the reason")
    re_.add_argument("pubfile", type=Path, help="the holder's new public key file")
    re_.add_argument("--replaces", required=True, help="the lost key: fingerprint or key id")
    re_.add_argument("--reason", required=True, help="why (kept with the enrolment)")
    re_.add_argument("--revoked-from", help="when the old key was last known safe: YYYY-MM-DD (its "
                     "first moment in Thailand) or an ISO date-time (default: now); what it signed "
                     "before stays valid for 14 days after, what it signs after is refused")
    re_.add_argument("--fingerprint", help="refuse unless the new key has this fingerprint")
    add_json_flag(re_)
    re_.set_defaults(handler=cmd_reenrol)

    st = tsub.add_parser("statements", help="write the key statements this office made (its "
                         "revocations and re-enrolments, signed now with its key; its rotations) "
                         "as files for `trust apply` elsewhere; bundles carry them anyway")
    st.add_argument("-o", "--out", type=Path, required=True, help="folder to write them into")
    add_passphrase_args(st)
    add_json_flag(st)
    st.set_defaults(handler=cmd_statements)

    e = tsub.add_parser("export", help="write an OpenSSH allowed_signers file")
    e.add_argument("target", type=Path, nargs="?")
    e.set_defaults(handler=cmd_export)


def _registry(ctx: Context) -> TrustService:
    return TrustService(ctx.workspace())


def cmd_add(ctx: Context) -> int:
    reg = _registry(ctx)
    name = ctx.args.name
    organisation = ctx.args.organisation
    if ctx.args.from_bundle is not None:
        if ctx.args.pubfile is not None or not ctx.args.fingerprint:
            raise ValidationError(
                "--from-bundle takes no key file and needs --fingerprint (read out by the sender)",
                code="trust.from_bundle_usage")
        claim = ImportService(ctx.workspace()).sender_claim(ctx.args.from_bundle)
        text = claim.sender_public or ""
        name = name or claim.sender_name
        organisation = organisation or claim.sender_organisation or ""
    elif ctx.args.pubfile is None:
        raise ValidationError("give the public key file, or --from-bundle BUNDLE",
                              code="trust.add_usage")
    else:
        try:
            text = ctx.args.pubfile.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(f"cannot read {ctx.args.pubfile}: {exc}",
                                  code="key_file_unreadable", path=str(ctx.args.pubfile)) from None
    if ctx.args.fingerprint:
        got, _comment = reg.inspect(text)
        if got != ctx.args.fingerprint.strip():
            raise ValidationError(
                f"the key's fingerprint is {got}, not {ctx.args.fingerprint}; nothing was enrolled",
                code="trust.fingerprint_mismatch", got=got, expected=ctx.args.fingerprint
            )
    k = reg.add(text, actor=ctx.workspace().actor, name=name,
                organisation=organisation, position=ctx.args.position,
                role=ctx.args.role, municipality=ctx.args.municipality, office=ctx.args.office)
    ctx.emit(k.as_json(), ctx.say(
        "trust.enrolled", "enrolled {name} — {fingerprint} (principal {principal})",
        name=k.name, fingerprint=k.fingerprint, principal=k.principal))
    return 0


def cmd_list(ctx: Context) -> int:
    reg = _registry(ctx)
    keys_ = reg.all()
    offices = {k.fingerprint for k in reg.office_keys()}
    ctx.emit([k.as_json() | {"office": k.fingerprint in offices} for k in keys_], "\n".join(
        f"{k.fingerprint}  {k.name}  {k.organisation}  enrolled {k.enrolled_at[:10]} by "
        f"{k.enrolled_by}" + ("  OFFICE (bundles encrypted to it)" if k.fingerprint in offices else "")
        + (f"  REVOKED {k.revoked_at[:10]}" if k.revoked_at else "")
        + (f"  RETIRED {k.retired_at[:10]} (replaced)" if k.retired_at else "")
        for k in keys_) or ctx.say("trust.none", "no keys enrolled"))
    return 0


def cmd_revoke(ctx: Context) -> int:
    k = _registry(ctx).revoke(ctx.args.key, actor=ctx.workspace().actor, reason=ctx.args.reason)
    ctx.emit(k.as_json(), ctx.say("trust.revoked", "revoked {name} — {fingerprint}",
                                  name=k.name, fingerprint=k.fingerprint))
    return 0


def cmd_export(ctx: Context) -> int:
    text = _registry(ctx).allowed_signers()
    if ctx.args.target is None:
        ctx.out.write(text)
    else:
        ctx.args.target.write_text(text, "utf-8")
    return 0


def cmd_apply(ctx: Context) -> int:
    from secity_desktop.services.key_rotation import apply_statement

    try:
        data = ctx.args.statement.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read {ctx.args.statement}: {exc.strerror}",
                              code="key_file_unreadable", path=str(ctx.args.statement)) from None
    k = apply_statement(ctx.workspace(), data)
    if k.revoked:
        text = ctx.say("keystmt.file_revoked", "revoked the key of {name} — {fingerprint} — from {at}",
                       name=k.name, fingerprint=k.fingerprint, at=ctx.when(k.revoked_at))
    else:
        text = ctx.say("keystmt.file_moved", "enrolment of {name} moved to {fingerprint}; the old key "
                       "is retired or revoked", name=k.name, fingerprint=k.fingerprint)
    ctx.emit(k.as_json(), text)
    return 0


def cmd_statements(ctx: Context) -> int:
    from secity_desktop.cli.passphrase import old_passphrase
    from secity_desktop.services.identity import Identity
    from secity_desktop.services.key_statements import write_statement_files

    ws = ctx.workspace()
    ident = Identity(ws)
    key = ident.unlock(old_passphrase(ident, ctx.args.passphrase_file))
    written = write_statement_files(ws, key, ctx.args.out)
    ctx.emit([str(p) for p in written], ctx.say(
        "keystmt.files_written", "wrote {count} key statement file(s) into {folder}",
        count=len(written), folder=str(ctx.args.out)))
    return 0


def cmd_reenrol(ctx: Context) -> int:
    from secity_desktop.services.key_rotation import reenrol

    reg = _registry(ctx)
    text = reg.read_key_file(ctx.args.pubfile)
    if ctx.args.fingerprint:
        got, _comment = reg.inspect(text)
        if got != ctx.args.fingerprint.strip():
            raise ValidationError(
                f"the key's fingerprint is {got}, not {ctx.args.fingerprint}; nothing was enrolled",
                code="trust.fingerprint_mismatch", got=got, expected=ctx.args.fingerprint
            )
    k = reenrol(ctx.workspace(), text, ctx.args.replaces, ctx.args.reason,
                revoked_from=ctx.args.revoked_from)
    ctx.emit(k.as_json(), f"enrolled {k.name} — {k.fingerprint}; the old key is revoked")
    return 0
