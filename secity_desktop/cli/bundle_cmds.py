"""``secity bundle export|return|upward|verify|import|history``: signed bundles of every kind."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.passphrase import add_passphrase_args, unlock
from secity_desktop.core.errors import SecityError
from secity_desktop.services.bundle_check import (
    read_allowed_signers,
    trusted_for_verify,
    verify_files,
)
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportResult, ImportService
from secity_desktop.services.conflicts import ConflictService
from secity_desktop.services.identity import Identity
from secity_desktop.services.office_bundles import OfficeBundleService, OfficeJob
from secity_desktop.services.types import Plan


class BundleRefused(SecityError):
    """One or more bundles were refused (details already printed)."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bundle", help="signed bundles: export, verify, import")
    bsub = p.add_subparsers(dest="bundle_cmd", required=True)

    e = bsub.add_parser("export", help="sign and write finalized assessments to a .secbundle")
    e.add_argument("ids", nargs="*", help="assessment ids (finalized revisions)")
    e.add_argument("--unsent", action="store_true", help="everything not yet sent")
    e.add_argument("-o", "--output", type=Path, default=Path("."), help="file or folder")
    e.add_argument("--list", action="store_true", help="only list what could be exported")
    e.add_argument("--unencrypted", action="store_true",
                   help="do not encrypt to the receiving office's key (recorded; only if it asked)")
    add_passphrase_args(e)
    add_json_flag(e)
    e.set_defaults(handler=cmd_export)

    r = bsub.add_parser("return", help="province: sign the reviews of returned assessments for the assessor")
    r.add_argument("ids", nargs="*", help="returned assessment ids (default: every returned one)")
    r.add_argument("-o", "--output", type=Path, default=Path("."), help="file or folder")
    r.add_argument("--list", action="store_true", help="only list what could be sent")
    r.add_argument("--unencrypted", action="store_true",
                   help="do not encrypt to the receiving office's key (recorded; only if it asked)")
    add_passphrase_args(r)
    add_json_flag(r)
    r.set_defaults(handler=cmd_return)

    u = bsub.add_parser("upward", help="province: sign approved results and model towns for the region and nation")
    u.add_argument("ids", nargs="*", help="approved assessment ids (default: every approved one)")
    u.add_argument("--year", type=int, help="only this fiscal year (BE)")
    u.add_argument("-o", "--output", type=Path, default=Path("."), help="file or folder")
    u.add_argument("--list", action="store_true", help="only list what could be sent")
    u.add_argument("--unencrypted", action="store_true",
                   help="do not encrypt to the receiving office's key (recorded; only if it asked)")
    add_passphrase_args(u)
    add_json_flag(u)
    u.set_defaults(handler=cmd_upward)

    v = bsub.add_parser("verify", help="check a bundle without importing it")
    v.add_argument("files", nargs="+", type=Path)
    v.add_argument("--allowed-signers", type=Path,
                   help="check against this OpenSSH allowed_signers file instead of the registry")
    add_passphrase_args(v)  # asked only when a file is encrypted (to open it)
    add_json_flag(v)
    v.set_defaults(handler=cmd_verify)

    i = bsub.add_parser("import", help="import bundles of any kind; --dry-run shows the plan only")
    i.add_argument("files", nargs="+", type=Path)
    i.add_argument("--dry-run", action="store_true")
    add_passphrase_args(i)  # asked only when a file is encrypted (to open it)
    add_json_flag(i)
    i.set_defaults(handler=cmd_import)

    cf = bsub.add_parser("conflicts", help="imported revisions in conflict, waiting for a person")
    cf.add_argument("--all", action="store_true", help="include resolved ones")
    add_json_flag(cf)
    cf.set_defaults(handler=cmd_conflicts)

    rs = bsub.add_parser("resolve", help="settle a conflict: which revision stands, and why")
    rs.add_argument("conflict", type=int, help="conflict number (see `bundle conflicts`)")
    rs.add_argument("--keep", required=True, help="the assessment id that stands")
    rs.add_argument("--reason", required=True, help="why (kept in the audit log)")
    add_json_flag(rs)
    rs.set_defaults(handler=cmd_resolve)

    h = bsub.add_parser("history", help="what was exported or imported, and when")
    add_json_flag(h)
    h.set_defaults(handler=cmd_history)


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def cmd_export(ctx: Context) -> int:
    ws = ctx.workspace()
    svc = ExportService(ws)
    if ctx.args.list:
        rows = svc.candidates(unsent_only=ctx.args.unsent)
        ctx.emit([c.as_json() for c in rows], "\n".join(
            f"{c.assessment_id}  {c.year}  r{c.revision}  {_mb(c.evidence_bytes):>9}  "
            f"{'sent ' + str(c.sent) + 'x' if c.sent else 'not sent':10} {c.municipality_th}"
            for c in rows) or "nothing finalized yet")
        return 0
    ids = list(ctx.args.ids)
    if ctx.args.unsent:
        ids += [c.assessment_id for c in svc.candidates(unsent_only=True)]
    if not ids:
        raise SecityError("nothing to export: give assessment ids or --unsent",
                          code="cli.nothing_to_export")
    size = svc.estimate(ids)
    print(f"exporting {len(set(ids))} revision(s), about {_mb(size)}", file=sys.stderr)
    key = unlock(svc.identity, ctx.args.passphrase_file)
    written = svc.export(ids, ctx.args.output, key, encrypt=not ctx.args.unencrypted)
    ctx.emit(
        {"path": str(written.path), "sha256": written.sha256, "size": written.size,
         "revisions": written.revisions, "encrypted_to": list(written.encrypted_to)},
        ctx.say("bundle.wrote", "wrote {file} ({size}, {count} revision(s))\nsha256 {sha256}",
                file=written.path, size=_mb(written.size), count=written.revisions,
                sha256=written.sha256) + "\n" + _sealed_text(written),
    )
    return 0


def _sealed_text(written) -> str:  # type: ignore[no-untyped-def]
    if written.encrypted_to:
        return "encrypted to " + ", ".join(written.encrypted_to)
    return "NOT encrypted (--unencrypted; recorded in the export history and the audit log)"


def _office_export(ctx: Context, kind: str, job_for) -> int:  # type: ignore[no-untyped-def]
    svc = OfficeBundleService(ctx.workspace())
    if ctx.args.list:
        rows = svc.candidates(kind, getattr(ctx.args, "year", None))  # type: ignore[arg-type]
        ctx.emit([c.as_json() for c in rows], "\n".join(
            f"{c.assessment_id}  {c.year}  r{c.revision}  {c.status:9} "
            f"{'sent ' + str(c.sent) + 'x' if c.sent else 'not sent':10} {c.municipality_th}"
            for c in rows) or f"nothing to send ({kind})")
        return 0
    job: OfficeJob = job_for(svc)
    print(f"signing a {kind} bundle: {len(job.ids)} assessment(s), "
          f"{len(job.model_towns)} model town(s)", file=sys.stderr)
    key = unlock(svc.identity, ctx.args.passphrase_file)
    written = svc.export(job, ctx.args.output, key)
    ctx.emit(
        {"path": str(written.path), "sha256": written.sha256, "size": written.size,
         "kind": kind, "assessments": job.ids, "model_towns": len(job.model_towns),
         "encrypted_to": list(written.encrypted_to)},
        ctx.say("bundle.wrote_office", "wrote {file} ({size}, sha256 {sha256}…)",
                file=written.path, size=_mb(written.size), sha256=written.sha256[:16])
        + "\n" + _sealed_text(written),
    )
    return 0


def cmd_return(ctx: Context) -> int:
    def job(svc: OfficeBundleService) -> OfficeJob:
        ids = list(ctx.args.ids) or [c.assessment_id for c in svc.candidates("return")]
        return svc.prepare_return(ids, encrypt=not ctx.args.unencrypted)

    return _office_export(ctx, "return", job)


def cmd_upward(ctx: Context) -> int:
    return _office_export(
        ctx, "upward", lambda svc: svc.prepare_upward(ctx.args.year, list(ctx.args.ids) or None,
                                                      encrypt=not ctx.args.unencrypted)
    )


def _key_if_encrypted(ctx: Context):  # type: ignore[no-untyped-def]
    """This workspace's key, unlocked, when a file is encrypted and there is a key; otherwise
    None (an encrypted file is then refused ``not_for_us``, the others checked as usual)."""
    if not ImportService.needs_key(ctx.args.files):
        return None
    identity = Identity(ctx.workspace())
    return unlock(identity, ctx.args.passphrase_file) if identity.has_key() else None


def cmd_verify(ctx: Context) -> int:
    if ctx.args.allowed_signers:
        trusted = read_allowed_signers(ctx.args.allowed_signers)
    else:
        trusted = trusted_for_verify(ctx.workspace())
    key = _key_if_encrypted(ctx)
    verdicts = verify_files(ctx.args.files, trusted, key)
    results = [v.as_json() for v in verdicts]
    for r in results:  # refusals on stderr (the README says errors go there)
        if not r["ok"]:
            print(f"{r['file']}: REFUSED [{r['reason']}] {r['message']}", file=sys.stderr)
    good = [r for r in results if r["ok"]]
    if good or ctx.json:
        ctx.emit(results, "\n".join(
            f"{r['file']}: OK — {r['kind']} bundle signed by {r['sender']} ({r['fingerprint']}), "
            f"{r['revisions']} revision(s), {r['reviews']} review(s), {r['evidence']} evidence file(s)"
            for r in good))
    return 1 if any(not v.ok for v in verdicts) else 0


def _plan_text(plan: Plan) -> str:
    lines = [
        f"{i.action.value:8} {i.doc.municipality.code} {i.doc.municipality.name_th} {i.doc.year} "
        f"r{i.doc.revision} {i.doc.id}  ({i.doc.assessor.name})"
        + (f" — {i.note}" if i.note else "")
        for i in plan.items
    ]
    lines += [
        f"{r.action.value:8} {r.doc.municipality_code} {r.municipality_th} {r.doc.year} "
        f"r{r.doc.revision} {r.doc.assessment_id}  review: {r.doc.status}, "
        f"{len(r.doc.comments)} comment(s)" + (f" — {r.note}" if r.note else "")
        for r in plan.reviews
    ]
    counts = plan.as_json()["counts"]
    lines.append(", ".join(f"{k} {v}" for k, v in counts.items()))  # type: ignore[union-attr]
    return "\n".join(lines)


def _anchor_warnings(plan: Plan) -> None:
    """A sender's audit log that went back or changed is said loudly (not a refusal: the
    bundle's signatures hold; the office decides what to do with the sender)."""
    for a in plan.anchors:
        if a.alarming:
            print(f"WARNING  {a.file} [{a.code}] {a.message}", file=sys.stderr)


def _refusals(plan: Plan, result: ImportResult | None = None) -> None:
    """Refusals go to stderr (the README's promise); each says where its copy is, or why none."""
    _anchor_warnings(plan)
    for r in plan.rejected:
        line = f"REFUSED  {r.path.name} [{r.reason}] {r.message}"
        if r.sender_fingerprint and r.sender_public:
            line += (f"\n         it claims to come from {r.sender_name}, key {r.sender_fingerprint};"
                     " after comparing the fingerprint with the sender: secity trust add"
                     f" --from-bundle {r.path} --fingerprint {r.sender_fingerprint}")
        if result is not None and r.path in result.quarantined:
            line += f"\n         quarantined {r.path.name} → {result.quarantined[r.path]}"
        elif result is not None:
            why = result.not_quarantined.get(r.path, "io_error")
            line += f"\n         no copy kept in quarantine ({_NOT_KEPT.get(why, why)})"
        print(line, file=sys.stderr)


_NOT_KEPT = {
    "over_cap": "the quarantine folder is at its size cap; see `secity quarantine`",
    "no_space": "not enough free disk space",
    "unreadable": "the file could not be read",
    "io_error": "copying failed",
    "denied": "the quarantine folder cannot be written",
}


def cmd_import(ctx: Context) -> int:
    ws = ctx.workspace()
    svc = ImportService(ws)
    key = _key_if_encrypted(ctx)
    if ctx.args.dry_run:
        plan = svc.dry_run(ctx.args.files, own_key=key)
        _refusals(plan)
        ctx.emit(plan.as_json() | {"dry_run": True}, "dry run — nothing changed\n" + _plan_text(plan))
        return 1 if plan.rejected else 0
    result = svc.import_files(ctx.args.files, own_key=key)
    _refusals(result.plan, result)
    ctx.emit(result.as_json(), _plan_text(result.plan))
    return 1 if result.plan.rejected else 0


def cmd_history(ctx: Context) -> int:
    ws = ctx.workspace()
    exports = ExportService(ws).history()
    imports = ImportService(ws).history()
    ctx.emit({"exports": exports, "imports": imports}, "\n".join(
        [f"export {e['at']} {e.get('kind', 'field')} {e['path']} ({e['revisions']} assessment(s))"
         for e in exports]
        + [f"import {i['at']} {i['file_name']} {i['result']}"
           + (f" [{i['reason']}]" if i["reason"] else "")
           + f" from {i['sender_name'] or '?'}" for i in imports]) or "no exports or imports yet")
    return 0


def cmd_conflicts(ctx: Context) -> int:
    rows = ConflictService(ctx.workspace()).list(include_resolved=ctx.args.all)
    ctx.emit([c.as_json() for c in rows], "\n".join(
        f"#{c.id} {c.kind:8} {c.municipality_code} {c.municipality_th} {c.year}: "
        f"{c.new.assessment_id} r{c.new.revision} vs {c.existing.assessment_id} r{c.existing.revision}"
        + (f" — kept {c.kept_id} ({c.resolution})" if c.kept_id else " — open")
        for c in rows) or "no open conflicts")
    return 0


def cmd_resolve(ctx: Context) -> int:
    c = ConflictService(ctx.workspace()).resolve(ctx.args.conflict, ctx.args.keep, ctx.args.reason)
    ctx.emit(c.as_json(), f"conflict #{c.id} resolved: {c.kept_id} stands")
    return 0
