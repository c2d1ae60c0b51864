"""Upward figures: a national workspace importing every province's approved results.

76 provinces each send one upward bundle (``SECITY_BENCH_UPWARD_PER_PROVINCE`` approved
assessments each, default 10, two evidence files of 64 KB per assessment), signed by 76
enrolled province keys; each revision is signed by the province's assessor and carries the
province's review (one override). Figures: the import of all 76 against the same floor as the
field-bundle benchmark (SHA-256 over the files plus a bare ``executemany`` of the same rows),
then the coverage report over the result against one plain dashboard refresh.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
PER_PROVINCE = int(os.environ.get("SECITY_BENCH_UPWARD_PER_PROVINCE", "10"))
STAMP = "2026-11-26T10:00:00+07:00"

Row = tuple[str, float, str]


def _sync_bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_sync", HERE / "bench_sync.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _make(tmp: Path) -> tuple[list[Path], list[str]]:
    from secity_desktop.bundle.documents import (
        DecisionRecord,
        EvidenceRecord,
        FrameworkRef,
        ModelTownRecord,
        MunicipalityRecord,
        OverrideRecord,
        Person,
        ReviewDoc,
        RevisionDoc,
    )
    from secity_desktop.bundle.write import FrameworkText, SignedRevision, write_bundle
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.crypto import keys, sshsig
    from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
    from secity_desktop.services.workspace import init_workspace, open_workspace

    ws = open_workspace(tmp / "scratch")
    init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="bench")
    fw = ws.frameworks.current()
    fwt = FrameworkText(fw.hash, fw.framework.id, fw.version, fw.canonical_json())
    provinces = [r[0] for r in ws.db.execute("SELECT code FROM provinces ORDER BY code")]
    out = tmp / "bundles"
    out.mkdir()
    files, publics = [], []
    for pc in provinces:
        pkey, akey = keys.generate(), keys.generate()
        publics.append(keys.public_line(pkey.public_key(), f"province {pc}"))

        def person(k, name: str, pc: str = pc) -> Person:  # type: ignore[no-untyped-def]
            return Person(name=name, province=pc, key_fingerprint=keys.fingerprint(k.public_key()),
                          key_id=keys.key_id(k.public_key()))

        sender, assessor = person(pkey, f"ทสจ. {pc}"), person(akey, f"ผู้ประเมิน {pc}")
        munis = []
        for n in range(PER_PROVINCE):
            munis.append(MunicipalityRecord(code=f"{pc}9{n:02}", name_th=f"เทศบาลตำบลทดสอบ {pc}-{n}",
                                            name_en="", type="tambon", province_code=pc))
        revs, reviews = [], []
        for m in munis:
            evidence = []
            for k in range(2):
                sha, size = ws.blobs.put_bytes(os.urandom(64 * 1024))
                evidence.append(EvidenceRecord(
                    indicator=fw.indicators[k].code, sha256=sha, size=size, name=f"p{k}.jpg",
                    mime="image/jpeg", captured_at=None, gps_lat=None, gps_lon=None,
                    added_at=STAMP, added_by="bench"))
            doc = RevisionDoc(
                format="secity-revision", format_version=1, id=str(uuid.uuid4()), revision=1,
                supersedes=None, municipality=m, year=2569,
                framework=FrameworkRef(hash=fw.hash, id=fw.framework.id, version=fw.version),
                assessor=assessor, created_at=STAMP, created_by="bench", finalized_at=STAMP,
                responses=[{"indicator": i.code, "level": i.levels[-1].value, "note": "บันทึก",
                            "updated_at": STAMP, "updated_by": "bench"} for i in fw.indicators],
                evidence=evidence,
            )
            content = doc.canonical()
            revs.append(SignedRevision(doc, content, sshsig.sign(akey, content, BUNDLE_NAMESPACE)))
            import hashlib

            ind = fw.indicators[2]
            reviews.append(ReviewDoc(
                format="secity-review", format_version=1, assessment_id=doc.id, revision=1,
                revision_sha256=hashlib.sha256(content).hexdigest(), municipality_code=m.code,
                year=2569, status="approved",
                decisions=[DecisionRecord(id=str(uuid.uuid4()), revision=1, action="approve",
                                          old_status="under_review", new_status="approved",
                                          comment="", author="bench", at=STAMP)],
                comments=[],
                overrides=[OverrideRecord(id=str(uuid.uuid4()), revision=1, indicator_code=ind.code,
                                          assessor_level=ind.levels[-1].value,
                                          level=ind.levels[0].value, reason="เหตุผล",
                                          author="bench", at=STAMP, current=True)],
            ))
        town = ModelTownRecord(id=str(uuid.uuid4()), province_code=pc, year=2569,
                               municipality_code=munis[0].code, assessment_id=revs[0].doc.id,
                               reason="คะแนนสูงสุด", chosen_by="bench", chosen_at=STAMP)
        files.append(write_bundle(
            out / f"up-{pc}.secbundle", revs, [fwt], ws.blobs.path_for, sender, pkey,
            kind="upward", reviews=reviews, model_towns=[town]).path)
    ws.close()
    return files, publics


def run() -> list[Row]:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.bundle_import import ImportService
    from secity_desktop.services.coverage import CoverageService
    from secity_desktop.services.dashboard import DashboardService
    from secity_desktop.services.trust import TrustService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        files, publics = _make(tmp)
        n = open_workspace(tmp / "national")
        init_workspace(n, role=Role.NATIONAL, province_code=None, user_name="bench")
        reg = TrustService(n)
        for line in publics:
            reg.add(line, actor="bench")
        started = time.perf_counter()
        result = ImportService(n).import_files(files)
        took = time.perf_counter() - started
        assert result.ok, result.as_json()["rejected"]
        floor = _sync_bench()._floor(files, tmp)
        size = sum(f.stat().st_size for f in files)
        cov, dash = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            rep = CoverageService(n).report(2569)
            cov.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            DashboardService(n).refresh(year=2569, with_change=False)
            dash.append(time.perf_counter() - t0)
        assert rep.with_model_town == len(files)
        n.close()
    count = len(files) * PER_PROVINCE
    return [
        (f"national import: {len(files)} upward bundles, {count} assessments", took * 1e3, "ms"),
        ("  baseline: floor (SHA-256 of files + bare executemany)", floor * 1e3, "ms"),
        ("  ratio", took / floor, "×"),
        ("  throughput", size / took / 1e6, "MB/s"),
        ("coverage report over the nation, median of 5", statistics.median(cov) * 1e3, "ms"),
        ("  baseline: one dashboard refresh, same year, median", statistics.median(dash) * 1e3, "ms"),
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    for row in run():
        print(row)
