"""The CLI loads what it runs: the command table matches the modules, and `assessment set`
imports no PDF, crypto or spreadsheet library."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from secity_desktop import log, paths
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


def test_a_fresh_process_running_set_loads_no_heavy_library(tmp_path: object) -> None:
    """As a person runs it — ``secity assessment set`` in its own process, checked by a
    ``sys.modules`` dump at exit: the store answers plain SQL without sqlite-utils and the
    framework is read back from the store without pydantic (docs/cli-batch.md)."""
    data = str(tmp_path)
    cli = [sys.executable, "-m", "secity_desktop.cli.main", "--data-dir", data]
    run = {"capture_output": True, "text": True, "check": True, "cwd": paths.project_root()}
    subprocess.run([*cli, "init", "--name", "x"], **run)  # type: ignore[call-overload]
    aid = json.loads(subprocess.run([*cli, "--json", "assessment", "new", "--municipality",
                                     "5001", "--year", "2569"], **run).stdout)["id"]  # type: ignore[call-overload]
    probe = (
        "import atexit, sys, runpy\n"
        "import gc\n"
        "atexit.register(lambda: sys.stderr.write(f'GC {gc.isenabled()} {gc.get_freeze_count()}'"
        " ' MODULES ' + ' '.join(sorted(sys.modules))))\n"
        f"sys.argv = ['secity', '--data-dir', {data!r}, 'assessment', 'set', {aid!r},"
        " '1.1', '2']\n"
        "runpy.run_module('secity_desktop.cli.main', run_name='__main__')\n"
    )
    thai = {**os.environ, "SECITY_LANG": "th"}  # the printed line in Thai: the catalogues
    subprocess.run([*cli, "assessment", "set", aid, "1.1", "1"], env=thai, **run)  # type: ignore[call-overload]
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=paths.project_root(), env=thai)
    assert done.returncode == 0, done.stderr
    assert "ระดับ 2" in done.stdout
    modules = set(done.stderr.rsplit("MODULES ", 1)[1].split())
    gc_on, frozen = done.stderr.rsplit("GC ", 1)[1].split()[:2]
    assert gc_on == "True" and int(frozen) > 10_000  # start-up objects out of the GC's sight
    loaded = {m.split(".")[0] for m in modules}
    assert "secity_desktop" in loaded
    assert loaded & {"pydantic", "pydantic_core", "sqlite_utils", "reportlab", "cryptography",
                     "openpyxl", "segno", "PIL", "uharfbuzz", "PySide6"} == set()
    # branch cli2: the log without logging.handlers (until a file is full) or platformdirs
    # (paths.user_dir), the Thai catalogues from their compiled copy (no TOML parser), the
    # start-up sweep without its cleaning tools when nothing is left over, no evidence or
    # revision code for an edit
    assert modules & {"logging.handlers", "platformdirs", "tomllib", "socket", "pickle",
                      "tempfile", "mimetypes", "secity_desktop.store.blob_staging",
                      "secity_desktop.store.revisions",
                      "secity_desktop.core.evidence_meta",
                      # the review rows and the audit chain's read side (their records)
                      "secity_desktop.store.review", "secity_desktop.store.audit_chain",
                      "secity_desktop.core.audit_anchor", "secity_desktop.store.evidence_rows",
                      } == set()
    assert "logging" in modules  # the log is still written
    assert log.log_path().read_text("utf-8").count("cli assessment set done in") == 2


def test_a_crash_in_set_is_logged_with_its_traceback_and_told_in_thai(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """The leaner log (no ``logging.handlers`` until a rollover) still records a bug with
    its traceback, and the person reads one Thai line naming the report."""
    from secity_desktop.cli.main import main
    from secity_desktop.services.assessments import AssessmentService

    data = str(tmp_path)
    assert main(["--data-dir", data, "init", "--name", "x"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "--json", "assessment", "new", "--municipality", "5001",
                 "--year", "2569"]) == 0
    aid = json.loads(capsys.readouterr().out)["id"]

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(AssessmentService, "set_response", broken)
    assert main(["--data-dir", data, "--lang", "th", "assessment", "set", aid, "1.1", "2"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("secity: ") and err.count("\n") == 1 and "Traceback" not in err
    assert "เกิดข้อผิดพลาดที่ไม่คาดคิด (RuntimeError)" in err
    text = log.log_path().read_text("utf-8")
    assert "cli assessment set failed: RuntimeError" in text
    assert "Traceback (most recent call last)" in text and "disk on fire" in text


def test_the_lean_parser_lists_no_other_command_but_reports_errors_in_full(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``main`` first parses with only the named command (no placeholder parsers); a usage
    error or a top-level ``--help`` reads exactly as from the full parser."""
    from secity_desktop.cli import main as cli_main

    argv = ["--data-dir", "x", "assessment", "set", "a", "1.1", "2"]
    lean = cli_main.build_parser(argv, lean=True)
    assert list(_choices(lean)) == ["assessment"]
    assessment = lean._subparsers._group_actions[0].choices["assessment"]  # type: ignore[union-attr]
    assert list(_choices(assessment)) == ["set"]  # not the other 12 sub-commands
    assert cli_main.parse(argv).level == 2
    assert list(_choices(cli_main.build_parser(["-h", *argv], lean=True))) == list(
        commands.COMMANDS)  # --help before the command: every command listed
    for bad in (["--lang", "xx", *argv[2:]], [*argv, "--bogus"], ["assessment"],
                ["assessment", "set", "a", "1.1", "nine"], ["assessment", "sett", "a"],
                ["backup", "nothing-such"], ["modeltown"]):
        with pytest.raises(SystemExit) as full_exit:
            build_parser(bad).parse_args(bad)
        full = capsys.readouterr().err
        with pytest.raises(SystemExit) as lean_exit:
            cli_main.parse(bad)
        assert capsys.readouterr().err == full and full.startswith("secity: usage error: ")
        assert lean_exit.value.code == full_exit.value.code == 2


def test_called_in_process_main_freezes_nothing_and_leaves_the_collector_on(
    tmp_path: object, capsys: pytest.CaptureFixture[str],
) -> None:
    """Only the program itself freezes its start-up objects (``cli/startup.py``): a caller
    in the same process (tests, the GUI entry) keeps a collector that sees everything."""
    import gc

    from secity_desktop.cli.main import main

    before = gc.get_freeze_count()
    assert main(["--data-dir", str(tmp_path), "init", "--name", "x"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == before


def test_every_help_reads_the_same_from_the_lean_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``secity CMD -h`` and ``secity CMD SUB -h`` for every command: the lean parser (only the
    words named built) prints exactly what the full parser prints."""
    from secity_desktop.cli import main as cli_main

    def shown(parse: object, argv: list[str]) -> str:
        with pytest.raises(SystemExit) as done:
            parse(argv)  # type: ignore[operator]
        assert done.value.code == 0
        return capsys.readouterr().out

    full = build_parser()
    top = full._subparsers._group_actions[0]  # type: ignore[union-attr]
    for name, parser in top.choices.items():
        cases = [[name, "-h"]]
        if parser._subparsers is not None:
            cases += [[name, sub, "-h"] for sub in parser._subparsers._group_actions[0].choices]
        for argv in cases:
            assert shown(cli_main.parse, argv) == shown(build_parser().parse_args, argv), argv


def test_bundle_import_of_many_files_starts_the_workers_before_the_importer_loads(tmp_path: object) -> None:
    """``secity bundle import`` of ``COLD_MIN`` files or more asks for the verification workers
    first, so they start while the importer's modules load and the store opens; fewer files
    never start them (services/verify_pool.py)."""
    code = (
        "import sys\n"
        "from secity_desktop.services import verify_pool\n"
        "seen = []\n"
        "verify_pool.COLD_MIN = 2\n"
        "verify_pool.warm = lambda **k: seen.append(\n"
        "    sorted(m for m in ('secity_desktop.services.bundle_import', 'pydantic',\n"
        "                       'cryptography') if m in sys.modules))\n"
        "from secity_desktop.cli.main import main\n"
        "main(['--data-dir', sys.argv[1], 'bundle', 'import', *sys.argv[2:], '--dry-run'])\n"
        "print(seen)\n"
    )
    files = [str(tmp_path) + f"/b{n}.secbundle" for n in range(2)]  # type: ignore[operator]
    runs = {}
    for label, given in (("many", files), ("one", files[:1])):
        out = subprocess.run([sys.executable, "-c", code, str(tmp_path), *given],
                             capture_output=True, text=True, cwd=paths.project_root(),
                             env={**os.environ, "SECITY_LANG": "en"})
        runs[label] = out.stdout.strip().splitlines()[-1]
    assert runs == {"many": "[[]]", "one": "[]"}
