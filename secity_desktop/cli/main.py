"""Entry point of ``secity``: parse, dispatch, and turn refusals into one line on stderr.

Exit codes: 0 done, 1 refused (a SecityError: bad input, unknown id, conflict),
2 usage. A traceback is shown only with ``--debug`` — anything that is not a
SecityError is a bug and says so.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from secity_desktop import __version__
from secity_desktop.cli import (
    assessment_cmds,
    bundle_cmds,
    certificate_cmds,
    coverage_cmds,
    dashboard_cmds,
    framework_cmds,
    guide_cmds,
    key_cmds,
    municipality_cmds,
    report_cmds,
    review_cmds,
    spreadsheet_cmds,
    trust_cmds,
    workspace_cmds,
)
from secity_desktop.cli.context import Context
from secity_desktop.core.errors import SecityError
from secity_desktop.store.database import explain

COMMAND_MODULES = [
    workspace_cmds,
    framework_cmds,
    municipality_cmds,
    assessment_cmds,
    key_cmds,
    bundle_cmds,
    trust_cmds,
    review_cmds,
    dashboard_cmds,
    coverage_cmds,
    spreadsheet_cmds,
    report_cmds,
    certificate_cmds,
    guide_cmds,
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"secity: usage error: {message} (see `secity --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="secity", description="SECity Desktop command line")
    p.add_argument(
        "--data-dir", help="workspace folder (default: $SECITY_DATA_DIR or the user data dir)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("--version", action="version", version=f"secity {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for mod in COMMAND_MODULES:
        mod.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args)
    try:
        result = args.handler(ctx)
        return int(result or 0)
    except SecityError as exc:
        if args.debug:
            raise
        print(f"secity: {exc}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.Error as exc:
        if args.debug:
            raise
        print(
            f"secity: the store could not complete the operation: {explain(exc)}", file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        print("secity: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
