"""No Python garbage collection while long work runs on a worker thread.

CPython collects cyclic garbage in whichever thread happens to allocate when
the threshold trips. If that is an ``OperationRunner`` worker, a dead window or
dialog left in a reference cycle (by a closed place, a closure, a test) is
destroyed *on the worker thread*; Qt then stops that object's timers from the
wrong thread and the GUI thread later crashes in ``QTimerInfoList::
activateTimers`` (seen as a segfault in a long day of work in one process).
So the runner turns automatic collection off from the moment it starts work
until the last running job is back on the GUI thread; plain reference
counting still frees everything that is not in a cycle meanwhile. Only the
GUI thread calls ``enter``/``release``.
"""

from __future__ import annotations

import gc

_active = 0
_turned_off = False


class Token:
    """One running job's hold on the guard; ``release`` is idempotent."""

    def __init__(self) -> None:
        global _active, _turned_off
        if _active == 0 and gc.isenabled():
            gc.disable()
            _turned_off = True
        _active += 1
        self.held = True

    def release(self, *_args: object) -> None:
        global _active, _turned_off
        if not self.held:
            return
        self.held = False
        _active -= 1
        if _active == 0 and _turned_off:
            _turned_off = False
            gc.enable()


def active() -> int:
    return _active


def enable_when_idle() -> None:
    """Turn automatic collection on now or, if a job is running on a worker, as the last one
    comes back (the app pauses collection while its first window is built: ``app.py``)."""
    global _turned_off
    if _active:
        _turned_off = True
    else:
        gc.enable()
