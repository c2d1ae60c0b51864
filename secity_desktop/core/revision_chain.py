"""Replays: an older revision arriving after a newer one of the same assessment is stale.

Every new revision names the one it ``supersedes``. If the office already holds a
revision whose chain of ``supersedes`` links reaches the incoming revision's id,
the incoming one is older than what the office has — a replay (the same old
bundle imported again, or a copy that travelled slowly). It must be recorded as
*stale*, never put in the review queue or sent upward (issue 14; the import plan
applies this rule). The signature cannot tell: the old revision was validly signed.
"""

from __future__ import annotations

from collections.abc import Mapping


def superseded_by(incoming_id: str, held: Mapping[str, str | None]) -> str | None:
    """The newest held revision that (transitively) supersedes ``incoming_id``, or None.

    ``held`` maps each held revision id to the id it supersedes (None for a first
    revision). Following successors stops at a fork (two revisions superseding the
    same one: a conflict, decided elsewhere) by taking the first in id order, and
    never loops, whatever a hostile chain holds.
    """
    successors: dict[str, list[str]] = {}
    for rid, sup in held.items():
        if sup is not None:
            successors.setdefault(sup, []).append(rid)
    newest: str | None = None
    seen = {incoming_id}
    cur = incoming_id
    while cur in successors:
        nxt = sorted(successors[cur])[0]
        if nxt in seen:
            break
        seen.add(nxt)
        newest = cur = nxt
    return newest
