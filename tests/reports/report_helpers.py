"""Workspaces with scored, evidenced assessments for the report and certificate tests.

A plain module imported by name (like thai_helpers) so tests in other folders
can reuse it by adding this folder to sys.path.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from PIL import Image

from secity_desktop.core.lifecycle import Status
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import geography

ISSUED = dt.date(2026, 11, 26)
YEAR = 2569


def fill(ws: Workspace, code: str, *, top: bool, seed: int = 1, year: int = YEAR) -> str:
    """An assessment where every indicator is answered: at the top level, or at random."""
    rng = random.Random(seed)
    svc = AssessmentService(ws)
    a = svc.new(code, year)
    for ind in ws.frameworks.current().indicators:
        values = [lv.value for lv in ind.levels]
        level = values[-1] if top else rng.choice(values)
        note = "ดำเนินการต่อเนื่องทุกปี มีรายงานผลประจำไตรมาส" if rng.random() < 0.3 else None
        svc.set_response(a.id, ind.code, level, note)
    return a.id


def add_images(ws: Workspace, assessment_id: str, folder: Path, count: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    svc = AssessmentService(ws)
    indicators = ws.frameworks.current().indicators
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        path = folder / f"photo-{n:03d}.jpg"
        color = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        Image.new("RGB", (1200, 900), color).save(path, quality=85)
        svc.attach(assessment_id, indicators[n % len(indicators)].code, path)


def add_document(ws: Workspace, assessment_id: str, folder: Path, name: str = "แผนพัฒนาเมือง.pdf") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    AssessmentService(ws).attach(assessment_id, "1.1", path)


def approve(ws: Workspace, assessment_id: str) -> None:
    """Stand-in for the review workflow's approval, straight in the store."""
    repo.set_status(ws.db, assessment_id, Status.APPROVED.value, "2026-11-20T00:00:00+00:00", "test")


def chiang_mai(ws: Workspace, tmp: Path, images: int = 3) -> dict[str, str]:
    """Province 50: 5001 top marks, approved, with photos and a document; others scored at random."""
    codes = [m.code for m in geography.municipalities(ws.db, "50")]
    ids = {}
    for n, code in enumerate(codes[:-1]):
        ids[code] = fill(ws, code, top=(n == 0), seed=n)
    first = ids[codes[0]]
    add_images(ws, first, tmp / "evidence", images)
    add_document(ws, first, tmp / "evidence")
    approve(ws, first)
    return ids
