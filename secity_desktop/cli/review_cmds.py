"""``secity review start|approve|return|override|comment|show``."""

from __future__ import annotations

import argparse

from secity_desktop.cli.assessment_cmds import _level
from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.services.review.workflow import ReviewService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("review", help="province review: start, approve, return, override, comment")
    rsub = p.add_subparsers(dest="review_cmd", required=True)

    s = rsub.add_parser("start", help="received → under review")
    s.add_argument("id")
    add_json_flag(s)
    s.set_defaults(handler=cmd_start)

    a = rsub.add_parser("approve", help="under review → approved")
    a.add_argument("id")
    a.add_argument("--comment", help="optional note kept with the decision")
    add_json_flag(a)
    a.set_defaults(handler=cmd_approve)

    r = rsub.add_parser("return", help="under review → returned to the assessor for revision")
    r.add_argument("id")
    r.add_argument("--comment", required=True, help="what the assessor must fix")
    add_json_flag(r)
    r.set_defaults(handler=cmd_return)

    o = rsub.add_parser(
        "override", help="set the reviewer's level for an indicator ('none' withdraws it)"
    )
    o.add_argument("id")
    o.add_argument("indicator")
    o.add_argument("level", type=_level)
    o.add_argument("--reason", required=True, help="why the level changes (required)")
    add_json_flag(o)
    o.set_defaults(handler=cmd_override)

    c = rsub.add_parser("comment", help="comment on the assessment or one indicator")
    c.add_argument("id")
    c.add_argument("text")
    c.add_argument("--indicator", help="indicator code (default: the whole assessment)")
    add_json_flag(c)
    c.set_defaults(handler=cmd_comment)

    sh = rsub.add_parser("show", help="decisions, comments, overrides and both scores")
    sh.add_argument("id")
    sh.set_defaults(handler=cmd_show)


def cmd_start(ctx: Context) -> int:
    d = ReviewService(ctx.workspace()).start(ctx.args.id)
    ctx.emit(d.as_json(), ctx.say("review.moved", "{id}: {old_status} → {new_status}",
                                  id=ctx.args.id, old_status=d.old_status,
                                  new_status=d.new_status))
    return 0


def cmd_approve(ctx: Context) -> int:
    d = ReviewService(ctx.workspace()).approve(ctx.args.id, ctx.args.comment)
    ctx.emit(d.as_json(), ctx.say("review.approved", "{id}: approved", id=ctx.args.id))
    return 0


def cmd_return(ctx: Context) -> int:
    d = ReviewService(ctx.workspace()).return_for_revision(ctx.args.id, ctx.args.comment)
    ctx.emit(d.as_json(), ctx.say("review.returned", "{id}: returned for revision", id=ctx.args.id))
    return 0


def cmd_override(ctx: Context) -> int:
    rs = ReviewService(ctx.workspace())
    o = rs.override(ctx.args.id, ctx.args.indicator, ctx.args.level, ctx.args.reason)
    _, eff = rs.scorecards(ctx.args.id)
    data = {"override": o.as_json() if o else None, "total": round(eff.total, 2)}
    text = (
        ctx.say("review.overridden", "{indicator}: reviewer level {level}; total {total}",
                indicator=ctx.args.indicator, level=ctx.args.level, total=f"{eff.total:.2f}")
        if o
        else ctx.say("review.same_level", "{indicator} is already at level {level}; nothing changed",
                     indicator=ctx.args.indicator, level=ctx.args.level)
    )
    ctx.emit(data, text)
    return 0


def cmd_comment(ctx: Context) -> int:
    c = ReviewService(ctx.workspace()).comment(ctx.args.id, ctx.args.text, ctx.args.indicator)
    ctx.emit(c.as_json(), ctx.say("review.commented", "comment {id} added", id=c.id))
    return 0


def cmd_show(ctx: Context) -> int:
    ctx.emit(ReviewService(ctx.workspace()).show(ctx.args.id))
    return 0
