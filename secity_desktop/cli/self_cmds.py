"""``secity self template|import|list|show|export``: a municipality's own self-assessment."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.passphrase import add_passphrase_args, unlock
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.self_export import export_self, require_municipality


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("self", help="municipalities' self-assessments (claimed beside verified)")
    ssub = p.add_subparsers(dest="self_cmd", required=True)
    t = ssub.add_parser("template", help="write the spreadsheet template (.csv or .xlsx)")
    t.add_argument("output", type=Path)
    add_json_flag(t)
    t.set_defaults(handler=cmd_template)
    im = ssub.add_parser("import", help="bring in a self-assessment spreadsheet (unsigned)")
    im.add_argument("file", type=Path)
    im.add_argument("--municipality", required=True, help="the municipality's code")
    im.add_argument("--year", type=int, required=True, help="fiscal year (BE)")
    im.add_argument("--entered-by", required=True, help="who typed it in (kept with it)")
    im.add_argument("--dry-run", action="store_true", help="check the file; change nothing")
    add_json_flag(im)
    im.set_defaults(handler=cmd_import)
    ls = ssub.add_parser("list", help="standing self-assessments")
    ls.add_argument("--province", help="two-digit province code")
    ls.add_argument("--year", type=int, help="fiscal year (BE)")
    ls.add_argument("--all", action="store_true", help="include those set aside by newer ones")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)
    sh = ssub.add_parser("show", help="one municipality's self-assessment for a year")
    sh.add_argument("municipality")
    sh.add_argument("--year", type=int, required=True)
    add_json_flag(sh)
    sh.set_defaults(handler=cmd_show)
    g = ssub.add_parser("gaps", help="municipalities ranked by the gap between claim and verification")
    g.add_argument("--year", type=int, required=True, help="fiscal year (BE)")
    g.add_argument("--province", help="two-digit province code (default: this office's)")
    add_json_flag(g)
    g.set_defaults(handler=cmd_gaps)
    ex = ssub.add_parser(
        "export", help="sign and write this municipality's self-assessment as a `self` bundle"
    )
    ex.add_argument("ids", nargs="*", help="finalized assessment ids (default: every one)")
    ex.add_argument("-o", "--output", type=Path, required=True, help="file or folder")
    ex.add_argument("--unencrypted", action="store_true",
                    help="do not encrypt to the province's office key (recorded)")
    add_passphrase_args(ex)
    add_json_flag(ex)
    ex.set_defaults(handler=cmd_export)


def cmd_template(ctx: Context) -> int:
    path = SelfAssessmentService(ctx.workspace()).template(ctx.args.output)
    ctx.emit({"path": str(path)}, ctx.say("report.wrote", "wrote {file}", file=path))
    return 0


def cmd_import(ctx: Context) -> int:
    a = ctx.args
    r = SelfAssessmentService(ctx.workspace()).import_sheet(
        a.file, municipality=a.municipality, year=a.year, entered_by=a.entered_by,
        dry_run=a.dry_run,
    )
    if r.dry_run:
        verb = ctx.say("self.would_import", "would import")
    elif r.outcome == "same":
        verb = ctx.say("self.already_held", "already held")
    else:
        verb = ctx.say("self.imported", "imported")
    ctx.emit(r.as_json(), ctx.say(
        "self.import_line", "{file}: {verb} {name} {year} — {answered}/{count} indicators"
        " answered (unsigned, entered by {who})", file=r.file_name, verb=verb,
        name=r.municipality_th, year=r.year, answered=r.answered, count=r.count,
        who=a.entered_by.strip()))
    return 0


def cmd_list(ctx: Context) -> int:
    a = ctx.args
    rows = SelfAssessmentService(ctx.workspace()).records(
        province=a.province, year=a.year, include_old=a.all
    )
    ctx.emit(
        [r.source_json() | {"municipality": r.municipality_code, "name_th": r.name_th,
                            "year": r.year, "current": r.current} for r in rows],
        "\n".join(
            f"{r.year} {r.municipality_code:9} {r.name_th}  "
            + (ctx.say("self.signed_by", "signed by {who} r{revision}", who=r.signer_name,
                       revision=r.revision) if r.source == "signed"
               else ctx.say("self.spreadsheet", "spreadsheet {file} (unsigned, entered by {who})",
                            file=r.file_name, who=r.entered_by))
            + ("" if r.current else ctx.say("self.set_aside", "  [set aside]"))
            for r in rows
        ) or ctx.say("self.none", "no self-assessments"),
    )
    return 0


def cmd_show(ctx: Context) -> int:
    v = SelfAssessmentService(ctx.workspace()).show(ctx.args.municipality, ctx.args.year)
    r = v.record
    src = (ctx.say("self.signed_source", "signed by {who} ({fingerprint})", who=r.signer_name,
                   fingerprint=r.signer_fingerprint) if v.signed
           else ctx.say("self.unsigned_source", "unsigned spreadsheet {file}, entered by {who}",
                        file=r.file_name, who=r.entered_by))
    lines = [ctx.say("self.claimed", "{name} {year}: claimed total {total} — {source}",
                     name=r.name_th, year=r.year, total=f"{v.card.total:.2f}", source=src)]
    lines += [
        f"  {code:6} {resp.level if resp.level is not None else '-':>3}  {resp.note}".rstrip()
        for code, resp in v.responses.items()
    ]
    ctx.emit(v.as_json(), "\n".join(lines))
    return 0


def cmd_gaps(ctx: Context) -> int:
    ws = ctx.workspace()
    province = ctx.args.province or ws.province_code or None
    rows = SelfAssessmentService(ws).gap_ranking(year=ctx.args.year, province=province)
    ctx.emit(
        [r.as_json() for r in rows],
        "\n".join(
            f"{n:>3} {r.municipality:9} claimed {r.gap.claimed_total:6.2f} verified"
            f" {r.gap.verified_total:6.2f} gap {r.gap.total_gap:+7.2f}"
            f" {r.gap.disagreements:>3} disagree  {r.name_th}" + ("" if r.signed else " (unsigned)")
            for n, r in enumerate(rows, start=1)
        ) or ctx.say("self.no_gaps", "no municipality has both a self-assessment and a verified"
                     " assessment for that year"),
    )
    return 0


def cmd_export(ctx: Context) -> int:
    ws = ctx.workspace()
    require_municipality(ws)
    svc = ExportService(ws)
    ids = list(ctx.args.ids) or [c.assessment_id for c in svc.candidates()]
    key = unlock(svc.identity, ctx.args.passphrase_file)
    written = export_self(ws, ids, ctx.args.output, key, encrypt=not ctx.args.unencrypted)
    ctx.emit(
        {"path": str(written.path), "sha256": written.sha256, "size": written.size,
         "revisions": written.revisions, "kind": "self",
         "encrypted_to": list(written.encrypted_to)},
        ctx.say("self.wrote", "wrote {file} (self-assessment, {count} revision(s))\nsha256 {sha256}",
                file=written.path, count=written.revisions, sha256=written.sha256),
    )
    return 0
