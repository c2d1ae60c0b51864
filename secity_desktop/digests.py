"""SHA-256 at OpenSSL speed in the frozen app as well: the one home of every SHA-256 here.

The frozen build leaves out CPython's ``_hashlib`` and the 4.7 MB libcrypto it links
(``packaging/spec_helpers.py``: the app is offline and needs no TLS, and the zipped build
must stay under 70 MB). Without it, ``hashlib.sha256`` falls back to CPython's own C code:
259 MB/s on the bench machine against 1,556 MB/s through OpenSSL (docs/performance.md,
"Issue 11: the frozen app's SHA-256"). An import hashes every byte twice (the file, then each
evidence file), and attaching, exporting and backing up hash everything they move, so the app
people run hashed six times slower than the one run from source.

``cryptography`` ships in every build (keys, signatures, age) with OpenSSL inside its Rust
extension; its SHA-256 runs at 1,342 MB/s here. So :func:`sha256` is hashlib's own when
hashlib has OpenSSL (from source, and any Python built with it), and otherwise
:class:`Sha256`, a small hashlib-shaped wrapper around cryptography's (``update``, ``digest``,
``hexdigest``, ``copy``; ``digest`` may be asked more than once and updating goes on after
it, as with hashlib). ``tests/test_digests.py`` holds both to hashlib's answers, runs the
package without ``_hashlib`` as the frozen app does, and finds no SHA-256 taken elsewhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Protocol

Data = bytes | bytearray | memoryview


class Hasher(Protocol):
    """What every SHA-256 object here offers (hashlib's own interface)."""

    def update(self, data: Data, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


#: Bytes hashed by CPython's own SHA-256 before a :class:`Sha256` loads cryptography: a
#: framework, an audit event or a key id never loads it (the frozen app's first window
#: hashes a framework: cryptography costs ≈ 30 ms to import, and is kept off that path).
SMALL = 64 * 1024

_HASHES: Any = None  # cryptography's hashes module, loaded by the first big Sha256


class Sha256:
    """SHA-256 through cryptography's OpenSSL, shaped like ``hashlib.sha256``.

    Up to :data:`SMALL` bytes are only kept; past it they go to cryptography's hash, and so
    does everything after. A digest of a small input is CPython's own (fast enough there)."""

    __slots__ = ("_h", "_small")
    name = "sha256"
    digest_size = 32
    block_size = 64

    def __init__(self, data: Data = b"") -> None:
        self._h: Any = None
        self._small = bytearray()
        if data:
            self.update(data)

    def update(self, data: Data, /) -> None:
        if self._h is not None:
            self._h.update(data)
            return
        self._small += data
        if len(self._small) > SMALL:
            global _HASHES
            if _HASHES is None:
                from cryptography.hazmat.primitives import hashes

                _HASHES = hashes
            self._h = _HASHES.Hash(_HASHES.SHA256())
            self._h.update(self._small)
            self._small = bytearray()

    def digest(self) -> bytes:
        if self._h is None:
            return hashlib.sha256(self._small).digest()
        return bytes(self._h.copy().finalize())  # (a copy: the hash goes on, as hashlib's does)

    def hexdigest(self) -> str:
        return self.digest().hex()

    def copy(self) -> Sha256:
        twin = object.__new__(Sha256)
        twin._h = None if self._h is None else self._h.copy()
        twin._small = bytearray(self._small)
        return twin


def _openssl_in_hashlib() -> bool:
    try:
        import _hashlib  # noqa: F401  (what the frozen build leaves out)
    except ImportError:
        return False
    return True


#: ``sha256()`` or ``sha256(data)``: a new hasher, the fastest this process has.
sha256: Callable[..., Hasher] = hashlib.sha256 if _openssl_in_hashlib() else Sha256
