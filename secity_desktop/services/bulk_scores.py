"""Scores for thousands of assessments at once: read from the store, computed only when missing.

Each assessment's result is stored (``store.stored_scores``, schema 13) and kept true by the
store on every write; this reader takes the stored rows for the ids it is asked about and
computes — in one SQL pass over the responses, by the same terms — only the ones with no
valid row, storing them back (a repair). The terms are ``core.score_terms``: the linear
form of ``core.scoring``, checked against it by a property test.

Results are also cached in memory per assessment and keyed by its ``updated_at`` stamp, so a
refresh after a filter change reads nothing it already holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from secity_desktop.core.score_terms import Term, component_scores, terms
from secity_desktop.store import stored_scores
from secity_desktop.store.frameworks import FrameworkRepo

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["BulkScorer", "Pick", "Term", "component_scores", "shared_scorer", "terms"]

Pick = tuple[str, str, str]
"""(assessment id, framework hash, updated_at)."""


class BulkScorer:
    """``repair=False`` for a read-only snapshot connection (exports): missing rows are
    computed but not stored."""

    repair = True

    def __init__(
        self, db: sqlite_utils.Database, frameworks: FrameworkRepo, *, repair: bool = True
    ) -> None:
        self.db = db
        self.frameworks = frameworks
        if not repair:
            self.repair = False
        self._cache: dict[str, tuple[str, dict[str, float]]] = {}
        self.computed = 0  # how many had to be computed (no valid stored row): for tests/bench

    def components(self, fw_hash: str) -> list[str]:
        return [c.code for c in self.frameworks.get(fw_hash).components]

    def _score(self, picks: list[Pick]) -> dict[str, dict[str, float]]:
        if not picks:
            return {}
        pairs = [(aid, h) for aid, h, _ in picks]
        found = stored_scores.read(self.db, pairs)
        out = {aid: row[4] for aid, row in found.items()}
        missing = [p for p in pairs if p[0] not in found]
        if missing:
            computed = stored_scores.compute(self.db, missing)
            self.computed += len(missing)
            out.update(computed)
            if self.repair:
                self._store(missing, computed)
        return out

    def _store(self, picks: list[tuple[str, str]], comps: dict[str, dict[str, float]]) -> None:
        try:
            with self.db.atomic():
                stored_scores.store(self.db, picks, comps)
        except sqlite3.Error:  # a read-only or busy store: the scores were still computed
            pass

    def scores(self, picks: Iterable[Pick]) -> dict[str, dict[str, float]]:
        """{assessment id: {component code: score}}, reading only what is not cached."""
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
            if aid in result:
                self._cache[aid] = (stamp, result[aid])
        return result

    def with_stored(
        self, picks: Iterable[tuple[str, str, str, str | None]]
    ) -> dict[str, dict[str, float]]:
        """Like ``scores`` for picks that carry their stored component text, read by the
        caller's own query (None: no valid row, computed and repaired here)."""
        out: dict[str, dict[str, float]] = {}
        missing: list[Pick] = []
        for aid, h, stamp, text in picks:
            if text is None:
                missing.append((aid, h, stamp))
            else:
                out[aid] = stored_scores.decode(self.db, h, text)
        if missing:
            out.update(self.scores(missing))
        return out

    def store_missing(self, picks: Iterable[Pick]) -> dict[str, dict[str, float]]:
        """Compute and store the picks' missing rows whatever this cache holds (a reader that
        orders in SQL needs them stored, not remembered)."""
        return self._score(list(picks))

    def forget(self) -> None:
        self._cache.clear()


def shared_scorer(ws: Any) -> BulkScorer:
    """The open workspace's one scorer: every list and panel (assessments, review queue,
    dashboard, coverage) shares its cache, so scores one place read are not read
    again by the next (the cache is keyed by each assessment's ``updated_at`` stamp)."""
    scorer = ws.__dict__.get("_bulk_scorer")
    if scorer is None or scorer.db is not ws.db:
        scorer = BulkScorer(ws.db, ws.frameworks)
        ws.__dict__["_bulk_scorer"] = scorer
    return scorer  # type: ignore[no-any-return]
