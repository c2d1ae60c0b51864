"""What a screen or ``secity assessment show`` gets for one assessment: rows, framework, score.

The score (``card``) is always ``services.assessments.effective_card`` — the one score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from secity_desktop.core import scoring
from secity_desktop.core.framework import Framework
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography


@dataclass(frozen=True)
class AssessmentView:
    """Everything a screen or ``assessment show`` needs about one assessment."""

    assessment: repo.Assessment
    municipality: geography.Municipality
    framework: Framework
    responses: dict[str, repo.Response]
    card: scoring.ScoreCard

    def as_json(self) -> dict[str, Any]:
        a, card = self.assessment, self.card
        return {
            "id": a.id,
            "municipality": self.municipality.as_json(),
            "year": a.year,
            "status": a.status,
            "revision": a.revision,
            "supersedes": a.supersedes,
            "framework": {
                "version": self.framework.version,
                "hash": a.framework_hash,
                "status": self.framework.status,
            },
            "total": round(card.total, 2),
            "tier": card.tier.code if card.tier else None,
            "tier_th": card.tier.label_th if card.tier else None,
            "answered": card.answered,
            "count": card.count,
            "evidence_missing": list(card.evidence_missing),
            "components": [
                {
                    "code": c.code,
                    "score": round(c.score, 2),
                    "weight": c.weight,
                    "percent": round(c.percent, 2),
                    "answered": c.answered,
                    "count": c.count,
                }
                for c in card.components
            ],
            "responses": [
                {
                    "indicator": code,
                    "level": r.level,
                    "note": r.note,
                    "updated_at": r.updated_at,
                    "updated_by": r.updated_by,
                }
                for code, r in sorted(self.responses.items(), key=lambda kv: _code_key(kv[0]))
            ],
            "created_at": a.created_at,
            "updated_at": a.updated_at,
        }



def _code_key(code: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in code.split("."))
