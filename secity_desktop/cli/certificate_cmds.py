"""``secity certificate verify TEXT|--pdf FILE`` — is a certificate genuine, and who signed it?

Offline: the payload carries the claims and an Ed25519 signature; the signer
must be one of the keys this office trusts (``--trusted-keys`` files and the
workspace's own trusted keys). See docs/certificates.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.errors import SecityError, SignatureError, ValidationError
from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.crypto import certpayload
from secity_desktop.services.certificates import payloads_in_pdf, tier_label, workspace_trusted_keys
from secity_desktop.services.workspace import Workspace
from secity_desktop.store.database import DB_NAME


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


def _trusted(ctx: Context) -> tuple[dict[str, Ed25519PublicKey], Workspace | None]:
    trusted: dict[str, Ed25519PublicKey] = {}
    for path in ctx.args.trusted_keys:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(f"cannot read trusted keys {path}: {exc}") from None
        trusted.update(certpayload.read_trusted_keys(text, str(path)))
    ws: Workspace | None = None
    if (ctx.data_dir / DB_NAME).exists():
        ws = ctx.workspace()
        trusted.update(workspace_trusted_keys(ws, include_enrolled=ctx.args.include_enrolled))
    if not trusted:
        raise ValidationError(
            "no trusted keys: pass --trusted-keys FILE (the province's public key) or use a"
            " workspace that trusts the signing key"
        )
    return trusted, ws


def cmd_verify(ctx: Context) -> int:
    if bool(ctx.args.text) == bool(ctx.args.pdf):
        raise ValidationError("give either the QR text or --pdf FILE")
    payloads = payloads_in_pdf(ctx.args.pdf) if ctx.args.pdf else [ctx.args.text]
    trusted, ws = _trusted(ctx)
    results: list[dict[str, object]] = []
    lines: list[str] = []
    failed = False
    for payload in payloads:
        try:
            v = certpayload.verify(payload, trusted)
        except SignatureError as exc:
            failed = True
            results.append({"genuine": False, "reason": exc.reason, "message": str(exc)})
            lines.append(f"NOT GENUINE ({exc.reason}): {exc}")
            continue
        c = v.claims
        issued = format_date_th(dt.date.fromisoformat(c.issued))
        tier = tier_label(ws, c.tier)
        who = v.signer_label or c.signer
        results.append(
            {
                "genuine": True,
                "certificate_id": c.certificate_id,
                "municipality_code": c.municipality_code,
                "municipality_th": c.municipality_th,
                "year": c.year,
                "tier": c.tier,
                "tier_th": tier,
                "issued": c.issued,
                "signer": c.signer,
                "signer_label": v.signer_label,
            }
        )
        lines.append(
            f"GENUINE: certificate {c.certificate_id} — {c.municipality_th} ({c.municipality_code}),"
            f" {tier}, fiscal year {c.year}, issued {issued}; signed by {who} ({c.signer})"
        )
    if ctx.json:
        ctx.emit(results if len(results) > 1 else results[0])
    elif failed and len(lines) == 1:
        raise SecityError(lines[0])
    else:
        ctx.emit(results, "\n".join(lines))
    return 1 if failed else 0
