"""``secity trust add|list|revoke|export``: the registry of enrolled keys.

A province enrols its assessors' keys; an assessor enrols the province's key
(to accept its return-for-revision bundles); a region or the nation enrols
provinces' keys (to accept their upward bundles).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
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
    a.add_argument("--name", help="the owner's name (default: the key's comment)")
    a.add_argument("--organisation", default="")
    a.add_argument("--position", default="")
    a.add_argument("--fingerprint", help="refuse unless the key has this fingerprint (as read out)")
    add_json_flag(a)
    a.set_defaults(handler=cmd_add)

    ls = tsub.add_parser("list", help="enrolled keys")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    r = tsub.add_parser("revoke", help="stop trusting a key (bundles it signs are refused)")
    r.add_argument("key", help="fingerprint, key id or principal")
    r.add_argument("--reason", default="")
    r.set_defaults(handler=cmd_revoke)

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
            raise ValidationError(f"cannot read {ctx.args.pubfile}: {exc}") from None
    if ctx.args.fingerprint:
        got, _comment = reg.inspect(text)
        if got != ctx.args.fingerprint.strip():
            raise ValidationError(
                f"the key's fingerprint is {got}, not {ctx.args.fingerprint}; nothing was enrolled"
            )
    k = reg.add(text, actor=ctx.workspace().actor, name=name,
                organisation=organisation, position=ctx.args.position)
    ctx.emit(k.as_json(), f"enrolled {k.name} — {k.fingerprint} (principal {k.principal})")
    return 0


def cmd_list(ctx: Context) -> int:
    keys_ = _registry(ctx).all()
    ctx.emit([k.as_json() for k in keys_], "\n".join(
        f"{k.fingerprint}  {k.name}  {k.organisation}  enrolled {k.enrolled_at[:10]} by "
        f"{k.enrolled_by}" + (f"  REVOKED {k.revoked_at[:10]}" if k.revoked_at else "")
        for k in keys_) or "no keys enrolled")
    return 0


def cmd_revoke(ctx: Context) -> int:
    k = _registry(ctx).revoke(ctx.args.key, actor=ctx.workspace().actor, reason=ctx.args.reason)
    ctx.emit(k.as_json(), f"revoked {k.name} — {k.fingerprint}")
    return 0


def cmd_export(ctx: Context) -> int:
    text = _registry(ctx).allowed_signers()
    if ctx.args.target is None:
        ctx.out.write(text)
    else:
        ctx.args.target.write_text(text, "utf-8")
    return 0
