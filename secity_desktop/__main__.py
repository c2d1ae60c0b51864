"""``python -m secity_desktop`` and the frozen ``SECityDesktop``: the GUI, or the CLI when given a command.

The decision is made from ``argv`` against a fixed list of command names, so
starting the GUI never imports or builds the CLI parser (it costs start-up time
and, frozen, drags the CLI's modules into every GUI start). The list is kept equal
to the parser's commands by ``tests/release/test_entry_points.py``.

The frozen build also has a console ``secity`` executable (``packaging/entry_cli.py``):
that is the one to use for the command line on Windows, where ``SECityDesktop.exe`` is
windowed; given a command it still runs it, writing to the calling console if any.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: Every top-level ``secity`` command (see ``secity_desktop/cli/main.py``).
CLI_COMMANDS = frozenset(
    {
        "assessment",
        "audit",
        "backup",
        "bundle",
        "certificate",
        "coverage",
        "dashboard",
        "doctor",
        "export",
        "framework",
        "guide",
        "history",
        "init",
        "key",
        "modeltown",
        "municipality",
        "quarantine",
        "report",
        "review",
        "trend",
        "self",
        "trust",
    }
)


def wants_cli(argv: Sequence[str]) -> bool:
    """True when ``argv`` names a CLI command (the GUI takes only options and bundle paths)."""
    return any(arg in CLI_COMMANDS for arg in argv)


def main(argv: Sequence[str] | None = None) -> int:
    from secity_desktop.cli.console import setup_streams

    args = list(sys.argv[1:] if argv is None else argv)
    setup_streams()
    if wants_cli(args):
        from secity_desktop.cli.main import main as cli_main

        return cli_main(args)
    from secity_desktop.app import main as gui_main

    return int(gui_main(args) or 0)  # type: ignore[call-overload]


if __name__ == "__main__":
    sys.exit(main())
