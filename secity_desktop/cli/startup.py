"""The cyclic garbage collector kept out of ``secity``'s start-up.

Loading modules allocates tens of thousands of objects (functions, classes, dicts); each
allocation burst sets off the collector's passes, and every later pass — during the
command and the full one at exit — walks all of them again, though none is ever garbage.
Measured on one ``secity assessment set``: 160 → 141 ms of CPU time with the collector
paused while modules load and those objects then frozen out of its sight (``gc.freeze``).

Importing this module pauses the collector; ``cli/main.py`` imports it first and calls
:func:`resume` once its own imports are done, and :func:`paused` covers the import of the
command's module while the parser is built. The collector always runs again before a
command does its work (a batch or an export runs for minutes and still has its garbage
collected; only what was loaded at start is left out), and it is left alone when it was
already off. Freezing happens only when ``main`` runs as the program (not when a test
or another caller in the same process calls it: objects frozen there would never be
collected). The GUI never imports this (it never builds the CLI parser).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_was_on = gc.isenabled()
gc.disable()


def resume() -> None:
    """End the pause begun by importing this module (once; a second call does nothing)."""
    global _was_on
    if _was_on:
        gc.enable()
    _was_on = False


@contextlib.contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """The collector off for the block (imports), back as it was after it; with ``freeze``
    (the program itself), everything alive at the end is moved out of its sight."""
    on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if on:
            gc.enable()
