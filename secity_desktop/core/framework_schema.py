"""The framework file's rules, as pydantic models: used only to VALIDATE a framework.

Loaded only when a framework is checked (a file in ``forms/`` not seen before under these
rules, a framework arriving in a bundle, ``secity framework check``): the framework the
rest of the app reads is the plain value form in ``core/framework.py``, built from the data
these models accept. Change a rule here → bump ``framework.RULES_VERSION`` so every
workspace re-checks its forms (tests/core/test_framework_rules.py pins the pair).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
        for ind in (i for c in self.components for i in c.indicators):
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
