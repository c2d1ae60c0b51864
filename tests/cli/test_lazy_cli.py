"""The CLI loads what it runs: the command table matches the modules, and `assessment set`
imports no PDF, crypto or spreadsheet library."""

from __future__ import annotations

import subprocess
import sys

from secity_desktop import paths
from secity_desktop.cli import commands
from secity_desktop.cli.main import build_parser


def _choices(parser: object) -> dict[str, str]:
    action = parser._subparsers._group_actions[0]  # type: ignore[attr-defined]
    return {a.dest: a.help for a in action._choices_actions}


def test_table_matches_what_the_modules_register() -> None:
    assert _choices(build_parser()) == {n: h for n, (_, h) in commands.COMMANDS.items()}


def test_one_command_registers_only_its_module_and_lists_the_rest() -> None:
    p = build_parser(["--data-dir", "x", "assessment", "set", "a", "1.1", "2"])
    assert list(_choices(p)) == list(commands.COMMANDS)  # --help still lists every command
    args = p.parse_args(["--data-dir", "x", "assessment", "set", "a", "1.1", "2"])
    assert args.handler.__module__ == "secity_desktop.cli.assessment_cmds"
    assert (args.id, args.indicator, args.level) == ("a", "1.1", 2)


def test_command_found_past_options_with_values() -> None:
    assert commands.command_in(["--data-dir", "export", "--lang", "th", "doctor"]) == "doctor"
    assert commands.command_in(["--json"]) is None
    assert commands.command_in(["nonsense"]) is None


def test_assessment_set_loads_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from secity_desktop.cli.main import build_parser\n"
        "build_parser(['assessment', 'set', 'a', '1.1', '2']).parse_args("
        "['assessment', 'set', 'a', '1.1', '2'])\n"
        "import secity_desktop.services.assessments, secity_desktop.services.workspace\n"
        "heavy = ('reportlab', 'cryptography', 'openpyxl', 'segno', 'PIL', 'uharfbuzz', 'PySide6')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=paths.project_root())
    assert out.stdout.strip() == "[]"
