"""Schema 5: review rows keep their rules even when written without the service."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import review as rrepo
from secity_desktop.store.migrations import MIGRATIONS
from tests.services.review_helpers import province_ws, received


def test_migrations_sorted_and_review_step_is_5() -> None:
    numbers = [n for n, _ in MIGRATIONS]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert 5 in numbers


def _override(aid: str, oid: str, level: int | None, reason: str = "why") -> rrepo.Override:
    return rrepo.Override(oid, aid, 1, "1.1", 1, level, reason, "r", now_iso(), True)


def test_one_current_override_per_indicator_and_reason_required(tmp_path: Path) -> None:
    ws: Workspace = province_ws(tmp_path)
    aid = received(ws, "5001", 2569, {"1.1": 1})
    with ws.db.atomic():
        rrepo.add_override(ws.db, _override(aid, "o1", 2))
        rrepo.add_override(ws.db, _override(aid, "o2", 0))
    assert [(o.id, o.current) for o in rrepo.overrides(ws.db, aid)] == [("o1", False), ("o2", True)]
    assert rrepo.effective_levels(ws.db, aid) == {"1.1": 0}
    with pytest.raises(sqlite3.IntegrityError):
        ws.db["review_overrides"].insert({**_override(aid, "o3", 1).as_json(), "current": 1})
    with pytest.raises(sqlite3.IntegrityError):
        rrepo.add_override(ws.db, _override(aid, "o4", 1, reason="   "))
    assert rrepo.override_levels(ws.db, aid) == {"1.1": 0}  # the refused one retired nothing
    with pytest.raises(sqlite3.IntegrityError):
        rrepo.add_comment(ws.db, rrepo.Comment("c1", aid, 1, None, " ", "r", now_iso()))
    ws.close()
