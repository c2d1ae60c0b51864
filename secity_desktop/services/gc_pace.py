"""Fewer garbage-collector passes while an import builds many small objects.

Verifying 500 field bundles allocates a few hundred thousand short-lived containers (parsed
JSON, pydantic models, zip entries). With CPython's default first-generation threshold (700
allocations) that is ≈ 200 collections, two of them full passes over the whole heap — measured
0.10–0.18 s of a ≈ 2.5 s import (branch import3, docs/performance.md). Nearly all of these
objects are freed by reference counting anyway; the collector only finds cycles, and the
import makes none worth hunting mid-batch. So while an import checks and writes, the
first-generation threshold is raised (other generations untouched); it is put back when the
last concurrent user leaves. Nothing is disabled: cycles are still collected, just in fewer,
larger passes.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

#: allocations between two first-generation passes while an import runs (CPython's default: 700)
IMPORT_GEN0_THRESHOLD = 20_000

_lock = threading.Lock()
_users = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the first-generation threshold for the duration; nests and is thread-safe."""
    global _users, _saved
    with _lock:
        if _users == 0:
            _saved = gc.get_threshold()
            if _saved[0] and _saved[0] < IMPORT_GEN0_THRESHOLD:  # 0: someone disabled it
                gc.set_threshold(IMPORT_GEN0_THRESHOLD, *_saved[1:])
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                gc.set_threshold(*_saved)
