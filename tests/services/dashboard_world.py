"""A generated multi-province workspace for the dashboard's read-model tests.

180 local governments of three types in six provinces × three fiscal years, built
through the store's bulk loaders: some towns not assessed in a year, some with a
second revision (which stands), statuses mixed, levels drawn so totals tie, and one
revision set aside in a conflict (the older one kept).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

from secity_desktop.core.lifecycle import Role
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import bulk
from secity_desktop.store.assessments import Assessment

YEARS = (2567, 2568, 2569)
TOWNS = 180
STATUSES = ("approved", "under_review", "received", "returned")


def build(folder: Path, seed: int = 11) -> tuple[Workspace, dict[str, str]]:
    """The workspace and named ids: ``set_aside`` (a revision 2 set aside), ``kept``."""
    rnd = random.Random(seed)
    ws = open_workspace(folder)
    init_workspace(ws, role=Role.NATIONAL, province_code=None, user_name="t")
    fw = ws.frameworks.current()
    indicators = [i for c in fw.components for i in c.indicators]
    provinces = [str(r[0]) for r in ws.db.execute("SELECT code FROM provinces ORDER BY code")][:6]
    types = ("tambon", "mueang", "nakhon")
    munis = [
        bulk.MunicipalityRecord(f"{provinces[n % 6]}{n:04d}", f"เทศบาลทดสอบ {n:03d}",
                                f"Town {n:03d}", types[n % 3], provinces[n % 6], n < 6, "test")
        for n in range(TOWNS)
    ]
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assessments, responses = [], []
    named: dict[str, str] = {}
    k = 0
    for m in munis:
        for y in YEARS:
            if rnd.random() < 0.15:
                continue  # not assessed this year
            for rev in (1, 2) if rnd.random() < 0.2 else (1,):
                k += 1
                aid = str(uuid.UUID(int=k, version=4))
                at = (stamp + dt.timedelta(minutes=k)).isoformat()
                assessments.append(Assessment(aid, m.code, y, fw.hash, rnd.choice(STATUSES), rev,
                                              None, at, "t", at, "t"))
                for ind in rnd.sample(indicators, rnd.randint(0, 4)):
                    level = rnd.choice([lv.value for lv in ind.levels])
                    responses.append(bulk.ResponseRecord(aid, ind.code, level, "", at, "t"))
                if rev == 2 and "set_aside" not in named:
                    named["set_aside"], named["kept"] = aid, assessments[-2].id
    with ws.db.atomic():
        bulk.replace_municipalities(ws.db, munis)
        bulk.add_assessments(ws.db, assessments)
        bulk.add_responses(ws.db, responses)
        ws.db.execute(
            "INSERT INTO revision_conflicts (assessment_id, other_id, kind, flagged_at, kept_id,"
            " resolved_at) VALUES (?, ?, 'fork', ?, ?, ?)",
            [named["set_aside"], named["kept"], stamp.isoformat(), named["kept"],
             stamp.isoformat()])
    return ws, named
