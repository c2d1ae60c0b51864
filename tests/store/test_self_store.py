"""Schema step 9: one standing self-assessment per municipality and year, sources that say who."""

from __future__ import annotations

import sqlite3

import pytest

from secity_desktop.services.workspace import Workspace
from secity_desktop.store import self_assessments as store


def _row(ws: Workspace, **extra: object) -> dict[str, object]:
    return {"municipality_code": "5001", "year": 2569,
            "framework_hash": ws.frameworks.current().hash, "recorded_at": "2026-11-27T00:00:00Z",
            "recorded_by": "t"} | extra


def test_a_newer_one_sets_the_older_aside_and_both_are_kept(ws: Workspace) -> None:
    with ws.db.atomic():
        first = store.insert(ws.db, _row(ws, source="spreadsheet", entered_by="ก", file_name="a"),
                             [store.ClaimedResponse("1.1", 2, "x")])
        second = store.insert(ws.db, _row(ws, source="spreadsheet", entered_by="ข", file_name="b"),
                              [store.ClaimedResponse("1.1", 3, "")])
    assert store.current(ws.db, "5001", 2569).id == second
    rows = store.records(ws.db, include_old=True)
    assert [(r.id, r.current) for r in rows] == [(second, True), (first, False)]
    assert store.responses(ws.db, first)["1.1"].level == 2
    assert store.levels_of(ws.db, [second, first]) == {second: {"1.1": 3}, first: {"1.1": 2}}


def test_the_schema_refuses_sources_that_do_not_say_who(ws: Workspace) -> None:
    with pytest.raises(sqlite3.IntegrityError):  # a spreadsheet names who entered it
        ws.db.execute("INSERT INTO self_assessments (municipality_code, year, framework_hash,"
                      " source, recorded_at, recorded_by) VALUES ('5001', 2569, ?, 'spreadsheet',"
                      " 'x', 'y')", [ws.frameworks.current().hash])
    with pytest.raises(sqlite3.IntegrityError):  # a signed one carries its signature
        ws.db.execute("INSERT INTO self_assessments (municipality_code, year, framework_hash,"
                      " source, recorded_at, recorded_by, signer_fingerprint) VALUES"
                      " ('5001', 2569, ?, 'signed', 'x', 'y', 'SHA256:x')",
                      [ws.frameworks.current().hash])
    with pytest.raises(sqlite3.IntegrityError):  # two standing for one municipality and year
        for _ in range(2):
            ws.db.execute("INSERT INTO self_assessments (municipality_code, year, framework_hash,"
                          " source, recorded_at, recorded_by, entered_by, current) VALUES"
                          " ('5001', 2569, ?, 'spreadsheet', 'x', 'y', 'z', 1)",
                          [ws.frameworks.current().hash])
