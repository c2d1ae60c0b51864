"""Export and import through the services, plain and encrypted, side by side (issue 14).

One assessment carrying ``SECITY_BENCH_SEALED_MB`` (default 512) MB of evidence is exported
by an assessor workspace — once plain (``encrypt=False``), once encrypted to the province's
office key — and each file is imported into a fresh province workspace. Every step runs in
its own child process so its peak RSS (``VmHWM``) is its own. Throughput is evidence MB per
second of wall time; the plain step is the baseline measured in the same run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE_MB = int(os.environ.get("SECITY_BENCH_SEALED_MB", "512"))
PASS = b"bench passphrase"
FILE_MB = 32

Row = tuple[str, float, str]


def _setup(tmp: Path) -> None:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.assessments import AssessmentService
    from secity_desktop.services.identity import Identity
    from secity_desktop.services.revisions import RevisionService
    from secity_desktop.services.trust import TrustService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    a = open_workspace(tmp / "a")
    init_workspace(a, role=Role.ASSESSOR, province_code=None, user_name="bench")
    ia = Identity(a)
    ia.set_profile(name="ผู้ประเมิน", organisation="สสภ.1", province="50")
    ia.create_key(PASS)
    provinces = []
    for name in ("p_plain", "p_sealed"):
        p = open_workspace(tmp / name)
        init_workspace(p, role=Role.PROVINCE, province_code="50", user_name="จังหวัด")
        Identity(p).create_key(PASS)
        TrustService(p).add(ia.info().public_line, actor="p", name="ผู้ประเมิน")
        provinces.append(p)
    TrustService(a).add(Identity(provinces[1]).info().public_line, actor="a", name="ทสจ.",
                        office=True)
    svc = AssessmentService(a)
    x = svc.new("5001", 2569)
    fw = a.frameworks.get(x.framework_hash)
    files = tmp / "files"
    files.mkdir()
    n_files = max(1, SIZE_MB // FILE_MB)
    for n, ind in enumerate(fw.indicators):
        level = ind.levels[-1].value if n < n_files else ind.levels[0].value
        svc.set_response(x.id, ind.code, level, "bench")
        if n < n_files:
            f = files / f"e{n}.bin"
            with open(f, "wb") as fh:
                for _ in range(FILE_MB):
                    fh.write(os.urandom(1 << 20))
            svc.attach(x.id, ind.code, f)
    svc.mark_complete(x.id)
    RevisionService(a).finalize(x.id, ia.unlock(PASS))
    (tmp / "aid").write_text(x.id)
    for ws in (a, *provinces):
        ws.close()
    import shutil
    shutil.rmtree(files)


def _step(tmp: Path, what: str) -> dict[str, float]:
    from secity_desktop.services.bundle_export import ExportService
    from secity_desktop.services.bundle_import import ImportService
    from secity_desktop.services.identity import Identity
    from secity_desktop.services.workspace import open_workspace

    sealed = what.endswith("sealed")
    out = tmp / ("out_sealed" if sealed else "out_plain")
    if what.startswith("export"):
        ws = open_workspace(tmp / "a")
        key = Identity(ws).unlock(PASS)
        out.mkdir(exist_ok=True)
        t = time.perf_counter()
        ExportService(ws).export([(tmp / "aid").read_text()], out, key, encrypt=sealed)
        return {"s": time.perf_counter() - t}
    ws = open_workspace(tmp / ("p_sealed" if sealed else "p_plain"))
    key = Identity(ws).unlock(PASS) if sealed else None
    files = sorted(out.iterdir())
    t = time.perf_counter()
    result = ImportService(ws).import_files(files, own_key=key)
    assert result.ok, result.as_json()
    return {"s": time.perf_counter() - t}


def _child(tmp: Path, what: str) -> tuple[float, float]:
    out = subprocess.run([sys.executable, __file__, "step", str(tmp), what],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["s"], data["rss_mb"]


def run() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="secity-bench-sealed-") as d:
        tmp = Path(d)
        _setup(tmp)
        mb = max(1, SIZE_MB // FILE_MB) * FILE_MB
        for what in ("export_plain", "export_sealed", "import_plain", "import_sealed"):
            secs, rss = _child(tmp, what)
            rows.append((f"{what} {mb} MB evidence: throughput", mb / secs, "MB/s"))
            rows.append((f"{what}: peak RSS of the process", rss, "MB"))
    return rows


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "step":
        res = _step(Path(sys.argv[2]), sys.argv[3])
        hwm = 0.0
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
        print(json.dumps(res | {"rss_mb": hwm}))
    else:
        for row in run():
            print(f"{row[0]:56} {row[1]:12.3f}  {row[2]}")
