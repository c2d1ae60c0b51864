"""Demo data for a province workspace: something to review and rank at once.

``secity init --role province --province P --demo`` calls this so a newcomer
sees the Review and Dashboard places working: two fiscal years of received
assessments for the province's municipalities, some reviewed (approved with an
override, returned, under review) and a model town. Deterministic (seeded), and
the workspace is marked demo like the assessor demo.
"""

from __future__ import annotations

import random

from secity_desktop.core.lifecycle import Move
from secity_desktop.core.thai_calendar import fiscal_year_be, now_iso, now_utc
from secity_desktop.services.assessments import AssessmentService, DuplicateAssessment
from secity_desktop.services.model_town import ModelTownService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.status import change_status
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography


def seed_review(ws: Workspace, *, seed_value: int = 2569) -> int:
    """Returns how many assessments were added (0 when the province has none or all exist)."""
    province = ws.province_code
    if not province:
        return 0
    codes = [m.code for m in geography.municipalities(ws.db, province)]
    if not codes:
        return 0
    rng = random.Random(seed_value)
    svc, rs = AssessmentService(ws), ReviewService(ws)
    fw = ws.frameworks.current()
    year = fiscal_year_be(now_utc().date())
    ids: dict[tuple[str, int], str] = {}
    for y in (year - 1, year):
        for n, code in enumerate(codes):
            if y == year and n == len(codes) - 1 and len(codes) > 1:
                continue  # one town not assessed yet, so coverage is below 100 %
            try:
                a = svc.new(code, y)
            except DuplicateAssessment:
                continue
            best = y == year and n == 0  # the demo's model town: it must reach a tier
            for ind in fw.indicators:
                values = [lv.value for lv in ind.levels]
                level = values[-1] if best else rng.choice(values[len(values) // 3 :])
                svc.set_response(a.id, ind.code, level)
            with ws.db.atomic():  # shown as if an assessor had sent it
                change_status(ws, repo.get(ws.db, a.id), Move.DEMO_RECEIVE, at=now_iso(),
                              by="demo", reason="ข้อมูลสาธิต")
            ids[(code, y)] = a.id
    first = fw.indicators[1].code
    plan = [c for c in codes if (c, year) in ids]
    if plan:
        a0 = ids[(plan[0], year)]
        rs.start(a0)
        rs.override(a0, first, fw.indicators[1].min_value, "ตัวอย่าง: หลักฐานไม่ครอบคลุมทั้งพื้นที่ (ข้อมูลสาธิต)")
        rs.approve(a0, "ตัวอย่างการอนุมัติ (ข้อมูลสาธิต)")
        if svc.scorecard(a0).tier is not None:  # only a town that reaches a tier is a model
            ModelTownService(ws).set(year, plan[0], "ตัวอย่าง: คะแนนสูงสุดในจังหวัด (ข้อมูลสาธิต)")
    if len(plan) > 1:
        rs.start(ids[(plan[1], year)])
        rs.comment(ids[(plan[1], year)], "ตัวอย่างความเห็นผู้พิจารณา (ข้อมูลสาธิต)")
    if len(plan) > 2:
        rs.start(ids[(plan[2], year)])
        rs.return_for_revision(ids[(plan[2], year)], "ตัวอย่าง: แนบหลักฐานเพิ่มเติม (ข้อมูลสาธิต)")
    ws.set_setting("demo", "1")
    return len(ids)
