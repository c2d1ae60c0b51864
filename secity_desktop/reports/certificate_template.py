"""The editable wording of the model-town certificate.

Wording on a เกียรติบัตร is office practice, not a standard, and it changes
with department names and signatories; so it lives in a TOML file
(``resources/templates/certificate_th.toml``, or a copy the office edits)
with ``{placeholders}``. An unknown placeholder or a missing line is refused
when the template is loaded, not half-way through a batch.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from secity_desktop import paths
from secity_desktop.reports.common import ReportError

PLACEHOLDERS = frozenset(
    {
        "agency",
        "department",
        "municipality",
        "province",
        "tier",
        "year",
        "date",
        "signatory_name",
        "signatory_position",
        "certificate_id",
    }
)
LINES = (
    "title",
    "agency",
    "department",
    "preamble",
    "recipient",
    "recipient_detail",
    "achievement",
    "year_line",
    "blessing",
    "given",
    "signatory_name",
    "signatory_position",
    "verify_caption",
    "number",
    "specimen",
)
DEFAULTS = ("agency", "department", "signatory_name", "signatory_position")


def default_template_path() -> Path:
    return paths.resources_dir() / "templates" / "certificate_th.toml"


@dataclass(frozen=True)
class CertificateTemplate:
    lines: dict[str, str]
    defaults: dict[str, str]
    thai_digits: bool = False
    source: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> CertificateTemplate:
        path = path or default_template_path()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ReportError(
                f"cannot read certificate template {path}: {exc.strerror or exc}",
                code="report.template_unreadable", file=Path(path).name
            ) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ReportError(f"certificate template {path} is not valid TOML: {exc}",
                              code="report.template_invalid", file=Path(path).name) from None
        return cls.parse(data, str(path))

    @classmethod
    def parse(cls, data: dict[str, object], source: str = "<template>") -> CertificateTemplate:
        cert = data.get("certificate")
        if not isinstance(cert, dict):
            raise ReportError(f"{source}: missing [certificate] table",
                              code="report.template_invalid", file=Path(source).name)
        missing = [k for k in LINES if not isinstance(cert.get(k), str)]
        if missing:
            raise ReportError(f"{source}: [certificate] lacks text for {', '.join(missing)}",
                              code="report.template_invalid", file=Path(source).name)
        raw_defaults = data.get("defaults", {})
        if not isinstance(raw_defaults, dict):
            raise ReportError(f"{source}: [defaults] must be a table",
                              code="report.template_invalid", file=Path(source).name)
        defaults = {k: str(raw_defaults.get(k, "")) for k in DEFAULTS}
        options = data.get("options", {})
        thai = bool(options.get("thai_digits", False)) if isinstance(options, dict) else False
        lines = {k: str(cert[k]) for k in LINES}
        for where, texts in (("certificate", lines), ("defaults", defaults)):
            for key, text in texts.items():
                _check_placeholders(text, f"{source}: [{where}].{key}")
        return cls(lines, defaults, thai, source)

    def fill(self, key: str, values: dict[str, str]) -> str:
        return self.lines[key].format_map(values)

    def default(self, key: str, values: dict[str, str]) -> str:
        return self.defaults.get(key, "").format_map(values)


def _check_placeholders(text: str, where: str) -> None:
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        raise ReportError(
            f"{where}: broken braces ({exc}); write {{{{ and }}}} for literal ones",
            code="report.template_braces"
        ) from None
    unknown = sorted({f for f in fields if f not in PLACEHOLDERS})
    if unknown:
        raise ReportError(
            f"{where}: unknown placeholder(s) {', '.join('{' + u + '}' for u in unknown)};"
            f" known: {', '.join(sorted(PLACEHOLDERS))}",
            code="report.template_placeholder", unknown=sorted(unknown)
        )
