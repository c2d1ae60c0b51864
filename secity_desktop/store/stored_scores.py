"""Per-assessment scores kept in the store (schema 13), true after every write. SQL here.

Every list, queue and panel needs each assessment's total (and tier, component scores,
answered count); summing 2.7 M responses for them at every first visit cost seconds at
national scale. So each assessment's result is stored in ``assessment_scores`` — computed by
the one scorer (``core.score_terms``, the linear form of ``core.scoring`` checked against it
by a property test), never typed in.

How a stored row can never be stale (docs/lists.md, "Stored scores"):

* Triggers on ``responses`` (a level), ``review_overrides`` (any change) and
  ``assessments.framework_hash`` delete the assessment's stored row *in the same statement*
  as the change and queue its id in ``score_queue``. Whatever path wrote — the editor, a
  batch, an import, the bulk builder, a review override, a reopen, a deletion — the old
  result is gone before the write commits.
* ``settle`` scores the queued ids and stores them; ``store.database.Database.atomic``
  calls it just before every outermost commit, so a write made through a transaction leaves
  its scores stored in that same transaction.
* A row also names its framework hash and the scoring rules' version
  (``core.score_terms.RULES_VERSION``); a reader treats a row that does not match as
  missing, computes it, and stores it (``services.bulk_scores``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from secity_desktop.core import framework as fwmod
from secity_desktop.core.errors import NotFoundError, SecityError
from secity_desktop.core.lifecycle import effective_level
from secity_desktop.core.score_terms import RULES_VERSION, Term, terms
from secity_desktop.core.scoring import tier_for
from secity_desktop.store import scores as sql_pass
from secity_desktop.store.lists import answered_counts

if TYPE_CHECKING:
    import sqlite_utils

#: One stored result: framework hash, total, tier code, answered count, component scores.
Stored = tuple[str, float, str | None, int, dict[str, float]]

_TRIGGER_TARGETS = (
    ("responses_ins", "AFTER INSERT ON responses", ("NEW.assessment_id",)),
    ("responses_upd", "AFTER UPDATE OF level, assessment_id, indicator_code ON responses",
     ("OLD.assessment_id", "NEW.assessment_id")),
    ("responses_del", "AFTER DELETE ON responses", ("OLD.assessment_id",)),
    ("overrides_ins", "AFTER INSERT ON review_overrides", ("NEW.assessment_id",)),
    ("overrides_upd", "AFTER UPDATE ON review_overrides",
     ("OLD.assessment_id", "NEW.assessment_id")),
    ("overrides_del", "AFTER DELETE ON review_overrides", ("OLD.assessment_id",)),
    ("framework_upd", "AFTER UPDATE OF framework_hash ON assessments", ("NEW.id",)),
)


def schema_sql() -> list[str]:
    """The tables and triggers of schema step 13 (``store.migrations``)."""
    out = [
        """CREATE TABLE assessment_scores (
            assessment_id TEXT PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE,
            framework_hash TEXT NOT NULL, rules INTEGER NOT NULL,
            total REAL NOT NULL, tier TEXT, answered INTEGER NOT NULL,
            components TEXT NOT NULL) WITHOUT ROWID""",  # components: "12.5,30.0,…" (_encode)
        "CREATE TABLE score_queue (assessment_id TEXT PRIMARY KEY) WITHOUT ROWID",
        """CREATE TRIGGER scores_assessment_gone AFTER DELETE ON assessments
            BEGIN DELETE FROM score_queue WHERE assessment_id = OLD.id; END""",
    ]
    for name, when, ids in _TRIGGER_TARGETS:
        for n, i in enumerate(ids):
            # A queued id has no stored row (storing one takes it off the queue), so the body
            # runs once per assessment per transaction: a bulk load's 34 responses an
            # assessment cost one lookup each after the first. Not INSERT OR IGNORE: an outer
            # statement's OR clause would override the trigger's.
            out.append(
                f"CREATE TRIGGER scores_{name}{n or ''} {when}"
                f" WHEN NOT EXISTS (SELECT 1 FROM score_queue WHERE assessment_id = {i})"
                f" BEGIN DELETE FROM assessment_scores WHERE assessment_id = {i};"
                f" INSERT INTO score_queue VALUES ({i}); END"
            )
    return out


#: Rows below which :func:`insert_responses_queued` lets the trigger do its work row by row.
QUEUE_AHEAD_MIN = 1000


def insert_responses_queued(db: sqlite_utils.Database, sql: str, rows: Sequence[Sequence[object]]) -> None:
    """Insert many responses (``sql``: the repository's INSERT; ``rows``: assessment id first)
    inside the caller's transaction, their assessments invalidated and queued once, up front.

    Why: a row trigger costs ≈ 6 µs per row in SQLite even when its WHEN is false — 0.1 s of an
    import of 500 bundles (17,000 responses), two thirds of writing them. So for a big insert,
    inside the one transaction, this does what ``scores_responses_ins`` would do, once per
    assessment (delete its stored row, queue it), drops that trigger, inserts the rows, and
    re-creates the trigger from its own stored text — whatever happens to the insert. The
    transaction makes it invisible: no other connection can write (this one holds the write
    lock) or see the store without the trigger (readers see the last commit), and a rollback or
    a kill brings the trigger back with everything else. The result is the one the trigger gives:
    every assessment a row was inserted for has no stored row and is queued; ``settle`` scores it
    before the commit.
    """
    conn = db.conn
    if not conn.in_transaction:
        raise RuntimeError("insert_responses_queued runs inside the caller's transaction")
    trigger = None
    if len(rows) >= QUEUE_AHEAD_MIN:
        trigger = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'scores_responses_ins'"
        ).fetchone()
    if trigger is None:
        conn.executemany(sql, rows)
        return
    ids = [(i,) for i in dict.fromkeys(r[0] for r in rows)]
    conn.executemany("DELETE FROM assessment_scores WHERE assessment_id = ?", ids)
    conn.executemany("INSERT OR IGNORE INTO score_queue VALUES (?)", ids)
    conn.execute("DROP TRIGGER scores_responses_ins")
    try:
        conn.executemany(sql, rows)
    finally:
        conn.execute(trigger[0])


_FRAMEWORKS: dict[str, fwmod.Framework] = {}
_TERMS: dict[str, dict[str, Term]] = {}


def _framework(db: sqlite_utils.Database, fw_hash: str) -> fwmod.Framework:
    """A framework by hash (its content never changes under a hash, so one parse serves all)."""
    if fw_hash not in _FRAMEWORKS:
        row = db.execute("SELECT content FROM frameworks WHERE hash = ?", [fw_hash]).fetchone()
        if row is None:  # a foreign key forbids it
            raise NotFoundError(f"framework {fw_hash[:12]}… is not in this workspace",
                                code="framework.unknown")
        _FRAMEWORKS[fw_hash] = fwmod.from_stored(row[0], fw_hash, f"framework {fw_hash[:12]}")
        _TERMS[fw_hash] = terms(_FRAMEWORKS[fw_hash])
    return _FRAMEWORKS[fw_hash]


def _terms(db: sqlite_utils.Database, fw_hash: str) -> dict[str, Term]:
    _framework(db, fw_hash)
    return _TERMS[fw_hash]


def compute(
    db: sqlite_utils.Database, picks: Sequence[tuple[str, str]]
) -> dict[str, dict[str, float]]:
    """{id: {component: score}} for (assessment id, framework hash) picks, in one SQL pass.

    The SQL sums the assessor's levels; a standing override then replaces one of them by the
    one rule every score uses (``core.lifecycle.effective_level``)."""
    out = {aid: dict.fromkeys((c.code for c in _framework(db, h).components), 0.0)
           for aid, h in picks}
    if not picks:
        return out
    hashes = sorted({h for _, h in picks})
    comps: list[str] = []
    for h in hashes:
        comps.extend(c.code for c in _framework(db, h).components if c.code not in comps)
    index = {c: n for n, c in enumerate(comps)}
    sql_pass.prepare(db)
    for h in hashes:
        sql_pass.load_terms(
            db, h, [(code, index[t.component], t.coef, t.low) for code, t in _terms(db, h).items()]
        )
    sums, overrides = sql_pass.score_pass(db, list(picks), len(comps))
    for row in sums:
        per = out[str(row[0])]
        for c, v in zip(comps, row[1:], strict=True):
            if c in per:
                per[c] += float(v)  # type: ignore[arg-type]
    fw_of = dict(picks)
    for aid, code, level, assessor in overrides:
        t = _terms(db, fw_of[aid]).get(code)
        if t is not None:
            effective = effective_level(assessor, level)
            summed = assessor if assessor is not None else t.low
            if effective is not None:
                out[aid][t.component] += t.coef * (effective - summed)
    return out


def store(
    db: sqlite_utils.Database, picks: Sequence[tuple[str, str]],
    comps: dict[str, dict[str, float]],
) -> None:
    """Store computed results (with tier and answered count) and take them off the queue."""
    ids = [aid for aid, _ in picks]
    answered = answered_counts(db, ids) if ids else {}
    rows = []
    for aid, h in picks:
        per = comps[aid]
        total = sum(per.values())
        tier = tier_for(_framework(db, h), total)
        rows.append((aid, h, RULES_VERSION, total, tier.code if tier else None,
                     answered.get(aid, 0), _encode(_framework(db, h), per)))
    db.conn.executemany("INSERT OR REPLACE INTO assessment_scores VALUES (?, ?, ?, ?, ?, ?, ?)",
                        rows)
    db.conn.executemany("DELETE FROM score_queue WHERE assessment_id = ?", [(i,) for i in ids])


def _readable(db: sqlite_utils.Database, fw_hash: str) -> bool:
    try:
        _framework(db, fw_hash)
    except SecityError:
        return False
    return True


def _encode(fw: fwmod.Framework, per: dict[str, float]) -> str:
    """Component scores in the framework's component order, comma-separated (``repr`` of each
    float: exact when read back); four floats parse 4× faster than a JSON object."""
    return ",".join(repr(per.get(c.code, 0.0)) for c in fw.components)


_CODES: dict[str, tuple[str, ...]] = {}


def decode(db: sqlite_utils.Database, fw_hash: str, text: str) -> dict[str, float]:
    codes = _CODES.get(fw_hash)
    if codes is None:
        codes = _CODES[fw_hash] = tuple(c.code for c in _framework(db, fw_hash).components)
    return dict(zip(codes, map(float, text.split(",")), strict=True))


def _picks_of(db: sqlite_utils.Database, ids: Sequence[str]) -> list[tuple[str, str]]:
    return [(str(r[0]), str(r[1])) for r in db.execute(
        "SELECT id, framework_hash FROM assessments"
        " WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]).fetchall()]


def rescore(db: sqlite_utils.Database, ids: Sequence[str]) -> int:
    """Compute and store the given assessments' scores; ids no longer held leave the queue.

    An assessment whose framework cannot be read is left without a row (a reader that shows
    it meets the same refusal as before); it never blocks a write or an upgrade."""
    picks = [p for p in _picks_of(db, ids) if _readable(db, p[1])]
    store(db, picks, compute(db, picks))
    done = {aid for aid, _ in picks}
    rest = [(i,) for i in ids if i not in done]
    if rest:
        db.conn.executemany("DELETE FROM score_queue WHERE assessment_id = ?", rest)
    return len(picks)


def queued(db: sqlite_utils.Database, limit: int | None = None) -> list[str]:
    sql = "SELECT assessment_id FROM score_queue"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [str(r[0]) for r in db.execute(sql).fetchall()]


SETTLE_CHUNK = 5_000  # assessments per scoring pass: bounded memory for a whole-nation import


def settle(db: sqlite_utils.Database) -> int:
    """Score every queued assessment (called inside the writing transaction, before commit)."""
    done = 0
    while ids := queued(db, SETTLE_CHUNK):
        done += rescore(db, ids)
    return done


def queue_all(db: sqlite_utils.Database) -> None:
    db.execute("INSERT OR IGNORE INTO score_queue SELECT id FROM assessments")


def fill(db: sqlite_utils.Database, chunk: int = SETTLE_CHUNK) -> Iterator[int]:
    """Score every assessment without a stored row, ``chunk`` at a time (bounded memory)."""
    done = 0
    last = ""
    while True:
        ids = [str(r[0]) for r in db.execute(
            "SELECT a.id FROM assessments a WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM"
            " assessment_scores s WHERE s.assessment_id = a.id) ORDER BY a.id LIMIT ?",
            [last, chunk]).fetchall()]
        if not ids:
            return
        done += rescore(db, ids)
        last = ids[-1]
        yield done


def read(db: sqlite_utils.Database, picks: Sequence[tuple[str, str]]) -> dict[str, Stored]:
    """Stored results for (id, framework hash) picks; a row for another framework or older
    rules is left out (the caller computes and repairs it)."""
    if not picks:
        return {}
    want = dict(picks)
    out: dict[str, Stored] = {}
    for aid, h, total, tier, answered, comps in db.execute(
        "SELECT assessment_id, framework_hash, total, tier, answered, components"
        " FROM assessment_scores WHERE rules = ? AND assessment_id IN"
        " (SELECT value FROM json_each(?))", [RULES_VERSION, json.dumps(list(want))]
    ).fetchall():
        if want.get(aid) == h:
            out[aid] = (h, float(total), tier, int(answered), decode(db, h, comps))
    return out
