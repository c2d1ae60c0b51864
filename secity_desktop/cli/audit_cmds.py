"""``secity audit verify``: walk this workspace's audit chain; exit non-zero when it is broken.

What it can and cannot see is in docs/audit.md: a hash or link that does not follow (an
edited or removed event), a dropped append-only trigger, and any head this workspace sent
in a bundle that the chain no longer holds (events edited and re-hashed, or deleted, after
a bundle announced them).
"""

from __future__ import annotations

import argparse

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.core.errors import SecityError
from secity_desktop.services.audit_trail import AuditTrailService, TrailReport


class AuditTrailBroken(SecityError):
    """The audit trail failed its check (details already printed)."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help="the audit trail: check that it is whole")
    asub = p.add_subparsers(dest="audit_cmd", required=True)
    v = asub.add_parser("verify", help="re-hash the whole chain and check the heads sent in bundles")
    add_json_flag(v)
    v.set_defaults(handler=cmd_verify)


def report_text(ctx: Context, r: TrailReport) -> str:
    lines = [ctx.say("audit.log", "audit log: {count} event(s), head {seq} {hash}…",
                 count=r.events, seq=r.head.seq, hash=r.head.hash[:16])]
    if r.first_bad is None:
        lines.append(ctx.say("audit.chain_ok", "chain: every event's hash and link follow"))
    else:
        lines.append(ctx.say("audit.chain_broken", "chain: BROKEN at event {seq} ({problem})",
                         seq=r.first_bad, problem=r.problem))
    if r.missing_triggers:
        lines.append(ctx.say("audit.triggers_missing", "append-only triggers: MISSING {names}",
                         names=", ".join(r.missing_triggers)))
    else:
        lines.append(ctx.say("audit.triggers_ok", "append-only triggers: in place"))
    if r.lost:
        lines.append(ctx.say("audit.heads_lost",
                         "heads sent in bundles: {count}; NOT on the chain any more: {events}",
                         count=r.announced,
                         events=", ".join(ctx.say("audit.event", "event {seq} ({state})",
                                                  seq=s, state=st) for s, st in r.lost)))
    else:
        lines.append(ctx.say("audit.heads_ok", "heads sent in bundles: {count}, all still on the chain",
                         count=r.announced))
    lines.append(ctx.say("audit.ok", "OK") if r.ok else ctx.say("audit.failed", "FAILED"))
    return "\n".join(lines)


def cmd_verify(ctx: Context) -> int:
    r = AuditTrailService(ctx.workspace()).verify()
    ctx.emit(r.as_json(), report_text(ctx, r))
    if not r.ok:
        what = (f"event {r.first_bad} ({r.problem})" if r.first_bad is not None
                else "triggers " + ", ".join(r.missing_triggers) if r.missing_triggers
                else ", ".join(f"event {s} ({st})" for s, st in r.lost))
        raise AuditTrailBroken(f"the audit trail is broken: {what}", code="audit_trail.broken",
                               what=what)
    return 0
