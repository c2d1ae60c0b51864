"""``secity report assessment|province|certificate|certificates`` — PDFs from the workspace."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop.cli import passphrase
from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.thai_calendar import BE_OFFSET
from secity_desktop.crypto import keys
from secity_desktop.reports.assessment_pdf import render_assessment_report
from secity_desktop.reports.certificate_pdf import render_certificate, render_certificates
from secity_desktop.reports.certificate_template import CertificateTemplate
from secity_desktop.reports.data import CertificateData
from secity_desktop.reports.province_pdf import render_province_summary
from secity_desktop.services.certificates import CertificateService
from secity_desktop.services.identity import Identity
from secity_desktop.services.reports import ReportDataService


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
            "--key needs --passphrase-file (passphrases never go on the command line)"
        )
    return keys.read_private(ctx.args.key, passphrase.from_file(ctx.args.passphrase_file))


def _template(ctx: Context) -> CertificateTemplate:
    return CertificateTemplate.load(ctx.args.template)


def _sign_all(
    ctx: Context, svc: CertificateService, items: list[CertificateData]
) -> list[CertificateData]:
    if ctx.args.unsigned:
        return items
    key = load_signing_key(ctx)
    return [svc.sign(d, key) for d in items]


def cmd_assessment(ctx: Context) -> int:
    data = ReportDataService(ctx.workspace()).assessment(ctx.args.id)
    out = render_assessment_report(data, ctx.args.output)
    ctx.emit({"output": str(out), "pages_for": data.assessment_id}, f"wrote {out}")
    return 0


def cmd_province(ctx: Context) -> int:
    data = ReportDataService(ctx.workspace()).province(ctx.args.province, ctx.args.year)
    out = render_province_summary(data, ctx.args.output)
    ctx.emit(
        {"output": str(out), "municipalities": len(data.rows), "assessed": data.assessed},
        f"wrote {out} ({data.assessed} of {len(data.rows)} municipalities assessed)",
    )
    return 0


def cmd_certificate(ctx: Context) -> int:
    svc = CertificateService(ctx.workspace())
    tpl = _template(ctx)
    data = svc.prepare(
        ctx.args.municipality,
        ctx.args.year,
        issued=ctx.args.date,
        signatory_name=ctx.args.signatory_name,
        signatory_position=ctx.args.signatory_position,
        agency=ctx.args.agency,
        specimen=ctx.args.unsigned,
    )
    [data] = _sign_all(ctx, svc, [data])
    out = render_certificate(data, ctx.args.output, tpl, thai_numerals=ctx.args.thai_digits)
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
    svc = CertificateService(ctx.workspace())
    tpl = _template(ctx)
    items = svc.prepare_many(
        ctx.args.year,
        ctx.args.municipality,
        specimen=ctx.args.unsigned,
        issued=ctx.args.date,
        signatory_name=ctx.args.signatory_name,
        signatory_position=ctx.args.signatory_position,
    )
    items = _sign_all(ctx, svc, items)

    def progress(done: int, total: int) -> bool:
        if not ctx.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    result = render_certificates(
        items, ctx.args.output, tpl, thai_numerals=ctx.args.thai_digits, progress=progress
    )
    ctx.emit(
        {"written": [str(p) for p in result.written], "total": result.total},
        f"wrote {len(result.written)} file(s) for {result.total} certificate(s) to {ctx.args.output}",
    )
    return 0
