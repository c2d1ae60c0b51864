"""``audit.append_many`` writes exactly the rows of ``append`` called once per event (impcpu)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from secity_desktop.core.lifecycle import Role
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import audit

EVENTS: list[dict[str, Any]] = [
    {"actor": "a", "action": "x", "target": "t1", "at": "2026-11-27T10:00:00+07:00"},
    {"actor": "a", "action": "assessment.receive", "assessment_id": "id-1", "new": {"ก": 1, "b": None},
     "at": "2026-11-27T10:00:00+07:00"},
    {"actor": "b", "action": "bundle.reject", "reason": "bad_signature: x", "old": [1, 2],
     "at": "2026-11-27T10:00:01+07:00"},
    {"actor": "b", "action": "y", "at": "2026-11-27T10:00:02+07:00"},
]


def _ws(root: Path) -> Workspace:
    ws = open_workspace(root)
    init_workspace(ws, role=Role.PROVINCE, province_code="50", user_name="t")
    return ws


def _rows(ws: Workspace) -> list[tuple[Any, ...]]:
    return list(ws.db.execute(
        "SELECT seq, at, actor, action, assessment_id, target, old, new, reason, prev_hash, hash"
        " FROM audit ORDER BY seq"))


def test_append_many_writes_the_rows_of_append_one_by_one(tmp_path: Path) -> None:
    ws = _ws(tmp_path / "ws")
    with ws.db.atomic():  # a chain that does not start at the genesis
        audit.append(ws.db, actor="t", action="start", at="2026-11-27T09:00:00+07:00")
    conn = ws.db.conn
    conn.execute("BEGIN")
    for event in EVENTS:
        audit.append(ws.db, **event)
    one = _rows(ws)
    conn.execute("ROLLBACK")  # the same store, the same head: now all at once
    conn.execute("BEGIN")
    audit.append_many(ws.db, EVENTS[:1])
    audit.append_many(ws.db, [])
    audit.append_many(ws.db, EVENTS[1:])
    many = _rows(ws)
    conn.execute("COMMIT")
    for a, b in zip(one, many, strict=True):
        assert a == b, (a, b)
    assert len(many) > len(EVENTS)
    assert audit.verify_chain(ws.db) is None
    ws.close()
