"""A demo workspace a newcomer can click through at once.

Deterministic (seeded) so screenshots and docs stay stable; marked in the
workspace settings so nobody mistakes demo scores for real ones.
"""

from __future__ import annotations

import random

from secity_desktop.core.thai_calendar import fiscal_year_be, now_utc
from secity_desktop.services.assessments import AssessmentService, DuplicateAssessment
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import geography

DEMO_MUNICIPALITIES = ("5001", "1201", "4001", "9001", "3001", "8301")


def seed(ws: Workspace, *, seed_value: int = 2569) -> int:
    """Add a few assessments at different stages; returns how many were added."""
    rng = random.Random(seed_value)
    svc = AssessmentService(ws)
    fw = ws.frameworks.current()
    year = fiscal_year_be(now_utc().date())
    known = {m.code for m in geography.municipalities(ws.db)}
    added = 0
    towns = (ws.municipality_code,) if ws.municipality_code else DEMO_MUNICIPALITIES  # its own
    for n, code in enumerate(c for c in towns if c in known):
        try:
            a = svc.new(code, year)
        except DuplicateAssessment:
            continue
        added += 1
        share = (1.0, 0.8, 0.5, 0.25, 1.0, 0.1)[n % 6]
        for ind in fw.indicators:
            if rng.random() <= share:
                level = rng.choice([lv.value for lv in ind.levels][1:])
                svc.set_response(a.id, ind.code, level, "ตัวอย่างข้อมูลสาธิต")
    ws.set_setting("demo", "1")
    return added
