"""Every SHA-256 of the package comes from ``secity_desktop.digests``, and both of its
implementations answer exactly what hashlib answers — including the one the frozen app uses,
which has no ``_hashlib`` (packaging/spec_helpers.py leaves it out)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from secity_desktop import digests, paths

PKG = Path(digests.__file__).parent


@pytest.mark.parametrize("size", [0, 1, 55, 56, 63, 64, 65, 4096, 65536, 65537, 1_000_003])
def test_the_cryptography_hasher_matches_hashlib(size: int) -> None:
    data = os.urandom(size)
    assert digests.Sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    h = digests.Sha256()
    for start in range(0, size, 7919):  # in pieces, as files are read
        h.update(memoryview(data)[start:start + 7919])
    assert h.digest() == hashlib.sha256(data).digest()


def test_the_cryptography_hasher_behaves_like_hashlibs() -> None:
    """A digest may be asked twice, updating goes on after it, a copy is independent."""
    h = digests.Sha256(b"abc")
    first = h.hexdigest()
    assert h.hexdigest() == first == hashlib.sha256(b"abc").hexdigest()
    twin = h.copy()
    h.update(bytearray(b"def"))
    assert h.hexdigest() == hashlib.sha256(b"abcdef").hexdigest()
    assert twin.hexdigest() == first
    big = digests.Sha256(bytes(digests.SMALL + 1))  # past SMALL: through cryptography
    twin = big.copy()
    big.update(b"z")
    assert big.hexdigest() == hashlib.sha256(bytes(digests.SMALL + 1) + b"z").hexdigest()
    assert twin.hexdigest() == hashlib.sha256(bytes(digests.SMALL + 1)).hexdigest()
    assert (h.name, h.digest_size, h.block_size) == ("sha256", 32, 64)


def test_from_source_it_is_hashlibs_own() -> None:
    try:
        import _hashlib  # noqa: F401
    except ImportError:  # pragma: no cover - a Python without OpenSSL
        assert digests.sha256 is digests.Sha256
    else:
        assert digests.sha256 is hashlib.sha256


def test_without_hashlibs_openssl_the_package_hashes_through_cryptography(tmp_path: Path) -> None:
    """What the frozen app does: ``_hashlib`` missing, the store still names files right."""
    data = os.urandom(300_000)
    code = (
        "import sys; sys.modules['_hashlib'] = None\n"
        "from pathlib import Path\n"
        "from secity_desktop import digests\n"
        "from secity_desktop.store.blobs import BlobStore\n"
        "assert digests.sha256 is digests.Sha256, digests.sha256\n"
        "print(BlobStore(Path(sys.argv[1])).put_bytes(Path(sys.argv[2]).read_bytes())[0])\n"
    )
    (tmp_path / "data").write_bytes(data)
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "blobs"), str(tmp_path / "data")],
                         capture_output=True, text=True, cwd=paths.project_root(), check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == hashlib.sha256(data).hexdigest()


def test_small_inputs_never_load_cryptography() -> None:
    """The frozen app's first window hashes the form file and its framework (≈ 160 KB each):
    that must not import cryptography; more than :data:`digests.SMALL` bytes do."""
    code = (
        "import sys; sys.modules['_hashlib'] = None\n"
        "import hashlib\n"
        "from secity_desktop import digests\n"
        "for n in (0, 1, 160_000):\n"
        "    assert digests.sha256(b'f' * n).hexdigest() == hashlib.sha256(b'f' * n).hexdigest()\n"
        "h = digests.sha256(b'x' * digests.SMALL)\n"
        "assert h.hexdigest() == hashlib.sha256(b'x' * digests.SMALL).hexdigest()\n"
        "small = 'cryptography' in sys.modules\n"
        "h.update(b'y')\n"
        "assert h.hexdigest() == hashlib.sha256(b'x' * digests.SMALL + b'y').hexdigest()\n"
        "print(small, 'cryptography' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=paths.project_root(), check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]


def test_no_sha256_is_taken_anywhere_else() -> None:
    """One home: a ``hashlib.sha256`` elsewhere would hash at 259 MB/s in the frozen app."""
    pattern = re.compile(r"hashlib\s*\.\s*(sha256|new\(\s*['\"]sha256)")
    offenders = [
        py.relative_to(PKG).as_posix()
        for py in sorted(PKG.rglob("*.py"))
        if py.name != "digests.py" and pattern.search(py.read_text("utf-8"))
    ]
    assert offenders == []
