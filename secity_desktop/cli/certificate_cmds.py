"""``secity certificate verify TEXT|--pdf FILE`` — is a certificate genuine, and who signed it?

Offline: the payload carries the claims and an Ed25519 signature; the signer
must be one of the keys this office trusts (``--trusted-keys`` files and the
workspace's own trusted keys), and it must have signed inside the key's validity
window — the one the certificate states and the one this workspace's key history
knows (rotation, revocation from a date). See docs/certificates.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.services.certificate_check import (
    payloads_from_pdf,
    reason_text,
    trusted_keys,
    verify,
    window_text,
)
from secity_desktop.services.store_admin import workspace_exists
from secity_desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("certificate", help="certificate checks")
    csub = p.add_subparsers(dest="certificate_cmd", required=True)
    v = csub.add_parser("verify", help="check a certificate offline (QR text or PDF)")
    v.add_argument("text", nargs="?", help="the QR code's text (SECITY-CERT1:…)")
    v.add_argument("--pdf", type=Path, help="read the code stored in a certificate PDF")
    v.add_argument(
        "--trusted-keys",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="public keys or an allowed_signers file (repeatable)",
    )
    v.add_argument(
        "--include-enrolled",
        action="store_true",
        help="also trust the keys enrolled in this workspace's trust registry",
    )
    add_json_flag(v)
    v.set_defaults(handler=cmd_verify)


def cmd_verify(ctx: Context) -> int:
    if bool(ctx.args.text) == bool(ctx.args.pdf):
        raise ValidationError("give either the QR text or --pdf FILE",
                              code="cli.certificate_qr_or_pdf")
    payloads = payloads_from_pdf(ctx.args.pdf) if ctx.args.pdf else [ctx.args.text]
    ws: Workspace | None = ctx.workspace() if workspace_exists(ctx.data_dir) else None
    trusted = trusted_keys(ws, ctx.args.trusted_keys, include_enrolled=ctx.args.include_enrolled)
    if not trusted:
        raise ValidationError(
            "no trusted keys: pass --trusted-keys FILE (the province's public key) or use a"
            " workspace that trusts the signing key", code="cli.no_trusted_keys"
        )
    verdicts = verify(payloads, trusted, ws, ctx.args.trusted_keys or ())
    results = [v.as_json() for v in verdicts]
    lines: list[str] = []
    lang = ctx.lang
    for v in verdicts:
        if not v.genuine:
            lines.append(ctx.say("certificate.not_genuine", "NOT GENUINE ({reason}): {message}",
                                 reason=v.reason, message=reason_text(v, lang)))
            if v.signature_ok:
                lines.append("  " + window_text(v, lang))
            continue
        issued = format_date_th(v.issued) if v.issued else ""
        who = v.signer_label or v.signer
        lines.append(ctx.say(
            "certificate.genuine",
            "GENUINE: certificate {id} — {name} ({code}), {tier}, fiscal year {year}, issued"
            " {issued}; signed by {who} ({signer})",
            id=v.certificate_id, name=v.municipality_th, code=v.municipality_code, tier=v.tier_th,
            year=v.year, issued=issued, who=who, signer=v.signer))
        lines.append("  " + window_text(v, lang))
    failed = any(not v.genuine for v in verdicts)
    if ctx.json:
        ctx.emit(results if len(results) > 1 else results[0])
    elif failed and len(verdicts) == 1:
        # The verdict itself, in the person's language (a raise would print only the
        # catalogue's generic "not genuine" sentence in Thai).
        print("secity: " + "\n".join(lines), file=sys.stderr)
    else:
        ctx.emit(results, "\n".join(lines))
    return 1 if failed else 0
