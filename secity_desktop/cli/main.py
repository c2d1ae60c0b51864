"""Entry point of ``secity``: parse, dispatch, and turn refusals into one line on stderr.

Exit codes: 0 done, 1 refused (a SecityError: bad input, unknown id, conflict),
2 usage. A traceback is shown only with ``--debug`` — anything that is not a
SecityError is a bug and says so.
"""

from __future__ import annotations

from secity_desktop.cli import startup  # first: the collector paused while modules load

# isort: split
import argparse
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any

from secity_desktop import __version__, log, messages, paths
from secity_desktop.cli import commands
from secity_desktop.cli.console import setup_streams
from secity_desktop.cli.context import Context
from secity_desktop.cli.say import language, running, say
from secity_desktop.core.errors import SecityError

startup.resume()


class _FullParserNeeded(Exception):
    """A lean parser met a usage error: say it with the full parser."""


class _Parser(argparse.ArgumentParser):
    lean = False  # True on a parser that lists only the (sub-)command being run
    words: Sequence[str] = ()  # lean: the command-line words after this parser's own name

    def error(self, message: str) -> None:  # type: ignore[override]
        if self.lean:
            raise _FullParserNeeded(message)
        self.exit(2, f"secity: usage error: {message} (see `secity --help`)\n")

    def add_subparsers(self, **kwargs: Any) -> Any:
        action = super().add_subparsers(**kwargs)
        if not self.lean:
            return action
        i = commands.command_at(self.words)
        if i is None or any(w in ("-h", "--help") for w in self.words[:i]):
            return action  # this level's help or a missing sub-command: the full list
        return _OnlyOne(action, self.words[i], self.words[i + 1:])


class _OnlyOne:
    """A lean parser's sub-commands: only the one being run is built (each module's
    ``register`` adds every sub-command with its arguments — ``assessment`` has 13); the
    others register into :class:`_Unused`. Any usage error or help falls back to the full
    parser (:func:`parse`), so nothing a person reads changes."""

    def __init__(self, action: Any, wanted: str, rest: Sequence[str]) -> None:
        self._action, self._wanted, self._rest = action, wanted, rest

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if name != self._wanted:
            return _Unused()
        parser = self._action.add_parser(name, **kwargs)
        parser.lean, parser.words = True, self._rest
        return parser

    def __getattr__(self, name: str) -> Any:
        return getattr(self._action, name)


class _Unused:
    """What a sub-command that is not being run registers into: every call is absorbed."""

    def __getattr__(self, name: str) -> Any:
        return self._absorb

    def _absorb(self, *args: object, **kwargs: object) -> _Unused:
        return self


def build_parser(
    argv: Sequence[str] | None = None, *, lean: bool = False
) -> argparse.ArgumentParser:
    """The parser; given ``argv``, only the named command's module is imported and registered
    (the others appear in ``--help`` from ``cli/commands.py``'s table). Without ``argv``, the
    whole parser.

    ``lean`` (what :func:`main` asks first) builds only what ``argv`` runs when it names a
    command and asks for no top-level ``--help``: no placeholders for the other 21 commands
    (only ever shown, never run: ≈ 4 ms of every command) and, at each level below, only the
    named sub-command (:class:`_OnlyOne`). A usage error or a help request at any lean level
    raises :class:`_FullParserNeeded`, and ``main`` parses again with the full parser, so
    what a person reads is the same."""
    p = _Parser(prog="secity", description="SECity Desktop command line")
    p.add_argument(
        "--data-dir", help="workspace folder (default: $SECITY_DATA_DIR or the user data dir)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--debug", action="store_true", help="show tracebacks; log in detail")
    p.add_argument("--lang", choices=["th", "en"],
                   help="language of what is printed, errors included "
                   "(default: $SECITY_LANG, else Thai; --json keeps codes)")
    p.add_argument("--version", action="version", version=f"secity {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    if argv is None:
        for mod in commands.modules():
            mod.register(sub)
        return p
    named = commands.command_in(argv)
    wanted = commands.COMMANDS[named][0] if named is not None else None
    at = commands.command_at(argv)
    lean = lean and named is not None and at is not None and not any(
        a in ("-h", "--help") for a in argv[:at])
    if lean:
        assert named is not None and at is not None
        p.lean = True
        commands.module_of(named).register(_OnlyOne(sub, named, argv[at + 1:]))
        return p
    for name, (module, help_) in commands.COMMANDS.items():  # in the table's order for --help
        if name in sub.choices:
            continue
        if module == wanted:
            commands.module_of(name).register(sub)
        else:  # listed for --help and usage errors; never run
            sub.add_parser(name, help=help_)
    return p


def parse(argv: list[str]) -> argparse.Namespace:
    """``argv`` parsed by the lean parser; on a usage error or a help request at a lean
    level, by the full one (which says it exactly as before, and exits)."""
    try:
        return build_parser(argv, lean=True).parse_args(argv)
    except _FullParserNeeded:
        return build_parser(argv).parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    program = argv is None  # the process's own command line: we are the program
    setup_streams()  # UTF-8 on any code page or redirect; no crash without a console
    argv = commands.legacy_argv(sys.argv[1:] if argv is None else argv)
    with startup.paused(freeze=program):  # the command's modules load here
        args = parse(argv)
    lang = language(args.lang, paths.resolve_data_dir(getattr(args, "data_dir", None)))
    running(lang)  # prompts (no command context) speak it too
    log.setup(debug=args.debug)
    ctx = Context(args)
    what = "cli " + " ".join(str(v) for k, v in vars(args).items()
                             if (k == "command" or k.endswith("_cmd")) and v)
    try:
        with log.operation(what, area="cli"):
            result = args.handler(ctx)
        return int(result or 0)
    except SecityError as exc:
        if args.debug:
            _traceback()
        print(f"secity: {messages.describe(exc, lang)}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.Error as exc:
        from secity_desktop.core.io_errors import disk_error, kind_of
        from secity_desktop.services.store_admin import store_failure

        if args.debug:
            _traceback()
        if kind_of(exc, ctx.data_dir) in ("no_space", "denied"):  # SQLite's "disk I/O error"
            failure: SecityError = disk_error(exc, "store", ctx.data_dir)
        else:
            failure = store_failure(exc)
        log.get("cli").warning("%s: store error: %s", what, exc)
        print(f"secity: {messages.describe(failure, lang)}", file=sys.stderr)
        return failure.exit_code
    except KeyboardInterrupt:
        print("secity: " + say(lang, "cli.interrupted", "interrupted; nothing half-written was kept"),
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line and a report, never a bare traceback
        if args.debug:
            _traceback()
        from secity_desktop.services import crash_report

        path = crash_report.write(type(exc), exc, exc.__traceback__, where=what,
                                  data_dir=ctx.data_dir)
        print(f"secity: {crash_line(exc, path, lang)}", file=sys.stderr)
        return 70
    finally:
        ctx.close()
        running(None)


def _traceback() -> None:
    import traceback  # only with --debug

    traceback.print_exc()


def crash_line(exc: BaseException, report: object, lang: str) -> str:
    """One line for a bug, in the person's language, naming the report file."""
    kind = type(exc).__name__
    if report is None:
        return messages.render("crash.not_saved", {"kind": kind}, lang,
                               f"unexpected error ({kind}); no report could be saved")
    return messages.render("crash.saved", {"kind": kind, "path": report}, lang,
                           f"unexpected error ({kind}); a report was saved to {report}")


if __name__ == "__main__":
    sys.exit(main())
