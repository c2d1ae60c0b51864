"""The indicator framework as validated, hashed data.

The criteria change by decree, not by release: an office must be able to drop
an official file into ``forms/`` and use it without a code change, and every
assessment must say exactly which framework (by content hash) it was made
under. So the framework is a frozen pydantic model loaded from TOML/JSON, and
its identity is the SHA-256 of a canonical JSON form — formatting, comments and
key order in the source file do not change the hash, any change of content does.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from secity_desktop.core.errors import FrameworkError

FORMAT_VERSION = 1

Code = Annotated[str, Field(pattern=r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$", max_length=16)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Level(_Frozen):
    """One rung of an indicator's scale; ``value`` is what an assessor records."""

    value: int = Field(ge=0, le=100)
    label_th: Text
    label_en: Text
    evidence_th: str = ""
    evidence_en: str = ""


class Indicator(_Frozen):
    code: Code
    title_th: Text
    title_en: Text
    description_th: str = ""
    description_en: str = ""
    weight: float = Field(default=1.0, gt=0, le=100)
    evidence_required: bool = True
    sdgs: tuple[int, ...] = ()
    levels: tuple[Level, ...] = Field(min_length=2, max_length=11)

    @model_validator(mode="after")
    def _levels_ordered(self) -> Indicator:
        values = [lv.value for lv in self.levels]
        if values != sorted(set(values)):
            raise ValueError("levels must have distinct values in ascending order")
        return self

    @property
    def min_value(self) -> int:
        return self.levels[0].value

    @property
    def max_value(self) -> int:
        return self.levels[-1].value

    def level(self, value: int) -> Level | None:
        return next((lv for lv in self.levels if lv.value == value), None)


class Component(_Frozen):
    code: Code
    title_th: Text
    title_en: Text
    description_th: str = ""
    description_en: str = ""
    weight: float = Field(gt=0, le=100)
    indicators: tuple[Indicator, ...] = Field(min_length=1)


class Tier(_Frozen):
    """An award tier reached when the total is at least ``min_total``."""

    code: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    label_th: Text
    label_en: Text
    min_total: float = Field(ge=0, le=100)


class FrameworkInfo(_Frozen):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_-]+$")]
    version: Annotated[str, Field(min_length=1, max_length=64)]
    status: Literal["provisional", "official", "superseded"]
    title_th: Text
    title_en: Text
    issued_by_th: str = ""
    issued_by_en: str = ""
    source_note_th: str = ""
    source_note_en: str = ""
    valid_from_year: int | None = Field(default=None, ge=2500, le=2700)


class Framework(_Frozen):
    format: Literal[1] = FORMAT_VERSION
    framework: FrameworkInfo
    tiers: tuple[Tier, ...] = Field(min_length=1)
    components: tuple[Component, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        total = sum(c.weight for c in self.components)
        if abs(total - 100.0) > 1e-6:
            raise ValueError(f"component weights must add up to 100, not {total:g}")
        seen: set[str] = set()
        for ind in self.indicators:
            if ind.code in seen:
                raise ValueError(f"indicator code {ind.code!r} is used twice")
            seen.add(ind.code)
        comp_codes = [c.code for c in self.components]
        if len(set(comp_codes)) != len(comp_codes):
            raise ValueError("component codes must be unique")
        cuts = [t.min_total for t in self.tiers]
        if cuts != sorted(cuts, reverse=True) or len(set(cuts)) != len(cuts):
            raise ValueError("tiers must be listed from highest to lowest min_total, each distinct")
        return self

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

    def canonical_json(self) -> str:
        return canonical_json(self.model_dump(mode="json"))

    @cached_property
    def hash(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()


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
    try:
        return Framework.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
        where = _format_loc(err["loc"], data)
        msg = err["msg"].removeprefix("Value error, ")
        raise FrameworkError(f"{source}: {where}: {msg}{more}",
                             code="framework.invalid_field", where=where) from None


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


def json_schema() -> dict[str, object]:
    return Framework.model_json_schema()
