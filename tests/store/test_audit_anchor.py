"""Anchoring the audit chain: heads, the full check against known heads, and heads seen from others.

The attacks are the ones verify_chain alone cannot see: deleting the last events, and editing an
event then re-hashing everything after it. They are made on a real workspace store with its
append-only triggers dropped, as someone with the database file would.
"""

from __future__ import annotations

import sqlite3

import pytest

from secity_desktop.core.audit_anchor import EMPTY_HEAD, AuditHead, compare_head
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit


def _events(ws: Workspace, n: int, start: int = 0) -> None:
    with ws.db.atomic():
        for k in range(start, start + n):
            audit.append(ws.db, actor="a", action="x", target=str(k), at=f"2026-11-27T10:{k:02}:00+07:00")


def _untrigger(ws: Workspace) -> None:
    ws.db.execute("DROP TRIGGER audit_no_update")
    ws.db.execute("DROP TRIGGER audit_no_delete")


def _rehash_from(ws: Workspace, seq: int) -> None:
    """Recompute prev_hash/hash from ``seq`` on, as a careful forger would."""
    prev = ws.db.execute("SELECT hash FROM audit WHERE seq = ?", [seq - 1]).fetchone()
    prev_hash = prev[0] if prev else audit.GENESIS
    rows = ws.db.execute(
        "SELECT seq, at, actor, action, assessment_id, target, old, new, reason FROM audit"
        " WHERE seq >= ? ORDER BY seq", [seq]
    ).fetchall()
    for r in rows:
        row = dict(zip(audit._FIELDS, r[1:], strict=True))
        digest = audit._digest(prev_hash, row)
        ws.db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", [prev_hash, digest, r[0]])
        prev_hash = digest


# --- head and the full check -----------------------------------------------------------------


def test_head_of_an_empty_and_a_growing_chain(ws: Workspace) -> None:
    start = audit.head(ws.db)
    _events(ws, 3, start=0)
    h = audit.head(ws.db)
    assert h.seq == start.seq + 3 and len(h.hash) == 64 and h.at == "2026-11-27T10:02:00+07:00"
    assert h.hash == ws.db.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0]
    report = audit.check_chain(ws.db, [h, start])
    assert report.ok and report.head == h and report.events == h.seq
    assert EMPTY_HEAD.empty and EMPTY_HEAD.seq == 0


def test_deleting_the_last_three_events_passes_verify_chain_but_not_the_anchor(ws: Workspace) -> None:
    _events(ws, 8)
    given = audit.head(ws.db)  # what a bundle told an office
    _untrigger(ws)
    ws.db.execute("DELETE FROM audit WHERE seq > ?", [given.seq - 3])
    assert audit.verify_chain(ws.db) is None  # the old check cannot see it
    report = audit.check_chain(ws.db, [given])
    assert report.first_bad is None and not report.ok
    assert report.anchors == ((given, "missing"),)


def test_an_edit_rehashed_onwards_passes_verify_chain_but_not_the_anchor(ws: Workspace) -> None:
    _events(ws, 6)
    given = audit.head(ws.db)
    _untrigger(ws)
    victim = given.seq - 3
    ws.db.execute("UPDATE audit SET target = 'forged' WHERE seq = ?", [victim])
    _rehash_from(ws, victim)
    assert audit.verify_chain(ws.db) is None
    report = audit.check_chain(ws.db, [given])
    assert report.first_bad is None
    assert report.anchors == ((given, "differs"),)


def test_full_check_names_the_first_broken_event_and_how(ws: Workspace) -> None:
    _events(ws, 6)
    first = ws.db.execute("SELECT MIN(seq) FROM audit").fetchone()[0]
    _untrigger(ws)
    ws.db.execute("UPDATE audit SET target = 'forged' WHERE seq = ?", [first + 2])
    r = audit.check_chain(ws.db)
    assert (r.first_bad, r.problem) == (first + 2, "hash")


def test_full_check_sees_a_removed_middle_event(ws: Workspace) -> None:
    _events(ws, 6)
    first = ws.db.execute("SELECT MIN(seq) FROM audit").fetchone()[0]
    _untrigger(ws)
    ws.db.execute("DELETE FROM audit WHERE seq = ?", [first + 2])
    r = audit.check_chain(ws.db)
    assert (r.first_bad, r.problem) == (first + 3, "gap")
    _rehash_from(ws, first + 3)  # even re-hashed, the sequence numbers give it away
    r = audit.check_chain(ws.db)
    assert (r.first_bad, r.problem) == (first + 3, "gap")


def test_full_check_sees_a_broken_link(ws: Workspace) -> None:
    _events(ws, 4)
    first = ws.db.execute("SELECT MIN(seq) FROM audit").fetchone()[0]
    _untrigger(ws)
    ws.db.execute("UPDATE audit SET prev_hash = ? WHERE seq = ?", ["f" * 64, first + 1])
    assert audit.check_chain(ws.db).problem == "link"


# --- heads from other senders (pure rules, then the store) -----------------------------------

H = AuditHead


@pytest.mark.parametrize(
    ("new", "seen", "verdict"),
    [
        (H(5, "e", "t5"), [], "first"),
        (H(5, "e", "t5"), [H(5, "e", "t5")], "same"),
        (H(7, "g", "t7"), [H(3, "c", "t3"), H(5, "e", "t5")], "extends"),
        (H(3, "c", "t3"), [H(5, "e", "t5")], "earlier"),
        (H(4, "x", "t9"), [H(5, "e", "t5")], "truncated"),
        (H(5, "x", "t5"), [H(5, "e", "t5")], "rewritten"),
        (H(3, "x", "t3"), [H(3, "c", "t3"), H(5, "e", "t5")], "rewritten"),
    ],
)
def test_compare_head(new: AuditHead, seen: list[AuditHead], verdict: str) -> None:
    result = compare_head(new, seen)
    assert result.verdict == verdict
    assert result.alarming == (verdict in {"rewritten", "truncated"})


def _sender(tmp_path, name: str) -> Workspace:  # type: ignore[no-untyped-def]
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.workspace import init_workspace, open_workspace

    w = open_workspace(tmp_path / name)
    init_workspace(w, role=Role.ASSESSOR, province_code=None, user_name=name)
    return w


def test_an_office_notices_a_truncated_sender(ws: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sender = _sender(tmp_path, "sender")
    fp = "SHA256:" + "A" * 43
    _events(sender, 8, start=10)
    with ws.db.atomic():
        assert audit.record_head(ws.db, fp, audit.head(sender.db), "b1" * 32).verdict == "first"
    _untrigger(sender)
    sender.db.execute("DELETE FROM audit WHERE seq > (SELECT MAX(seq) - 3 FROM audit)")
    sender.db.execute("UPDATE sqlite_sequence SET seq = (SELECT MAX(seq) FROM audit) WHERE name = 'audit'")
    _events(sender, 1, start=40)  # carries on, then sends the next bundle
    assert audit.verify_chain(sender.db) is None
    with ws.db.atomic():
        v = audit.record_head(ws.db, fp, audit.head(sender.db), "b2" * 32)
    assert v.verdict == "truncated" and v.against is not None
    rows = ws.db.execute("SELECT verdict, bundle_sha256 FROM audit_heads ORDER BY id").fetchall()
    assert rows == [("first", "b1" * 32), ("truncated", "b2" * 32)]
    sender.close()


def test_an_office_notices_a_rewritten_sender(ws: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sender = _sender(tmp_path, "sender")
    fp = "SHA256:" + "B" * 43
    _events(sender, 5)
    seen = audit.head(sender.db)
    with ws.db.atomic():
        audit.record_head(ws.db, fp, seen, "c1" * 32)
        assert audit.record_head(ws.db, fp, seen, "c1" * 32).verdict == "same"
    assert len(audit.heads_seen(ws.db, fp)) == 1
    _untrigger(sender)
    sender.db.execute("UPDATE audit SET reason = 'forged' WHERE seq = ?", [seen.seq - 2])
    _rehash_from(sender, seen.seq - 2)
    with ws.db.atomic():
        v = audit.record_head(ws.db, fp, audit.head(sender.db), "c2" * 32)
    assert v.verdict == "rewritten" and v.against == seen
    # and the sender's own chain, checked against the heads the office kept, shows it
    report = audit.check_chain(sender.db, audit.heads_seen(ws.db, fp))
    assert dict(report.anchors)[seen] == "differs"
    sender.close()


def test_an_older_bundle_arriving_late_is_not_alarming(ws: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sender = _sender(tmp_path, "sender")
    fp = "SHA256:" + "C" * 43
    _events(sender, 2)
    older = audit.head(sender.db)
    _events(sender, 3, start=2)
    newer = audit.head(sender.db)
    with ws.db.atomic():
        assert audit.record_head(ws.db, fp, newer, "d2" * 32).verdict == "first"
        assert audit.record_head(ws.db, fp, older, "d1" * 32).verdict == "earlier"
    sender.close()


def test_heads_are_kept_per_sender_and_direction_and_append_only(ws: Workspace) -> None:
    with ws.db.atomic():
        audit.record_head(ws.db, "SHA256:x", H(3, "c" * 64, "t"), "e" * 64)
        audit.record_head(ws.db, "SHA256:x", H(9, "d" * 64, "t"), "f" * 64, direction="sent")
    assert audit.heads_seen(ws.db, "SHA256:y") == []
    assert [h.seq for h in audit.heads_seen(ws.db, "SHA256:x")] == [3]
    assert [h.seq for h in audit.heads_seen(ws.db, "SHA256:x", "sent")] == [9]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ws.db.execute("DELETE FROM audit_heads")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ws.db.execute("UPDATE audit_heads SET verdict = 'same'")
