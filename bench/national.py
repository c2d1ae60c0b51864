"""A national-scale workspace: ``python bench/national.py build DIR [--lgs 7850] [--years 10]``.

What a national office holds after years of upward imports: every local government
(7,850 by default, spread over the 76 provinces with one seat town each), one
assessment per government and fiscal year (10 years, 2560–2569 BE), all 34
indicators answered, most approved with their review decisions, and a model town
per province and year. Built through the store's own bulk loaders
(``store/bulk.py``) in one transaction, so it takes seconds, not the days the
real imports span. The bench module ``bench_national.py`` measures the app on it.

Until the register knows every kind of local government (issue 15), the
อบจ./อบต. share of the 7,850 is stored as เทศบาลตำบล so the schema accepts it;
the row count, not the kind, is what loads the lists and exports.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FIRST_YEAR = 2560
NOW = "2026-11-27T00:00:00+00:00"


def build(data_dir: Path, lgs: int = 7850, years: int = 10, seed: int = 2569) -> dict[str, float]:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.workspace import init_workspace, open_workspace
    from secity_desktop.store import bulk
    from secity_desktop.store.assessments import Assessment

    started = time.perf_counter()
    ws = open_workspace(data_dir)
    init_workspace(ws, role=Role.NATIONAL, province_code=None, user_name="bench")
    fw = ws.frameworks.current()
    rng = random.Random(seed)
    provinces = [str(r[0]) for r in ws.db.execute("SELECT code FROM provinces ORDER BY code")]
    levels = {i.code: [lv.value for lv in i.levels] for i in fw.indicators}
    munis: list[bulk.MunicipalityRecord] = []
    by_province: dict[str, list[str]] = {p: [] for p in provinces}
    for n in range(lgs):
        province = provinces[n % len(provinces)]
        running = len(by_province[province]) + 1
        code = f"{province}{running:04d}"
        seat = running == 1
        kind = "nakhon" if seat and n % 3 == 0 else "mueang" if seat or n % 40 == 0 else "tambon"
        munis.append(bulk.MunicipalityRecord(
            code, f"เทศบาลทดสอบ {province}-{running}", f"Bench LG {province}-{running}", kind,
            province, seat, "bench/national.py (generated)",
        ))
        by_province[province].append(code)
    statuses = ("approved",) * 6 + ("received", "under_review", "returned", "approved")
    with ws.db.atomic():
        bulk.replace_municipalities(ws.db, munis)
        assessments: list[Assessment] = []
        responses: list[bulk.ResponseRecord] = []
        decisions: list[bulk.DecisionRecord] = []
        approved: dict[tuple[str, int], list[str]] = {}
        for m in munis:
            base = rng.random()  # each town has its own level of achievement, drifting up
            for y in range(years):
                aid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                status = statuses[rng.randrange(len(statuses))]
                year = FIRST_YEAR + y
                assessments.append(Assessment(aid, m.code, year, fw.hash, status, 1, None, NOW,
                                              "bench", NOW, "bench"))
                skill = min(1.0, base + y * 0.03)
                for code, values in levels.items():
                    pick = min(len(values) - 1, int(skill * len(values) + rng.random() - 0.5))
                    responses.append(bulk.ResponseRecord(aid, code, values[max(0, pick)], "",
                                                         NOW, "bench"))
                if status in ("approved", "under_review", "returned"):
                    decisions.append(bulk.DecisionRecord(str(uuid.uuid4()), aid, 1, "start",
                                                         "received", "under_review", "",
                                                         "bench", NOW))
                if status != "under_review" and status != "received":
                    decisions.append(bulk.DecisionRecord(
                        str(uuid.uuid4()), aid, 1, "approve" if status == "approved" else "return",
                        "under_review", status, "" if status == "approved" else "bench", "bench",
                        NOW))
                if status == "approved":
                    approved.setdefault((m.province_code, year), []).append(m.code)
        bulk.add_assessments(ws.db, assessments)
        # key order: the responses table is clustered on (assessment, indicator) since schema 9
        responses.sort(key=lambda r: (r.assessment_id, r.indicator_code))
        bulk.add_responses(ws.db, responses)
        bulk.add_decisions(ws.db, decisions)
        bulk.add_model_towns(ws.db, (
            bulk.ModelTownRecord(str(uuid.uuid4()), province, year, codes[0], None,
                                 "bench: first approved town", "bench", NOW)
            for (province, year), codes in sorted(approved.items())
        ))
        ws.set_setting("demo", "1")
    bulk.analyse(ws.db)
    bulk.compact(ws.db)
    ws.close()
    size = sum(f.stat().st_size for f in data_dir.glob("secity.sqlite3*"))
    return {
        "seconds": time.perf_counter() - started,
        "local_governments": float(len(munis)),
        "assessments": float(len(assessments)),
        "responses": float(len(responses)),
        "store_mb": size / 1e6,
    }


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="bench/national.py")
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="make the national-scale workspace in DIR (must not exist)")
    b.add_argument("dir", type=Path)
    b.add_argument("--lgs", type=int, default=7850)
    b.add_argument("--years", type=int, default=10)
    args = p.parse_args(argv)
    if args.dir.exists() and any(args.dir.iterdir()):
        p.error(f"{args.dir} is not empty")
    figures = build(args.dir, args.lgs, args.years)
    for k, v in figures.items():
        print(f"{k:20} {v:12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
