"""The register of local governments as front ends read it: lists, one record in full.

Imports live in ``services/register.py`` (the register) and ``services/history.py``
(past results); this module is the read side both the CLI and the GUI use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from secity_desktop.services.history import past_results
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography
from secity_desktop.store import register as register_store
from secity_desktop.store.geography import Municipality
from secity_desktop.store.history import PastResult


@dataclass(frozen=True)
class MunicipalityDetail:
    """One record with everything known about it: forms over the years, codes, past results."""

    record: Municipality
    type_history: list[dict[str, Any]]
    aliases: list[dict[str, Any]]
    history: list[PastResult]

    def as_json(self) -> dict[str, Any]:
        return {
            **self.record.as_json(),
            "province_th": self.record.province_th,
            "province_en": self.record.province_en,
            "type_history": self.type_history,
            "aliases": self.aliases,
            "history": [r.as_json() for r in self.history],
        }


def municipalities(ws: Workspace, province_code: str | None = None) -> list[Municipality]:
    if province_code:
        geography.province(ws.db, province_code)  # refuses an unknown code
    return geography.municipalities(ws.db, province_code)


def detail(ws: Workspace, code: str) -> MunicipalityDetail:
    """The record ``code`` names (its own code or any department code it is known by)."""
    m = geography.municipality(ws.db, code)
    return MunicipalityDetail(
        m,
        register_store.type_history(ws.db, m.code),
        register_store.aliases(ws.db, m.code),
        past_results(ws, municipality_code=m.code),
    )

