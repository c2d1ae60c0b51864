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


def report_text(r: TrailReport) -> str:
    lines = [f"audit log: {r.events} event(s), head {r.head.seq} {r.head.hash[:16]}…"]
    if r.first_bad is None:
        lines.append("chain: every event's hash and link follow")
    else:
        lines.append(f"chain: BROKEN at event {r.first_bad} ({r.problem})")
    lines.append("append-only triggers: " + (
        "MISSING " + ", ".join(r.missing_triggers) if r.missing_triggers else "in place"))
    if r.lost:
        lines.append(f"heads sent in bundles: {r.announced}; NOT on the chain any more: "
                     + ", ".join(f"event {s} ({st})" for s, st in r.lost))
    else:
        lines.append(f"heads sent in bundles: {r.announced}, all still on the chain")
    lines.append("OK" if r.ok else "FAILED")
    return "\n".join(lines)


def cmd_verify(ctx: Context) -> int:
    r = AuditTrailService(ctx.workspace()).verify()
    ctx.emit(r.as_json(), report_text(r))
    if not r.ok:
        what = (f"event {r.first_bad} ({r.problem})" if r.first_bad is not None
                else "triggers " + ", ".join(r.missing_triggers) if r.missing_triggers
                else ", ".join(f"event {s} ({st})" for s, st in r.lost))
        raise AuditTrailBroken(f"the audit trail is broken: {what}", code="audit_trail.broken",
                               what=what)
    return 0
