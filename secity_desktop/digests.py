"""SHA-256 at OpenSSL speed in the frozen app as well: the one home of every SHA-256 here.

The frozen build leaves out CPython's ``_hashlib`` and the 4.7 MB libcrypto it links
(``packaging/spec_helpers.py``: the app is offline and needs no TLS, and the zipped build
must stay under 70 MB). Without it, ``hashlib.sha256`` falls back to CPython's own C code:
278 MB/s on the bench machine against 1,556 MB/s through OpenSSL (docs/performance.md,
"Issue 11: the frozen app's SHA-256"). An import hashes every byte twice (the file, then each
evidence file), and attaching, exporting and backing up hash everything they move, so the app
people run hashed six times slower than the one run from source.

``cryptography`` ships in every build (keys, signatures, age) with OpenSSL inside its Rust
extension; its SHA-256 runs at 1,552 MB/s here. So :func:`sha256` is hashlib's own when
hashlib has OpenSSL (from source, and any Python built with it), and otherwise
:class:`Sha256`, a small hashlib-shaped wrapper around cryptography's (``update``, ``digest``,
``hexdigest``, ``copy``; ``digest`` may be asked more than once and updating goes on after
it, as with hashlib; a process that has not loaded cryptography's hashes keeps small inputs
for CPython's own, :data:`SMALL`). ``tests/test_digests.py`` holds both to hashlib's answers,
runs the package without ``_hashlib`` as the frozen app does, and finds no SHA-256 taken
elsewhere.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from typing import Any, Protocol

Data = bytes | bytearray | memoryview


class Hasher(Protocol):
    """What every SHA-256 object here offers (hashlib's own interface)."""

    def update(self, data: Data, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


#: Bytes a :class:`Sha256` keeps for CPython's own SHA-256 in a process that has not loaded
#: cryptography's hashes yet (≈ 10 ms to import; CPython's own takes ≈ 4 ms a MB): the frozen
#: app's first window hashes the form file (160 KB) and its framework, and stays without it.
#: Past this, or once the process has loaded it anyway (every import, export and key use
#: does), cryptography's OpenSSL hashes.
SMALL = 1 << 20

_MODULE = "cryptography.hazmat.primitives.hashes"
_HASHES: Any = None  # that module, once this process has it


class Sha256:
    """SHA-256 through cryptography's OpenSSL, shaped like ``hashlib.sha256``.

    Without cryptography's hashes loaded yet, up to :data:`SMALL` bytes are only kept and
    their digest is CPython's own; past it (or with the module loaded) every byte goes to
    cryptography's hash."""

    __slots__ = ("_h", "_small")
    name = "sha256"
    digest_size = 32
    block_size = 64

    def __init__(self, data: Data = b"") -> None:
        global _HASHES
        if _HASHES is None:
            _HASHES = sys.modules.get(_MODULE)  # (loaded by the process already: no import)
        self._h: Any = None if _HASHES is None else _HASHES.Hash(_HASHES.SHA256())
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
                import importlib

                _HASHES = importlib.import_module(_MODULE)
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
