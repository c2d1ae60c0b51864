"""Audit anchoring (issue 14): each attack on an assessor's audit log, built with real keys.

The assessor sends bundles to the province; each bundle carries the signed head of the
assessor's chain. The attacks drop the append-only trigger, edit or delete events, re-hash
what follows, and put the trigger back — then ``secity audit verify`` at the assessor and
the next import at the province must say so, naming the sender and the sequence.
"""

from __future__ import annotations

import json

import pytest

from secity_desktop.cli.main import main
from secity_desktop.services.audit_trail import AuditTrailService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.store import audit
from secity_desktop.store.audit import _FIELDS, GENESIS, _digest
from tests.bundle import flow
from tests.bundle.office_flow import Offices


def _untriggered(db, sql: str, args: list | None = None) -> None:  # type: ignore[no-untyped-def]
    """The attacker's move: drop the append-only triggers, change rows, put the triggers back."""
    saved = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                       " AND tbl_name = 'audit'").fetchall()
    with db.conn:
        for name, _ in saved:
            db.execute(f"DROP TRIGGER {name}")
        db.execute(sql, args or [])
        for _, create in saved:
            db.execute(create)


def _rehash_from(db, seq: int) -> None:  # type: ignore[no-untyped-def]
    """Recompute every hash from ``seq`` on, so ``verify_chain`` passes again."""
    prev = db.execute("SELECT hash FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT 1",
                      [seq]).fetchone()
    prev_hash = prev[0] if prev else GENESIS
    rows = db.execute(f"SELECT seq, {', '.join(_FIELDS)} FROM audit WHERE seq >= ? ORDER BY seq",
                      [seq]).fetchall()
    updates = []
    for r in rows:
        h = _digest(prev_hash, dict(zip(_FIELDS, r[1:], strict=True)))
        updates.append((prev_hash, h, r[0]))
        prev_hash = h
    saved = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                       " AND tbl_name = 'audit'").fetchall()
    with db.conn:
        for name, _ in saved:
            db.execute(f"DROP TRIGGER {name}")
        db.conn.executemany("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", updates)
        for _, create in saved:
            db.execute(create)


def _send(o: Offices, aid: str, name: str):  # type: ignore[no-untyped-def]
    path = flow.export(o.a, [aid], o.root / name)
    return ImportService(o.p).import_files([path])


def _verify_cli(o: Offices, capsys: pytest.CaptureFixture[str], ws=None) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    rc = main(["--data-dir", str((ws or o.a).data_dir), "--lang", "en", "audit", "verify"])
    out = capsys.readouterr()
    return rc, out.out + out.err


def _finalized(o: Offices, muni: str = "5001") -> str:
    aid = flow.complete(o.a, muni=muni, evidence_every=0)
    flow.finalize(o.a, aid)
    return aid


def test_intact_chain_verifies_and_heads_travel(o: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    aid = _finalized(o)
    result = _send(o, aid, "one.secbundle")
    assert [n.verdict for n in result.plan.anchors] == ["first"]
    seen = audit.heads_seen(o.p.db, o.key(o.a) and result.plan.bundles[0].signer.fingerprint)
    head = result.plan.bundles[0].manifest.audit_head
    assert seen == [audit.AuditHead(head.seq, head.hash, head.at)]
    sent = audit.heads_sent(o.a.db)
    assert [h.seq for h in sent] == [head.seq]
    rc, text = _verify_cli(o, capsys)
    assert rc == 0 and "OK" in text and "heads sent in bundles: 1, all still on the chain" in text
    # a later bundle extends the chain: nothing alarming
    again = _send(o, aid, "two.secbundle")
    assert [n.verdict for n in again.plan.anchors] == ["extends"]


def test_edit_behind_a_dropped_trigger_fails_verify(o: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's own attack, at the province: the review.approve row, edited."""
    aid = _finalized(o)
    assert _send(o, aid, "one.secbundle").ok
    o.approve(aid)
    rc, _text = _verify_cli(o, capsys, o.p)
    assert rc == 0
    seq = o.p.db.execute("SELECT seq FROM audit WHERE action = 'review.approve'").fetchone()
    assert seq is not None
    _untriggered(o.p.db, "UPDATE audit SET reason = 'อนุมัติโดยผู้อื่น' WHERE seq = ?", [seq[0]])
    assert not audit.missing_triggers(o.p.db)  # the triggers are back: nothing shows that way
    rc, text = _verify_cli(o, capsys, o.p)
    assert rc != 0
    assert f"BROKEN at event {seq[0]} (hash)" in text
    assert "audit trail is broken" in text


def test_dropped_trigger_left_off_fails_verify(o: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    o.a.db.execute("DROP TRIGGER audit_no_delete")
    rc, text = _verify_cli(o, capsys)
    assert rc != 0 and "MISSING audit_no_delete" in text


def test_rewrite_and_rehash_is_caught_by_the_head_sent_and_at_the_office(
    o: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    aid = _finalized(o)
    first = _send(o, aid, "one.secbundle")
    announced = first.plan.bundles[0].manifest.audit_head.seq
    # edit an event the office was told about, re-hash the rest: verify_chain passes again
    _untriggered(o.a.db, "UPDATE audit SET actor = 'คนอื่น' WHERE seq = ?", [announced - 1])
    _rehash_from(o.a.db, announced - 1)
    assert audit.verify_chain(o.a.db) is None
    # but the head the assessor sent is no longer on its own chain
    report = AuditTrailService(o.a).verify()
    assert not report.ok and report.lost == ((announced, "differs"),)
    rc, text = _verify_cli(o, capsys)
    assert rc != 0 and f"event {announced} (differs)" in text
    # and the office sees it at the next bundle whose head lands on a sequence it saw: the
    # attacker drops the events from the announced one on and winds the sequence back, so
    # the next export's head event takes that very sequence number, with another hash
    _untriggered(o.a.db, "DELETE FROM audit WHERE seq >= ?", [announced])
    o.a.db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", [announced - 1])
    again = _send(o, aid, "two.secbundle")
    notes = [n for n in again.plan.anchors if n.alarming]
    assert [(n.verdict, n.seq) for n in notes] == [("rewritten", announced)]
    assert "สมชาย" in notes[0].message and str(announced) in notes[0].message
    alarm = [e for e in audit.events(o.p.db) if e.action == "audit.anchor_alarm"]
    assert alarm and alarm[-1].new["verdict"] == "rewritten" and alarm[-1].new["seq"] == announced


def test_deleting_the_last_events_is_caught_at_the_next_import(
    o: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    aid = _finalized(o)
    other = flow.complete(o.a, muni="5002", evidence_every=0)
    first = _send(o, aid, "one.secbundle")
    seen = first.plan.bundles[0].manifest.audit_head.seq
    # delete the last three events (the export's record among them) and carry on working
    _untriggered(o.a.db, "DELETE FROM audit WHERE seq > ?", [seen - 3])
    assert audit.verify_chain(o.a.db) is None  # deleting the tail leaves a valid chain
    rc, text = _verify_cli(o, capsys)
    assert rc != 0 and f"event {seen} (missing)" in text
    # a careful attacker also winds the sequence back, so no gap shows where work resumes
    o.a.db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", [seen - 3])
    flow.finalize(o.a, other)  # new events, later than the head the office saw
    assert audit.head(o.a.db).seq < seen and audit.check_chain(o.a.db).ok
    again = _send(o, other, "two.secbundle")
    notes = [n for n in again.plan.anchors if n.alarming]
    assert [(n.verdict, n.against) for n in notes] == [("truncated", seen)]
    assert again.ok  # the bundle's signatures hold: it is imported, and the alarm is on record
    as_json = json.dumps(again.as_json(), ensure_ascii=False)
    assert '"verdict": "truncated"' in as_json


def test_cli_import_prints_the_alarm(o: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    """Delete, then export at once (no new work): the export's own fresh head event still
    makes it show as truncated, not as an old bundle arriving late."""
    aid = _finalized(o)
    other = _finalized(o, "5002")
    _send(o, aid, "one.secbundle")
    seen = audit.head(o.a.db).seq
    _untriggered(o.a.db, "DELETE FROM audit WHERE seq > ?", [seen - 4])
    o.a.db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", [seen - 4])
    path = flow.export(o.a, [other], o.root / "two.secbundle")
    rc = main(["--data-dir", str(o.p.data_dir), "--lang", "en", "bundle", "import", "--dry-run",
               str(path)])
    err = capsys.readouterr().err
    assert rc == 0
    assert "WARNING" in err and "[anchor.truncated]" in err and "went back" in err
