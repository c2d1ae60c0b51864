"""``python -m secity_desktop`` (and the frozen build): the GUI, or the CLI when given a command.

A frozen bundle has one executable; ``SECityDesktop assessment list`` behaves like ``secity``.
"""

from __future__ import annotations

import sys


def main() -> int:
    from secity_desktop.cli.main import build_parser

    commands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if any(arg in commands for arg in sys.argv[1:]):
        from secity_desktop.cli.main import main as cli_main

        return cli_main(sys.argv[1:])
    from secity_desktop.app import main as gui_main

    return int(gui_main(sys.argv[1:]) or 0)  # type: ignore[call-overload]


if __name__ == "__main__":
    sys.exit(main())
