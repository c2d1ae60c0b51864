"""Evidence renamed into place on a thread of its own while the import's transaction writes.

Placing an import's evidence is file work that mostly waits on the disk: two ``os.sync`` and
a rename per new file (``store.blob_staging.BlobStaging.place``; ≈ 0.13 s for 1,500 files on
the bench machine). Writing the rows is CPU work in SQLite (≈ 0.25 s for 500 bundles). They
do not depend on each other until the commit: the rows may be written before the files have
their final names, as long as the transaction commits only after the second sync made those
names durable. So the apply starts the placing at the end of its ``work()`` and its
``finish()`` waits for it right before it checks every file and commits
(``services/import_apply.ApplyImportOperation``). A failure on the placing thread is raised
where it is waited for, inside the transaction, which then rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class Placing(Generic[T]):
    """``fn(*args)`` started on a thread now; :meth:`result` waits for it (and re-raises)."""

    def __init__(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> None:
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="placing")
        self._future = pool.submit(fn, *args, **kwargs)
        pool.shutdown(wait=False)  # the thread ends with the work; nothing else is queued

    def result(self) -> T:
        return self._future.result()
