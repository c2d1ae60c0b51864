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
* Each check carries a stable ``code`` and its ``params``; the English ``detail`` is
  filled from :data:`DETAILS` here, and a front end shows the check in the person's
  language from the same code (the CLI's Thai templates are ``[doctor_check]`` in
  ``i18n/cli_th.toml``; a refusal inside a check keeps its own error code in
  ``params["error_code"]`` for ``messages.render``). ``--json`` keeps the codes.
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


#: Every check's English title (its name is the stable code; the CLI's Thai titles are
#: ``doctor_check.title.<name>`` in ``i18n/cli_th.toml``).
TITLES = {
    "thai_ui_catalogue": "Thai UI catalogue",
    "thai_error_catalogue": "Thai error texts",
    "fonts": "PDF fonts",
    "workspace": "workspace",
    "framework": "indicator framework",
    "free_disk": "free disk space",
    "word_list": "Thai word list",
    "data_files": "data files",
}

#: Every check's English detail template by code (``<name>.<state>``); the Thai ones are
#: ``doctor_check.<code>`` in ``i18n/cli_th.toml`` with the same ``{params}``.
DETAILS = {
    "thai_ui_catalogue.ok": "{count} messages in {file}",
    "thai_ui_catalogue.missing": "Thai UI catalogue missing or empty",
    "thai_error_catalogue.ok": "{count} messages",
    "thai_error_catalogue.missing": "i18n/messages_th.toml missing or unreadable",
    "fonts.ok": "{count} Sarabun faces registered for PDF",
    "fonts.error": "{error}",
    "word_list.ok": "{count} words; '{sample}' → {words}",
    "word_list.failed": "Thai word breaking failed: {kind}: {error}",
    "workspace.open": "{role}, schema {schema}",
    "workspace.cannot_open": "cannot open {folder}: {error}",
    "workspace.error": "{error}",
    "workspace.missing": "not created yet at {folder}",
    "framework.ok": "{id} {version} ({fw_status})",
    "framework.missing": "no framework file in {folder}",
    "free_disk.ok": "{size} MiB free at {folder}",
    "free_disk.unknown": "unknown at {folder}",
    "data_files.ok": "all present",
    "data_files.missing": "missing: {files}",
}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)


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

    def check(self, name: str, ok: bool, state: str, *, required: bool = True,
              exc: BaseException | None = None, **params: Any) -> None:
        """Record check ``name`` in ``state`` (its code is ``<name>.<state>``, a :data:`DETAILS`
        key); a refusal ``exc`` is kept as ``error`` (its English) and, when it is a
        :class:`SecityError`, as ``error_code``/``error_params`` for the front end to render."""
        code = f"{name}.{state}"
        shown = {k: _plain(v) for k, v in params.items()}
        if exc is not None:
            shown["error"] = str(exc)
            if isinstance(exc, SecityError):
                shown["error_code"] = exc.code
                shown["error_params"] = {k: _plain(v) for k, v in exc.params.items()}
        detail = DETAILS[code].format_map(shown)
        self.checks.append(Check(name, bool(ok), detail, required, code, shown))


def _plain(value: Any) -> Any:
    """A param as JSON carries it (paths and other objects as text)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


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
    if count:
        report.check("thai_ui_catalogue", True, "ok", count=count, file=th_qm)
    else:
        report.check("thai_ui_catalogue", False, "missing")
    errors = messages.catalogue("th")
    report.facts["error_catalogue"] = {"lang": "th", "messages": len(errors)}
    if errors:
        report.check("thai_error_catalogue", True, "ok", count=len(errors))
    else:
        report.check("thai_error_catalogue", False, "missing")


def _fonts(report: Report) -> None:
    try:
        from secity_desktop.reports.fonts import register_fonts

        found = register_fonts()
    except SecityError as exc:
        report.facts["fonts"] = []
        report.check("fonts", False, "error", exc=exc)
        return
    report.facts["fonts"] = sorted(found)
    report.check("fonts", len(found) >= 6, "ok", count=len(found))


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
        report.check("word_list", False, "failed", kind=type(exc).__name__, error=str(exc))
        return
    ok = info["words"] > 0 and tuple(info["sample"]) == LINEBREAK_WORDS
    report.check("word_list", ok, "ok", count=info["words"], sample=LINEBREAK_SAMPLE,
                 words=" | ".join(info["sample"]))


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
            report.check("workspace", False, "cannot_open", exc=exc, folder=data_dir)
        else:
            try:
                info.update(
                    initialized=ws.initialized,
                    role=ws.role.value,
                    province=ws.province_code or None,
                    schema_version=SCHEMA_VERSION,
                )
                framework = ws.frameworks.current()
                report.check("workspace", True, "open", role=ws.role.value, schema=SCHEMA_VERSION)
            except SecityError as exc:
                report.check("workspace", False, "error", exc=exc)
            finally:
                ws.close()
    else:
        report.check("workspace", True, "missing", required=False, folder=data_dir)
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
        report.check("framework", False, "missing", folder=paths.forms_dir())
        return
    report.facts["framework"] = {
        "id": framework.framework.id,
        "version": framework.version,
        "status": framework.status,
        "hash": framework.hash,
    }
    report.check("framework", True, "ok", id=framework.framework.id, version=framework.version,
                 fw_status=framework.status)


def _disk(report: Report, data_dir: Path) -> None:
    probe = data_dir
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        free = None
    report.facts["free_disk_bytes"] = free
    if free is None:
        report.check("free_disk", False, "unknown", required=False, folder=probe)
    else:
        report.check("free_disk", free >= LOW_DISK_BYTES, "ok", required=False,
                     size=f"{free / 2**20:.0f}", folder=probe)


def _files(report: Report) -> None:
    files = {name: path.is_file() for name, path in shipped_files()}
    report.facts["data_files"] = files
    absent = [name for name, present in files.items() if not present]
    if absent:
        report.check("data_files", False, "missing", files=", ".join(absent))
    else:
        report.check("data_files", True, "ok")


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


__all__ = ["DETAILS", "TITLES", "Check", "Report", "gather", "settings_path", "shipped_files", "ui_language"]
