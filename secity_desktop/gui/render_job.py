"""Running one rendering function off the GUI thread, with progress and cancel.

Rendering only touches plain data and files (the store was read on the GUI
thread before), so it may run on a pool thread; its progress and result come
back as queued signals. Cancel sets a flag the render's ``progress`` callback
returns, so the batch stops between two certificates, never mid-file.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from secity_desktop.core.errors import SecityError
from secity_desktop.gui.qt import QtCore, Signal

Progress = Callable[[int, int], bool]


class JobSignals(QtCore.QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)


class RenderJob(QtCore.QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side owns it; Qt must not delete it under us
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except SecityError as exc:
            self.signals.failed.emit(str(exc))
        except Exception:  # a bug: show it rather than lose it in a pool thread
            self.signals.failed.emit(traceback.format_exc(limit=3))
        else:
            self.signals.succeeded.emit(result)
