"""The light table of ``secity`` commands: name → the module that registers it, and its help.

``cli/main.py`` builds the parser from this table and imports only the module of
the command being run (each module imports its own services), so ``secity
assessment set`` no longer pays for reportlab, cryptography or openpyxl. ``--help``
lists every command from the table; a test keeps the table equal to what each
module registers (``tests/cli/test_lazy_cli.py``). Standard library only.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

#: command → (module in ``secity_desktop.cli``, one-line help), in ``--help`` order.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("workspace_cmds", "create or configure the workspace"),
    "framework": ("framework_cmds", "the indicator framework"),
    "municipality": ("municipality_cmds", "the register of local governments (อปท.)"),
    "history": ("history_cmds", "past results: awards and tiers of earlier years"),
    "assessment": ("assessment_cmds", "assessments"),
    "self": ("self_cmds", "municipalities' self-assessments (claimed beside verified)"),
    "key": ("key_cmds", "your signing key and profile (assessor)"),
    "bundle": ("bundle_cmds", "signed bundles: export, verify, import"),
    "trust": ("trust_cmds", "enrolled keys: assessors (at a province), the province (at an"
              " assessor), provinces (region/national)"),
    "review": ("review_cmds", "province review: start, approve, return, override, comment"),
    "dashboard": ("dashboard_cmds", "every municipality with its latest assessment, ranked"),
    "modeltown": ("dashboard_cmds", "the model town (เมืองต้นแบบ) per province and year"),
    "coverage": ("coverage_cmds",
                 "region/national: seat towns assessed and model towns chosen, per province"),
    "export": ("spreadsheet_cmds", "tables for Excel: CSV (UTF-8 with BOM) or XLSX, Thai headers"),
    "report": ("report_cmds", "PDF reports and certificates"),
    "trend": ("trend_cmds", "progress over the years: a municipality, a province, the nation"),
    "certificate": ("certificate_cmds", "certificate checks"),
    "backup": ("backup_cmds", "whole-workspace backups: create, verify, restore"),
    "quarantine": ("backup_cmds", "refused bundles kept aside: usage and size cap"),
    "audit": ("audit_cmds", "the audit trail: check that it is whole"),
    "doctor": ("doctor_cmds", "check this installation (for support)"),
    "guide": ("guide_cmds", "the user guide (Thai and English): PDF, page list"),
}

#: Options of ``secity`` itself that take a value (skipped when looking for the command).
VALUE_OPTIONS = ("--data-dir", "--lang")
BACKUP_SUBCOMMANDS = ("create", "verify", "restore", "list", "auto", "config")


def command_at(argv: Sequence[str]) -> int | None:
    """Where the command name is in ``argv`` (the first word that is not an option or an
    option's value), or None."""
    for i, a in enumerate(argv):
        if a.startswith("-"):
            continue
        if i > 0 and argv[i - 1] in VALUE_OPTIONS:
            continue
        return i
    return None


def command_in(argv: Sequence[str]) -> str | None:
    i = command_at(argv)
    return argv[i] if i is not None and argv[i] in COMMANDS else None


def module_of(command: str) -> ModuleType:
    return importlib.import_module(f"secity_desktop.cli.{COMMANDS[command][0]}")


def modules() -> list[ModuleType]:
    """Every command module once, in table order (the full parser: ``--help`` of all, tests)."""
    seen: dict[str, ModuleType] = {}
    for name, (mod, _) in COMMANDS.items():
        if mod not in seen:
            seen[mod] = module_of(name)
    return list(seen.values())


def legacy_argv(argv: Sequence[str]) -> list[str]:
    """``backup FILE`` → ``backup create FILE`` (the pre-1.0 command took a path directly)."""
    args = list(argv)
    i = command_at(args)
    if i is not None and args[i] == "backup":
        nxt = args[i + 1] if i + 1 < len(args) else None
        if nxt is not None and not nxt.startswith("-") and nxt not in BACKUP_SUBCOMMANDS:
            args.insert(i + 1, "create")
    return args
