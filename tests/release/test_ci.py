"""CI runs the README's test command, exactly: a green CI proves what the README promises."""

from __future__ import annotations

import re

from secity_desktop import paths


def test_ci_runs_the_readme_test_command() -> None:
    root = paths.project_root()
    readme = (root / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^    (python3 -m venv .*)$", readme, flags=re.M)
    assert len(commands) >= 2, "the README's first lines give the install-and-run and test commands"
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    m = re.search(r'^TEST_COMMAND="(.*)"$', ci, flags=re.M)
    assert m is not None and m.group(1) == commands[1]
    assert 'bash -c "$TEST_COMMAND"' in ci and '"$code" = 5' in ci
    # its copy of the output is removed however it ends (one was left in /tmp per run before)
    assert re.search(r"^log=\$\(mktemp\)\ntrap 'rm -f \"\$log\"' EXIT", ci, flags=re.M)
