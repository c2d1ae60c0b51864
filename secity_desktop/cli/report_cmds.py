"""``secity report assessment|province|certificate|certificates`` — PDFs from the workspace."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop.cli import passphrase, trend_cmds
from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.thai_calendar import BE_OFFSET
from secity_desktop.services.identity import Identity
from secity_desktop.services.operations import run_inline
from secity_desktop.services.report_render import (
    CertificateRequest,
    RenderAssessmentReport,
    RenderCertificates,
    RenderProvinceSummary,
    read_key_file,
)


def _date(text: str) -> dt.date:
    """ISO date; a year above 2400 is read as BE (2569-11-26) because people type both."""
    try:
        y, m, d = (int(p) for p in text.split("-"))
        return dt.date(y - BE_OFFSET if y > 2400 else y, m, d)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, not {text!r}") from None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help="PDF reports and certificates")
    rsub = p.add_subparsers(dest="report_cmd", required=True)

    a = rsub.add_parser("assessment", help="one assessment's report with evidence thumbnails")
    a.add_argument("id")
    a.add_argument("-o", "--output", required=True, type=Path)
    add_json_flag(a)
    a.set_defaults(handler=cmd_assessment)

    pr = rsub.add_parser("province", help="all municipalities of a province for a year")
    pr.add_argument("--province", required=True, help="two-digit province code")
    pr.add_argument("--year", required=True, type=int, help="fiscal year in BE")
    pr.add_argument("-o", "--output", required=True, type=Path)
    add_json_flag(pr)
    pr.set_defaults(handler=cmd_province)

    trend_cmds.register_report(rsub)  # secity report trend (cli/trend_cmds.py)

    c = rsub.add_parser("certificate", help="one model-town certificate (A4 landscape)")
    c.add_argument("--municipality", required=True, help="municipality code")
    c.add_argument("--year", required=True, type=int, help="fiscal year in BE")
    c.add_argument("-o", "--output", required=True, type=Path)
    _certificate_options(c)
    c.set_defaults(handler=cmd_certificate)

    b = rsub.add_parser("certificates", help="a batch of certificates: a folder or one PDF")
    b.add_argument("--year", required=True, type=int, help="fiscal year in BE")
    b.add_argument(
        "--municipality",
        action="append",
        metavar="CODE",
        help="repeat for each; default: the year's model towns",
    )
    b.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help="a folder (one file each) or a .pdf (all pages in one file)",
    )
    _certificate_options(b)
    b.set_defaults(handler=cmd_certificates)


def _certificate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--thai-digits",
        action="store_true",
        default=None,
        help="print digits as ๐–๙ (default: the template's choice)",
    )
    p.add_argument("--signatory-name")
    p.add_argument("--signatory-position")
    p.add_argument("--agency", help="issuing agency (default: the template's, by province)")
    p.add_argument("--date", type=_date, help="issue date YYYY-MM-DD (CE or BE; default today)")
    p.add_argument("--template", type=Path, help="certificate wording (TOML)")
    p.add_argument("--key", type=Path, help="province signing key (OpenSSH Ed25519 file)")
    p.add_argument(
        "--passphrase-file", type=Path, help="file whose first line is the key's passphrase"
    )
    p.add_argument(
        "--unsigned",
        action="store_true",
        help="print a specimen without QR code (no key needed, no approval needed)",
    )
    add_json_flag(p)


def load_signing_key(ctx: Context) -> Ed25519PrivateKey:
    """The workspace's signing key (``secity key init``), or another key file with ``--key``.

    The passphrase comes from ``--passphrase-file`` or a prompt, never from the
    command line.
    """
    if ctx.args.key is None:
        return passphrase.unlock(Identity(ctx.workspace()), ctx.args.passphrase_file)
    if ctx.args.passphrase_file is None:
        raise ValidationError(
            "--key needs --passphrase-file (passphrases never go on the command line)",
            code="cli.key_needs_passphrase_file"
        )
    return read_key_file(ctx.args.key, passphrase.from_file(ctx.args.passphrase_file))


def _request(ctx: Context, codes: list[str] | None, single: bool) -> CertificateRequest:
    a = ctx.args
    return CertificateRequest(
        a.year, codes, single=single, specimen=a.unsigned, issued=a.date,
        signatory_name=a.signatory_name, signatory_position=a.signatory_position,
        agency=getattr(a, "agency", None) if single else None,
        thai_numerals=a.thai_digits, template=a.template,
    )


def cmd_assessment(ctx: Context) -> int:
    rendered = run_inline(RenderAssessmentReport(ctx.workspace(), ctx.args.id, ctx.args.output))
    out = rendered.written[0]
    ctx.emit({"output": str(out), "pages_for": ctx.args.id},
             ctx.say("report.wrote", "wrote {file}", file=out))
    return 0


def cmd_province(ctx: Context) -> int:
    op = RenderProvinceSummary(ctx.workspace(), ctx.args.province, ctx.args.year, ctx.args.output)
    out = run_inline(op).written[0]
    ctx.emit(
        {"output": str(out), "municipalities": op.municipalities, "assessed": op.assessed},
        ctx.say("report.wrote_summary",
                "wrote {file} ({assessed} of {total} municipalities assessed)",
                file=out, assessed=op.assessed, total=op.municipalities),
    )
    return 0


def cmd_certificate(ctx: Context) -> int:
    ws = ctx.workspace()
    request = _request(ctx, [ctx.args.municipality], single=True)
    key = None if ctx.args.unsigned else (lambda: load_signing_key(ctx))
    rendered = run_inline(RenderCertificates(ws, request, ctx.args.output, key))
    out, [data] = rendered.written[0], rendered.certificates
    ctx.emit(
        {
            "output": str(out),
            "certificate_id": data.certificate_id,
            "signed": bool(data.payload),
            "signer": data.signer_fingerprint,
        },
        f"wrote {out} (certificate {data.certificate_id}"
        + (f", signed by {data.signer_fingerprint})" if data.payload else ", unsigned specimen)"),
    )
    return 0


def cmd_certificates(ctx: Context) -> int:
    ws = ctx.workspace()
    request = _request(ctx, ctx.args.municipality, single=False)
    key = None if ctx.args.unsigned else (lambda: load_signing_key(ctx))

    def progress(done: int, total: int, _text: str = "") -> bool:
        if not ctx.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    result = run_inline(RenderCertificates(ws, request, ctx.args.output, key), progress)
    ctx.emit(
        {"written": [str(p) for p in result.written], "total": result.total},
        ctx.say("report.wrote_certificates",
                "wrote {count} file(s) for {total} certificate(s) to {folder}",
                count=len(result.written), total=result.total, folder=ctx.args.output),
    )
    return 0
