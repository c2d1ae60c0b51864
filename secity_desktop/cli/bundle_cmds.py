"""``secity bundle export|verify|import|history``: signed field bundles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.passphrase import add_passphrase_args, unlock
from secity_desktop.core.errors import SecityError
from secity_desktop.services.sync_export import ExportService
from secity_desktop.services.sync_import import ImportService, require_office
from secity_desktop.sync.bundle_read import verify_bundle
from secity_desktop.sync.errors import BundleRejected
from secity_desktop.sync.merge import Plan
from secity_desktop.sync.trust import TrustRegistry


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
    add_passphrase_args(e)
    add_json_flag(e)
    e.set_defaults(handler=cmd_export)

    v = bsub.add_parser("verify", help="check a bundle without importing it")
    v.add_argument("files", nargs="+", type=Path)
    v.add_argument("--allowed-signers", type=Path,
                   help="check against this OpenSSH allowed_signers file instead of the registry")
    add_json_flag(v)
    v.set_defaults(handler=cmd_verify)

    i = bsub.add_parser("import", help="import bundles (province); --dry-run shows the plan only")
    i.add_argument("files", nargs="+", type=Path)
    i.add_argument("--dry-run", action="store_true")
    add_json_flag(i)
    i.set_defaults(handler=cmd_import)

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
        raise SecityError("nothing to export: give assessment ids or --unsent")
    size = svc.estimate(ids)
    print(f"exporting {len(set(ids))} revision(s), about {_mb(size)}", file=sys.stderr)
    key = unlock(svc.identity, ctx.args.passphrase_file)
    written = svc.export(ids, ctx.args.output, key)
    ctx.emit(
        {"path": str(written.path), "sha256": written.sha256, "size": written.size,
         "revisions": written.revisions},
        f"wrote {written.path} ({_mb(written.size)}, {written.revisions} revision(s))\n"
        f"sha256 {written.sha256}",
    )
    return 0


def _trusted_from_allowed_signers(path: Path) -> list:  # type: ignore[type-arg]
    from secity_desktop.sync import keys
    from secity_desktop.sync.trust import TrustedKey

    out = []
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        at = line.find("ssh-ed25519 ")
        if at < 0:
            continue
        pub, _ = keys.parse_public_line(line[at:])
        principal = line.split()[0].strip('"')
        out.append(TrustedKey(keys.fingerprint(pub), keys.key_id(pub), keys.public_line(pub, ""),
                              principal, "", "", "", "", None, None, None))
    return out


def cmd_verify(ctx: Context) -> int:
    if ctx.args.allowed_signers:
        trusted = _trusted_from_allowed_signers(ctx.args.allowed_signers)
    else:
        trusted = TrustRegistry(ctx.workspace().db).all()
    results, bad = [], 0
    for f in ctx.args.files:
        try:
            vb = verify_bundle(f, trusted)
            results.append({"file": str(f), "ok": True, "sha256": vb.file_sha256,
                            "sender": vb.signer.name, "fingerprint": vb.signer.fingerprint,
                            "revisions": len(vb.revisions), "evidence": len(vb.evidence)})
        except BundleRejected as exc:
            bad += 1
            results.append({"file": str(f), "ok": False, "reason": exc.reason, "message": str(exc)})
    ctx.emit(results, "\n".join(
        f"{r['file']}: OK — signed by {r['sender']} ({r['fingerprint']}), "
        f"{r['revisions']} revision(s), {r['evidence']} evidence file(s)" if r["ok"]
        else f"{r['file']}: REFUSED [{r['reason']}] {r['message']}" for r in results))
    return 1 if bad else 0


def _plan_text(plan: Plan) -> str:
    lines = [
        f"{i.action.value:8} {i.doc.municipality.code} {i.doc.municipality.name_th} {i.doc.year} "
        f"r{i.doc.revision} {i.doc.id}  ({i.doc.assessor.name})"
        + (f" — {i.note}" if i.note else "")
        for i in plan.items
    ]
    lines += [f"REFUSED  {r.path.name} [{r.reason}] {r.message}" for r in plan.rejected]
    counts = plan.as_json()["counts"]
    lines.append(", ".join(f"{k} {v}" for k, v in counts.items()))  # type: ignore[union-attr]
    return "\n".join(lines)


def cmd_import(ctx: Context) -> int:
    ws = ctx.workspace()
    require_office(ws)
    svc = ImportService(ws)
    if ctx.args.dry_run:
        plan = svc.dry_run(ctx.args.files)
        ctx.emit(plan.as_json() | {"dry_run": True}, "dry run — nothing changed\n" + _plan_text(plan))
        return 1 if plan.rejected else 0
    result = svc.import_files(ctx.args.files)
    text = _plan_text(result.plan)
    if result.quarantined:
        text += "\n" + "\n".join(f"quarantined {p.name} → {q}" for p, q in result.quarantined.items())
    ctx.emit(result.as_json(), text)
    return 1 if result.plan.rejected else 0


def cmd_history(ctx: Context) -> int:
    ws = ctx.workspace()
    exports = ExportService(ws).history()
    imports = ImportService(ws).history()
    ctx.emit({"exports": exports, "imports": imports}, "\n".join(
        [f"export {e['at']} {e['path']} ({e['revisions']} revision(s))" for e in exports]
        + [f"import {i['at']} {i['file_name']} {i['result']}"
           + (f" [{i['reason']}]" if i["reason"] else "")
           + f" from {i['sender_name'] or '?'}" for i in imports]) or "no exports or imports yet")
    return 0
