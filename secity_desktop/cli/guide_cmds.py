"""``secity guide``: the user guide as a printable PDF, and what each of its pages names."""

from __future__ import annotations

import argparse
from pathlib import Path

from secity_desktop.cli.context import Context, add_json_flag
from secity_desktop.services import guide


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    g = sub.add_parser("guide", help="the user guide (Thai and English): PDF, page list")
    gsub = g.add_subparsers(dest="guide_command", required=True)
    pdf = gsub.add_parser("pdf", help="print the whole guide to a PDF (Thai typesetting)")
    pdf.add_argument("-o", "--output", required=True, help="PDF file to write")
    pdf.add_argument("--lang", choices=guide.LANGUAGES, default="th", help="language (default th)")
    add_json_flag(pdf)
    pdf.set_defaults(handler=cmd_pdf)
    pages = gsub.add_parser("pages", help="list the guide's pages and the places and pictures each names")
    pages.add_argument("--lang", choices=guide.LANGUAGES, default="th", help="language (default th)")
    add_json_flag(pages)
    pages.set_defaults(handler=cmd_pages)


def cmd_pdf(ctx: Context) -> int:
    out = Path(ctx.args.output)
    count = guide.write_pdf(out, ctx.args.lang)
    ctx.emit({"path": str(out), "pages": count, "lang": ctx.args.lang},
             ctx.say("guide.wrote", "wrote {file} ({count} pages, {lang})", file=out, count=count,
                     lang=ctx.args.lang))
    return 0


def cmd_pages(ctx: Context) -> int:
    rows = [
        {"name": p.name, "title": p.title, "roles": list(p.roles), "places": list(p.places),
         "buttons": list(p.buttons), "screenshots": list(p.screenshots)}
        for p in guide.pages(ctx.args.lang)
    ]
    lines = [f"{r['name']:<18} {r['title']}  [{', '.join(r['roles'])}]" for r in rows]
    ctx.emit(rows, "\n".join(lines))
    return 0
