"""Scoring thousands of assessments in one SQL pass, with the same result as ``core.scoring``.

``core.scoring`` is linear in the recorded levels: an indicator adds
``comp.weight × ind.weight / Σ weights × (level − lowest) / span`` to its
component, and an unanswered one adds 0. So each framework reduces to one
coefficient and offset per indicator, SQLite sums them per assessment and
component over the responses table's own key order, and the dashboard never
builds 2,500 score cards row by row. Reviewer overrides (few) are applied
afterwards as corrections through ``core.lifecycle.effective_level``, so the
effective level is the same one every other score uses. The SQL itself is in
``store.scores``.
A property test checks the terms against ``core.scoring.score``.

Results are cached per assessment and keyed by its ``updated_at`` stamp, which
every change to responses, status or overrides moves; a refresh after a filter
change therefore rescores nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from secity_desktop.core.framework import Framework
from secity_desktop.core.lifecycle import effective_level
from secity_desktop.store import scores as scores_store
from secity_desktop.store.frameworks import FrameworkRepo


@dataclass(frozen=True)
class Term:
    component: str
    coef: float
    low: int


def terms(fw: Framework) -> dict[str, Term]:
    out: dict[str, Term] = {}
    for comp in fw.components:
        total_weight = sum(i.weight for i in comp.indicators)
        for ind in comp.indicators:
            span = ind.max_value - ind.min_value
            coef = comp.weight * ind.weight / (total_weight * span) if span else 0.0
            out[ind.code] = Term(comp.code, coef, ind.min_value)
    return out


def component_scores(fw: Framework, levels: dict[str, int | None]) -> dict[str, float]:
    """The pure-Python form of the SQL sum, for checking it and for single rows."""
    t = terms(fw)
    out = {c.code: 0.0 for c in fw.components}
    for code, level in levels.items():
        term = t.get(code)
        if term is not None and level is not None:
            out[term.component] += term.coef * (level - term.low)
    return out


Pick = tuple[str, str, str]
"""(assessment id, framework hash, updated_at)."""


class BulkScorer:
    def __init__(self, db: sqlite_utils.Database, frameworks: FrameworkRepo) -> None:
        self.db = db
        self.frameworks = frameworks
        self._terms: dict[str, dict[str, Term]] = {}
        self._cache: dict[str, tuple[str, dict[str, float]]] = {}
        scores_store.prepare(db)
        self._loaded: set[tuple[str, tuple[str, ...]]] = set()

    def _terms_of(self, fw_hash: str) -> dict[str, Term]:
        if fw_hash not in self._terms:
            self._terms[fw_hash] = terms(self.frameworks.get(fw_hash))
        return self._terms[fw_hash]

    def components(self, fw_hash: str) -> list[str]:
        return [c.code for c in self.frameworks.get(fw_hash).components]

    def _load(self, hashes: Sequence[str]) -> list[str]:
        """Load each framework's terms with one column index per component code, in order.

        The terms live in a small in-memory WITHOUT ROWID table keyed (fw, code);
        joining it was twice as fast as a 34-branch CASE on the indicator code.
        """
        comps: list[str] = []
        for h in hashes:
            for c in self.components(h):
                if c not in comps:
                    comps.append(c)
        index = {c: n for n, c in enumerate(comps)}
        for h in hashes:
            if (h, tuple(comps)) in self._loaded:
                continue
            scores_store.load_terms(
                self.db, h,
                [(code, index[t.component], t.coef, t.low) for code, t in self._terms_of(h).items()],
            )
            self._loaded = {k for k in self._loaded if k[0] != h} | {(h, tuple(comps))}
        return comps

    def _score(self, picks: Iterable[Pick]) -> dict[str, dict[str, float]]:
        picks = list(picks)
        out: dict[str, dict[str, float]] = {
            aid: dict.fromkeys(self.components(h), 0.0) for aid, h, _ in picks
        }
        if not picks:
            return out
        comps = self._load(sorted({h for _, h, _ in picks}))
        sums, overrides = scores_store.score_pass(
            self.db, [(aid, h) for aid, h, _ in picks], len(comps)
        )
        for row in sums:
            per = out[str(row[0])]
            for c, v in zip(comps, row[1:], strict=True):
                if c in per:
                    per[c] += float(v)  # type: ignore[arg-type]
        # The SQL summed the assessor's levels; a standing override replaces one of them by
        # the one rule every score uses (core.lifecycle.effective_level).
        fw_of = {aid: h for aid, h, _ in picks}
        for aid, code, level, assessor in overrides:
            t = self._terms_of(fw_of[aid]).get(code)
            if t is not None:
                effective = effective_level(assessor, level)
                summed = assessor if assessor is not None else t.low
                if effective is not None:
                    out[aid][t.component] += t.coef * (effective - summed)
        return out

    def scores(self, picks: Iterable[Pick]) -> dict[str, dict[str, float]]:
        """{assessment id: {component code: score}}, rescoring only what changed."""
        result: dict[str, dict[str, float]] = {}
        stale: list[Pick] = []
        for p in picks:
            hit = self._cache.get(p[0])
            if hit is not None and hit[0] == p[2]:
                result[p[0]] = hit[1]
            else:
                stale.append(p)
        for aid, comps in self._score(stale).items():
            result[aid] = comps
        for aid, _, stamp in stale:
            self._cache[aid] = (stamp, result[aid])
        return result

    def forget(self) -> None:
        self._cache.clear()


def shared_scorer(ws: Any) -> BulkScorer:
    """The open workspace's one scorer: every list and panel (assessments, review queue,
    dashboard, coverage) shares its cache, so scores one place computed are not computed
    again by the next (the cache is keyed by each assessment's ``updated_at`` stamp)."""
    scorer = ws.__dict__.get("_bulk_scorer")
    if scorer is None or scorer.db is not ws.db:
        scorer = BulkScorer(ws.db, ws.frameworks)
        ws.__dict__["_bulk_scorer"] = scorer
    return scorer  # type: ignore[no-any-return]
