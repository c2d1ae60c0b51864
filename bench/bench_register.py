"""The register import: 7,850 local governments, matched and written, beside a plain load.

Target (benchmark, not a test): a whole register (76 อบจ., 2,470 เทศบาล, 5,302 อบต.,
กรุงเทพมหานคร, เมืองพัทยา) imported with matching in ≤ 2 s. The baseline, measured in
the same run, is the least any import does: parse the same CSV with ``csv.reader`` and
``executemany`` the rows into a table of a store opened the same way (WAL, synchronous=FULL).
The second list is the same register a year later, without codes, names abbreviated
(``ทต.``/``อบต.``) and 150 ทต. upgraded to ทม.: every row must match by name
(no duplicate), the upgrades as updates with type history.

``make_register(path)`` writes the generated list (``python bench/bench_register.py OUT.csv``).
"""

from __future__ import annotations

import csv
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Row = tuple[str, float, str]
SYLLABLES = ["บ้าน", "ท่า", "หนอง", "นา", "ดอน", "โคก", "ห้วย", "วัง", "บาง", "ป่า", "แม่", "สัน", "ทุ่ง", "เขา", "คลอง", "ไผ่", "ยาง", "สระ", "โนน", "หัว", "กุด", "ลำ", "ศรี", "ทอง", "ใหม่", "เหนือ", "ใต้", "กลาง", "แก้ว", "งาม", "หลวง", "น้อย", "ใหญ่", "ชัย", "สุข", "พัฒนา", "เจริญ", "ดี", "เมือง"]
COUNTS = {"nakhon": 30, "mueang": 195, "tambon": 2245, "sao": 5302}  # + 76 อบจ. + 2 = 7,850
FORMS = {"nakhon": "เทศบาลนคร", "mueang": "เทศบาลเมือง", "tambon": "เทศบาลตำบล", "sao": "องค์การบริหารส่วนตำบล",
         "pao": "องค์การบริหารส่วนจังหวัด"}
ABBR = {"nakhon": "ทน.", "mueang": "ทม.", "tambon": "ทต.", "sao": "อบต.", "pao": "อบจ."}


def _provinces() -> list[tuple[str, str]]:
    from secity_desktop import paths
    from secity_desktop.core.reference import read_csv

    return [(p["code"], p["name_th"]) for p in read_csv(paths.reference_data_dir() / "provinces.csv")
            if p["in_programme"] == "1"]


def _starter() -> list[dict[str, str]]:
    from secity_desktop import paths
    from secity_desktop.core.reference import read_csv

    return list(read_csv(paths.reference_data_dir() / "municipalities.csv"))


def register_rows(seed: int = 2569) -> list[dict[str, str]]:
    """(code, name, type, province, district) for 7,850 local governments."""
    from secity_desktop.core.localgov import parse_name

    rng = random.Random(seed)
    provinces = _provinces()
    rows: list[dict[str, str]] = []
    used: set[tuple[str, str, str]] = set()
    seq: dict[str, int] = {}

    def add(kind: str, prov: str, base: str, district: str = "") -> None:
        seq[prov] = seq.get(prov, 0) + 1
        digit = {"pao": "1", "nakhon": "3", "mueang": "4", "tambon": "5", "sao": "6"}[kind]
        family = "municipal" if kind in ("nakhon", "mueang", "tambon") else kind
        used.add((prov, family, base))
        rows.append({"code": f"{digit}{prov}{seq[prov]:04d}", "name": FORMS[kind] + base, "type": kind,
                     "province": prov, "district": district})

    for prov, name in provinces:
        add("pao", prov, name)
    # the starter list's municipalities are in the department's list too (by name, new codes)
    taken = {"nakhon": 0, "mueang": 0, "tambon": 0}
    for s in _starter():
        add(s["type"], s["province_code"], parse_name(s["name_th"]).base)
        taken[s["type"]] += 1
    want = dict(COUNTS)
    want["nakhon"] = max(want["nakhon"], taken["nakhon"])  # the starter list has 31 (Buri Ram, 2567)
    want["tambon"] = 2470 - want["nakhon"] - want["mueang"]  # 2,470 เทศบาล in all
    for kind in ("nakhon", "mueang", "tambon", "sao"):
        family = "sao" if kind == "sao" else "municipal"
        for _ in range(max(0, want[kind] - taken.get(kind, 0))):
            prov = rng.choice(provinces)[0]
            while True:
                base = "".join(rng.sample(SYLLABLES, rng.choice((2, 2, 3))))
                if (prov, family, base) not in used:
                    break
            add(kind, prov, base, rng.choice(SYLLABLES) + rng.choice(SYLLABLES))
    rows.append({"code": "1000001", "name": "กรุงเทพมหานคร", "type": "bangkok", "province": "10", "district": ""})
    rows.append({"code": "2000001", "name": "เมืองพัทยา", "type": "pattaya", "province": "20", "district": "บางละมุง"})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], *, codes: bool = True) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow((["รหัส"] if codes else []) + ["ชื่อ", "ประเภท", "จังหวัด", "อำเภอ"])
        for r in rows:
            w.writerow(([r["code"]] if codes else []) + [r["name"], r["type"], r["province"], r["district"]])


def next_year(rows: list[dict[str, str]], upgrades: int = 150, seed: int = 2570) -> tuple[list[dict[str, str]], int]:
    """The same register a year later: abbreviated names, ทต. → ทม. upgrades, no codes."""
    rng = random.Random(seed)
    tambon = [i for i, r in enumerate(rows) if r["type"] == "tambon"]
    up = set(rng.sample(tambon, upgrades))
    out = []
    for i, r in enumerate(rows):
        kind = "mueang" if i in up else r["type"]
        base = r["name"].removeprefix(FORMS.get(r["type"], ""))
        name = f"{ABBR[kind]} {base}" if kind in ABBR else r["name"]
        out.append({**r, "name": name, "type": "" if kind in ABBR else kind})
    return out, len(up)


def _timed(fn):  # type: ignore[no-untyped-def]
    """(result, wall seconds, CPU seconds): CPU time too, because other work may share the box."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t, time.process_time() - c


def _baseline(path: Path, folder: Path) -> tuple[float, float]:
    conn = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE m (code TEXT PRIMARY KEY, name TEXT, type TEXT, province TEXT, district TEXT)")
    def load() -> None:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            rows = list(reader)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")

    _, wall, cpu = _timed(load)
    conn.close()
    return wall, cpu


def run() -> list[Row]:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.register import import_register
    from secity_desktop.services.workspace import init_workspace, open_workspace

    rows = register_rows()
    assert len(rows) == 7850, len(rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first, second = folder / "register-2568.csv", folder / "register-2569.csv"
        write_csv(first, rows)
        later, upgrades = next_year(rows)
        write_csv(second, later, codes=False)
        base_wall, base_cpu = _baseline(first, folder)
        ws = open_workspace(folder / "ws")
        init_workspace(ws, role=Role.NATIONAL, province_code=None, user_name="bench")
        starter = ws.db.execute("SELECT count(*) FROM municipalities").fetchone()[0]
        one, t1, c1 = _timed(lambda: import_register(ws, first, list_date="2025-06-05"))
        counts1 = one.preview.counts
        total = ws.db.execute("SELECT count(*) FROM municipalities").fetchone()[0]
        assert counts1["add"] + counts1["update"] + counts1["same"] == 7850, counts1
        assert total == starter + counts1["add"], (total, starter, counts1)
        dry, t_dry, _ = _timed(lambda: import_register(ws, second, dry_run=True))
        two, t2, c2 = _timed(lambda: import_register(ws, second, list_date="2026-06-05"))
        counts2 = two.preview.counts
        after = ws.db.execute("SELECT count(*) FROM municipalities").fetchone()[0]
        assert counts2["add"] == 0 and after == total, (counts2, after, total)  # no duplicates
        assert counts2["update"] == upgrades, counts2
        assert dry.preview.counts == counts2
        ws.close()
    return [
        ("register import, 7,850 rows, first list (codes): wall", t1 * 1e3, "ms"),
        ("  CPU time of that import", c1 * 1e3, "ms"),
        (f"  matched to starter records by name (updated, not added): {counts1['update']}", counts1["add"], "added"),
        ("register import, same list a year later (no codes, abbreviated): wall", t2 * 1e3, "ms"),
        ("  CPU time of that import", c2 * 1e3, "ms"),
        (f"  updates (ทต. → ทม., with type history): {counts2['update']}; added", counts2["add"], "rows"),
        ("  dry run of that list (read + match, no write): wall", t_dry * 1e3, "ms"),
        ("  baseline: csv.reader + executemany of the same 7,850 rows: wall", base_wall * 1e3, "ms"),
        ("  baseline CPU time", base_cpu * 1e3, "ms"),
    ]

if __name__ == "__main__":
    if len(sys.argv) > 1:
        write_csv(Path(sys.argv[1]), register_rows())
    else:
        for figure, value, unit in run():
            print(f"{figure:70} {value:10.1f} {unit}")
