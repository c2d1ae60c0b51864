"""The support self-check: what is installed, what loaded, and what is missing.

A provincial office's IT contact reads ``secity doctor`` (or its ``--json``) over
the phone; the release build check runs it inside the frozen app. The facts are
gathered here, with no Qt, so the CLI only prints them and the GUI's About box or a
crash report can show the same.

Each fact that a person needs to work is also a :class:`Check`; the report is
``ok`` when every *required* check passes (the CLI then exits 0). Low disk space
and a workspace that was never created are shown but not failures: a new user
has no workspace yet.

Decisions (see docs/release.md):

* The UI catalogue is the ``.qm`` the GUI would load, resolved by the same
  rule (:mod:`ui_catalogue`): shipped and trusted when frozen, compiled into the
  cache by content hash in a source run. Its message count is read from the
  ``.qm``'s hash table, one entry per translated message, so it is the number
  of Thai strings the GUI will really show, counted without Qt.
* The workspace is opened like every CLI command opens it (never created).
"""

from __future__ import annotations

import configparser
import itertools
import platform
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from secity_desktop import __version__, messages, paths
from secity_desktop.core.errors import SecityError
from secity_desktop.services import ui_catalogue

#: A Thai sentence whose newmm words are known; breaking it proves the word list loaded.
LINEBREAK_SAMPLE = "เมืองสิ่งแวดล้อมยั่งยืน"
LINEBREAK_WORDS = ("เมือง", "สิ่งแวดล้อม", "ยั่งยืน")
LOW_DISK_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True


@dataclass
class Report:
    facts: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks if c.required)

    @property
    def missing(self) -> list[Check]:
        return [c for c in self.checks if c.required and not c.ok]

    def as_dict(self) -> dict[str, Any]:
        return {**self.facts, "ok": self.ok, "checks": [asdict(c) for c in self.checks]}

    def check(self, name: str, ok: bool, detail: str, *, required: bool = True) -> None:
        self.checks.append(Check(name, bool(ok), detail, required))


def settings_path() -> Path:
    """The GUI's preferences file (``gui/settings.py`` writes it with QSettings, INI format)."""
    return Path(platformdirs.user_config_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "settings.ini"


def ui_language(path: Path | None = None) -> str:
    """The language the GUI starts in: the Preferences choice, Thai by default."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path or settings_path(), encoding="utf-8")
        lang = parser.get("preferences", "language", fallback="th").strip()
    except (configparser.Error, OSError, UnicodeDecodeError):
        return "th"
    return lang if lang in messages.LANGUAGES else "th"


def shipped_files() -> list[tuple[str, Path]]:
    """Every data file a working install needs, relative name → path."""
    root = paths.project_root()
    needed = [
        "resources/data/provinces.csv",
        "resources/data/regional_offices.csv",
        "resources/data/municipalities.csv",
        "resources/templates/certificate_th.toml",
        "resources/fonts/OFL.txt",
        "i18n/messages_th.toml",
        "docs/guide/th/index.md",
        "docs/guide/en/index.md",
        "LICENSE",
        "THIRD-PARTY-NOTICES",
    ]
    needed += [f"resources/fonts/Sarabun-{face}.ttf" for face in (
        "Regular", "Bold", "Italic", "BoldItalic", "SemiBold", "Light")]
    frozen = ui_catalogue.is_frozen()
    needed.append("i18n/secity_th.qm" if frozen else "i18n/secity_th.ts")
    needed.append("i18n/qt_th.qm" if frozen else "i18n/qt_th.ts")  # Qt's own buttons in Thai
    return [(name, root / name) for name in needed]


def _platform(report: Report, data_dir: Path) -> None:
    report.facts.update(
        version=__version__,
        python=platform.python_version(),
        platform=platform.platform(),
        machine=platform.machine(),
        frozen=ui_catalogue.is_frozen(),
        executable=sys.executable,
        install_dir=str(paths.project_root()),
        stdout_encoding=getattr(sys.stdout, "encoding", None),
    )


def _catalogues(report: Report, lang: str) -> None:
    report.facts["ui_language"] = lang
    th_qm = ui_catalogue.catalogue_file("th")
    count = ui_catalogue.qm_message_count(th_qm) if th_qm else None
    report.facts["ui_catalogue"] = {
        "lang": "th",
        "file": str(th_qm) if th_qm else None,
        "messages": count or 0,
    }
    report.check(
        "thai_ui_catalogue",
        bool(count),
        f"{count} messages in {th_qm}" if count else "Thai UI catalogue missing or empty",
    )
    errors = messages.catalogue("th")
    report.facts["error_catalogue"] = {"lang": "th", "messages": len(errors)}
    report.check(
        "thai_error_catalogue",
        bool(errors),
        f"{len(errors)} messages" if errors else "i18n/messages_th.toml missing or unreadable",
    )


def _fonts(report: Report) -> None:
    try:
        from secity_desktop.reports.fonts import register_fonts

        found = register_fonts()
    except SecityError as exc:
        report.facts["fonts"] = []
        report.check("fonts", False, str(exc))
        return
    report.facts["fonts"] = sorted(found)
    report.check("fonts", len(found) >= 6, f"{len(found)} Sarabun faces registered for PDF")


def _word_list(report: Report) -> None:
    info: dict[str, Any] = {"file": None, "words": 0, "sample": []}
    report.facts["word_list"] = info
    try:
        from pythainlp.corpus import corpus_path

        words = Path(corpus_path()) / "words_th.txt"
        if words.is_file():
            info["file"] = str(words)
            with words.open(encoding="utf-8") as handle:
                info["words"] = sum(1 for line in handle if line.strip())
        from secity_desktop.core.thai_linebreak import word_boundaries

        bounds = word_boundaries(LINEBREAK_SAMPLE)
        info["sample"] = [LINEBREAK_SAMPLE[a:b] for a, b in itertools.pairwise(bounds)]
    except Exception as exc:  # a broken install must be reported, not crash the report
        report.check("word_list", False, f"Thai word breaking failed: {type(exc).__name__}: {exc}")
        return
    ok = info["words"] > 0 and tuple(info["sample"]) == LINEBREAK_WORDS
    report.check(
        "word_list",
        ok,
        f"{info['words']} words; '{LINEBREAK_SAMPLE}' → {' | '.join(info['sample'])}",
    )


def _workspace(report: Report, data_dir: Path) -> None:
    from secity_desktop.core import framework as fw
    from secity_desktop.services.workspace import open_workspace
    from secity_desktop.store.database import DB_NAME
    from secity_desktop.store.migrations import SCHEMA_VERSION

    info: dict[str, Any] = {"path": str(data_dir), "exists": (data_dir / DB_NAME).is_file()}
    report.facts["workspace"] = info
    framework = None
    if info["exists"]:
        try:
            ws = open_workspace(data_dir, create=False)
        except SecityError as exc:
            info["error"] = str(exc)
            report.check("workspace", False, f"cannot open {data_dir}: {exc}")
        else:
            try:
                info.update(
                    initialized=ws.initialized,
                    role=ws.role.value,
                    province=ws.province_code or None,
                    schema_version=SCHEMA_VERSION,
                )
                framework = ws.frameworks.current()
                report.check("workspace", True, f"{ws.role.value}, schema {SCHEMA_VERSION}")
            except SecityError as exc:
                report.check("workspace", False, str(exc))
            finally:
                ws.close()
    else:
        report.check("workspace", True, f"not created yet at {data_dir}", required=False)
    if framework is None:
        try:
            found = fw.discover(paths.forms_dir())
        except SecityError as exc:
            found = []
            info["framework_error"] = str(exc)
        official = [f for f in found if f.status == "official"]
        framework = (official or found or [None])[-1]
    if framework is None:
        report.facts["framework"] = None
        report.check("framework", False, f"no framework file in {paths.forms_dir()}")
        return
    report.facts["framework"] = {
        "id": framework.framework.id,
        "version": framework.version,
        "status": framework.status,
        "hash": framework.hash,
    }
    report.check(
        "framework", True, f"{framework.framework.id} {framework.version} ({framework.status})"
    )


def _disk(report: Report, data_dir: Path) -> None:
    probe = data_dir
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        free = None
    report.facts["free_disk_bytes"] = free
    report.check(
        "free_disk",
        free is not None and free >= LOW_DISK_BYTES,
        f"{free / 2**20:.0f} MiB free at {probe}" if free is not None else f"unknown at {probe}",
        required=False,
    )


def _files(report: Report) -> None:
    files = {name: path.is_file() for name, path in shipped_files()}
    report.facts["data_files"] = files
    absent = [name for name, present in files.items() if not present]
    report.check(
        "data_files",
        not absent,
        "all present" if not absent else "missing: " + ", ".join(absent),
    )


def gather(data_dir: Path, lang: str | None = None) -> Report:
    """Every fact and check, in the order a person reads them."""
    report = Report()
    _platform(report, data_dir)
    _catalogues(report, lang or ui_language())
    _fonts(report)
    _workspace(report, data_dir)
    _disk(report, data_dir)
    _word_list(report)
    _files(report)
    return report


__all__ = ["Check", "Report", "gather", "settings_path", "shipped_files", "ui_language"]
