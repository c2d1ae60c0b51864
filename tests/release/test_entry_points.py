"""Entry points: the GUI decides GUI vs CLI without the CLI parser, and names its version."""

from __future__ import annotations

import subprocess
import sys

from secity_desktop import __main__ as entry
from secity_desktop import __version__, paths
from secity_desktop.cli.main import build_parser


def test_fixed_command_list_matches_the_cli_parser() -> None:
    choices = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(choices) == entry.CLI_COMMANDS


def test_wants_cli_only_for_command_names() -> None:
    assert entry.wants_cli(["--data-dir", "/tmp/w", "assessment", "list"])
    assert entry.wants_cli(["doctor", "--json"])
    assert not entry.wants_cli([])
    assert not entry.wants_cli(["--lang", "en", "/media/usb/a.secbundle"])


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.project_root(),
        check=False,
    )


def test_gui_version_names_the_version_without_building_the_cli_or_loading_qt() -> None:
    done = _run(
        "import sys\n"
        "from secity_desktop.__main__ import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as e:\n    code = e.code\n"
        "print('cli' if 'secity_desktop.cli.main' in sys.modules else 'no-cli')\n"
        "print('qt' if any(m.startswith('PySide6') for m in sys.modules) else 'no-qt')\n"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split()
    assert f"{__version__}" in done.stdout and "SECity" in done.stdout
    assert lines[-2:] == ["no-cli", "no-qt"]


def test_cli_command_through_the_gui_entry_runs_the_cli(tmp_path: object) -> None:
    done = _run("from secity_desktop.__main__ import main; raise SystemExit(main(['--version']))")
    assert done.returncode == 0
    done = _run("from secity_desktop.__main__ import main; raise SystemExit(main(['framework', 'schema']))")
    assert done.returncode == 0, done.stderr
    assert '"$schema"' in done.stdout or '"properties"' in done.stdout
