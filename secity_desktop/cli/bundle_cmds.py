"""``secity bundle export|return|upward|verify|import|history``: signed bundles of every kind."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.passphrase import add_passphrase_args, unlock, unlock_for_reading
from secity_desktop.core.errors import SecityError

# Each command imports its own services when it runs (docs/cli-batch.md, "A CLI that loads
# what it runs"): `bundle import` of many files starts the verification workers first, so
# they start while this process loads the importer and opens the store (cmd_import).
if TYPE_CHECKING:
    from secity_desktop.services.bundle_import import ImportResult
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
    from secity_desktop.services.bundle_export import ExportService

    ws = ctx.workspace()
    svc = ExportService(ws)
    if ctx.args.list:
        rows = svc.candidates(unsent_only=ctx.args.unsent)
        ctx.emit([c.as_json() for c in rows], "\n".join(
            f"{c.assessment_id}  {c.year}  r{c.revision}  {_mb(c.evidence_bytes):>9}  "
            f"{'sent ' + str(c.sent) + 'x' if c.sent else 'not sent':10} {c.municipality_th}"
            for c in rows) or ctx.say("bundle.nothing_finalized", "nothing finalized yet"))
        return 0
    ids = list(ctx.args.ids)
    if ctx.args.unsent:
        ids += [c.assessment_id for c in svc.candidates(unsent_only=True)]
    if not ids:
        raise SecityError("nothing to export: give assessment ids or --unsent",
                          code="cli.nothing_to_export")
    size = svc.estimate(ids)
    print(ctx.say("bundle.exporting", "exporting {count} revision(s), about {size}",
                  count=len(set(ids)), size=_mb(size)), file=sys.stderr)
    key = unlock(svc.identity, ctx.args.passphrase_file)
    written = svc.export(ids, ctx.args.output, key, encrypt=not ctx.args.unencrypted)
    ctx.emit(
        {"path": str(written.path), "sha256": written.sha256, "size": written.size,
         "revisions": written.revisions, "encrypted_to": list(written.encrypted_to)},
        ctx.say("bundle.wrote", "wrote {file} ({size}, {count} revision(s))\nsha256 {sha256}",
                file=written.path, size=_mb(written.size), count=written.revisions,
                sha256=written.sha256) + "\n" + _sealed_text(ctx, written),
    )
    return 0


def _sealed_text(ctx: Context, written) -> str:  # type: ignore[no-untyped-def]
    if written.encrypted_to:
        return ctx.say("bundle.encrypted_to", "encrypted to {offices}",
                       offices=", ".join(written.encrypted_to))
    return ctx.say("bundle.not_encrypted", "NOT encrypted (--unencrypted; recorded in the export "
                   "history and the audit log)")


def _office_export(ctx: Context, kind: str, job_for) -> int:  # type: ignore[no-untyped-def]
    from secity_desktop.services.office_bundles import OfficeBundleService

    svc = OfficeBundleService(ctx.workspace())
    if ctx.args.list:
        rows = svc.candidates(kind, getattr(ctx.args, "year", None))  # type: ignore[arg-type]
        ctx.emit([c.as_json() for c in rows], "\n".join(
            f"{c.assessment_id}  {c.year}  r{c.revision}  {c.status:9} "
            f"{'sent ' + str(c.sent) + 'x' if c.sent else 'not sent':10} {c.municipality_th}"
            for c in rows) or ctx.say("bundle.nothing_to_send", "nothing to send ({kind})",
                                      kind=kind))
        return 0
    job: OfficeJob = job_for(svc)
    print(ctx.say("bundle.signing", "signing a {kind} bundle: {count} assessment(s), "
                  "{towns} model town(s)", kind=kind, count=len(job.ids),
                  towns=len(job.model_towns)), file=sys.stderr)
    key = unlock(svc.identity, ctx.args.passphrase_file)
    written = svc.export(job, ctx.args.output, key)
    ctx.emit(
        {"path": str(written.path), "sha256": written.sha256, "size": written.size,
         "kind": kind, "assessments": job.ids, "model_towns": len(job.model_towns),
         "encrypted_to": list(written.encrypted_to)},
        ctx.say("bundle.wrote_office", "wrote {file} ({size}, sha256 {sha256}…)",
                file=written.path, size=_mb(written.size), sha256=written.sha256[:16])
        + "\n" + _sealed_text(ctx, written),
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
    from secity_desktop.services.bundle_import import ImportService
    from secity_desktop.services.identity import Identity

    if not ImportService.needs_key(ctx.args.files):
        return None
    identity = Identity(ctx.workspace())
    # current key and the retired ones a rotation kept: sealed to the old key still opens
    return (unlock_for_reading(identity, ctx.args.passphrase_file, ctx.args.files)
            if identity.has_key() else None)


def cmd_verify(ctx: Context) -> int:
    from secity_desktop.services.bundle_check import (
        read_allowed_signers,
        trusted_for_verify,
        verify_files,
    )

    if ctx.args.allowed_signers:
        trusted = read_allowed_signers(ctx.args.allowed_signers)
    else:
        trusted = trusted_for_verify(ctx.workspace())
    key = _key_if_encrypted(ctx)
    verdicts = verify_files(ctx.args.files, trusted, key)
    results = [v.as_json() for v in verdicts]
    for r in results:  # refusals on stderr (the README says errors go there)
        if not r["ok"]:
            print(ctx.say("bundle.verify_refused", "{file}: REFUSED [{reason}] {message}",
                          file=r["file"], reason=r["reason"],
                          message=_refusal_text(ctx, str(r["reason"]), str(r["message"]))),
                  file=sys.stderr)
    good = [r for r in results if r["ok"]]
    if good or ctx.json:
        ctx.emit(results, "\n".join(
            ctx.say("bundle.verified", "{file}: OK — {kind} bundle signed by {sender} "
                    "({fingerprint}), {revisions} revision(s), {reviews} review(s), "
                    "{evidence} evidence file(s)", file=r["file"], kind=r["kind"],
                    sender=r["sender"], fingerprint=r["fingerprint"], revisions=r["revisions"],
                    reviews=r["reviews"], evidence=r["evidence"])
            for r in good))
    return 1 if any(not v.ok for v in verdicts) else 0


def _plan_text(ctx: Context, plan: Plan) -> str:
    lines = [
        f"{i.action.value:8} {i.doc.municipality.code} {i.doc.municipality.name_th} {i.doc.year} "
        f"r{i.doc.revision} {i.doc.id}  ({i.doc.assessor.name})"
        + (f" — {i.note}" if i.note else "")
        for i in plan.items
    ]
    lines += [
        f"{r.action.value:8} {r.doc.municipality_code} {r.municipality_th} {r.doc.year} "
        f"r{r.doc.revision} {r.doc.assessment_id}  "
        + ctx.say("bundle.plan_review", "review: {status}, {count} comment(s)",
                  status=r.doc.status, count=len(r.doc.comments))
        + (f" — {r.note}" if r.note else "")
        for r in plan.reviews
    ]
    lines += _statement_lines(ctx, plan)
    counts = plan.as_json()["counts"]
    lines.append(", ".join(f"{k} {v}" for k, v in counts.items()))  # type: ignore[union-attr]
    return "\n".join(lines)


def _statement_lines(ctx: Context, plan: Plan) -> list[str]:
    """Key statements the bundles carry (docs/key-rotation.md), and keys accepted in a grace."""
    out = []
    for n in plan.statements:
        if n.outcome == "refused":
            params = n.error.params if n.error is not None else {}
            out.append(ctx.say("keystmt.refused", "key statement in {file}: REFUSED [{code}] {message}",
                               file=n.bundle, code=n.code,
                               message=_render(n.code or "", params, ctx.lang, str(n.error))))
            continue
        kind = {
            "rotate": ctx.say("keystmt.kind_rotate", "rotation"),
            "reenrol": ctx.say("keystmt.kind_reenrol", "re-enrolment after a lost key"),
            "revoke": ctx.say("keystmt.kind_revoke", "revocation"),
        }.get(n.kind, n.kind)
        if n.outcome == "applied":
            out.append(ctx.say("keystmt.applied", "key statement ({kind}) for {holder}: applied — "
                               "{old} → {new}", old=n.old_fingerprint, new=n.new_fingerprint or "—",
                               kind=kind, holder=n.holder))
        elif n.outcome == "already":
            out.append(ctx.say("keystmt.already", "key statement ({kind}) for {holder}: already in "
                               "effect", kind=kind, holder=n.holder))
        else:
            out.append(ctx.say("keystmt.not_enrolled", "key statement ({kind}) for {holder}: key "
                               "not enrolled here, kept as history", kind=kind, holder=n.holder))
    for vb in plan.bundles:
        for fp in sorted(vb.late_keys):
            out.append(ctx.say("keystmt.late", "{file}: signed by {fingerprint} before it was replaced or "
                               "revoked; accepted within the grace — check with the sender if unexpected",
                               file=vb.path.name, fingerprint=fp))
    return out


def _render(code: str, params: object, lang: str, english: str) -> str:
    """A coded refusal or warning in the person's language (its code stays in the brackets)."""
    from secity_desktop import messages

    return messages.render(code, params if isinstance(params, dict) else {}, lang, english)


def _refusal_text(ctx: Context, reason: str, english: str) -> str:
    return _render(f"bundle.{reason}", {}, ctx.lang, english)


def _anchor_warnings(ctx: Context, plan: Plan) -> None:
    """A sender's audit log that went back or changed is said loudly (not a refusal: the
    bundle's signatures hold; the office decides what to do with the sender)."""
    for a in plan.anchors:
        if a.alarming:
            print(ctx.say("bundle.anchor_warning", "WARNING  {file} [{code}] {message}",
                          file=a.file, code=a.code,
                          message=_render(a.code, a.params, ctx.lang, a.message)),
                  file=sys.stderr)


def _refusals(ctx: Context, plan: Plan, result: ImportResult | None = None) -> None:
    """Refusals go to stderr (the README's promise); each says where its copy is, or why none."""
    _anchor_warnings(ctx, plan)
    for r in plan.rejected:
        line = ctx.say("bundle.refused", "REFUSED  {file} [{reason}] {message}",
                       file=r.path.name, reason=r.reason,
                       message=_refusal_text(ctx, r.reason, r.message))
        if r.sender_fingerprint and r.sender_public:
            line += "\n         " + ctx.say(
                "bundle.claims_sender",
                "it claims to come from {sender}, key {fingerprint}; after comparing the"
                " fingerprint with the sender: secity trust add --from-bundle {path}"
                " --fingerprint {fingerprint}",
                sender=r.sender_name, fingerprint=r.sender_fingerprint, path=r.path)
        if result is not None and r.path in result.quarantined:
            line += "\n         " + ctx.say("bundle.quarantined", "quarantined {file} → {copy}",
                                            file=r.path.name, copy=result.quarantined[r.path])
        elif result is not None:
            why = result.not_quarantined.get(r.path, "io_error")
            line += "\n         " + ctx.say("bundle.not_kept",
                                            "no copy kept in quarantine ({why})",
                                            why=_not_kept(ctx, why))
        print(line, file=sys.stderr)


def _not_kept(ctx: Context, why: str) -> str:
    if why == "over_cap":
        return ctx.say("bundle.not_kept_over_cap",
                       "the quarantine folder is at its size cap; see `secity quarantine`")
    if why == "no_space":
        return ctx.say("bundle.not_kept_no_space", "not enough free disk space")
    if why == "unreadable":
        return ctx.say("bundle.not_kept_unreadable", "the file could not be read")
    if why == "io_error":
        return ctx.say("bundle.not_kept_io_error", "copying failed")
    if why == "denied":
        return ctx.say("bundle.not_kept_denied", "the quarantine folder cannot be written")
    return why


def cmd_import(ctx: Context) -> int:
    from secity_desktop.services import verify_pool

    if len(ctx.args.files) >= verify_pool.COLD_MIN:
        verify_pool.warm()  # first: the workers start while the importer loads and the store opens
    from secity_desktop.services.bundle_import import ImportService

    ws = ctx.workspace()
    svc = ImportService(ws)
    key = _key_if_encrypted(ctx)
    if ctx.args.dry_run:
        plan = svc.dry_run(ctx.args.files, own_key=key)
        _refusals(ctx, plan)
        ctx.emit(plan.as_json() | {"dry_run": True},
                 ctx.say("bundle.dry_run", "dry run — nothing changed") + "\n"
                 + _plan_text(ctx, plan))
        return 1 if plan.rejected else 0
    result = svc.import_files(ctx.args.files, own_key=key)
    _refusals(ctx, result.plan, result)
    ctx.emit(result.as_json(), _plan_text(ctx, result.plan))
    return 1 if result.plan.rejected else 0


def cmd_history(ctx: Context) -> int:
    from secity_desktop.services.bundle_export import ExportService
    from secity_desktop.services.bundle_import import ImportService

    ws = ctx.workspace()
    exports = ExportService(ws).history()
    imports = ImportService(ws).history()
    ctx.emit({"exports": exports, "imports": imports}, "\n".join(
        [ctx.say("bundle.log_export", "export {at} {kind} {path} ({count} assessment(s))",
                 at=ctx.when(e["at"]), kind=e.get("kind", "field"), path=e["path"],
                 count=e["revisions"])
         for e in exports]
        + [ctx.say("bundle.log_import", "import {at} {file} {result}", at=ctx.when(i["at"]),
                   file=i["file_name"], result=i["result"])
           + (f" [{i['reason']}]" if i["reason"] else "")
           + ctx.say("bundle.log_from", " from {sender}", sender=i["sender_name"] or "?")
           for i in imports])
        or ctx.say("bundle.log_none", "no exports or imports yet"))
    return 0


def cmd_conflicts(ctx: Context) -> int:
    from secity_desktop.services.conflicts import ConflictService

    rows = ConflictService(ctx.workspace()).list(include_resolved=ctx.args.all)
    ctx.emit([c.as_json() for c in rows], "\n".join(
        f"#{c.id} {c.kind:8} {c.municipality_code} {c.municipality_th} {c.year}: "
        f"{c.new.assessment_id} r{c.new.revision} vs {c.existing.assessment_id} r{c.existing.revision}"
        + (ctx.say("conflict.kept", " — kept {id} ({resolution})", id=c.kept_id,
                   resolution=c.resolution) if c.kept_id else ctx.say("conflict.open", " — open"))
        for c in rows) or ctx.say("conflict.none", "no open conflicts"))
    return 0


def cmd_resolve(ctx: Context) -> int:
    from secity_desktop.services.conflicts import ConflictService

    c = ConflictService(ctx.workspace()).resolve(ctx.args.conflict, ctx.args.keep, ctx.args.reason)
    ctx.emit(c.as_json(), ctx.say("conflict.resolved", "conflict #{id} resolved: {kept} stands",
                                  id=c.id, kept=c.kept_id))
    return 0
