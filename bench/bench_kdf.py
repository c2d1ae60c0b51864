"""Key-file unlock time against bcrypt-pbkdf rounds, to choose ``KDF_ROUNDS``.

The baseline is OpenSSH's default (16 rounds, what ``ssh-keygen`` writes and what SECity wrote
before); each other figure is the same unlock with more rounds, in the same run. The target is
0.5–1 s per unlock on the project's VM: slow enough that guessing passphrases for a stolen key
file costs ≈ 2× more per guess than ssh-keygen's default, fast enough that an assessor signing a
batch does not wait. The unlock is exactly what the app does (``keys.read_private``), median of
``SECITY_BENCH_KDF_REPEAT`` (3) runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEAT = int(os.environ.get("SECITY_BENCH_KDF_REPEAT", "3"))
ROUNDS = (16, 24, 32, 48, 64)
PASS = b"bench passphrase"

Row = tuple[str, float, str]


def _unlock_seconds(rounds: int, folder: Path) -> float:
    from secity_desktop.crypto import keys

    path = folder / f"key-{rounds}"
    keys.write_private(keys.generate(), path, PASS, "bench", rounds=rounds)
    assert keys.kdf_rounds(path) == rounds
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        keys.read_private(path, PASS)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> list[Row]:
    from secity_desktop.crypto.constants import KDF_ROUNDS

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = _unlock_seconds(16, folder)
        rows.append(("unlock, 16 rounds (OpenSSH default, baseline)", base * 1000, "ms"))
        for rounds in ROUNDS[1:]:
            t = _unlock_seconds(rounds, folder)
            mark = " (KDF_ROUNDS)" if rounds == KDF_ROUNDS else ""
            rows.append((f"unlock, {rounds} rounds{mark}", t * 1000, "ms"))
            rows.append((f"  {rounds} rounds vs baseline", t / base, "x"))
    return rows


if __name__ == "__main__":
    for figure, value, unit in run():
        print(f"{figure:56} {value:10.3f} {unit}")
