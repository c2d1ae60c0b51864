"""Encrypting and decrypting a bundle-sized file (age, ssh-ed25519) against a plain copy.

Each step runs in its own child process so its peak RSS (``VmHWM``) is its own:
* baseline: a chunked plain copy of the same file (1 MiB reads/writes), the floor for the I/O;
* encrypt: ``bundle.encryption.encrypt_file`` to one office key (what an export will add);
* decrypt: ``bundle.encryption.decrypt_to`` into a staging folder (what an import will add).
Target: each stays under 200 MB peak RSS for a 1 GB file. Throughput is MB of plain bundle per
second. ``SECITY_BENCH_ENCRYPT_MB`` (1024) picks the size; random bytes, as photos barely compress.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE_MB = int(os.environ.get("SECITY_BENCH_ENCRYPT_MB", "1024"))

Row = tuple[str, float, str]

_CHILD = r"""
import resource, sys
from pathlib import Path
step, tmp = sys.argv[1], Path(sys.argv[2])
if step == "copy":
    with open(tmp / "plain", "rb") as fi, open(tmp / "copy", "wb") as fo:
        while chunk := fi.read(1 << 20):
            fo.write(chunk)
else:
    from cryptography.hazmat.primitives import serialization
    from secity_desktop.bundle import encryption as enc
    key = serialization.load_ssh_private_key((tmp / "office").read_bytes(), None)
    if step == "encrypt":
        enc.encrypt_file(tmp / "plain", tmp / "sealed", [(tmp / "office.pub").read_text()])
    else:
        enc.decrypt_to(tmp / "sealed", tmp / "stage", key).rename(tmp / "opened")
try:
    with open("/proc/self/status") as fh:
        kb = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM:"))
except OSError:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("MAXRSS", kb, file=sys.stderr)
"""


def _child(step: str, tmp: Path) -> tuple[float, float]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, step, str(tmp)], check=True,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    took = time.perf_counter() - started
    line = next(x for x in out.stderr.splitlines() if x.startswith("MAXRSS"))
    return int(line.split()[1]) / 1024, took


def run() -> list[Row]:
    sys.path.insert(0, str(ROOT))
    from cryptography.hazmat.primitives import serialization

    from secity_desktop.crypto import keys

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        key = keys.generate()
        (tmp / "office").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        ))
        (tmp / "office.pub").write_text(keys.public_line(key.public_key(), "office"))
        with open(tmp / "plain", "wb") as fh:
            block = os.urandom(1 << 20)
            for i in range(SIZE_MB):
                fh.write(block[i % 7 :] + block[: i % 7])
        mb = SIZE_MB
        for step, label in (("copy", "plain copy (baseline)"), ("encrypt", "encrypt"),
                            ("decrypt", "decrypt")):
            peak, took = _child(step, tmp)
            rows.append((f"{label}, {mb} MB: time", took, "s"))
            rows.append((f"{label}, {mb} MB: throughput", mb / took, "MB/s"))
            rows.append((f"{label}, {mb} MB: peak RSS", peak, "MB"))
            if step == "copy":
                (tmp / "copy").unlink()
        overhead = (tmp / "sealed").stat().st_size - (tmp / "plain").stat().st_size
        rows.append(("ciphertext overhead over the plain file", overhead / 1024, "KiB"))
        same = (tmp / "opened").stat().st_size == (tmp / "plain").stat().st_size
        rows.append(("decrypted size equals the original (1 = yes)", float(same), ""))
    return rows


if __name__ == "__main__":
    for figure, value, unit in run():
        print(f"{figure:56} {value:10.3f} {unit}")
