"""Damaged bundles must be refused cleanly or read back exactly; nothing in between."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secity_desktop.bundle.safezip import ZipLimits, open_bundle_zip
from secity_desktop.bundle.zipwriter import DeterministicZipWriter
from secity_desktop.core.errors import SecityError

CONTENT = {
    "manifest.json": b'{"files": ["a.txt", "photo.jpg"], "note": "' + b"x" * 300 + b'"}',
    "a.txt": "สวัสดี ".encode() * 80,
    "photo.jpg": bytes(range(256)) * 3,
    "sub/empty.txt": b"",
}
HASHES = {name: hashlib.sha256(data).hexdigest() for name, data in CONTENT.items()}


def _valid_bundle() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v.secbundle"
        with DeterministicZipWriter(path) as writer:
            for name, data in CONTENT.items():
                writer.add_bytes(name, data)
        return path.read_bytes()


VALID = _valid_bundle()


def _check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.secbundle"
        path.write_bytes(data)
        try:
            with open_bundle_zip(path, ZipLimits(max_ratio=50, ratio_applies_above=64)) as bundle:
                for name in bundle.names():
                    digest, size = bundle.sha256_of(name)
                    assert name in HASHES, f"invented entry {name!r}"
                    assert digest == HASHES[name] and size == len(CONTENT[name])
                    assert bundle.read_small(name) == CONTENT[name]
        except SecityError:
            pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    flips=st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(1, 255)), min_size=1, max_size=4
    )
)
def test_byte_flips(flips: list[tuple[int, int]]) -> None:
    data = bytearray(VALID)
    for index, mask in flips:
        data[index] ^= mask
    _check(bytes(data))


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(0, len(VALID) - 1), junk=st.binary(max_size=40))
def test_truncations(cut: int, junk: bytes) -> None:
    _check(VALID[:cut] + junk)


def test_valid_bundle_passes() -> None:
    _check(VALID)
