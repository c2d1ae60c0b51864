"""``secity assessment new|set|note|attach|detach|show|list|complete|reopen|evidence|finalize|revise``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.cli.passphrase import add_passphrase_args, unlock
from secity_desktop.core.errors import ValidationError
from secity_desktop.services.assessments import AssessmentService

_MISSING = object()  # "none" is a level (it clears one); a missing argument is not


def _level(text: str) -> int | None:
    if text.lower() in ("none", "clear", "-"):
        return None
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"level must be a whole number or 'none', not {text!r}"
        ) from None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("assessment", help="assessments")
    asub = p.add_subparsers(dest="assessment_cmd", required=True)

    n = asub.add_parser("new", help="start an assessment")
    n.add_argument("--municipality", required=True, help="municipality code")
    n.add_argument("--year", required=True, type=int, help="fiscal year in BE, e.g. 2569")
    n.add_argument("--framework", help="framework hash (default: the current framework)")
    add_json_flag(n)
    n.set_defaults(handler=cmd_new)

    s = asub.add_parser(
        "set", help="record an indicator's level (and note); --stdin: many, one JSON line each"
    )
    s.add_argument("id", nargs="?")
    s.add_argument("indicator", nargs="?")
    s.add_argument("level", type=_level, nargs="?", default=_MISSING)
    s.add_argument("--note")
    s.add_argument(
        "--stdin", action="store_true",
        help='read JSON lines {"id", "indicator", "level", "note"} from standard input; each'
             " line is its own saved edit and gets one JSON result line",
    )
    add_json_flag(s)
    s.set_defaults(handler=cmd_set)

    nt = asub.add_parser("note", help="set an indicator's note")
    nt.add_argument("id")
    nt.add_argument("indicator")
    nt.add_argument("text")
    nt.set_defaults(handler=cmd_note)

    at = asub.add_parser("attach", help="attach an evidence file to an indicator")
    at.add_argument("id")
    at.add_argument("indicator")
    at.add_argument("file", type=Path)
    add_json_flag(at)
    at.set_defaults(handler=cmd_attach)

    dt_ = asub.add_parser("detach", help="remove an evidence item (kept in the audit log)")
    dt_.add_argument("evidence_id", type=int)
    dt_.set_defaults(handler=cmd_detach)

    ev = asub.add_parser("evidence", help="list an assessment's evidence")
    ev.add_argument("id")
    add_json_flag(ev)
    ev.set_defaults(handler=cmd_evidence)

    sh = asub.add_parser("show", help="an assessment with its scores")
    sh.add_argument("id")
    add_json_flag(sh)
    sh.set_defaults(handler=cmd_show)

    fb = asub.add_parser(
        "feedback", help="what reviewers said on this assessment and its earlier revisions"
    )
    fb.add_argument("id")
    fb.add_argument("--indicator", help="only this indicator's comments and level")
    add_json_flag(fb)
    fb.set_defaults(handler=cmd_feedback)

    ls = asub.add_parser("list", help="list assessments")
    ls.add_argument("--province")
    ls.add_argument("--year", type=int)
    ls.add_argument("--status")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    c = asub.add_parser(
        "complete", help="mark an assessment complete (all answered, evidence present)"
    )
    c.add_argument("id")
    c.set_defaults(handler=cmd_complete)

    ro = asub.add_parser(
        "reopen",
        help="edit a complete assessment again (back to draft; edits refuse until you do)",
    )
    ro.add_argument("id")
    add_json_flag(ro)
    ro.set_defaults(handler=cmd_reopen)

    f = asub.add_parser("finalize", help="freeze and sign a complete assessment")
    f.add_argument("id")
    add_passphrase_args(f)
    add_json_flag(f)
    f.set_defaults(handler=cmd_finalize)

    rv = asub.add_parser("revise", help="start a new revision of a finalized assessment")
    rv.add_argument("id")
    add_json_flag(rv)
    rv.set_defaults(handler=cmd_revise)


def cmd_new(ctx: Context) -> int:
    a = AssessmentService(ctx.workspace()).new(
        ctx.args.municipality, ctx.args.year, ctx.args.framework
    )
    ctx.emit({"id": a.id}, a.id)
    return 0


def cmd_set(ctx: Context) -> int:
    a = ctx.args
    if a.stdin:
        if a.id is not None or a.note is not None:
            raise ValidationError("--stdin takes its edits from standard input, not arguments",
                                  code="batch.args_and_stdin")
        from secity_desktop.cli.batch import set_lines

        return set_lines(ctx, sys.stdin)
    if a.id is None or a.indicator is None or a.level is _MISSING:
        raise ValidationError("give ID INDICATOR LEVEL, or --stdin",
                              code="batch.missing_args")
    svc = AssessmentService(ctx.workspace())
    svc.set_response(ctx.args.id, ctx.args.indicator, ctx.args.level, ctx.args.note)
    card = svc.scorecard(ctx.args.id)
    ctx.emit(
        {
            "id": ctx.args.id,
            "indicator": ctx.args.indicator,
            "level": ctx.args.level,
            "total": round(card.total, 2),
            "answered": card.answered,
        },
        ctx.say("assessment.level_set",
                "{indicator} = {level}; total {total}, answered {answered}/{count}",
                indicator=ctx.args.indicator, level=ctx.args.level, total=f"{card.total:.2f}",
                answered=card.answered, count=card.count),
    )
    return 0


def cmd_note(ctx: Context) -> int:
    AssessmentService(ctx.workspace()).set_note(ctx.args.id, ctx.args.indicator, ctx.args.text)
    return 0


def cmd_attach(ctx: Context) -> int:
    ev = AssessmentService(ctx.workspace()).attach(ctx.args.id, ctx.args.indicator, ctx.args.file)
    ctx.emit(
        ev.as_json(),
        ctx.say("assessment.attached", "attached {file} ({size} bytes, sha256 {sha}…) as #{id}",
                file=ev.original_name, size=ev.size, sha=ev.sha256[:12], id=ev.id),
    )
    return 0


def cmd_detach(ctx: Context) -> int:
    AssessmentService(ctx.workspace()).remove_evidence(ctx.args.evidence_id)
    return 0


def cmd_evidence(ctx: Context) -> int:
    items = AssessmentService(ctx.workspace()).evidence(ctx.args.id)
    ctx.emit(
        [e.as_json() for e in items],
        "\n".join(f"#{e.id} {e.indicator_code} {e.original_name} {e.size}" for e in items),
    )
    return 0


def cmd_show(ctx: Context) -> int:
    from secity_desktop.services.self_assessments import SelfAssessmentService

    ws = ctx.workspace()
    v = AssessmentService(ws).view(ctx.args.id)
    data = v.as_json()
    claim = SelfAssessmentService(ws).claim_for(ctx.args.id)
    data["self_assessment"] = claim.as_json() if claim else None
    tier = v.card.tier.label_th if v.card.tier else "-"
    text = (
        ctx.say("assessment.summary",
                "{name} {year} [{status}] total {total} tier {tier} answered {answered}/{count}",
                name=v.municipality.name_th, year=v.assessment.year, status=v.assessment.status,
                total=f"{v.card.total:.2f}", tier=tier, answered=v.card.answered,
                count=v.card.count) + "\n"
        + "\n".join(ctx.say("assessment.component", "  component {code}: {score}/{weight}",
                            code=c.code, score=f"{c.score:.2f}", weight=f"{c.weight:g}")
                    for c in v.card.components)
    )
    if claim and claim.gap:
        text += (f"\n  self-assessment claimed {claim.gap.claimed_total:.2f}"
                 f" (gap {claim.gap.total_gap:+.2f}, {claim.gap.disagreements} disagreement(s))")
    ctx.emit(data, text)
    return 0


def cmd_feedback(ctx: Context) -> int:
    from dataclasses import asdict

    from secity_desktop.services.review.feedback import feedback_for

    ws = ctx.workspace()
    AssessmentService(ws).get(ctx.args.id)  # a clear "not found" before an empty answer
    fb = feedback_for(ws, ctx.args.id)
    items = fb.for_indicator(ctx.args.indicator) if ctx.args.indicator else fb.items

    def line(i) -> str:  # type: ignore[no-untyped-def]
        where = (f"[{i.indicator_code}]" if i.indicator_code
                 else ctx.say("assessment.feedback_whole", "[assessment]"))
        if i.kind == "return":
            head = ctx.say("assessment.feedback_returned", "returned: ")
        elif i.kind == "override":
            head = ctx.say("assessment.feedback_override", "level {old} → {new}: ",
                           old=i.assessor_level, new=i.level)
        else:
            head = ""
        at = i.at[:16] if ctx.lang == "en" else ctx.when(i.at)
        return f"{at} r{i.revision} {where} {head}{i.body} — {i.author}"

    ctx.emit([asdict(i) for i in items], "\n".join(line(i) for i in items)
             or ctx.say("assessment.no_feedback", "no feedback"))
    return 0


def cmd_list(ctx: Context) -> int:
    ws = ctx.workspace()
    svc = AssessmentService(ws)
    ids = svc.list(province=ctx.args.province, year=ctx.args.year, status=ctx.args.status)
    from secity_desktop.services.lists import AssessmentList

    rows = AssessmentList(ws).rows(ids)
    out = []
    for i in ids:
        r = rows[i]
        out.append(
            {
                "id": i,
                "municipality": r.municipality_code,
                "municipality_th": r.municipality_th,
                "province_code": r.province_code,
                "year": r.year,
                "status": r.status,
                "total": round(r.total, 2),
                "tier": r.tier.code if r.tier else None,
                "answered": r.answered,
                "updated_at": r.updated_at,
            }
        )
    ctx.emit(
        out,
        "\n".join(
            f"{o['id']}  {o['year']}  {o['status']:12} {o['total']:6.2f}  {o['municipality_th']}"
            for o in out
        ),
    )
    return 0


def cmd_complete(ctx: Context) -> int:
    AssessmentService(ctx.workspace()).mark_complete(ctx.args.id)
    return 0


def cmd_reopen(ctx: Context) -> int:
    svc = AssessmentService(ctx.workspace())
    changed = svc.edit_again(ctx.args.id)
    status = svc.get(ctx.args.id).status
    ctx.emit(
        {"id": ctx.args.id, "status": status, "changed": changed},
        f"{ctx.args.id} is {status}" + ("" if changed else " (already editable)"),
    )
    return 0


def cmd_finalize(ctx: Context) -> int:
    ws = ctx.workspace()
    from secity_desktop.services.revisions import RevisionService

    svc = RevisionService(ws)
    AssessmentService(ws).get(ctx.args.id)  # an unknown id is reported before the passphrase
    digest = svc.finalize(ctx.args.id, unlock(svc.identity, ctx.args.passphrase_file))
    ctx.emit({"id": ctx.args.id, "sha256": digest},
             ctx.say("assessment.finalized", "finalized and signed; sha256 {sha256}",
                     sha256=digest))
    return 0


def cmd_revise(ctx: Context) -> int:
    from secity_desktop.services.revisions import RevisionService

    new = RevisionService(ctx.workspace()).revise(ctx.args.id)
    ctx.emit(
        {"id": new.id, "revision": new.revision, "supersedes": new.supersedes},
        ctx.say("assessment.revised", "{id} (revision {revision}, supersedes {supersedes})",
                id=new.id, revision=new.revision, supersedes=new.supersedes),
    )
    return 0
