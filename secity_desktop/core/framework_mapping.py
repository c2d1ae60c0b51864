"""Declared correspondences between framework versions: when two years may be compared.

A trend across fiscal years compares totals and components that may have been
scored under different framework versions. Indicator codes change between
versions (an indicator is renumbered, split, dropped), so a comparison is only
made where the department (or the office) has *declared* how the codes of one
version correspond to another's, in ``resources/data/framework_mappings.toml``.
Without such a declaration two versions are incompatible and a trend marks a
break between them: no change, no "most improved", nothing silently compared.

Rules (docs/trends.md):
- the same framework id and version are always comparable (a hash change within
  a version is a correction of wording, not of criteria);
- versions joined by a chain of declared mappings are comparable for totals and
  tiers; a component stays comparable only while every step maps its indicators
  one-to-one into the component with the same code (nothing dropped, added or
  moved in or out of it);
- anything else is a break.

Pure rules: no store, no Qt. A mapping naming an indicator a loaded framework
does not have is refused (``trend.bad_mapping``), never quietly ignored.
"""

from __future__ import annotations

import tomllib
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.framework import Framework

Link = Literal["first", "same", "mapped", "break"]
Version = tuple[str, str]
"""(framework id, version)."""


@dataclass(frozen=True)
class Mapping:
    framework: str
    from_version: str
    to_version: str
    indicators: dict[str, str]  # old code → new code ("" = dropped in the newer version)
    note_th: str = ""
    note_en: str = ""

    @property
    def ends(self) -> tuple[Version, Version]:
        return (self.framework, self.from_version), (self.framework, self.to_version)

    def check(self, old: Framework, new: Framework) -> None:
        """Refuse a mapping whose codes the two loaded frameworks do not have."""
        for a, b in self.indicators.items():
            if old.indicator(a) is None or (b and new.indicator(b) is None):
                bad = a if old.indicator(a) is None else b
                raise ValidationError(
                    f"framework mapping {self.from_version} → {self.to_version} names"
                    f" indicator {bad!r}, which the framework does not have",
                    code="trend.bad_mapping", old=self.from_version, new=self.to_version,
                    indicator=bad,
                )

    def comparable_components(self, old: Framework, new: Framework) -> frozenset[str]:
        """Component codes whose indicators map one-to-one within the same-coded component."""
        targets: dict[str, set[str]] = {}
        for a, b in self.indicators.items():
            if b:
                targets.setdefault(b, set()).add(a)
        out: set[str] = set()
        for comp in new.components:
            olds = next((c for c in old.components if c.code == comp.code), None)
            if olds is None:
                continue
            old_codes = {i.code for i in olds.indicators}
            new_codes = {i.code for i in comp.indicators}
            sources = [targets.get(c, set()) for c in new_codes]
            one_to_one = all(len(s) == 1 for s in sources)
            covered = set().union(*sources) if sources else set()
            if one_to_one and covered == old_codes and all(
                self.indicators.get(a, "") in new_codes for a in old_codes
            ):
                out.add(comp.code)
        return frozenset(out)


@dataclass(frozen=True)
class Comparison:
    link: Link
    components: frozenset[str] = field(default_factory=frozenset)  # comparable component codes
    via: tuple[str, ...] = ()  # the versions the chain passes through (mapped only)


class Mappings:
    """Every declared mapping, and the comparisons they allow between loaded frameworks."""

    def __init__(self, mappings: list[Mapping] | None = None) -> None:
        self.mappings = list(mappings or [])
        self._edges: dict[Version, list[tuple[Version, Mapping, bool]]] = {}
        for m in self.mappings:
            a, b = m.ends
            self._edges.setdefault(a, []).append((b, m, True))
            self._edges.setdefault(b, []).append((a, m, False))

    def compare(self, old: Framework, new: Framework,
                frameworks: dict[Version, Framework] | None = None) -> Comparison:
        """How a result under ``old`` may be compared with one under ``new``."""
        va, vb = version_of(old), version_of(new)
        if va == vb:
            return Comparison("same", frozenset(c.code for c in new.components))
        known = {va: old, vb: new, **(frameworks or {})}
        path = self._path(va, vb)
        if path is None:
            return Comparison("break")
        comps: frozenset[str] | None = None
        here = va
        for nxt, m, forward in path:
            f_old, f_new = known.get(here), known.get(nxt)
            if f_old is None or f_new is None:  # a step through a version not loaded here
                step: frozenset[str] = frozenset()  # totals only: its components cannot be checked
            else:
                if forward:
                    m.check(f_old, f_new)
                    step = m.comparable_components(f_old, f_new)
                else:
                    m.check(f_new, f_old)
                    step = m.comparable_components(f_new, f_old)
            comps = step if comps is None else comps & step
            here = nxt
        return Comparison("mapped", comps or frozenset(), tuple(v for v, _, _ in path))

    def _path(self, a: Version, b: Version) -> list[tuple[Version, Mapping, bool]] | None:
        seen = {a}
        queue: deque[tuple[Version, list[tuple[Version, Mapping, bool]]]] = deque([(a, [])])
        while queue:
            node, path = queue.popleft()
            for nxt, m, forward in self._edges.get(node, []):
                if nxt in seen:
                    continue
                step = [*path, (nxt, m, forward)]
                if nxt == b:
                    return step
                seen.add(nxt)
                queue.append((nxt, step))
        return None


def version_of(fw: Framework) -> Version:
    return fw.framework.id, fw.version


def parse_mappings(data: dict[str, Any], source: str = "framework_mappings.toml") -> Mappings:
    """Read the mapping file's data; a malformed entry is refused with its place in the file."""
    out: list[Mapping] = []
    for n, raw in enumerate(data.get("mappings", []), 1):
        try:
            inds = raw["indicators"]
            if not isinstance(inds, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in inds.items()
            ):
                raise TypeError
            out.append(Mapping(
                str(raw["framework"]), str(raw["from_version"]), str(raw["to_version"]),
                dict(inds), str(raw.get("note_th", "")), str(raw.get("note_en", "")),
            ))
        except (KeyError, TypeError):
            raise ValidationError(
                f"{source}: mapping {n} needs framework, from_version, to_version and an"
                " [indicators] table of old code = new code",
                code="trend.mapping_malformed", source=source, number=n,
            ) from None
    return Mappings(out)


def load_mappings(path: Path) -> Mappings:
    """The declared mappings in ``path``; no file means no mapping (every version change breaks)."""
    if not path.exists():
        return Mappings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError(
            f"{path.name}: cannot read the framework mappings ({exc})",
            code="trend.mapping_unreadable", source=path.name,
        ) from None
    return parse_mappings(data, path.name)
