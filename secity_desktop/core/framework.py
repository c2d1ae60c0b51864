"""The indicator framework as validated, hashed data.

The criteria change by decree, not by release: an office must be able to drop
an official file into ``forms/`` and use it without a code change, and every
assessment must say exactly which framework (by content hash) it was made
under. So a framework is loaded from TOML/JSON and validated against the rules
in ``core/framework_schema.py`` (pydantic), and its identity is the SHA-256 of a
canonical JSON form — formatting, comments and key order in the source file do
not change the hash, any change of content does.

The framework the app reads is plain frozen dataclasses (below), not the pydantic
models: validating (and importing pydantic) happens only when a framework is checked —
a file or bundle not seen before — never when a stored framework is read back. A stored
framework is content-addressed: :func:`from_stored` rebuilds it without pydantic when its
content still hashes to its name (it was validated when it was registered), else it is
validated again. See docs/cli-batch.md ("what one command loads").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from secity_desktop import digests
from secity_desktop.core.errors import FrameworkError

FORMAT_VERSION = 1
RULES_VERSION = 1  # bump with any change to core/framework_schema.py's rules


@dataclass(frozen=True)
class Level:
    """One rung of an indicator's scale; ``value`` is what an assessor records."""

    value: int
    label_th: str
    label_en: str
    evidence_th: str = ""
    evidence_en: str = ""


@dataclass(frozen=True)
class Indicator:
    code: str
    title_th: str
    title_en: str
    description_th: str = ""
    description_en: str = ""
    weight: float = 1.0
    evidence_required: bool = True
    sdgs: tuple[int, ...] = ()
    levels: tuple[Level, ...] = ()

    @property
    def min_value(self) -> int:
        return self.levels[0].value

    @property
    def max_value(self) -> int:
        return self.levels[-1].value

    def level(self, value: int) -> Level | None:
        return next((lv for lv in self.levels if lv.value == value), None)


@dataclass(frozen=True)
class Component:
    code: str
    title_th: str
    title_en: str
    description_th: str = ""
    description_en: str = ""
    weight: float = 0.0
    indicators: tuple[Indicator, ...] = ()


@dataclass(frozen=True)
class Tier:
    """An award tier reached when the total is at least ``min_total``."""

    code: str
    label_th: str
    label_en: str
    min_total: float = 0.0

    def model_dump(self) -> dict[str, Any]:
        """The tier as a plain dict (the name the pydantic form had)."""
        return asdict(self)


@dataclass(frozen=True)
class FrameworkInfo:
    id: str
    version: str
    status: str  # provisional | official | superseded
    title_th: str
    title_en: str
    issued_by_th: str = ""
    issued_by_en: str = ""
    source_note_th: str = ""
    source_note_en: str = ""
    valid_from_year: int | None = None


@dataclass(frozen=True)
class Framework:
    """A validated framework: build one only through :func:`parse` / :func:`load` /
    :func:`load_text` / :func:`from_stored`, which check it against the rules."""

    framework: FrameworkInfo
    tiers: tuple[Tier, ...]
    components: tuple[Component, ...]
    format: int = FORMAT_VERSION
    _canonical: str = field(default="", repr=False, compare=False)

    # --- derived views ---------------------------------------------------
    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for c in self.components for i in c.indicators)

    @cached_property
    def _index(self) -> dict[str, tuple[Component, Indicator]]:
        return {i.code: (c, i) for c in self.components for i in c.indicators}

    def indicator(self, code: str) -> Indicator | None:
        hit = self._index.get(code)
        return hit[1] if hit else None

    def component_of(self, indicator_code: str) -> Component | None:
        hit = self._index.get(indicator_code)
        return hit[0] if hit else None

    @property
    def version(self) -> str:
        return self.framework.version

    @property
    def status(self) -> str:
        return self.framework.status

    @property
    def is_provisional(self) -> bool:
        return self.framework.status == "provisional"

    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        """The framework as plain JSON-able data (what is hashed and stored)."""
        data = asdict(self)
        del data["_canonical"]
        return data

    def canonical_json(self) -> str:
        return self._canonical or canonical_json(self.model_dump())

    @cached_property
    def hash(self) -> str:
        return digests.sha256(self.canonical_json().encode("utf-8")).hexdigest()


def _build(data: dict[str, Any], canonical: str = "") -> Framework:
    """The value form of data the rules accepted (a validated dump or stored content)."""
    def indicator(d: dict[str, Any]) -> Indicator:
        d = dict(d)
        d["sdgs"] = tuple(d.get("sdgs", ()))
        d["levels"] = tuple(Level(**lv) for lv in d["levels"])
        return Indicator(**d)

    def component(d: dict[str, Any]) -> Component:
        d = dict(d)
        d["indicators"] = tuple(indicator(i) for i in d["indicators"])
        return Component(**d)

    return Framework(
        framework=FrameworkInfo(**data["framework"]),
        tiers=tuple(Tier(**t) for t in data["tiers"]),
        components=tuple(component(c) for c in data["components"]),
        format=data.get("format", FORMAT_VERSION),
        _canonical=canonical,
    )


def canonical_json(data: object) -> str:
    """Sorted keys, no insignificant whitespace, UTF-8 text: the form that gets hashed and signed."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _format_loc(loc: Iterable[object], data: object) -> str:
    """Turn pydantic's (components, 0, indicators, 3, title_th) into a readable path with codes."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int):
            label = f"[{item}]"
            if isinstance(node, list) and 0 <= item < len(node):
                node = node[item]
                if isinstance(node, dict) and isinstance(node.get("code"), (str, int)):
                    label = f"[{item}] (code {node['code']})"
            else:
                node = None
            parts.append(label)
        else:
            key = str(item)
            parts.append(("." if parts else "") + key)
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts) or "(top level)"


def parse(data: object, source: str) -> Framework:
    """Check ``data`` against the rules (pydantic, loaded here) and return its value form."""
    from pydantic import ValidationError

    from secity_desktop.core import framework_schema

    try:
        checked = framework_schema.Framework.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
        where = _format_loc(err["loc"], data)
        msg = err["msg"].removeprefix("Value error, ")
        raise FrameworkError(f"{source}: {where}: {msg}{more}",
                             code="framework.invalid_field", where=where) from None
    return _build(checked.model_dump(mode="json"))


def load(path: Path) -> Framework:
    """Load one framework file (``.toml`` or ``.json``), or raise one clear FrameworkError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FrameworkError(f"{path}: cannot read the file ({exc.strerror or exc})",
                             code="framework.unreadable", file=path.name) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FrameworkError(f"{path}: not UTF-8 text (byte {exc.start})",
                             code="framework.not_utf8", file=path.name) from None
    import tomllib  # only when a framework file is read and checked

    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise FrameworkError(
            f"{path}: not valid {path.suffix.lstrip('.').upper()}: {exc}",
            code="framework.bad_syntax", file=path.name
        ) from None
    return parse(data, str(path))


def load_text(text: str, source: str = "<framework>") -> Framework:
    """Load a framework from canonical JSON text (as stored in the workspace or a bundle)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FrameworkError(f"{source}: not valid JSON: {exc}",
                             code="framework.bad_json") from None
    return parse(data, source)


def discover(folder: Path) -> list[Framework]:
    """Every framework file in ``folder``, sorted by version; a broken file stops with its message."""
    found = [load(p) for p in sorted(folder.glob("*.toml")) + sorted(folder.glob("*.json"))]
    return sorted(found, key=lambda f: (f.framework.id, f.version))


def from_stored(text: str, hash_: str, source: str = "<framework>") -> Framework:
    """A framework kept in the store under its content hash: rebuilt without re-validation
    when ``text`` still hashes to ``hash_`` (only a validated framework is ever registered),
    else validated again like any framework text."""
    if digests.sha256(text.encode("utf-8")).hexdigest() == hash_:
        try:
            return _build(json.loads(text), canonical=text)
        except (ValueError, TypeError, KeyError):
            pass  # not the shape a validated framework has: the full check says why
    return load_text(text, source)


def json_schema() -> dict[str, object]:
    from secity_desktop.core import framework_schema

    return framework_schema.Framework.model_json_schema()
