"""Verifying bundles in worker processes while the importing process verifies its own share.

About 3 ms of every bundle's check is Python holding the GIL (parse, schema, zip walk), so
threads cannot share it over two cores; a second *process* can. What users run is a
PyInstaller build on Windows: no ``fork``, the frozen exe re-executed as the child
(``multiprocessing.freeze_support()`` first in ``packaging/entry_*.py``). So the pool uses the
**spawn** start method on every platform, and its start cost (≈ 0.35 s here: a fresh
interpreter importing the bundle readers) is what it is everywhere.

How the work is shared (docs/bundle-format.md, *Verification in worker processes*):

* the parent verifies files from the FRONT of the list, one at a time, exactly as in-process
  (byte progress, cancel), while the workers take CHUNKS from the BACK (a few to a few dozen
  files: the pickling and the hand-over are paid per chunk, not per file); they meet in the
  middle. No file goes to a worker before it has answered a ping, so the parent never waits
  for a worker to start;
* results are put back by file number: the order is the input order, as before;
* a worker verifies with the same readers and writes evidence parts with the same names
  (``store.blob_staging``: the stage's token and the file's number), journaling them in its own
  ``parts.<pid>.log`` in the same stage, so the sweep after a kill finds them;
* an encrypted file is decrypted by the parent (the office's own private key never leaves the
  process) and a worker verifies the plain copy, which is deleted as soon as it comes back;
* a worker that fails on a file (a full disk, a bug) hands it back, and a pool that breaks (a
  killed worker) hands back everything it held: the parent verifies those files itself, after
  deleting any part the dead worker left for them. The import is never lost and never hangs;
* cancel sets an event every worker checks between files; chunks already queued come back
  unverified and the parts of the bundles they did verify are removed, as in-process.

A pool is started only when it pays: :data:`COLD_MIN` files when no worker runs yet (its start
is paid once), :data:`WARM_MIN` when one is already waiting. It lives until the process ends
(:func:`shutdown`, also run at exit): the GUI's import page starts it ahead of time once its
list holds ``WARM_MIN`` files (:func:`warm`, in idle time); the one-shot CLI asks for it first thing
in ``secity bundle import`` (``cli/bundle_cmds.cmd_import``), so it starts while the importer's
modules load and the store opens; otherwise an import's check asks for it in its ``prepare``.

What runs in a worker, and the per-file steps both sides share, are in
``services/verify_worker.py``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secity_desktop.services.verify_worker import (
    Unsealed,
    init_worker,
    ping,
    refused_as,
    verify_chunk,
)

if TYPE_CHECKING:  # (multiprocessing is loaded only when a pool is started: ≈ 20 ms)
    from concurrent.futures.process import ProcessPoolExecutor

    from secity_desktop.bundle.plan import Rejection
    from secity_desktop.bundle.read import VerifiedBundle

    Outcome = VerifiedBundle | Rejection

#: Files of one import below which no process is started (measured, docs/performance.md,
#: branch impproc): a worker is ready ≈ 0.35 s (frozen ≈ 0.45 s) after it is asked for, while
#: the parent goes on at ≈ 3 ms a file; the worker saves about half of what is left once it is
#: ready, so below ≈ 130 files it saves nothing and at 200 about 0.1 s.
COLD_MIN = 200
#: ... and below which a worker already running is not used (two chunks' worth).
WARM_MIN = 12
#: Files a worker takes at once: fewer near the end, so the parent and the workers finish
#: together; at most MAX so cancel is prompt and results flow back steadily.
CHUNK_MIN, CHUNK_MAX = 2, 32
#: Chunks queued per worker, so the next one is waiting when one comes back.
AHEAD = 2


def workers_wanted() -> int:
    """Worker processes besides the parent: one core each, at most 3 (each holds ≈ 50 MB)."""
    return max(0, min(3, (os.cpu_count() or 1) - 1))


# --- the pool (parent side) ----------------------------------------------------------
class _Pool:
    def __init__(self) -> None:
        self.lock = threading.Lock()  # guards the fields below
        self.executor: ProcessPoolExecutor | None = None
        self.cancel: Any = None  # a multiprocessing Event the workers read between files
        self.size = 0
        self.in_use = threading.Lock()  # one import at a time uses the pool
        self.ready = False  # a task came back: the workers have started and imported
        self.exit_hook = False

    def get(self, start: bool) -> ProcessPoolExecutor | None:
        with self.lock:
            if self.executor is None and start:
                size = workers_wanted()
                if size == 0:
                    return None
                import multiprocessing
                from concurrent.futures.process import ProcessPoolExecutor

                ctx = multiprocessing.get_context("spawn")  # what Windows does, everywhere
                self.cancel = ctx.Event()
                self.executor = ProcessPoolExecutor(size, mp_context=ctx, initializer=init_worker,
                                                    initargs=(self.cancel,))
                self.size, self.ready = size, False
                if not self.exit_hook:  # stopped before the interpreter tears its modules down
                    import atexit

                    atexit.register(shutdown, wait=True)
                    self.exit_hook = True
            return self.executor

    def drop(self, executor: ProcessPoolExecutor | None = None, *, wait: bool = False) -> None:
        """Forget the pool (broken, or shutting down) and let its processes go."""
        with self.lock:
            if executor is not None and executor is not self.executor:
                return
            old, self.executor, self.ready = self.executor, None, False
        if old is not None:
            old.shutdown(wait=wait, cancel_futures=True)


_POOL = _Pool()
_TOKENS = itertools.count(1)


def running() -> bool:
    """Whether worker processes are started (a bigger import then uses them)."""
    return _POOL.executor is not None


def warm(*, wait: bool = False) -> None:
    """Start the workers now (idle time) so the next import does not wait for them.

    Does nothing on a one-core machine or when they run already; never raises (warming only
    saves time later). ``wait`` blocks until every worker has started (the bench)."""
    with contextlib.suppress(Exception):
        ex = _POOL.get(start=True)
        if ex is not None and not _POOL.ready:
            pings = [ex.submit(ping) for _ in range(_POOL.size)]
            for f in pings:
                f.add_done_callback(_mark_ready)
            if wait:
                for f in pings:
                    f.result(timeout=120)
                _POOL.ready = True


def _mark_ready(f: Future[int]) -> None:
    if not f.cancelled() and f.exception() is None:
        _POOL.ready = True


def shutdown(*, wait: bool = False) -> None:
    """Stop the workers (the app's exit; tests). A later import starts them again if needed."""
    _POOL.drop(wait=wait)


def worker_pids() -> list[int]:
    """The running workers' process ids (the bench reads their CPU time)."""
    ex = _POOL.executor
    return [] if ex is None else list(getattr(ex, "_processes", None) or ())


# --- sharing one import's files ---------------------------------------------------
class Shared:
    """One import's files verified by the parent (``own``) and the pool's workers together.

    ``own(n)`` verifies file ``n`` in this process (as in-process). ``sealed`` marks the
    age-encrypted files: ``unseal(n)`` decrypts one here, with the office's key, and a worker
    gets the plain copy (or the file's refusal comes back at once, or None: verify it here).
    ``context`` is what a worker needs (trusted keys, framework cache, zip limits, evidence
    root, stage folder): pickled once per import.
    """

    def __init__(self, executor: ProcessPoolExecutor, paths: Sequence[Path],
                 own: Callable[[int], Outcome], sealed: Sequence[bool],
                 unseal: Callable[[int], Unsealed | Outcome | None],
                 context: tuple[Any, ...], cache: dict[str, Any],
                 done_file: Callable[[int | None], bool]) -> None:
        self.executor = executor
        self.paths = list(paths)
        self.own = own
        self.sealed = sealed
        self.unseal = unseal
        self.unsealed: dict[int, Unsealed] = {}  # decrypted copies out with a worker
        self.blob = pickle.dumps(context, protocol=pickle.HIGHEST_PROTOCOL)
        self.token = next(_TOKENS)
        self.cwd = os.getcwd()  # paths go as given: relative ones are read from the same folder
        self.cache = cache
        self.done_file = done_file  # progress for a file a worker finished; False: cancel
        self.blobs_root: Path = context[3]
        self.stage: Path | None = context[4]
        n = len(self.paths)
        self.results: list[Outcome | None] = [None] * n
        self.taken = [False] * n
        self.front = 0
        self.back = n - 1
        self.redo: deque[int] = deque()
        self.inflight: dict[Future[bytes], list[int]] = {}
        self.broken = False
        self.by_workers = 0  # files whose outcome a worker sent back
        self.cancel = _POOL.cancel  # this pool's event (a broken pool is replaced by a new one)
        self.started = _POOL.ready  # a worker has answered (warm pool, or its ping came back)
        self.ping: Future[int] | None = None

    # --- handing out --------------------------------------------------------------
    def _chunk(self) -> list[int]:
        left = self.back - self.front + 1  # (near enough: only the parent's current file is taken)
        # a quarter of a fair share: what is queued for a worker (AHEAD chunks) stays below what
        # the parent has left, so a worker slower than the parent (a busy core) delays the end less
        size = max(CHUNK_MIN, min(CHUNK_MAX, left // (4 * (_POOL.size + 1))))
        chunk: list[int] = []
        while self.back >= self.front and len(chunk) < size:
            i = self.back
            self.back -= 1
            if self.taken[i]:
                continue
            self.taken[i] = True
            if self.sealed[i]:
                try:
                    opened = self.unseal(i)
                except Exception:  # (a disk error…: verified here, it is said as in-process)
                    opened = None
                if opened is None:
                    self.redo.append(i)
                    continue
                if not isinstance(opened, Unsealed):  # refused before a worker could see it
                    self.results[i] = opened
                    continue
                self.unsealed[i] = opened
            chunk.append(i)
        chunk.reverse()
        return chunk

    def _send(self, i: int) -> str:
        opened = self.unsealed.get(i)
        return str(self.paths[i] if opened is None else opened.plain)

    def _forget(self, i: int) -> Unsealed | None:
        """Delete file i's decrypted copy, if it had one."""
        opened = self.unsealed.pop(i, None)
        if opened is not None:
            with contextlib.suppress(OSError):
                os.unlink(opened.plain)
        return opened

    def _fill(self) -> None:
        if self.broken:  # the parent does the rest (a ping or a chunk could not be sent)
            return
        if not self.started:
            # no file is handed to a worker before it answers a ping: a chunk given cannot be
            # taken back, and a parent that ran out of work would wait for a worker's start
            if self.ping is None:
                try:
                    self.ping = self.executor.submit(ping)
                except RuntimeError:
                    self._broke([])
                return
            if not self.ping.done():
                return
            if self.ping.cancelled() or self.ping.exception() is not None:
                self._broke([])
                return
            self.started = _POOL.ready = True
        while not self.broken and len(self.inflight) < AHEAD * _POOL.size:
            chunk = self._chunk()
            if not chunk:
                return
            try:
                f = self.executor.submit(verify_chunk, self.token, self.blob, self.cwd,
                                         [(i, self._send(i)) for i in chunk])
            except RuntimeError:  # BrokenProcessPool is one; or the pool was shut down meanwhile
                self._broke(chunk)
                return
            self.inflight[f] = chunk

    def _next_own(self) -> int | None:
        if self.redo:
            return self.redo.popleft()
        while self.front < len(self.paths) and self.taken[self.front]:
            self.front += 1
        if self.front >= len(self.paths):
            return None
        self.taken[self.front] = True
        return self.front

    # --- taking back --------------------------------------------------------------
    def _harvest(self, futures: Sequence[Future[bytes]]) -> bool:
        """Put finished chunks' results in place; False when the person cancelled."""
        from secity_desktop.services import verify_results  # (pydantic: loaded by the check)

        going = True
        for f in futures:
            chunk = self.inflight.pop(f)
            try:
                out = verify_results.loads(f.result())
            except BaseException:  # a killed worker (BrokenProcessPool) or a pickling failure
                self._broke(chunk)
                continue
            self.started = _POOL.ready = True
            for i, kind, value in out:
                opened = self._forget(i)
                if kind == "ok":  # the parent's own path objects, as in-process
                    value.frameworks = {h: self.cache[h] if fw is None else fw
                                        for h, fw in value.frameworks.items()}
                    value.path = self.paths[i]
                    if opened is not None:  # what verify_bundle_file says of an age file
                        value.encrypted, value.outer_sha256 = True, opened.outer_sha256
                        value.outer_size = opened.outer_size
                    self.results[i] = value
                elif kind == "refused":
                    self.results[i] = refused_as(value, self.paths[i], opened)
                else:  # "again" (failed there, or not reached before a cancel)
                    self.redo.append(i)
                    continue
                self.by_workers += 1
                if going and self.done_file(i) is False:
                    going = False
        return going

    def _broke(self, chunk: list[int]) -> None:
        """The pool cannot go on: its files come back here, without what it left of them."""
        if not self.broken:
            self.broken = True
            _POOL.drop(self.executor)
        self.redo.extend(chunk)
        for i in chunk:
            self._forget(i)
        if chunk and self.stage is not None:
            _drop_parts_of(self.stage, self.blobs_root, set(chunk))

    # --- the loop -----------------------------------------------------------------
    def run(self) -> list[Outcome]:
        """Every file's outcome in input order; raises what the parent's own work raises."""
        try:
            self.cancel.clear()
            self._fill()
            while True:
                done = [f for f in self.inflight if f.done()]
                if done and not self._harvest(done):
                    raise _cancelled()
                if self.broken and self.inflight:  # every chunk still out comes back at once
                    self._harvest(list(self.inflight))
                self._fill()
                n = self._next_own()
                if n is not None:
                    self.results[n] = self.own(n)
                    continue
                if not self.inflight:
                    break
                finished, _ = wait(list(self.inflight), timeout=0.5, return_when=FIRST_COMPLETED)
                if not finished and self.done_file(None) is False:  # a chance to cancel meanwhile
                    raise _cancelled()
        except BaseException:
            self._abandon()
            raise
        out = [r for r in self.results if r is not None]
        assert len(out) == len(self.results), "every file has an outcome"
        return out

    def _abandon(self) -> None:
        """Cancel or failure: stop the workers' chunks and remove every part they staged."""
        from secity_desktop.services import verify_results

        if not self.broken:
            self.cancel.set()
        for f in list(self.inflight):
            f.cancel()
        futures = list(self.inflight)
        if futures:
            wait(futures, timeout=30)
        for f in futures:
            chunk = self.inflight.pop(f)
            try:
                out = [] if f.cancelled() else verify_results.loads(f.result(timeout=0))
            except BaseException:
                out = []
                if self.stage is not None:
                    _drop_parts_of(self.stage, self.blobs_root, set(chunk))
            for _i, kind, value in out:
                if kind == "ok":
                    value.discard_staged()
        for i in list(self.unsealed):
            self._forget(i)
        if not self.broken:
            self.cancel.clear()
        for r in self.results:
            if r is not None and hasattr(r, "discard_staged"):
                r.discard_staged()


def _cancelled() -> BaseException:
    from secity_desktop.core.errors import Cancelled

    return Cancelled("import cancelled; nothing was changed", code="cancelled")


def share(paths: Sequence[Path], own: Callable[[int], Outcome], *, sealed: Sequence[bool],
          unseal: Callable[[int], Unsealed | Outcome | None],
          context: tuple[Any, ...], cache: dict[str, Any],
          done_file: Callable[[int | None], bool]) -> list[Outcome] | None:
    """Verify ``paths`` with the pool's help; None when no pool is worth using (do it in-process).

    ``done_file(n)`` is called when a worker's file ``n`` is done, and ``done_file(None)`` every
    half second the parent waits: False cancels (``Cancelled``, everything staged removed).
    """
    if len(paths) < WARM_MIN or (not running() and len(paths) < COLD_MIN):
        return None
    if not _POOL.in_use.acquire(blocking=False):  # another import of this process has it
        return None
    from secity_desktop import log

    try:
        try:
            executor = _POOL.get(start=True)
            shared = None if executor is None else Shared(executor, paths, own, sealed, unseal,
                                                          context, cache, done_file)
        except Exception as exc:  # no process could start, or the context does not pickle
            log.get("import").warning("no verification workers (%s); verifying here", exc)
            return None
        if shared is None:
            return None
        out = shared.run()
        log.get("import").info(  # (the build check reads it: workers ran from the frozen exe)
            "verified %d files, %d of them in %d worker processes%s", len(out), shared.by_workers,
            _POOL.size, " (the pool broke; the rest verified here)" if shared.broken else "")
        return out
    finally:
        _POOL.in_use.release()


def _drop_parts_of(stage: Path, blobs_root: Path, owners: set[int]) -> None:
    """Delete the parts the workers' journals list for these files (their results are lost)."""
    from secity_desktop.store.blob_staging import worker_parts
    from secity_desktop.store.blobs import BlobStore

    for part in worker_parts(stage, BlobStore(blobs_root), owners):
        with contextlib.suppress(OSError):
            os.unlink(part)
